/// @file
/// Staying under TrackingMore's rate limits: the documented limits as constexpr data
/// (`documented_requests_per_second`), and `pacer`, a token bucket that the threads of a client
/// share, which also pauses them all after a 429. The rules are on the @ref retrying page.
///
/// Optional: the core header does not include this one.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_PACING_HPP
#define TRACKINGMORE_STATUS_PACING_HPP

#include <trackingmore/status.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <optional>
#include <stdexcept>
#include <thread>
#include <utility>

namespace trackingmore {

/// The kinds of endpoint TrackingMore limits separately.
enum class endpoint {
  create_trackings,  ///< v4 `POST /trackings/create`.
  other              ///< Every other endpoint.
};

/// The requests per second TrackingMore allows on `e` of API `version` by default: v4
/// `POST /trackings/create` 3, every other v4 endpoint 10, v2 and v3 1 (support article
/// "TrackingMore API Request Rate Limit", updated 30/05/2024). A value that is no documented
/// version gets the strictest limit, 1.
constexpr double documented_requests_per_second(api_version version, endpoint e) noexcept {
  if (version != api_version::v4) return 1.0;
  return e == endpoint::create_trackings ? 3.0 : 10.0;
}

/// Implementation details: not part of the API.
namespace detail {

/// `a + b`, saturated at the limits of `std::int64_t` instead of overflowing.
constexpr std::int64_t saturating_add(std::int64_t a, std::int64_t b) noexcept {
  constexpr std::int64_t max = std::numeric_limits<std::int64_t>::max();
  constexpr std::int64_t min = std::numeric_limits<std::int64_t>::min();
  if (b > 0 && a > max - b) return max;
  if (b < 0 && a < min - b) return min;
  return a + b;
}

/// `t` in nanoseconds since the clock's epoch.
inline std::int64_t nanoseconds_of(std::chrono::steady_clock::time_point t) noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
}

}  // namespace detail

/// A token bucket that paces requests: it starts full, so that `burst` requests may go at once,
/// then lets one go every 1 / `requests_per_second` seconds. Every function is safe to call from
/// any number of threads at once on one pacer; none allocates or locks (one atomic
/// compare-and-swap loop), and none but `wait` blocks.
///
/// The rate and the burst are checked at construction: the constructor throws
/// `std::invalid_argument`, and `make` returns `std::nullopt`, for a rate that is zero, negative,
/// NaN or infinite, for a burst of 0 (a bucket that can hold no request would never send), and
/// for values whose interval or burst do not fit in 64-bit nanoseconds (a rate below one request
/// in 292 years, or `burst` intervals beyond that). Rates above 10^9 per second pace at one
/// request per nanosecond.
class pacer {
 public:
  /// The clock of every time and duration here.
  using clock = std::chrono::steady_clock;

  /// A pacer of `requests_per_second`, allowing `burst` requests at once; throws
  /// `std::invalid_argument` for the values the class rejects (without exceptions, aborts: use
  /// `make` there).
  explicit pacer(double requests_per_second, unsigned burst = 1)
      : pacer(key{}, valid(requests_per_second, burst)) {}

  /// The same pacer without exceptions: `std::nullopt` for the values the class rejects.
  static std::optional<pacer> make(double requests_per_second, unsigned burst = 1) noexcept {
    const std::optional<limits> l = checked(requests_per_second, burst);
    if (!l) return std::nullopt;
    return std::optional<pacer>(std::in_place, key{}, *l);
  }

  /// Reserves the next free slot for a request that is ready at `now`, and returns how long to
  /// wait before sending it: zero when it may go at `now`. Reservations never overlap: in any
  /// span of time, at most `burst` - 1 + the span x the rate of them (rounded up) begin, however
  /// many threads reserve and whatever `now` they pass. No slot reserved once `pause_until`
  /// has returned begins before the pause's end.
  clock::duration reserve(clock::time_point now) noexcept {
    const std::int64_t t = detail::nanoseconds_of(now);
    // The bucket as a "theoretical arrival time" (GCRA): the bucket is full at next_ - tolerance_
    // and each request moves next_ one interval on. It starts at the earliest time: full.
    std::int64_t next = next_.load(std::memory_order_relaxed);
    for (;;) {
      const std::int64_t after = detail::saturating_add(next > t ? next : t, interval_);
      if (next_.compare_exchange_weak(next, after, std::memory_order_relaxed)) break;
    }
    if (next <= t) return clock::duration::zero();
    // next > t, so the difference is exact in unsigned arithmetic, whatever the two are.
    const std::uint64_t ahead = static_cast<std::uint64_t>(next) - static_cast<std::uint64_t>(t);
    const auto tolerance = static_cast<std::uint64_t>(tolerance_);
    if (ahead <= tolerance) return clock::duration::zero();
    constexpr auto longest = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    const std::uint64_t ns = ahead - tolerance < longest ? ahead - tolerance : longest;
    return std::chrono::ceil<clock::duration>(
        std::chrono::nanoseconds{static_cast<std::int64_t>(ns)});
  }

