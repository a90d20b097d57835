// The whole retry loop of a TrackingMore client, on cpp-httplib (Debian libcpp-httplib-dev) and
// nlohmann/json: wait for the pacer of the endpoint's kind; send; read the response with
// error_code_of and its Retry-After header with parse_retry_after; ask decide whether and when to
// send again; wait (after a 429, every thread: the pacer pauses); send again. A batch call's failed
// items are then triaged: what to resend later, what to fix, what needs the account, what already
// exists, what to drop.
//
//   TRACKINGMORE_API_KEY=... retrying_client [--time-scale S] [--threads N] [--redis HOST:PORT
//       [--redis-password-env NAME] [--redis-processes P]] VERSION URL REQUEST
//
// VERSION is v2, v3 or v4; URL the endpoint (https://api.trackingmore.com/v4/trackings/create);
// REQUEST the JSON to POST, a batch call when it is an array. --time-scale multiplies every wait
// and divides every documented rate (the tests use 0.001, so that 120 s take 120 ms); it must be
// above 0. --threads sends the request N times at once, from N threads that share the pacers, each
// line of output then prefixed with its thread's number. --redis paces against the bucket that
// every process with the same API key shares in that Redis (trackingmore/status/redis.hpp), with
// the password in the environment variable NAME, if any; without Redis, at the rate divided by P
// (default 1); each change between the two is printed ("redis: available", "redis: unavailable:
// ..."). Exit status: 0 success, 1 failure, 2 usage.
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/pacing.hpp>
#include <trackingmore/status/retry.hpp>
#ifdef TRACKINGMORE_EXAMPLE_REDIS
#include <trackingmore/status/redis.hpp>
#endif

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <httplib.h>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "httplib_client.hpp"  // example::transport_error

namespace {

namespace tk = trackingmore;

/// "trackingmore.http 503: HTTP 503 Service Unavailable", or "success".
std::string describe(const std::error_code& ec) {
  if (!ec) return "success";
  return std::string(ec.category().name()) + ' ' + std::to_string(ec.value()) + ": " + ec.message();
}

/// The name of `ec`'s condition, or "-" when it has none.
std::string_view condition_of(const std::error_code& ec) {
  const std::error_condition group = ec.default_error_condition();
  if (!ec || group.category() != tk::condition_category()) return "-";
  return tk::name_of(static_cast<tk::condition>(group.value()));
}

/// Prints the failed items of a batch `body`, group by group, each line after `tag`.
void print_triage(const std::string& tag, tk::api_version version, const nlohmann::json& body) {
  const tk::batch_triage groups = tk::triage(version, body);
  const std::pair<const char*, const std::vector<tk::item_failure>*> titled[] = {
      {"retry later", &groups.retry_later},
      {"fix and resend", &groups.fix_and_resend},
      {"account action", &groups.account_action},
      {"already exists", &groups.already_exists},
      {"give up", &groups.give_up}};
  for (const auto& [title, group] : titled) {
    for (const tk::item_failure& f : *group) {
      std::printf("%s%s: %s (%s)\n", tag.c_str(), title, f.tracking_number.c_str(),
                  describe(f.code).c_str());
    }
  }
}

/// Where the pacers are shared, when they are: Redis's address, password and the processes that
/// share the account.
struct redis_config {
  std::string host;
  int port = 0;
  std::string password;
  unsigned processes = 1;
};

/// The pacer of one kind of endpoint: this process's own, or the one shared through Redis.
class endpoint_pacer {
 public:
  endpoint_pacer(double requests_per_second, [[maybe_unused]] tk::endpoint e,
                 [[maybe_unused]] const std::optional<redis_config>& redis)
      : local_(requests_per_second) {
#ifdef TRACKINGMORE_EXAMPLE_REDIS
    if (!redis) return;
    tk::redis_options o;
    o.host = redis->host;
    o.port = redis->port;
    o.password = redis->password;
    o.processes = redis->processes;
    o.observer = [](tk::redis_event event, const std::string& what) {
      if (event == tk::redis_event::available) std::printf("redis: available\n");
      if (event == tk::redis_event::unavailable)
        std::printf("redis: unavailable: %s\n", what.c_str());
    };
    shared_ = std::make_unique<tk::redis_pacer>(o, std::getenv("TRACKINGMORE_API_KEY"), e,
                                                requests_per_second);
#endif
  }
  /// Waits for the next slot.
  void wait() {
#ifdef TRACKINGMORE_EXAMPLE_REDIS
    if (shared_) {
      (void)shared_->wait();
      return;
    }
#endif
    (void)local_.wait();
  }
  /// No request before `until`.
  void pause_until(tk::pacer::clock::time_point until) {
#ifdef TRACKINGMORE_EXAMPLE_REDIS
    if (shared_) return shared_->pause_until(until);
#endif
    local_.pause_until(until);
  }

