/// @file
/// A whole client: `client_state`, the one state its threads share (the pacers and their 429
/// pause, the account stop, the retry budget), and `send_with_retries`, the one call that runs a
/// request's whole retry loop through any HTTP client; `retry_loop` is the same loop as a step
/// function, for asynchronous clients. The rules are on the @ref retrying page.
///
/// Optional: the core header does not include this one.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_CLIENT_HPP
#define TRACKINGMORE_STATUS_CLIENT_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/pacing.hpp>
#include <trackingmore/status/retry.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Implementation details: not part of the API.
namespace detail {

/// Throws `std::invalid_argument` with `what` (aborts without exceptions): a misuse found at
/// construction.
[[noreturn]] inline void reject(const char* what) {
#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
  throw std::invalid_argument(what);
#else
  (void)what;
  std::abort();
#endif
}

/// `ns` nanoseconds since the epoch of the pacer's clock.
inline pacer::clock::time_point time_point_of(std::int64_t ns) noexcept {
  return pacer::clock::time_point{
      std::chrono::duration_cast<pacer::clock::duration>(std::chrono::nanoseconds{ns})};
}

/// `d` in nanoseconds, saturated instead of overflowing.
template <class Rep, class Period>
constexpr std::int64_t saturating_ns(std::chrono::duration<Rep, Period> d) noexcept {
  using limits = std::numeric_limits<std::int64_t>;
  using ns = std::chrono::duration<long double, std::nano>;
  const long double value = std::chrono::duration_cast<ns>(d).count();
  if (value >= static_cast<long double>(limits::max())) return limits::max();
  if (value <= static_cast<long double>(limits::min())) return limits::min();
  return static_cast<std::int64_t>(value);
}

}  // namespace detail

/// What a `retry_budget` allows. The defaults: 20% of requests, one retry a second, at most 10
/// saved.
struct retry_budget_policy {
  double fraction = 0.2;                ///< Retries allowed per request first sent, 0 to 1.
  double min_retries_per_second = 1.0;  ///< The floor, earned by time alone; above 0.
  std::chrono::seconds saved_for{10};   ///< The balance saves at most this long's floor.
};

/// A retry budget after Finagle's `RetryBudget`: retries may be at most `fraction` of the
/// requests first sent, plus a floor of `min_retries_per_second` for a client that sends little.
/// In any span of time, the retries it allows are at most `fraction` x the requests deposited in
/// it + the span x `min_retries_per_second` + the balance saved before it, which never exceeds
/// `min_retries_per_second` x `saved_for` retries (at least 1). It starts with that balance.
///
/// Safe from any number of threads at once: one atomic compare-and-swap loop, no lock, no
/// allocation. Every time is passed in, so tests drive it on a fake time line.
///
/// Misuse fails at construction with `std::invalid_argument`: a fraction outside [0, 1] (or NaN);
/// a floor that is not positive and finite (to retry nothing, set `retry_policy::max_attempts` to
/// 1); a negative `saved_for`; values whose times do not fit in 64-bit nanoseconds.
class retry_budget {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// A budget of `l`; throws `std::invalid_argument` for the values the class rejects.
  explicit retry_budget(const retry_budget_policy& l = {}) : retry_budget(checked(l)) {}

  /// A request is first sent at `now`: it earns `fraction` of a retry.
  void deposit(clock::time_point now) noexcept {
    const std::int64_t t = detail::nanoseconds_of(now);
    const std::int64_t full = detail::saturating_add(t, -capacity_);
    std::int64_t tat = tat_.load(std::memory_order_relaxed);
    for (;;) {
      const std::int64_t earned = detail::saturating_add(tat, -deposit_);
      const std::int64_t after = earned > full ? earned : full;
      if (after == tat || tat_.compare_exchange_weak(tat, after, std::memory_order_relaxed)) return;
    }
  }

