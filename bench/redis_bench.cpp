// The cost of pacing through Redis (docs/benchmarks.md, section 5): the round trip that
// redis_pacer::reserve adds per request, against pacer::reserve, and how it grows when 1, 2, 4
// and 8 processes reserve from one bucket at once. Starts its own redis-server on a free port of
// 127.0.0.1 (as the tests do); prints a Markdown table, with the round trip that
// redis_account_stop::admit adds per request against account_stop::admit.
//
//   trackingmore_redis_bench [CALLS]    (each process's reservations, default 2000)
#include <trackingmore/status/redis.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "../tests/redis/redis_server.hpp"

namespace {

namespace tk = trackingmore;
using clock_type = tk::pacer::clock;

/// What one process measured.
struct figures {
  double median_us;  // per reservation
  double p90_us;
  double elapsed_s;  // for all its reservations
};

/// The median and 90th percentile of `us`, and `elapsed`.
figures figures_of(std::vector<double> us, double elapsed) {
  std::sort(us.begin(), us.end());
  return {us[us.size() / 2], us[us.size() * 9 / 10], elapsed};
}

/// `calls` calls of `call(now)`, each timed.
template <class Call>
figures measure_calls(Call&& call, int calls) {
  std::vector<double> us;
  us.reserve(static_cast<std::size_t>(calls));
  const auto start = clock_type::now();
  for (int i = 0; i < calls; ++i) {
    const auto before = clock_type::now();
    call(before);
    us.push_back(std::chrono::duration<double, std::micro>(clock_type::now() - before).count());
  }
  return figures_of(std::move(us),
                    std::chrono::duration<double>(clock_type::now() - start).count());
}

/// `calls` reservations of `reserve(now)`, each timed.
template <class Pacer>
figures measure(Pacer& pacer, int calls) {
  return measure_calls([&](clock_type::time_point now) { (void)pacer.reserve(now); }, calls);
}

/// `processes` processes reserving `calls` each from one bucket of `server`, all at once.
std::vector<figures> in_processes(const test::redis_server& server, int processes, int calls) {
  int start[2];
  int results[2];
  if (pipe(start) != 0 || pipe(results) != 0) std::exit(1);
  std::vector<pid_t> children;
  for (int p = 0; p < processes; ++p) {
    const pid_t pid = fork();
    if (pid == 0) {
      close(start[1]);
      tk::redis_options o;
      o.port = server.port();
      // A rate no process reaches: every call is the whole round trip, none waits.
      tk::redis_pacer pacer(o, "bench-key", tk::endpoint::other, 1e6);
      char go = 0;
      if (read(start[0], &go, 1) < 0) _exit(1);  // all start when the parent closes the pipe
      const figures f = measure(pacer, calls);
      if (write(results[1], &f, sizeof f) != static_cast<ssize_t>(sizeof f)) _exit(1);
      _exit(pacer.shared() ? 0 : 1);
    }
    children.push_back(pid);
  }
  close(start[0]);
  close(start[1]);
  std::vector<figures> all;
  for (int p = 0; p < processes; ++p) {
    figures f{};
    if (read(results[0], &f, sizeof f) != static_cast<ssize_t>(sizeof f)) std::exit(1);
    all.push_back(f);
  }
  for (const pid_t pid : children) {
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      (void)std::fprintf(stderr, "a process lost Redis: the figures are not Redis's\n");
      std::exit(1);
    }
  }
  close(results[0]);
  close(results[1]);
  return all;
}

}  // namespace

int main(int argc, char** argv) {
  const int calls = argc > 1 ? std::atoi(argv[1]) : 2000;
  if (calls < 10) return 2;
  const test::redis_server server;
  tk::pacer local(1e9);
  const figures base = measure(local, calls);
  std::printf(
      "| pacer | processes | median per reserve (us) | p90 (us) | reservations/s, all "
      "processes | median / pacer's |\n|---|--:|--:|--:|--:|--:|\n");
  std::printf("| pacer (local, baseline) | 1 | %.3f | %.3f | %.0f | 1 |\n", base.median_us,
              base.p90_us, calls / base.elapsed_s);
  for (const int processes : {1, 2, 4, 8}) {
    const std::vector<figures> all = in_processes(server, processes, calls);
    std::vector<double> medians;
    double p90 = 0;
    double longest = 0;
    for (const figures& f : all) {
      medians.push_back(f.median_us);
      p90 = std::max(p90, f.p90_us);
      longest = std::max(longest, f.elapsed_s);
    }
    std::sort(medians.begin(), medians.end());
    const double median = medians[medians.size() / 2];
    std::printf("| redis_pacer | %d | %.1f | %.1f | %.0f | %.0f |\n", processes, median, p90,
                processes * calls / longest, median / base.median_us);
  }
  // The account stop's round trip per request: `admit`, while no stop is on (`would_admit` makes
  // none then); against the local stop's.
  tk::account_stop local_stop;
  const figures local_admit =
      measure_calls([&](clock_type::time_point now) { (void)local_stop.admit(now); }, calls);
  tk::redis_options o;
  o.port = server.port();
  tk::redis_account_stop shared_stop(o, "bench-key");
  const figures shared_admit =
      measure_calls([&](clock_type::time_point now) { (void)shared_stop.admit(now); }, calls);
  if (!shared_stop.shared()) return 1;
  std::printf("| account_stop::admit (local) | 1 | %.3f | %.3f | %.0f | - |\n",
              local_admit.median_us, local_admit.p90_us, calls / local_admit.elapsed_s);
  std::printf("| redis_account_stop::admit | 1 | %.1f | %.1f | %.0f | %.0f |\n",
              shared_admit.median_us, shared_admit.p90_us, calls / shared_admit.elapsed_s,
              shared_admit.median_us / local_admit.median_us);
}
