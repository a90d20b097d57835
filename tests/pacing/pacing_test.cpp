// The documented rate limits, and the pacer's rules: each on a fake time line (deterministic), then
// threads sharing one pacer on the real clock.
#include <trackingmore/status/pacing.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

#include "../catch.hpp"
#include "../most_in_window.hpp"

namespace {

namespace tk = trackingmore;
using clock_type = tk::pacer::clock;
using std::chrono::milliseconds;
using std::chrono::nanoseconds;

/// A fake time line: its origin, far from the clock's epoch.
constexpr clock_type::time_point t0 = clock_type::time_point{} + std::chrono::hours(1000);

/// The slots `p` gives to requests ready at each of `ready`, in that order.
std::vector<clock_type::time_point> slots(tk::pacer& p,
                                          const std::vector<clock_type::time_point>& ready) {
  std::vector<clock_type::time_point> result;
  result.reserve(ready.size());
  for (const clock_type::time_point now : ready) result.push_back(now + p.reserve(now));
  return result;
}

}  // namespace

TEST_CASE("documented rate limits: v4 create 3/s, other v4 10/s, v2 and v3 1/s") {
  using tk::api_version;
  using tk::endpoint;
  static_assert(tk::documented_requests_per_second(api_version::v4, endpoint::create_trackings) ==
                3.0);
  CHECK(tk::documented_requests_per_second(api_version::v4, endpoint::other) == 10.0);
  for (const api_version v : {api_version::v2, api_version::v3}) {
    CHECK(tk::documented_requests_per_second(v, endpoint::create_trackings) == 1.0);
    CHECK(tk::documented_requests_per_second(v, endpoint::other) == 1.0);
  }
  // Not a documented version: the strictest limit.
  CHECK(tk::documented_requests_per_second(static_cast<api_version>(5), endpoint::other) == 1.0);
}

TEST_CASE("pacer: starts full: a burst goes at once, then one per interval") {
  tk::pacer p(2.0, 3);
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == milliseconds(500));
  CHECK(p.reserve(t0) == milliseconds(1000));
  // Ready later: waits for its slot, counted from its own time.
  CHECK(p.reserve(t0 + milliseconds(1200)) == milliseconds(300));
}