  /// Takes one retry from the balance at `now`: false, and nothing taken, when less than one is
  /// left.
  bool try_withdraw(clock::time_point now) noexcept {
    const std::int64_t t = detail::nanoseconds_of(now);
    const std::int64_t full = detail::saturating_add(t, -capacity_);
    std::int64_t tat = tat_.load(std::memory_order_relaxed);
    for (;;) {
      // The balance as a "theoretical arrival time", as the pacer keeps its bucket: at `t` it
      // holds (t - tat) / interval retries, at most capacity / interval.
      const std::int64_t from = tat > full ? tat : full;
      const std::int64_t after = detail::saturating_add(from, interval_);
      if (after > t) return false;
      if (tat_.compare_exchange_weak(tat, after, std::memory_order_relaxed)) return true;
    }
  }

  /// The retries left at `now`, rounded down.
  std::int64_t balance(clock::time_point now) const noexcept {
    const std::int64_t t = detail::nanoseconds_of(now);
    const std::int64_t full = detail::saturating_add(t, -capacity_);
    const std::int64_t tat = tat_.load(std::memory_order_relaxed);
    const std::int64_t from = tat > full ? tat : full;
    return from >= t ? 0 : (t - from) / interval_;
  }

 private:
  /// @cond
  struct times {
    std::int64_t interval;  // ns of the floor between two retries
    std::int64_t capacity;  // ns: the most saved, a whole number of intervals
    std::int64_t deposit;   // ns: fraction x interval
  };
  /// @endcond
  explicit retry_budget(times t) noexcept
      : interval_(t.interval), capacity_(t.capacity), deposit_(t.deposit) {}

  static times checked(const retry_budget_policy& l) {
    constexpr double too_long = 9223372036854775808.0;  // 2^63
    if (!(l.fraction >= 0.0 && l.fraction <= 1.0)) {
      detail::reject("trackingmore::retry_budget: the fraction must be in [0, 1]");
    }
    if (!(l.min_retries_per_second > 0.0) || !std::isfinite(l.min_retries_per_second)) {
      detail::reject("trackingmore::retry_budget: min_retries_per_second must be positive, finite");
    }
    if (l.saved_for.count() < 0) {
      detail::reject("trackingmore::retry_budget: saved_for must not be negative");
    }
    const double interval = std::ceil(1e9 / l.min_retries_per_second);
    const double saved =
        std::floor(l.min_retries_per_second * static_cast<double>(l.saved_for.count()));
    const double count = saved < 1.0 ? 1.0 : saved;
    if (!(interval >= 1.0 && interval * count < too_long)) {
      detail::reject("trackingmore::retry_budget: the floor's times do not fit in 64-bit ns");
    }
    const auto ns = static_cast<std::int64_t>(interval);
    return {ns, static_cast<std::int64_t>(interval * count),
            static_cast<std::int64_t>(std::floor(l.fraction * interval))};
  }

  std::int64_t interval_;
  std::int64_t capacity_;
  std::int64_t deposit_;
  std::atomic<std::int64_t> tat_{std::numeric_limits<std::int64_t>::min()};  // starts full
};

/// What `account_stop::admit` says about a request ready to go.
struct admission {
  /// The request may go; `probe` when it goes as the stop's probe.
  bool allowed = false;
  /// Sent to test whether the account works again: its answer ends the stop, or not.
  bool probe = false;
  /// The account failure that refuses it, when `!allowed`.
  std::error_code refused_by;
  /// The answer came too late for the slot the request waited for (a shared stop that waited for
  /// a Redis that then failed, and held other threads as long): `retry_loop` sends it at a new
  /// slot, so that they do not all go at once.
  bool late = false;
};

/// The account stop: after a failure that needs the account (advice `after_account_action`: 401,
/// a deleted key, a spent quota or balance), no request of the client is sent, and each fails at
/// once with that failure, until `reset`, or until a probe ends it: with a probe interval, one
/// request every interval is let through to test the account, and an answer that is not about the
/// account (a success, or a failure of the request itself) ends the stop.
///
/// Safe from any number of threads at once, no allocation. The error is kept in two atomics under
/// a sequence number; a thread that reads the stop while another is recording it yields until the
/// two stores are done.
class account_stop {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// A stop that lasts until `reset`, or, with `probe_interval`, until a probe ends it. Throws
  /// `std::invalid_argument` for a probe interval of zero or less (it would never stop).
  explicit account_stop(std::optional<clock::duration> probe_interval = std::nullopt)
      : probe_interval_(checked(probe_interval)) {}

