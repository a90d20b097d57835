// Many threads make their first use of every category and condition at the same moment, and all
// see the same results. Built with -fsanitize=thread, which reports any data race.
#include <trackingmore/status.hpp>

#include <atomic>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace tk = trackingmore;

namespace {

constexpr int thread_count = 16;

/// Everything a thread learns about every documented code, and a few undocumented ones, as text.
std::string everything() {
  std::string seen;
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    seen += tk::category(v).name();
    for (const int code : {0, -1, 299, 450, 4999, 5555, 6000}) {
      seen += tk::to_error_code(v, code).message();
    }
    for (const tk::code_info& c : tk::codes_of(v)) {
      const std::error_code ec = tk::to_error_code(v, c.code);
      seen += ec.message();
      seen += ec.default_error_condition().message();
      for (int condition = 1; condition <= static_cast<int>(tk::condition::retryable);
           ++condition) {
        seen += ec == static_cast<tk::condition>(condition) ? '1' : '0';
      }
      seen += tk::is_retryable(ec) ? 'r' : '-';
      seen += std::to_string(tk::retry_after_seconds(ec));
    }
  }
  seen += tk::condition_category().name();
  return seen;
}

}  // namespace

int main() {
  std::atomic<bool> go{false};
  std::vector<std::string> results(thread_count);
  std::vector<std::thread> threads;
  threads.reserve(results.size());
  for (std::string& result : results) {
    threads.emplace_back([&go, &result] {
      while (!go.load()) std::this_thread::yield();
      result = everything();
    });
  }
  go = true;
  for (std::thread& t : threads) t.join();
  int differing = 0;
  for (const std::string& result : results) differing += result != results.front() ? 1 : 0;
  const bool same_as_sequential = results.front() == everything();
  std::printf("%d threads, %zu characters each, %d differ, sequential rerun %s\n", thread_count,
              results.front().size(), differing, same_as_sequential ? "agrees" : "DIFFERS");
  return differing == 0 && same_as_sequential ? 0 : 1;
}