TEST_CASE("pacer: burst 1 sends one at once, then one every 1/rate (rounded up)") {
  tk::pacer p(3.0);
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == nanoseconds(333'333'334));
  CHECK(p.reserve(t0) == nanoseconds(666'666'668));
  // The fourth slot is 3 intervals on, just after t0 + 1 s; ready after it, a request goes at once.
  tk::pacer q(3.0);
  CHECK(slots(q, {t0, t0, t0, t0 + std::chrono::seconds(1)}).back() ==
        t0 + nanoseconds(1'000'000'002));
  CHECK(p.reserve(t0 + nanoseconds(1'000'000'002)) == nanoseconds(0));
}

TEST_CASE("pacer: an idle bucket refills to its burst and not beyond") {
  tk::pacer p(10.0, 2);
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == nanoseconds(0));
  const clock_type::time_point later = t0 + std::chrono::seconds(60);
  CHECK(p.reserve(later) == nanoseconds(0));
  CHECK(p.reserve(later) == nanoseconds(0));
  CHECK(p.reserve(later) == milliseconds(100));
  // Half an interval of idleness refills half a request: the next slot is still ahead.
  tk::pacer q(10.0, 2);
  CHECK(q.reserve(t0) == nanoseconds(0));
  CHECK(q.reserve(t0) == nanoseconds(0));
  CHECK(q.reserve(t0 + milliseconds(50)) == milliseconds(50));
}

TEST_CASE("pacer: any window holds at most burst - 1 + window x rate slots whatever the times") {
  // Clumps of 20 requests, one clump every 3 s (so that the bucket refills between them), each
  // ready at random times over 200 ms and passed out of order, as threads would pass their clocks.
  std::vector<clock_type::time_point> ready;
  std::uint32_t state = 7;
  for (int i = 0; i < 400; ++i) {
    state = state * 1664525u + 1013904223u;
    ready.push_back(t0 + std::chrono::seconds(i / 20 * 3) + milliseconds(state % 200));
  }
  for (const unsigned burst : {1u, 4u}) {
    CAPTURE(burst);
    tk::pacer p(10.0, burst);
    const std::vector<clock_type::time_point> s = slots(p, ready);
    for (std::size_t i = 0; i < s.size(); ++i) CHECK(s[i] >= ready[i]);  // never before ready
    // The bound, and no less: the bucket is used in full.
    CHECK(test::most_in_window(s, std::chrono::seconds(1)) == burst - 1 + 10);
    CHECK(test::most_in_window(s, milliseconds(100)) == burst);
    CHECK(test::most_in_window(s, milliseconds(250)) == burst - 1 + 3);
  }
}

TEST_CASE("pacer: no slot before a pause ends, after it one request, then one per interval") {
  tk::pacer p(10.0, 3);
  CHECK(p.reserve(t0) == nanoseconds(0));
  const clock_type::time_point until = t0 + std::chrono::seconds(120);
  p.pause_until(until);
  CHECK(p.reserve(t0 + milliseconds(1)) == until - (t0 + milliseconds(1)));
  CHECK(p.reserve(t0 + milliseconds(2)) == until + milliseconds(100) - (t0 + milliseconds(2)));
  CHECK(p.reserve(until) == milliseconds(200));
  // A shorter pause, or one in the past, shortens nothing.
  p.pause_until(t0 + std::chrono::seconds(60));
  p.pause_until(t0 - std::chrono::seconds(60));
  CHECK(p.reserve(until) == milliseconds(300));
  // Long after the pause, the bucket is full again.
  const clock_type::time_point later = until + std::chrono::seconds(10);
  CHECK(slots(p, {later, later, later, later}) ==
        std::vector<clock_type::time_point>{later, later, later, later + milliseconds(100)});
}

TEST_CASE("pacer: a pause that has already ended changes nothing") {
  tk::pacer p(1.0);
  p.pause_until(t0 - milliseconds(1));
  CHECK(p.reserve(t0) == nanoseconds(0));
  CHECK(p.reserve(t0) == std::chrono::seconds(1));
}

TEST_CASE("pacer: a rate of zero, negative, NaN or infinite, or a burst of 0 is rejected") {
  const double bad_rates[] = {0.0,
                              -0.0,
                              -1.0,
                              std::numeric_limits<double>::quiet_NaN(),
                              std::numeric_limits<double>::infinity(),
                              -std::numeric_limits<double>::infinity(),
                              std::numeric_limits<double>::denorm_min(),
                              1e-10};  // one request in 317 years: beyond 64-bit nanoseconds
  for (const double rate : bad_rates) {
    CAPTURE(rate);
    CHECK_THROWS_AS(tk::pacer(rate), std::invalid_argument);
    CHECK_FALSE(tk::pacer::make(rate).has_value());
  }
  CHECK_THROWS_AS(tk::pacer(3.0, 0), std::invalid_argument);
  CHECK_FALSE(tk::pacer::make(3.0, 0).has_value());
  // A burst whose tolerance does not fit in 64-bit nanoseconds.
  CHECK_FALSE(tk::pacer::make(1e-9, 11).has_value());
  CHECK(tk::pacer::make(1e-9, 10).has_value());
  CHECK(tk::pacer::make(3.0, std::numeric_limits<unsigned>::max()).has_value());
}

TEST_CASE("pacer: extreme rates and times saturate and never overflow") {
  // Above 10^9 per second: one request per nanosecond.
  std::optional<tk::pacer> fast = tk::pacer::make(1e300);
  REQUIRE(fast);
  CHECK(fast->reserve(t0) == nanoseconds(0));
  CHECK(fast->reserve(t0) == nanoseconds(1));
  // One request in 31 years.
  tk::pacer slow(1e-9);
  CHECK(slow.reserve(t0) == nanoseconds(0));
  CHECK(slow.reserve(t0) == nanoseconds(1'000'000'000'000'000'000));
  // The ends of the clock.
  tk::pacer p(1.0);
  CHECK(p.reserve(clock_type::time_point::min()) == nanoseconds(0));
  CHECK(p.reserve(clock_type::time_point::max()) == nanoseconds(0));
  CHECK(p.reserve(clock_type::time_point::max()) == clock_type::duration::zero());
  CHECK(p.reserve(clock_type::time_point::min()) == clock_type::duration::max());
  tk::pacer q(1.0);
  q.pause_until(clock_type::time_point::max());
  CHECK(q.reserve(t0) == clock_type::time_point::max() - t0);
}

TEST_CASE("pacer: threads sharing one pacer never send faster than the rate (real clock)") {
  constexpr double rate = 100.0;
  constexpr unsigned burst = 5;
  tk::pacer p(rate, burst);
  std::mutex m;
  std::vector<clock_type::time_point> slots_given;
  std::vector<clock_type::time_point> sent;
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 15; ++i) {
        const clock_type::time_point slot = p.wait();
        const clock_type::time_point at = clock_type::now();
        const std::lock_guard<std::mutex> lock(m);
        slots_given.push_back(slot);
        sent.push_back(at);
      }
    });
  }
  for (std::thread& t : threads) t.join();
  REQUIRE(slots_given.size() == 120);
  for (std::size_t i = 0; i < sent.size(); ++i) CHECK(sent[i] >= slots_given[i]);
  CHECK(test::most_in_window(slots_given, std::chrono::seconds(1)) <= burst - 1 + 100);
  CHECK(test::most_in_window(slots_given, milliseconds(100)) <= burst - 1 + 10);
  CHECK(test::most_in_window(slots_given, milliseconds(10)) <= burst);
  // 120 sends at 100/s after a burst of 5 take 1.15 s at least.
  const auto [first, last] = std::minmax_element(sent.begin(), sent.end());
  CHECK(*last - *first >= milliseconds(1140));
}

TEST_CASE("pacer: after pause_until no waiting thread sends before the pause ends (real clock)") {
  tk::pacer p(100.0);
  std::mutex m;
  std::vector<clock_type::time_point> slots_given;
  std::vector<std::thread> threads;
  threads.reserve(4);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 15; ++i) {
        const clock_type::time_point slot = p.wait();
        const std::lock_guard<std::mutex> lock(m);
        slots_given.push_back(slot);
      }
    });
  }
  std::this_thread::sleep_for(milliseconds(200));
  const clock_type::time_point until = clock_type::now() + milliseconds(300);
  p.pause_until(until);
  // Every slot from here on had its pause check after the pause began.
  const clock_type::time_point paused = clock_type::now();
  for (std::thread& t : threads) t.join();
  REQUIRE(slots_given.size() == 60);
  const auto during = std::count_if(slots_given.begin(), slots_given.end(),
                                    [&](auto s) { return s >= paused && s < until; });
  CHECK(during == 0);
  // The test means something: requests went before the pause and after it.
  CHECK(std::count_if(slots_given.begin(), slots_given.end(), [&](auto s) { return s < paused; }) >
        0);
  CHECK(std::count_if(slots_given.begin(), slots_given.end(), [&](auto s) { return s >= until; }) >
        0);
}