  /// Whether a request ready at `now` may go.
  admission admit(clock::time_point now) noexcept {
    for (;;) {
      const std::uint64_t s = state_.load(std::memory_order_acquire);
      if (s % 4 == open) return {true, false, {}};
      if (s % 4 == writing) {
        std::this_thread::yield();
        continue;
      }
      const std::error_code ec = error(s);
      if (!ec) continue;  // the state moved on while it was read
      if (probe_interval_ > 0) {
        const std::int64_t t = detail::nanoseconds_of(now);
        std::int64_t due = next_probe_.load(std::memory_order_relaxed);
        while (due <= t) {
          if (next_probe_.compare_exchange_weak(due, detail::saturating_add(t, probe_interval_),
                                                std::memory_order_relaxed)) {
            return {true, true, {}};
          }
        }
      }
      return {false, false, ec};
    }
  }

  /// Whether the stop is on, without taking a probe: its error, or an empty code.
  std::error_code stopped_by() const noexcept {
    for (;;) {
      const std::uint64_t s = state_.load(std::memory_order_acquire);
      if (s % 4 == open) return {};
      if (s % 4 == writing) {
        std::this_thread::yield();
        continue;
      }
      const std::error_code ec = error(s);
      if (ec) return ec;
    }
  }

  /// Whether a probe at `now` would be let through (the stop is off, or a probe is due).
  bool would_admit(clock::time_point now) const noexcept {
    if (!stopped_by()) return true;
    return probe_interval_ > 0 &&
           next_probe_.load(std::memory_order_relaxed) <= detail::nanoseconds_of(now);
  }

  /// Starts the stop with `ec` at `now`, unless it is on already (the first failure is kept). An
  /// empty `ec` is no failure: it starts nothing.
  void stop(const std::error_code& ec, clock::time_point now) noexcept {
    if (!ec) return;
    std::uint64_t s = state_.load(std::memory_order_relaxed);
    for (;;) {
      if (s % 4 != open) return;
      if (state_.compare_exchange_weak(s, s + (writing - open), std::memory_order_acq_rel)) break;
    }
    // A seqlock's writer: a reader that sees a store below sees `writing` (or later) after it.
    std::atomic_thread_fence(std::memory_order_release);
    category_.store(&ec.category(), std::memory_order_relaxed);
    value_.store(ec.value(), std::memory_order_relaxed);
    next_probe_.store(detail::saturating_add(detail::nanoseconds_of(now), probe_interval_),
                      std::memory_order_relaxed);
    state_.store(s + (stopped - open), std::memory_order_release);
  }

  /// Ends the stop, whoever started it.
  void reset() noexcept {
    std::uint64_t s = state_.load(std::memory_order_relaxed);
    for (;;) {
      if (s % 4 == open) return;
      if (s % 4 == writing) {
        std::this_thread::yield();
        s = state_.load(std::memory_order_relaxed);
        continue;
      }
      if (state_.compare_exchange_weak(s, s - stopped + 4 + open, std::memory_order_release)) {
        return;
      }
    }
  }

  /// The probe interval, zero without probes.
  clock::duration probe_interval() const noexcept {
    return std::chrono::duration_cast<clock::duration>(std::chrono::nanoseconds{probe_interval_});
  }

 private:
  // The state: a sequence number times 4, plus its phase.
  static constexpr std::uint64_t open = 0;
  static constexpr std::uint64_t writing = 1;
  static constexpr std::uint64_t stopped = 2;

  static std::int64_t checked(std::optional<clock::duration> interval) {
    if (!interval) return 0;
    if (interval->count() <= 0) {
      detail::reject("trackingmore::account_stop: the probe interval must be positive");
    }
    return detail::saturating_ns(*interval);
  }

  /// The error recorded in state `s`, or an empty code if the state moved on meanwhile.
  std::error_code error(std::uint64_t s) const noexcept {
    const std::error_category* of = category_.load(std::memory_order_relaxed);
    const int value = value_.load(std::memory_order_relaxed);
    std::atomic_thread_fence(std::memory_order_acquire);
    if (state_.load(std::memory_order_relaxed) != s || of == nullptr) return {};
    return {value, *of};
  }

