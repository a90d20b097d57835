// Lookup and classification against what a user would otherwise write, over a realistic mix of
// v4 response codes, the pacer's reservation against a lock, and the whole loop of a request
// against a bare decide. Catch2's BENCHMARK, with this
// file's own main: bench/run.sh runs it.
#include <trackingmore/status.hpp>
#include <trackingmore/status/client.hpp>
#include <trackingmore/status/pacing.hpp>
#include <trackingmore/status/retry.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <mutex>
#include <system_error>
#include <unordered_map>
#include <vector>

#if TRACKINGMORE_CATCH2_MAJOR == 3
#include <catch2/benchmark/catch_benchmark.hpp>
#include <catch2/catch_test_macros.hpp>
#else
#define CATCH_CONFIG_MAIN
#define CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>
#endif

namespace tk = trackingmore;

namespace {

// What the responses of a busy client look like: mostly 200, some request errors (4xxx),
// some rate limits and server errors, a few undocumented codes. Shuffled with a fixed seed.
std::vector<int> response_mix() {
  struct share {
    int code;
    int per_mille;
  };
  const share shares[] = {{200, 800}, {4101, 40}, {4102, 30}, {4110, 20}, {4120, 10}, {4121, 10},
                          {400, 10},  {401, 5},   {404, 5},   {429, 30},  {511, 10},  {512, 5},
                          {513, 5},   {502, 5},   {4999, 5},  {503, 5},   {0, 5}};
  std::vector<int> codes;
  for (const share& s : shares)
    codes.insert(codes.end(), static_cast<std::size_t>(s.per_mille), s.code);
  std::uint32_t state = 12345;
  for (std::size_t i = codes.size() - 1; i > 0; --i) {  // Fisher-Yates with a small LCG
    state = state * 1664525u + 1013904223u;
    std::swap(codes[i], codes[state % (i + 1)]);
  }
  return codes;
}

// The floor: the switch a user would write by hand over the same codes.
const tk::code_info* switch_find(int code) noexcept {
  const auto& c = tk::v4::codes;
  switch (code) {
    case 200: return &c[0];
    case 400: return &c[1];
    case 4101: return &c[2];
    case 4102: return &c[3];
    case 4103: return &c[4];
    case 4110: return &c[5];
    case 4111: return &c[6];
    case 4112: return &c[7];
    case 4113: return &c[8];
    case 4120: return &c[9];
    case 4121: return &c[10];
    case 4122: return &c[11];
    case 4130: return &c[12];
    case 4160: return &c[13];
    case 4161: return &c[14];
    case 4190: return &c[15];
    case 401: return &c[16];
    case 403: return &c[17];
    case 404: return &c[18];
    case 429: return &c[19];
    case 511: return &c[20];
    case 512: return &c[21];
    case 513: return &c[22];
    default: return nullptr;
  }
}

// The floor for classification: "should I retry this response?" written by hand.
bool switch_retryable(int code) noexcept {
  switch (code) {
    case 429:
    case 511:
    case 512:
    case 513: return true;
    default: return (code >= 500 && code <= 599) || (code >= 5000 && code <= 5999);
  }
}

const tk::code_info* linear_find(int code) noexcept {
  const auto* row = std::find_if(tk::v4::codes.begin(), tk::v4::codes.end(),
                                 [code](const tk::code_info& c) { return c.code == code; });
  return row == tk::v4::codes.end() ? nullptr : row;
}

}  // namespace

