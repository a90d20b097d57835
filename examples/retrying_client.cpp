// The whole retry loop of a TrackingMore client, on cpp-httplib (Debian libcpp-httplib-dev) and
// nlohmann/json, run by trackingmore::send_with_retries: each attempt sends the request and reads
// the response with error_code_of and its Retry-After header with parse_retry_after; the library
// does the rest (the pacer of the endpoint's kind, decide, the wait, after a 429 for every thread,
// the retry budget, the account stop), on one client_state that every thread shares. A batch
// call's failed items are then triaged: what to resend later, what to fix, what needs the
// account, what already exists, what to drop.
//
//   TRACKINGMORE_API_KEY=... retrying_client [--time-scale S] [--threads N] [--requests M]
//                  [--request-interval I] [--account-probe P] [--redis HOST:PORT]
//                  [--redis-password-env NAME] [--redis-processes K] VERSION URL REQUEST
//
// VERSION is v2, v3 or v4; URL the endpoint (https://api.trackingmore.com/v4/trackings/create);
// REQUEST the JSON to POST, a batch call when it is an array. --time-scale, for tests, runs the
// library's clock 1/S times as fast: it multiplies every wait and divides every rate (the tests
// use 0.001, so that 120 s take 120 ms); it must be above 0. --threads sends from N threads that
// share the client's state, each line of output then prefixed with its thread's number.
// --requests sends the request M times in all (default N), each from the next free thread, each
// line then prefixed with its thread's and its request's numbers. --request-interval starts
// request K no sooner than (K - 1) x I seconds after the start: a steady stream, as a
// long-running client receives its work. --account-probe lets one
// request through every P seconds after an account failure (without it, none). --redis paces
// against the buckets that every process with the same API key shares in that Redis, and stops
// on the account stop they share (with --account-probe, one probe every P seconds across all of
// them) (trackingmore/status/redis.hpp; AUTH with the password in the environment variable NAME,
// if given); while Redis fails, at the documented rates divided by K (default 1), with the stop of
// the process; each change between the two is printed, for each pacer and the stop ("redis:
// available", "redis: unavailable: why"). Exit status: 0
// every request succeeded, 1 some failed, 2 usage.
#include <trackingmore/status/client.hpp>
#include <trackingmore/status/httplib.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/printable.hpp>
#ifdef TRACKINGMORE_EXAMPLE_REDIS
#include <trackingmore/status/redis.hpp>
#endif

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <httplib.h>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

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
      std::printf("%s%s: %s (%s)\n", tag.c_str(), title, tk::printable(f.tracking_number).c_str(),
                  describe(f.code).c_str());
    }
  }
}

/// The kind of endpoint at `path`, which TrackingMore limits separately.
tk::endpoint endpoint_of(const std::string& path) {
  constexpr std::string_view create = "/trackings/create";
  const bool is_create = path.size() >= create.size() &&
                         path.compare(path.size() - create.size(), create.size(), create) == 0;
  return is_create ? tk::endpoint::create_trackings : tk::endpoint::other;
}

/// The program's clock: the real one run 1 / `time_scale` times as fast, so that every wait, rate
/// and pause of the library is scaled at once (--time-scale 0.001: 120 s take 120 ms).
struct scaled_timer {
  tk::pacer::clock::time_point origin = tk::pacer::clock::now();
  double time_scale = 1.0;

  tk::pacer::clock::time_point now() const {
    const std::chrono::duration<double, std::nano> real = tk::pacer::clock::now() - origin;
    return origin + std::chrono::duration_cast<tk::pacer::clock::duration>(real / time_scale);
  }
  void sleep_until(tk::pacer::clock::time_point t) const {
    const std::chrono::duration<double, std::nano> scaled = (t - origin) * time_scale;
    tk::steady_timer::sleep_until(origin +
                                  std::chrono::duration_cast<tk::pacer::clock::duration>(scaled));
  }
};

/// What every request of a run shares.
struct run {
  tk::api_version version;
  std::string url;
  nlohmann::json request;
  scaled_timer timer;
  tk::client_state& state;
};

/// Where the pacers are shared, when they are: Redis's address, its password, and the processes
/// that share the account.
struct redis_config {
  std::string host;
  int port = 0;
  std::string password;
  unsigned processes = 1;
};