 private:
  tk::pacer local_;
#ifdef TRACKINGMORE_EXAMPLE_REDIS
  std::unique_ptr<tk::redis_pacer> shared_;
#endif
};

/// One pacer per kind of endpoint, at the documented rates of `version`, `time_scale` faster.
struct pacers {
  endpoint_pacer create_trackings;
  endpoint_pacer other;
  pacers(tk::api_version version, double time_scale, const std::optional<redis_config>& redis)
      : create_trackings(
            tk::documented_requests_per_second(version, tk::endpoint::create_trackings) /
                time_scale,
            tk::endpoint::create_trackings, redis),
        other(tk::documented_requests_per_second(version, tk::endpoint::other) / time_scale,
              tk::endpoint::other, redis) {}
  /// The pacer of the endpoint at `path`.
  endpoint_pacer& of(const std::string& path) {
    constexpr std::string_view create = "/trackings/create";
    const bool is_create = path.size() >= create.size() &&
                           path.compare(path.size() - create.size(), create.size(), create) == 0;
    return is_create ? create_trackings : other;
  }
};

/// `ms` milliseconds, `time_scale` times as long, on the pacer's clock.
tk::pacer::clock::duration scaled(std::chrono::milliseconds ms, double time_scale) {
  return std::chrono::duration_cast<tk::pacer::clock::duration>(
      std::chrono::duration<double, std::milli>(static_cast<double>(ms.count()) * time_scale));
}

/// Waits `delay` before sending again a request that failed with `ec`. A 429 is about the
/// account, not this request: it pauses `pacer`, so that every thread waits (in its next
/// `pacer.wait()`); anything else waits on this thread alone.
void wait_before_retry(endpoint_pacer& pacer, const std::error_code& ec,
                       tk::pacer::clock::duration delay) {
  if (tk::retry_after_seconds(ec) > 0) {
    pacer.pause_until(tk::pacer::clock::now() + delay);
  } else {
    std::this_thread::sleep_for(delay);
  }
}

/// Sends `request` to `url` until it succeeds or `decide` says to stop, sending only when the
/// endpoint's pacer in `shared` allows; prints each step after `tag`. Returns the exit status.
int send(const std::string& tag, tk::api_version version, const std::string& url,
         const nlohmann::json& request, double time_scale, pacers& shared) {
  const std::size_t host_end = url.find('/', url.find("://") + 3);
  const std::string path = host_end == std::string::npos ? "/" : url.substr(host_end);
  httplib::Client http(url.substr(0, host_end));
  http.set_connection_timeout(std::chrono::seconds(10));
  http.set_read_timeout(std::chrono::seconds(30));
  const char* const key = std::getenv("TRACKINGMORE_API_KEY");
  // v2 names the header Trackingmore-Api-Key; v3 and v4 Tracking-Api-Key.
  const httplib::Headers headers{
      {version == tk::api_version::v2 ? "Trackingmore-Api-Key" : "Tracking-Api-Key", key}};
  const bool batch = request.is_array();
  const std::string payload = request.dump();
  endpoint_pacer& pacer = shared.of(path);

  const tk::retry_policy policy;  // 5 attempts, backoff from 0.5 s to 60 s, waits up to 600 s
  std::mt19937 random(std::random_device{}());
  std::uniform_real_distribution<double> jitter(0.0, 1.0);  // "full jitter": spreads the clients
  for (unsigned attempts = 1;; ++attempts) {
    pacer.wait();
    const httplib::Result response = http.Post(path, headers, payload, "application/json");
    std::error_code ec;
    nlohmann::json body(nlohmann::json::value_t::discarded);
    std::string retry_after_header;
    if (!response) {
      ec = example::transport_error(response.error());
      std::printf("%srequest %u: no response: %s\n", tag.c_str(), attempts, describe(ec).c_str());
    } else {
      body = tk::parse_body(response->body);
      ec = batch ? tk::batch_error_code_of(version, response->status, body)
                 : tk::error_code_of(version, response->status, body);
      retry_after_header = response->get_header_value("Retry-After");
      std::printf("%srequest %u: HTTP %d: %s\n", tag.c_str(), attempts, response->status,
                  describe(ec).c_str());
    }
    // An unreadable Retry-After is no wait of its own: decide still waits the documented 120 s
    // after a 429, and the backoff after anything else it retries.
    const std::chrono::seconds retry_after =
        tk::parse_retry_after(retry_after_header, std::chrono::system_clock::now())
            .value_or(std::chrono::seconds(0));
    const tk::retry_decision decision =
        tk::decide(ec, attempts, policy, retry_after, jitter(random));
    if (!decision) {
      if (ec) {
        std::printf("%sno retry (%s)\n%sfailed after %u request(s): %s\n", tag.c_str(),
                    std::string(tk::name_of(decision.advice)).c_str(), tag.c_str(), attempts,
                    std::string(condition_of(ec)).c_str());
      } else {
        std::printf("%ssuccess after %u request(s)\n", tag.c_str(), attempts);
      }
      if (batch) print_triage(tag, version, body);
      return ec ? 1 : 0;
    }
    const std::string why =
        retry_after_header.empty() ? "" : " (Retry-After: " + retry_after_header + ")";
    std::printf("%sretry in %lld ms%s\n", tag.c_str(),
                static_cast<long long>(decision.delay.count()), why.c_str());
    wait_before_retry(pacer, ec, scaled(decision.delay, time_scale));
  }
}

/// Says how to run the program; returns the exit status of bad usage.
int usage(const char* program) {
  (void)std::fprintf(stderr,
                     "usage: TRACKINGMORE_API_KEY=... %s [--time-scale S] [--threads N] [--redis "
                     "HOST:PORT [--redis-password-env NAME] [--redis-processes P]] VERSION URL "
                     "REQUEST\n"
                     "  VERSION v2, v3 or v4; REQUEST the JSON to POST (an array: a batch)\n"
                     "  S above 0 (default 1); N from 1 to 1000 (default 1); P from 1 (default "
                     "1)\n",
                     program);
  return 2;
}

}  // namespace