  /// No slot begins before `until`: what a 429 calls for (`now` + the delay `decide` gives, which
  /// is at least `retry_after_seconds(ec)`). The bucket is empty at `until`: one request may go
  /// then, the next one interval later. A pause never shortens another.
  void pause_until(clock::time_point until) noexcept {
    const std::int64_t u = detail::nanoseconds_of(until);
    raise(next_, detail::saturating_add(u, tolerance_));
    raise(pause_end_, u);
  }

  /// The end of the latest pause (`pause_until`), or the clock's earliest time without one. A
  /// caller that sleeps until a slot itself (as `wait` does) reserves again when this is after
  /// the slot: the pause began while it slept.
  clock::time_point paused_until() const noexcept {
    return clock::time_point{std::chrono::duration_cast<clock::duration>(
        std::chrono::nanoseconds{pause_end_.load()})};
  }

  /// Reserves a slot for now (`clock::now()`), sleeps until it, and returns it. If a pause that
  /// began after the reservation covers the slot, it reserves again, so that a thread that was
  /// already waiting does not send during the pause either. (A request already sent cannot be
  /// recalled: a thread that returned before `pause_until` was called is not held back.)
  clock::time_point wait() {
    for (;;) {
      const clock::time_point now = clock::now();
      const clock::time_point slot = now + reserve(now);
      if (slot == now) return slot;
      // sleep_until may wake before the slot (MinGW's rounds the sleep to Windows' milliseconds).
      while (clock::now() < slot) std::this_thread::sleep_until(slot);
      if (paused_until() <= slot) return slot;
    }
  }

 private:
  /// @cond
  struct limits {
    std::int64_t interval;   // ns between two slots
    std::int64_t tolerance;  // (burst - 1) x interval
  };
  // Lets `make` construct in place through std::optional without making the checks optional.
  class key {
    friend class pacer;
    explicit key() = default;
  };

 public:
  // For `make` only: `key` cannot be made outside the class.
  pacer([[maybe_unused]] key k, limits l) noexcept
      : interval_(l.interval), tolerance_(l.tolerance) {}
  /// @endcond

 private:
  /// The interval and tolerance of a valid rate and burst; `std::nullopt` for the others.
  static std::optional<limits> checked(double requests_per_second, unsigned burst) noexcept {
    constexpr double ns_per_s = 1e9;
    // 2^63 is exact as a double; every interval below it fits in std::int64_t.
    constexpr double too_long = 9223372036854775808.0;
    // The negated comparison also rejects NaN; infinity gives an interval of 0.
    if (!(requests_per_second > 0.0) || burst == 0) return std::nullopt;
    const double interval = std::ceil(ns_per_s / requests_per_second);
    // Rounded up, never faster than the rate, and at least 1 ns, so that slots never coincide.
    if (!(interval > 0.0 && interval < too_long)) return std::nullopt;
    const auto ns = static_cast<std::int64_t>(interval);
    const std::int64_t extra = static_cast<std::int64_t>(burst) - 1;
    if (extra > std::numeric_limits<std::int64_t>::max() / ns) return std::nullopt;
    return limits{ns, extra * ns};
  }

  /// `checked`'s limits, or the exception (the abort) of the constructor.
  static limits valid(double requests_per_second, unsigned burst) {
    const std::optional<limits> l = checked(requests_per_second, burst);
    if (l) return *l;
#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
    throw std::invalid_argument(
        "trackingmore::pacer: the rate must be positive and finite, the burst at least 1");
#else
    std::abort();
#endif
  }

  /// Makes `value` at least `least`.
  static void raise(std::atomic<std::int64_t>& value, std::int64_t least) noexcept {
    std::int64_t now = value.load();
    while (now < least && !value.compare_exchange_weak(now, least)) {
    }
  }

  std::int64_t interval_;
  std::int64_t tolerance_;
  std::atomic<std::int64_t> next_{std::numeric_limits<std::int64_t>::min()};
  std::atomic<std::int64_t> pause_end_{std::numeric_limits<std::int64_t>::min()};
};

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_PACING_HPP