  std::int64_t probe_interval_;
  std::atomic<std::uint64_t> state_{open};
  std::atomic<const std::error_category*> category_{nullptr};
  std::atomic<int> value_{0};
  std::atomic<std::int64_t> next_probe_{std::numeric_limits<std::int64_t>::max()};
};

/// How a whole client behaves: the defaults are TrackingMore's documented rates, `decide`'s
/// policy, a retry budget of 20% of requests plus one retry a second, and an account stop that
/// lasts until `reset`.
struct client_policy {
  retry_policy retry;          ///< `decide`'s, for every request.
  retry_budget_policy budget;  ///< Bounds the retries of the whole client.
  /// With a value, one request every interval tests a stopped account; without, the stop lasts
  /// until `client_state::account().reset()`.
  std::optional<pacer::clock::duration> account_probe_interval;
};

/// A pacer of a `client_state`, by reference: a `pacer`, or any type with its `reserve`,
/// `pause_until` and `paused_until`, none of which may throw (such as `redis_pacer`, which every
/// process of a deployment shares). The pacer must outlive it.
class pacer_ref {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// Refers to `p`.
  template <class Pacer,
            class = std::enable_if_t<!std::is_same_v<std::remove_cv_t<Pacer>, pacer_ref>>>
  // cppcheck-suppress noExplicitConstructor
  pacer_ref(Pacer& p) noexcept  // NOLINT(google-explicit-constructor): any pacer, as a pacer
      : self_(&p), ops_(&ops_of<Pacer>) {}

  /// `p.reserve(now)`.
  clock::duration reserve(clock::time_point now) const noexcept {
    return ops_->reserve(self_, now);
  }
  /// `p.pause_until(until)`.
  void pause_until(clock::time_point until) const noexcept { ops_->pause_until(self_, until); }
  /// `p.paused_until()`.
  clock::time_point paused_until() const noexcept { return ops_->paused_until(self_); }

 private:
  /// @cond
  struct ops {
    clock::duration (*reserve)(void*, clock::time_point) noexcept;
    void (*pause_until)(void*, clock::time_point) noexcept;
    clock::time_point (*paused_until)(void*) noexcept;
  };
  /// @endcond
  template <class Pacer>
  static constexpr ops ops_of = {
      [](void* p, clock::time_point now) noexcept { return static_cast<Pacer*>(p)->reserve(now); },
      [](void* p, clock::time_point until) noexcept { static_cast<Pacer*>(p)->pause_until(until); },
      [](void* p) noexcept { return static_cast<Pacer*>(p)->paused_until(); }};
  void* self_;
  const ops* ops_;
};

/// The account stop of a `client_state`, by reference: an `account_stop`, or any type with its
/// `admit`, `stopped_by`, `would_admit`, `stop`, `reset` and `probe_interval`, none of which may
/// throw (such as `redis_account_stop`, which every process of a deployment shares). The stop must
/// outlive it.
class account_stop_ref {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// Refers to `s`.
  template <class Stop,
            class = std::enable_if_t<!std::is_same_v<std::remove_cv_t<Stop>, account_stop_ref> &&
                                     std::is_same_v<decltype(std::declval<Stop&>().admit(
                                                        std::declval<clock::time_point>())),
                                                    admission>>>
  // cppcheck-suppress noExplicitConstructor
  account_stop_ref(Stop& s) noexcept  // NOLINT(google-explicit-constructor): any stop, as a stop
      : self_(&s), ops_(&ops_of<Stop>) {}

  /// `s.admit(now)`.
  admission admit(clock::time_point now) const noexcept { return ops_->admit(self_, now); }
  /// `s.stopped_by()`.
  std::error_code stopped_by() const noexcept { return ops_->stopped_by(self_); }
  /// `s.would_admit(now)`.
  bool would_admit(clock::time_point now) const noexcept { return ops_->would_admit(self_, now); }
  /// `s.stop(ec, now)`.
  void stop(const std::error_code& ec, clock::time_point now) const noexcept {
    ops_->stop(self_, ec, now);
  }
  /// `s.reset()`.
  void reset() const noexcept { ops_->reset(self_); }
  /// `s.probe_interval()`.
  clock::duration probe_interval() const noexcept { return ops_->probe_interval(self_); }