#ifdef TRACKINGMORE_EXAMPLE_REDIS
/// The pacers of both kinds of endpoint, at the documented rates of `version`, and the account
/// stop (with `probe`, when given), shared through the Redis of `config` by every process with
/// this API key; on the program's clock, `timer`.
struct redis_pacers {
  tk::redis_pacer create_trackings;
  tk::redis_pacer other;
  tk::redis_account_stop account;
  redis_pacers(const redis_config& config, tk::api_version version, const scaled_timer& timer,
               std::optional<tk::pacer::clock::duration> probe)
      : create_trackings(
            options(config, timer), std::getenv("TRACKINGMORE_API_KEY"),
            tk::endpoint::create_trackings,
            tk::documented_requests_per_second(version, tk::endpoint::create_trackings)),
        other(options(config, timer), std::getenv("TRACKINGMORE_API_KEY"), tk::endpoint::other,
              tk::documented_requests_per_second(version, tk::endpoint::other)),
        account(options(config, timer), std::getenv("TRACKINGMORE_API_KEY"), probe) {}
  static tk::redis_options options(const redis_config& config, const scaled_timer& timer) {
    tk::redis_options o;
    o.host = config.host;
    o.port = config.port;
    o.password = config.password;
    o.processes = config.processes;
    o.time_scale = timer.time_scale;
    o.now = [timer] { return timer.now(); };
    o.observer = [](tk::redis_event event, const std::string& what) {
      if (event == tk::redis_event::available) {
        std::printf("redis: available\n");
      } else {
        std::printf("redis: unavailable: %s\n", what.c_str());
      }
    };
    return o;
  }
};
#else
struct redis_pacers {};  // built without hiredis: none
#endif

/// `text` as HOST:PORT, or nullopt.
std::optional<redis_config> host_and_port(const std::string& text) {
  const std::size_t colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  char* end = nullptr;
  const unsigned long port = std::strtoul(text.c_str() + colon + 1, &end, 10);
  if (end == text.c_str() + colon + 1 || *end != '\0' || port < 1 || port > 65535) {
    return std::nullopt;
  }
  return redis_config{text.substr(0, colon), static_cast<int>(port), "", 1};
}

/// Sends the request of `r` once, retrying as decided, through the client's shared state; prints
/// each step after `tag`. `http` is this thread's connection. Returns the exit status.
int send(const std::string& tag, const run& r, httplib::Client& http) {
  const std::size_t host_end = r.url.find('/', r.url.find("://") + 3);
  const std::string path = host_end == std::string::npos ? "/" : r.url.substr(host_end);
  const char* const key = std::getenv("TRACKINGMORE_API_KEY");
  // v2 names the header Trackingmore-Api-Key; v3 and v4 Tracking-Api-Key.
  const httplib::Headers headers{
      {r.version == tk::api_version::v2 ? "Trackingmore-Api-Key" : "Tracking-Api-Key", key}};
  const bool batch = r.request.is_array();
  const std::string payload = r.request.dump();

  // The last attempt's body and Retry-After header, for the observer and the triage.
  nlohmann::json body(nlohmann::json::value_t::discarded);
  std::string retry_after_header;
  const auto attempt = [&](unsigned attempts) {
    const httplib::Result response = http.Post(path, headers, payload, "application/json");
    std::error_code ec;
    body = nlohmann::json(nlohmann::json::value_t::discarded);
    retry_after_header.clear();
    if (!response) {
      ec = tk::transport_error(response.error());
      std::printf("%srequest %u: no response: %s\n", tag.c_str(), attempts, describe(ec).c_str());
    } else {
      body = tk::parse_body(response->body);
      ec = batch ? tk::batch_error_code_of(r.version, response->status, body)
                 : tk::error_code_of(r.version, response->status, body);
      retry_after_header = response->get_header_value("Retry-After");
      std::printf("%srequest %u: HTTP %d: %s\n", tag.c_str(), attempts, response->status,
                  describe(ec).c_str());
    }
    // An unreadable Retry-After is no wait of its own: decide still waits the documented 120 s
    // after a 429, and the backoff after anything else it retries.
    return tk::attempt_result{
        ec, tk::parse_retry_after(retry_after_header, std::chrono::system_clock::now())
                .value_or(std::chrono::seconds(0))};
  };
  tk::retry_advice advice = tk::retry_advice::not_applicable;
  const auto observe = [&](const tk::attempt_report& report) {
    advice = report.decision.advice;
    if (!report.retrying) return;
    const std::string why =
        retry_after_header.empty() ? "" : " (Retry-After: " + retry_after_header + ")";
    std::printf("%sretry in %lld ms%s\n", tag.c_str(),
                static_cast<long long>(report.decision.delay.count()), why.c_str());
  };
  const tk::call_result result =
      tk::send_with_retries(r.state, endpoint_of(path), attempt, {}, observe, r.timer);

  if (result.end == tk::call_end::succeeded) {
    std::printf("%ssuccess after %u request(s)\n", tag.c_str(), result.attempts);
  } else {
    if (result.end == tk::call_end::account_stopped) {
      std::printf("%snot sent: the account is stopped (%s)\n", tag.c_str(),
                  describe(result.ec).c_str());
    } else if (result.end == tk::call_end::retry_budget_spent) {
      std::printf("%sno retry (retry budget spent)\n", tag.c_str());
    } else {
      std::printf("%sno retry (%s)\n", tag.c_str(), std::string(tk::name_of(advice)).c_str());
    }
    std::printf("%sfailed after %u request(s): %s\n", tag.c_str(), result.attempts,
                std::string(condition_of(result.ec)).c_str());
  }
  if (batch && result.attempts > 0) print_triage(tag, r.version, body);
  return result.ec ? 1 : 0;
}