int main(int argc, char** argv) try {
  std::vector<std::string> args(argv + 1, argv + argc);
  double time_scale = 1.0;
  if (args.size() > 2 && args[0] == "--time-scale") {
    char* end = nullptr;
    time_scale = std::strtod(args[1].c_str(), &end);
    // Above 0: the documented rates are divided by it.
    if (end == args[1].c_str() || *end != '\0' || !std::isfinite(time_scale) || !(time_scale > 0)) {
      return usage(argv[0]);
    }
    args.erase(args.begin(), args.begin() + 2);
  }
  unsigned long threads = 1;
  if (args.size() > 2 && args[0] == "--threads") {
    char* end = nullptr;
    threads = std::strtoul(args[1].c_str(), &end, 10);
    if (end == args[1].c_str() || *end != '\0' || args[1][0] == '-' || threads < 1 ||
        threads > 1000) {
      return usage(argv[0]);
    }
    args.erase(args.begin(), args.begin() + 2);
  }
  std::optional<redis_config> redis;
  if (args.size() > 2 && args[0] == "--redis") {
    const std::size_t colon = args[1].rfind(':');
    char* end = nullptr;
    const unsigned long port =
        colon == std::string::npos ? 0 : std::strtoul(args[1].c_str() + colon + 1, &end, 10);
    if (colon == 0 || port < 1 || port > 65535 || *end != '\0') return usage(argv[0]);
#ifndef TRACKINGMORE_EXAMPLE_REDIS
    (void)std::fprintf(stderr, "retrying_client: built without hiredis: no --redis\n");
    return 2;
#endif
    redis = redis_config{args[1].substr(0, colon), static_cast<int>(port), "", 1};
    args.erase(args.begin(), args.begin() + 2);
    if (args.size() > 2 && args[0] == "--redis-password-env") {
      const char* const password = std::getenv(args[1].c_str());
      if (password == nullptr) return usage(argv[0]);
      redis->password = password;
      args.erase(args.begin(), args.begin() + 2);
    }
    if (args.size() > 2 && args[0] == "--redis-processes") {
      const unsigned long processes = std::strtoul(args[1].c_str(), &end, 10);
      if (end == args[1].c_str() || *end != '\0' || args[1][0] == '-' || processes < 1 ||
          processes > 100000) {
        return usage(argv[0]);
      }
      redis->processes = static_cast<unsigned>(processes);
      args.erase(args.begin(), args.begin() + 2);
    }
  }
  tk::api_version version{};
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    if (!args.empty() && args[0] == tk::name_of(v)) version = v;
  }
  if (args.size() != 3 || tk::name_of(version).empty() || !nlohmann::json::accept(args[2]) ||
      std::getenv("TRACKINGMORE_API_KEY") == nullptr) {
    return usage(argv[0]);
  }
  const nlohmann::json request = nlohmann::json::parse(args[2]);
  pacers shared(version, time_scale, redis);
  if (threads == 1) return send("", version, args[1], request, time_scale, shared);
  std::vector<int> statuses(threads);
  std::vector<std::thread> senders;
  for (unsigned long t = 0; t < threads; ++t) {
    senders.emplace_back([&, t] {
      statuses[t] = send("thread " + std::to_string(t + 1) + ": ", version, args[1], request,
                         time_scale, shared);
    });
  }
  for (std::thread& s : senders) s.join();
  return *std::max_element(statuses.begin(), statuses.end());
} catch (const std::exception& e) {
  (void)std::fprintf(stderr, "retrying_client: %s\n", e.what());
  return 2;
}