 private:
  /// @cond
  struct ops {
    admission (*admit)(void*, clock::time_point) noexcept;
    std::error_code (*stopped_by)(void*) noexcept;
    bool (*would_admit)(void*, clock::time_point) noexcept;
    void (*stop)(void*, const std::error_code&, clock::time_point) noexcept;
    void (*reset)(void*) noexcept;
    clock::duration (*probe_interval)(void*) noexcept;
  };
  /// @endcond
  template <class Stop>
  static constexpr ops ops_of = {
      [](void* s, clock::time_point now) noexcept { return static_cast<Stop*>(s)->admit(now); },
      [](void* s) noexcept { return static_cast<Stop*>(s)->stopped_by(); },
      [](void* s, clock::time_point now) noexcept {
        return static_cast<Stop*>(s)->would_admit(now);
      },
      [](void* s, const std::error_code& ec, clock::time_point now) noexcept {
        static_cast<Stop*>(s)->stop(ec, now);
      },
      [](void* s) noexcept { static_cast<Stop*>(s)->reset(); },
      [](void* s) noexcept { return static_cast<Stop*>(s)->probe_interval(); }};
  void* self_;
  const ops* ops_;
};

/// The one state the threads of a client share: a pacer per kind of endpoint at the documented
/// rates of its API version (which also holds every thread back after a 429), the account stop
/// and the retry budget. Every member is safe from any number of threads at once; none locks or
/// allocates. `send_with_retries` and `retry_loop` use it; so can a loop of one's own.
class client_state {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// The state of a client of API `version` under `policy`; throws `std::invalid_argument` for a
  /// policy that `retry_budget` or `account_stop` rejects.
  explicit client_state(api_version version, const client_policy& policy = {})
      : client_state(version, nullptr, nullptr, nullptr, policy) {}

  /// The same, pacing with `create_trackings` and `other` instead of pacers of its own: pacers
  /// that outlive it, such as `redis_pacer`s that every process of a deployment shares (which
  /// lock and make a round trip to Redis per reservation).
  client_state(api_version version, pacer_ref create_trackings, pacer_ref other,
               const client_policy& policy = {})
      : client_state(version, &create_trackings, &other, nullptr, policy) {}

  /// The same, stopping with `account` instead of an account stop of its own: one that outlives
  /// it, such as a `redis_account_stop` that every process of a deployment shares (one round trip
  /// to Redis per request). Its probe interval counts: throws `std::invalid_argument` when
  /// `policy` sets another one.
  client_state(api_version version, pacer_ref create_trackings, pacer_ref other,
               account_stop_ref account, const client_policy& policy = {})
      : client_state(version, &create_trackings, &other, &account, policy) {}

  /// The pacer of endpoints of kind `e`.
  pacer_ref pacer_of(endpoint e) noexcept {
    return e == endpoint::create_trackings ? create_trackings_ : other_;
  }
  /// The retry budget.
  retry_budget& budget() noexcept { return budget_; }
  /// The account stop: its own, or the one it was made with.
  account_stop_ref account() noexcept { return account_ref_; }
  /// The policy it was made with.
  const client_policy& policy() const noexcept { return policy_; }

 private:
  // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the public ones name them
  client_state(api_version version, const pacer_ref* create_trackings, const pacer_ref* other,
               const account_stop_ref* account, const client_policy& policy)
      : policy_(policy),
        own_create_trackings_(documented_requests_per_second(version, endpoint::create_trackings)),
        own_other_(documented_requests_per_second(version, endpoint::other)),
        create_trackings_(create_trackings != nullptr ? *create_trackings
                                                      : pacer_ref(own_create_trackings_)),
        other_(other != nullptr ? *other : pacer_ref(own_other_)),
        budget_(policy.budget),
        account_(policy.account_probe_interval),
        account_ref_(account != nullptr ? checked(*account, policy) : account_stop_ref(account_)) {}