TEST_CASE("lookup and classification") {
  const std::vector<int> codes = response_mix();
  REQUIRE(codes.size() == 1000);
  std::vector<std::error_code> errors;
  for (const int code : codes) errors.push_back(tk::v4::to_error_code(code));
  std::unordered_map<int, const tk::code_info*> map;
  for (const tk::code_info& c : tk::v4::codes) map.emplace(c.code, &c);
  for (const int code : codes) {  // every way of looking up agrees
    REQUIRE(tk::v4::find(code) == switch_find(code));
    REQUIRE(linear_find(code) == switch_find(code));
    REQUIRE((tk::v4::to_error_code(code) == tk::condition::retryable) == switch_retryable(code));
  }

  // Each benchmark handles one response per call; the index walk costs the same in every row.
  std::size_t i = 0;
  const auto next = [&] { return codes[i++ % codes.size()]; };
  const auto next_error = [&]() -> const std::error_code& { return errors[i++ % errors.size()]; };

  BENCHMARK("find: hand-written switch (floor)") { return switch_find(next()); };
  BENCHMARK("find: v4::find") { return tk::v4::find(next()); };
  BENCHMARK("find: std::unordered_map") {
    const auto it = map.find(next());
    return it == map.end() ? nullptr : it->second;
  };
  BENCHMARK("find: linear scan of v4::codes") { return linear_find(next()); };
  BENCHMARK("classify: hand-written switch (floor)") { return switch_retryable(next()); };
  BENCHMARK("classify: v4::to_error_code") { return tk::v4::to_error_code(next()); };
  BENCHMARK("classify: ec == condition::retryable") {
    return next_error() == tk::condition::retryable;
  };
  BENCHMARK("classify: is_retryable(ec)") { return tk::is_retryable(next_error()); };
  BENCHMARK("classify: to_error_code + one condition test") {
    return tk::v4::to_error_code(next()) == tk::condition::retryable;
  };
  BENCHMARK("classify: to_error_code + is_retryable") {
    return tk::is_retryable(tk::v4::to_error_code(next()));
  };
  // The exact-code test: the library's operator, which also recognises a code from another DLL's
  // category, against the standard's comparison with the code the enumerator makes.
  BENCHMARK("exact code: ec == std::error_code(errc) (floor)") {
    return next_error() == std::error_code(tk::v4::errc::tracking_exists);
  };
  BENCHMARK("exact code: ec == v4::errc::tracking_exists") {
    return next_error() == tk::v4::errc::tracking_exists;
  };
  // The whole decision against the one question it starts from (the target: at most 2x), over
  // the mix and over its failures alone, where decide does its work.
  BENCHMARK("retry: is_retryable(ec) (floor)") { return tk::is_retryable(next_error()); };
  BENCHMARK("retry: decide(ec, 1)") { return tk::decide(next_error(), 1); };
  std::vector<std::error_code> failures;
  std::copy_if(errors.begin(), errors.end(), std::back_inserter(failures),
               [](const std::error_code& ec) { return static_cast<bool>(ec); });
  const auto next_failure = [&]() -> const std::error_code& {
    return failures[i++ % failures.size()];
  };
  BENCHMARK("retry, failures only: is_retryable(ec) (floor)") {
    return tk::is_retryable(next_failure());
  };
  BENCHMARK("retry, failures only: decide(ec, 1)") { return tk::decide(next_failure(), 1); };
}

TEST_CASE("pacing") {
  // Uncontended, as one thread of a client sees it; the time passed stays put, so every call
  // reserves a slot further ahead and takes the whole path (the wait is computed).
  tk::pacer pacer(10.0);
  const tk::pacer::clock::time_point t = tk::pacer::clock::now();
  REQUIRE(pacer.reserve(t) == tk::pacer::clock::duration::zero());
  REQUIRE(pacer.reserve(t) > tk::pacer::clock::duration::zero());
  std::mutex m;
  BENCHMARK("pacing: std::mutex lock + unlock (floor)") {
    const std::lock_guard<std::mutex> lock(m);
    return &m;
  };
  BENCHMARK("pacing: steady_clock::now()") { return tk::pacer::clock::now(); };
  BENCHMARK("pacing: reserve(t)") { return pacer.reserve(t); };
  BENCHMARK("pacing: reserve(steady_clock::now())") {
    return pacer.reserve(tk::pacer::clock::now());
  };
}

TEST_CASE("client") {
  // The loop's own cost per request: one attempt each (max_attempts 1, so that every decision is
  // final), on a clock that moves a second at each reading (the pacer never waits), against the
  // decide call at its core. The mix without the account failures, which would stop the client.
  std::vector<std::error_code> errors;
  for (const int code : response_mix()) {
    const std::error_code ec = tk::v4::to_error_code(code);
    if (tk::retry_advice_of(ec) != tk::retry_advice::after_account_action) errors.push_back(ec);
  }
  std::size_t i = 0;
  const auto next_error = [&]() -> const std::error_code& { return errors[i++ % errors.size()]; };
  tk::client_policy policy;
  policy.retry.max_attempts = 1;
  tk::client_state state(tk::api_version::v4, policy);
  struct moving_clock {
    tk::pacer::clock::time_point* now;
    tk::pacer::clock::time_point operator()() const { return *now += std::chrono::seconds(1); }
  };
  tk::pacer::clock::time_point now = tk::pacer::clock::now();
  struct timer {
    moving_clock clock;
    tk::pacer::clock::time_point now() const { return clock(); }
    void sleep_until(tk::pacer::clock::time_point t) const {
      if (t > *clock.now) *clock.now = t;
    }
  };
  BENCHMARK("client: decide(ec, 1) (floor)") { return tk::decide(next_error(), 1, policy.retry); };
  BENCHMARK("client: send_with_retries, one attempt") {
    return tk::send_with_retries(
               state, tk::endpoint::other,
               [&](unsigned) {
                 return tk::attempt_result{next_error(), std::chrono::seconds{0}};
               },
               {}, tk::ignore_attempts{}, timer{moving_clock{&now}})
        .attempts;
  };
  BENCHMARK("client: retry_loop next + record, one attempt") {
    const tk::pacer::clock::time_point t = moving_clock{&now}();
    tk::retry_loop loop(state, tk::endpoint::other, t);
    (void)loop.next(t);
    return loop.record(t, {next_error(), std::chrono::seconds{0}}).retrying;
  };
}