/// Says how to run the program; returns the exit status of bad usage.
int usage(const char* program) {
  (void)std::fprintf(
      stderr,
      "usage: TRACKINGMORE_API_KEY=... %s [--time-scale S] [--threads N] "
      "[--requests M] [--request-interval I] [--account-probe P] [--redis HOST:PORT] "
      "[--redis-password-env NAME] [--redis-processes K] VERSION URL REQUEST\n"
      "  VERSION v2, v3 or v4; REQUEST the JSON to POST (an array: a batch)\n"
      "  S above 0 (default 1); N from 1 to 1000 (default 1); M from 1 to 1000000\n"
      "  (default N); I and P seconds above 0 (default: none); K from 1 to 10000\n"
      "  (default 1)\n",
      program);
  return 2;
}

/// `text` as a number above 0 (and at most `most`), or nullopt.
std::optional<double> positive(const std::string& text, double most) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (end == text.c_str() || *end != '\0' || !std::isfinite(value) || !(value > 0) ||
      value > most) {
    return std::nullopt;
  }
  return value;
}

/// `text` as a whole number from 1 to `most`, or nullopt.
std::optional<unsigned long> count(const std::string& text, unsigned long most) {
  char* end = nullptr;
  const unsigned long value = std::strtoul(text.c_str(), &end, 10);
  if (end == text.c_str() || *end != '\0' || text[0] == '-' || value < 1 || value > most) {
    return std::nullopt;
  }
  return value;
}

/// The --redis options, as given.
struct redis_flags {
  std::optional<redis_config> address;
  std::optional<std::string> password_env;
  std::optional<unsigned long> processes;