  /// `account`, or `std::invalid_argument` when `policy` sets another probe interval.
  static account_stop_ref checked(account_stop_ref account, const client_policy& policy) {
    if (policy.account_probe_interval &&
        *policy.account_probe_interval != account.probe_interval()) {
      detail::reject("trackingmore::client_state: the policy's probe interval is not the stop's");
    }
    return account;
  }

  client_policy policy_;
  pacer own_create_trackings_;
  pacer own_other_;
  pacer_ref create_trackings_;
  pacer_ref other_;
  retry_budget budget_;
  account_stop account_;
  account_stop_ref account_ref_;
};

/// How one call of `send_with_retries` (or one `retry_loop`) may run.
struct call_options {
  /// How long the call may last from its start, waits included: no attempt starts after it, and
  /// a wait that would end after it ends the call instead. Negative: rejected.
  pacer::clock::duration deadline = pacer::clock::duration::max();
  /// When set and true, the call ends at its next step (a wait is cut short within
  /// `cancel_check` of `send_with_retries`'s clock).
  const std::atomic<bool>* cancel = nullptr;
  /// How often a waiting `send_with_retries` looks at `cancel`.
  pacer::clock::duration cancel_check = std::chrono::milliseconds{50};
};

/// How a call ended: exactly one of these for each call.
enum class call_end {
  succeeded,           ///< An attempt succeeded.
  failed,              ///< An attempt failed, and `decide` says not to retry it.
  retry_budget_spent,  ///< `decide` says retry, but the client's retry budget is spent.
  account_stopped,     ///< Not sent (again): the account stop refused it.
  deadline_passed,     ///< The next attempt would start after the deadline.
  cancelled            ///< `call_options::cancel` was set.
};

/// The name of `e`: "succeeded", "failed", "retry_budget_spent", ...; empty for no such value.
constexpr std::string_view name_of(call_end e) noexcept {
  constexpr std::string_view names[] = {"succeeded",       "failed",          "retry_budget_spent",
                                        "account_stopped", "deadline_passed", "cancelled"};
  const auto i = static_cast<std::size_t>(e);
  return i < std::size(names) ? names[i] : std::string_view{};
}

/// What one attempt gave: what the user's callable returns.
struct attempt_result {
  std::error_code ec;                   ///< Empty on success.
  std::chrono::seconds retry_after{0};  ///< The parsed `Retry-After` header, zero without one.
};

/// One attempt, as the observer of `send_with_retries` (or `retry_loop::record`) reports it.
struct attempt_report {
  unsigned attempt = 0;                    ///< 1 for the first.
  attempt_result result;                   ///< What it gave.
  retry_decision decision{false, {}, {}};  ///< What `decide` said about it.
  bool probe = false;                      ///< Sent as the account stop's probe.
  bool retrying = false;                   ///< Another attempt follows, after `decision.delay`.
  call_end end = call_end::failed;         ///< How the call ends, when `!retrying`.
};

/// How a call ended.
struct call_result {
  /// The last attempt's error (empty on success); without an attempt, the account stop's error,
  /// `std::errc::timed_out` (deadline) or `std::errc::operation_canceled`.
  std::error_code ec;
  unsigned attempts = 0;            ///< Requests sent.
  call_end end = call_end::failed;  ///< Why it ended.
};

/// What a `retry_loop` asks its caller to do.
struct retry_step {
  /// The three things to do.
  enum class action {
    send,  ///< Send the attempt now, then pass its result to `record`.
    wait,  ///< Call `next` again at `until`.
    done   ///< The call is over: see `retry_loop::result`.
  };
  action what = action::done;        ///< What to do.
  pacer::clock::time_point until{};  ///< For `wait`: when to call `next` again.
};

/// One request's whole retry loop as a step function, for a client that cannot block (an
/// asynchronous one): `next(now)` says what to do (send, wait until a time, or done), `record`
/// takes each attempt's result. It waits for the pacer of its endpoint kind, asks the account stop
/// before each attempt, deposits the request in the retry budget, decides with `decide` (full
/// jitter), pauses every thread after a 429, takes each retry from the budget, and keeps to the
/// deadline. No allocation; one loop per request, used by one thread at a time; the
/// `client_state` it shares is what must outlive it.
class retry_loop {
 public:
  /// The clock of every time here.
  using clock = pacer::clock;

  /// The loop of one request to an endpoint of kind `kind`, starting at `start`. Throws
  /// `std::invalid_argument` for a negative deadline.
  retry_loop(client_state& state, endpoint kind, clock::time_point start,
             const call_options& options = {})
      : state_(&state),
        pacer_(state.pacer_of(kind)),
        deadline_(detail::saturating_add(detail::nanoseconds_of(start), checked(options))),
        cancel_(options.cancel) {}

  /// What to do at `now`.
  retry_step next(clock::time_point now) noexcept {
    for (;;) {
      if (done_) return {retry_step::action::done, {}};
      if (cancelled()) {
        return finish(call_end::cancelled, std::make_error_code(std::errc::operation_canceled));
      }
      const std::int64_t t = detail::nanoseconds_of(now);
      if (t < resume_at_) return wait_until(resume_at_);
      if (!reserve(now)) {
        return finish(call_end::account_stopped, state_->account().stopped_by());
      }
      if (t < slot_) return wait_until(slot_);
      if (pacer_.paused_until() > detail::time_point_of(slot_)) {
        reserved_ = false;  // a 429 paused the client while this one waited: a slot after it
        continue;
      }
      if (t > deadline_) return finish(call_end::deadline_passed, timed_out());
      if (!admitted_) {
        const admission a = state_->account().admit(now);
        if (!a.allowed) return finish(call_end::account_stopped, a.refused_by);
        probe_ = a.probe;
        // Late, it waits for a new slot: the threads the answer held must not all go at once.
        admitted_ = a.late;
        reserved_ = !a.late;
        if (a.late) continue;
      }
      admitted_ = false;
      reserved_ = false;
      if (attempts_ == 0) state_->budget().deposit(now);
      return {retry_step::action::send, {}};
    }
  }

  /// The attempt `next` said to send gave `r` at `now`: decides what follows, and reports it.
  attempt_report record(clock::time_point now, const attempt_result& r) noexcept {
    ++attempts_;
    last_ = r.ec;
    attempt_report report;
    report.attempt = attempts_;
    report.result = r;
    report.probe = probe_;
    report.decision = decide(r.ec, attempts_, state_->policy().retry, r.retry_after);
    const retry_decision& d = report.decision;
    if (d.advice == retry_advice::after_account_action) {
      state_->account().stop(r.ec, now);
    } else if (probe_ && d.advice != retry_advice::after_delay) {
      state_->account().reset();  // the server answered about the request: the account works
    }
    probe_ = false;
    if (!d.retry) {
      finish(r.ec ? call_end::failed : call_end::succeeded, r.ec);
      report.end = result_.end;
      return report;
    }
    const std::int64_t resume =
        detail::saturating_add(detail::nanoseconds_of(now), detail::saturating_ns(d.delay));
    // A 429 is about the account, not this request: every thread waits.
    if (retry_after_seconds(r.ec) > 0) pacer_.pause_until(detail::time_point_of(resume));
    if (resume > deadline_) {
      finish(call_end::deadline_passed, r.ec);
      report.end = result_.end;
    } else if (!state_->budget().try_withdraw(now)) {
      finish(call_end::retry_budget_spent, r.ec);
      report.end = result_.end;
    } else {
      resume_at_ = resume;
      report.retrying = true;
    }
    return report;
  }

  /// The attempts sent so far.
  unsigned attempts() const noexcept { return attempts_; }

  /// How the call ended, once `next` said `done`.
  const call_result& result() const noexcept { return result_; }

 private:
  static std::int64_t checked(const call_options& options) {
    if (options.deadline.count() < 0) {
      detail::reject("trackingmore::retry_loop: the deadline must not be negative");
    }
    if (options.cancel != nullptr && options.cancel_check.count() <= 0) {
      detail::reject("trackingmore::retry_loop: cancel_check must be positive");
    }
    return detail::saturating_ns(options.deadline);
  }

  bool cancelled() const noexcept {
    return cancel_ != nullptr && cancel_->load(std::memory_order_relaxed);
  }