  /// Takes option `name` with `value`, if it is one of these (each once) and valid.
  // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): an option, then its value
  bool take(const std::string& name, const std::string& value) {
    if (name == "--redis" && !address) {
#ifndef TRACKINGMORE_EXAMPLE_REDIS
      (void)std::fprintf(stderr, "retrying_client: built without hiredis, so without --redis\n");
      return false;
#endif
      address = host_and_port(value);
      return address.has_value();
    }
    if (name == "--redis-password-env" && !password_env) {
      password_env = value;
      return std::getenv(value.c_str()) != nullptr;
    }
    if (name == "--redis-processes" && !processes) {
      processes = count(value, 10'000);
      return processes.has_value();
    }
    return false;
  }
  /// Whether they make sense together: the others only with --redis.
  bool valid() const { return address || (!password_env && !processes); }
  /// Where to share the pacers; nullopt without --redis.
  std::optional<redis_config> config() const {
    std::optional<redis_config> c = address;
    if (!c) return c;
    if (password_env) c->password = std::getenv(password_env->c_str());
    c->processes = static_cast<unsigned>(processes.value_or(1));
    return c;
  }
};

/// Makes `state` for API `version` under `policy`: pacing and stopping through the Redis of `redis`
/// (with `shared`, which it creates) on the program's clock `timer`, or without --redis on its own.
void make_state(std::optional<tk::client_state>& state,
                [[maybe_unused]] std::unique_ptr<redis_pacers>& shared,
                [[maybe_unused]] const redis_flags& redis, tk::api_version version,
                const tk::client_policy& policy, [[maybe_unused]] const scaled_timer& timer) {
#ifdef TRACKINGMORE_EXAMPLE_REDIS
  if (const std::optional<redis_config> config = redis.config()) {
    shared = std::make_unique<redis_pacers>(*config, version, timer, policy.account_probe_interval);
    state.emplace(version, shared->create_trackings, shared->other, shared->account, policy);
    return;
  }
#endif
  state.emplace(version, policy);
}

/// The options of a run; each unset until given.
struct options {
  std::optional<double> time_scale;
  std::optional<unsigned long> threads;
  std::optional<unsigned long> requests;
  std::optional<double> probe_seconds;
  std::optional<double> interval_seconds;
  redis_flags redis;
};

/// Reads the options at the front of `args`, each once, and removes them; false for a bad one.
bool read_options(std::vector<std::string>& args, options& o) {
  while (args.size() > 3 && args[0].rfind("--", 0) == 0) {
    const std::string& name = args[0];
    const std::string& value = args[1];
    bool ok = false;
    if (name == "--time-scale" && !o.time_scale) {
      o.time_scale = positive(value, std::numeric_limits<double>::max());  // divides every rate
      ok = o.time_scale.has_value();
    } else if (name == "--threads" && !o.threads) {
      o.threads = count(value, 1000);
      ok = o.threads.has_value();
    } else if (name == "--requests" && !o.requests) {
      o.requests = count(value, 1'000'000);
      ok = o.requests.has_value();
    } else if (name == "--account-probe" && !o.probe_seconds) {
      o.probe_seconds = positive(value, 1e9);
      ok = o.probe_seconds.has_value();
    } else if (name == "--request-interval" && !o.interval_seconds) {
      o.interval_seconds = positive(value, 1e9);
      ok = o.interval_seconds.has_value();
    } else {
      ok = o.redis.take(name, value);
    }
    if (!ok) return false;
    args.erase(args.begin(), args.begin() + 2);
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) try {
  std::vector<std::string> args(argv + 1, argv + argc);
  options o;
  if (!read_options(args, o)) return usage(argv[0]);
  tk::api_version version{};
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    if (!args.empty() && args[0] == tk::name_of(v)) version = v;
  }
  if (args.size() != 3 || tk::name_of(version).empty() || !nlohmann::json::accept(args[2]) ||
      std::getenv("TRACKINGMORE_API_KEY") == nullptr || !o.redis.valid()) {
    return usage(argv[0]);
  }
  // 5 attempts, backoff from 0.5 s to 60 s, waits up to 600 s; a retry budget of 20% of the
  // requests plus one a second; after an account failure no request, or one per probe interval.
  tk::client_policy policy;
  if (o.probe_seconds) {
    policy.account_probe_interval = std::chrono::duration_cast<tk::pacer::clock::duration>(
        std::chrono::duration<double>(*o.probe_seconds));
  }
  const scaled_timer timer{tk::pacer::clock::now(), o.time_scale.value_or(1.0)};
  std::optional<tk::client_state> state;
  std::unique_ptr<redis_pacers> shared_pacers;  // outlives the state
  make_state(state, shared_pacers, o.redis, version, policy, timer);
  const run shared{version, args[1], nlohmann::json::parse(args[2]), timer, *state};
  const unsigned long thread_count = o.threads.value_or(1);
  const unsigned long request_count = o.requests.value_or(thread_count);
  const std::string base = shared.url.substr(0, shared.url.find('/', shared.url.find("://") + 3));

  // Each thread sends the next request not yet taken, on a connection of its own.
  std::atomic<unsigned long> next{0};
  std::atomic<int> status{0};
  const auto sender = [&](unsigned long thread) {
    httplib::Client http(base);
    http.set_connection_timeout(std::chrono::seconds(10));
    http.set_read_timeout(std::chrono::seconds(30));
    for (unsigned long i = next++; i < request_count; i = next++) {
      if (o.interval_seconds) {  // a steady stream: request i + 1 starts i intervals on, or later
        shared.timer.sleep_until(
            shared.timer.origin +
            std::chrono::duration_cast<tk::pacer::clock::duration>(
                std::chrono::duration<double>(*o.interval_seconds * static_cast<double>(i))));
      }
      std::string tag;
      if (o.requests) {
        tag = "thread " + std::to_string(thread + 1) + ", request " + std::to_string(i + 1) + ": ";
      } else if (thread_count > 1) {
        tag = "thread " + std::to_string(thread + 1) + ": ";
      }
      const int s = send(tag, shared, http);
      status.fetch_or(s);  // 0 or 1
    }
  };
  std::vector<std::thread> senders;
  for (unsigned long t = 1; t < thread_count; ++t) senders.emplace_back(sender, t);
  sender(0);
  for (std::thread& s : senders) s.join();
  return status;
} catch (const std::exception& e) {
  (void)std::fprintf(stderr, "retrying_client: %s\n", e.what());
  return 2;
}