  /// Reserves the attempt's slot unless it has one; false when the account stop refuses it at
  /// once, without a wait.
  bool reserve(clock::time_point now) noexcept {
    if (reserved_) return true;
    if (!admitted_ && !state_->account().would_admit(now)) return false;
    slot_ = detail::nanoseconds_of(now + pacer_.reserve(now));
    reserved_ = true;
    return true;
  }

  std::error_code timed_out() const noexcept {
    return last_ ? last_ : std::make_error_code(std::errc::timed_out);
  }

  retry_step wait_until(std::int64_t t) noexcept {
    if (t > deadline_) return finish(call_end::deadline_passed, timed_out());
    return {retry_step::action::wait, detail::time_point_of(t)};
  }

  retry_step finish(call_end end, std::error_code ec) noexcept {
    done_ = true;
    // An attempt's own error wins over the reason of no attempt, but a refusal says why.
    if (end == call_end::cancelled && last_) ec = last_;
    result_ = {ec, attempts_, end};
    return {retry_step::action::done, {}};
  }

  client_state* state_;
  pacer_ref pacer_;
  std::int64_t deadline_;
  const std::atomic<bool>* cancel_;
  std::int64_t resume_at_ = std::numeric_limits<std::int64_t>::min();
  std::int64_t slot_ = 0;
  bool reserved_ = false;
  bool admitted_ = false;  // admitted late: waits for a new slot
  bool probe_ = false;
  bool done_ = false;
  unsigned attempts_ = 0;
  std::error_code last_;
  call_result result_;
};

/// The real clock for `send_with_retries`: `steady_clock`, and `std::this_thread::sleep_until`.
struct steady_timer {
  /// Now.
  static pacer::clock::time_point now() noexcept { return pacer::clock::now(); }
  /// Sleeps until `t` (sleep_until may wake early: it sleeps again).
  static void sleep_until(pacer::clock::time_point t) {
    while (pacer::clock::now() < t) std::this_thread::sleep_until(t);
  }
};

/// An observer that does nothing.
struct ignore_attempts {
  /// Nothing.
  void operator()(const attempt_report& /*report*/) const noexcept {}
};

/// Sends one request through any HTTP client until it succeeds or must stop, and returns how it
/// ended: `attempt(n)` sends attempt `n` (1 for the first) and returns its `attempt_result` (its
/// `error_code`, read with `error_code_of` or `transport_error`, and its parsed `Retry-After`).
/// Around each attempt it does what `retry_loop` does (pacing, the account stop, the budget,
/// `decide`, the wait, after a 429 for every thread), blocking this thread in each wait;
/// `observer(report)` is called after each attempt, for logs and metrics. `timer` (`now()`,
/// `sleep_until(t)`) is the clock it waits on: a test's own, or a scaled one. No allocation of
/// its own. Throws `std::invalid_argument` for a negative deadline; whatever `attempt`,
/// `observer` or `timer` throw passes through.
///
/// Example:
/// ```
/// trackingmore::client_state client{trackingmore::api_version::v4};  // shared by every thread
/// const trackingmore::call_result r = trackingmore::send_with_retries(
///     client, trackingmore::endpoint::create_trackings, [&](unsigned) {
///       const response answer = post(request);  // your HTTP client
///       return trackingmore::attempt_result{error_code_of(answer), retry_after_of(answer)};
///     });
/// ```
template <class Attempt, class Observer = ignore_attempts, class Timer = steady_timer>
call_result send_with_retries(client_state& state, endpoint kind, Attempt&& attempt,
                              const call_options& options = {}, Observer&& observer = {},
                              Timer&& timer = {}) {
  retry_loop loop(state, kind, timer.now(), options);
  for (;;) {
    const retry_step step = loop.next(timer.now());
    switch (step.what) {
      case retry_step::action::done: return loop.result();
      case retry_step::action::wait:
        if (options.cancel == nullptr) {
          timer.sleep_until(step.until);
        } else {
          // In parts, so that a cancellation is seen while waiting.
          const pacer::clock::time_point part = timer.now() + options.cancel_check;
          timer.sleep_until(part < step.until ? part : step.until);
        }
        break;
      case retry_step::action::send: {
        const attempt_result r = attempt(loop.attempts() + 1);
        observer(loop.record(timer.now(), r));
        break;
      }
    }
  }
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_CLIENT_HPP
