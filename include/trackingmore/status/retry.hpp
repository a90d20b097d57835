/// @file
/// Whether and when to send a failed request again: `decide` turns any `std::error_code` into a
/// `retry_decision`, and `parse_retry_after` reads an HTTP `Retry-After` header. The rules are on
/// the @ref retrying page.
///
/// Optional: the core header does not include this one, so a program that only classifies codes
/// does not pay for `<chrono>`.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_RETRY_HPP
#define TRACKINGMORE_STATUS_RETRY_HPP

#include <trackingmore/status.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <limits>
#include <optional>
#include <string_view>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// How many times, and how long at most, a client sends the same request.
///
/// A negative duration counts as zero, except `max_wait`: a negative one gives up on every wait.
struct retry_policy {
  unsigned max_attempts = 5;                       ///< Attempts in all, the first included.
  std::chrono::milliseconds initial_backoff{500};  ///< The first backoff's upper bound.
  std::chrono::milliseconds max_backoff{60'000};   ///< Caps the backoff, not documented waits.
  std::chrono::seconds max_wait{600};              ///< A wait above this gives up instead.
};

/// What to do about one failed attempt.
struct retry_decision {
  bool retry;                       ///< Send the same request again.
  std::chrono::milliseconds delay;  ///< Wait this long first; zero when `!retry`.
  retry_advice advice;              ///< The advice it follows; `not_applicable` for success.

  /// `retry`.
  explicit constexpr operator bool() const noexcept { return retry; }
};

/// Implementation details: not part of the API.
namespace detail {

/// Whether the failure `ec` of a category other than TrackingMore's is a transient network error:
/// one of the ten `std::errc` values below, compared with `==` so that a system or Boost.Asio
/// code that maps to one counts too.
inline bool is_transient_network_error(const std::error_code& ec) noexcept {
  // A TrackingMore category keeps the library's advice (its codes equal no std::errc anyway), and
  // saying so by name costs one call where the ten comparisons cost twenty.
  constexpr std::string_view own_prefix = "trackingmore.";
  if (std::string_view(ec.category().name()).substr(0, own_prefix.size()) == own_prefix)
    return false;
  using std::errc;
  constexpr errc transient[] = {errc::timed_out,          errc::connection_reset,
                                errc::connection_refused, errc::connection_aborted,
                                errc::network_reset,      errc::network_unreachable,
                                errc::network_down,       errc::host_unreachable,
                                errc::broken_pipe,        errc::resource_unavailable_try_again};
  // A loop, not std::any_of: <algorithm> would cost every file that includes this header.
  for (const errc e : transient) {  // NOLINT(readability-use-anyofallof)
    if (ec == e) return true;
  }
#ifdef _WIN32
  // Windows Sockets' codes for the same errors, which MinGW's std::system_category() does not map
  // to std::errc: WSAETIMEDOUT, WSAECONNRESET, WSAECONNREFUSED, WSAECONNABORTED, WSAENETRESET,
  // WSAENETUNREACH, WSAENETDOWN, WSAEHOSTUNREACH, WSAEWOULDBLOCK (ERROR_BROKEN_PIPE it maps).
  constexpr int winsock_transient[] = {10060, 10054, 10061, 10053, 10052,
                                       10051, 10050, 10065, 10035};
  if (ec.category() == std::system_category()) {
    for (const int value : winsock_transient) {  // NOLINT(readability-use-anyofallof)
      if (ec.value() == value) return true;
    }
  }
#endif
  return false;
}

/// `s` in milliseconds, saturated at the type's limits instead of overflowing.
constexpr std::chrono::milliseconds saturating_ms(std::chrono::seconds s) noexcept {
  using rep = std::chrono::milliseconds::rep;
  constexpr rep limit = std::numeric_limits<rep>::max() / 1000;
  if (s.count() > limit) return std::chrono::milliseconds::max();
  if (s.count() < -limit) return std::chrono::milliseconds::min();
  return std::chrono::milliseconds{s.count() * 1000};
}

/// `jitter` x min(`max_backoff`, `initial_backoff` x 2^(`attempts_made` - 1)), never negative;
/// attempt 0 counts as 1, and a NaN jitter as 1.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): an attempt count and a fraction
constexpr std::chrono::milliseconds backoff(const retry_policy& policy, unsigned attempts_made,
                                            double jitter) noexcept {
  const auto non_negative = [](std::chrono::milliseconds d) {
    return static_cast<std::uint64_t>(d.count() > 0 ? d.count() : 0);
  };
  const std::uint64_t cap = non_negative(policy.max_backoff);
  const std::uint64_t initial = non_negative(policy.initial_backoff);
  const unsigned doublings = attempts_made > 1 ? attempts_made - 1 : 0;
  // initial x 2^doublings <= cap exactly when initial <= cap / 2^doublings (rounded down), so the
  // shift cannot overflow, whatever attempts_made is.
  std::uint64_t bound = initial == 0 ? 0 : cap;
  if (doublings < 63 && initial <= cap >> doublings) bound = initial << doublings;
  const auto bound_ms = static_cast<std::chrono::milliseconds::rep>(bound);
  // NaN fails the first test and takes the full bound: the safe side is waiting longer. A jitter
  // of 1 stays exact, which the double below might not be.
  if (!(jitter < 1.0)) return std::chrono::milliseconds{bound_ms};
  if (!(jitter > 0.0)) return std::chrono::milliseconds{0};
  return std::chrono::milliseconds{
      static_cast<std::chrono::milliseconds::rep>(static_cast<double>(bound_ms) * jitter)};
}

/// SplitMix64's output function: a bijection of 64-bit values that spreads every input bit.
constexpr std::uint64_t mix64(std::uint64_t z) noexcept {
  z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9U;
  z = (z ^ (z >> 27U)) * 0x94D049BB133111EBU;
  return z ^ (z >> 31U);
}

/// A number drawn uniformly from [0, 1) by the calling thread's own generator (SplitMix64), so
/// that no lock or shared write is on the path. Each generator is seeded on its first draw from a
/// process-wide counter, the address of its state (another per thread) and both clocks (another
/// per process), so that the threads of a process, and processes started at once, all draw
/// different sequences.
inline double random_jitter() noexcept {
  thread_local std::uint64_t state = 0;
  if (state == 0) {
    static std::atomic<std::uint64_t> threads_seeded{0};
    const auto count = [](auto clock_now) {
      return static_cast<std::uint64_t>(clock_now.time_since_epoch().count());
    };
    state = mix64(threads_seeded.fetch_add(1, std::memory_order_relaxed) ^
                  mix64(reinterpret_cast<std::uintptr_t>(&state)) ^  // NOLINT: its bits only
                  mix64(count(std::chrono::steady_clock::now())) ^
                  mix64(count(std::chrono::system_clock::now()) + 1));
  }
  state += 0x9E3779B97F4A7C15U;  // SplitMix64's step (the golden ratio): a period of 2^64
  // The top 53 bits make a double of [0, 1) exactly.
  return static_cast<double>(mix64(state) >> 11U) / 9007199254740992.0;  // 2^53
}

}  // namespace detail

/// Whether and when to send again a request that failed with `ec`, after `attempts_made`
/// attempts (the first included), under `policy`, given the server's `retry_after` (the parsed
/// `Retry-After` header, zero without one) and a `jitter` drawn uniformly from [0, 1]. The overload
/// without `jitter` draws it itself: see below.
///
/// - The advice is `retry_advice_of(ec)`; for a category other than TrackingMore's, the transient
///   network errors (`ec == std::errc::timed_out`, `connection_reset`, `connection_refused`,
///   `connection_aborted`, `network_reset`, `network_unreachable`, `network_down`,
///   `host_unreachable`, `broken_pipe`, `resource_unavailable_try_again`) are `after_delay`. A
///   `transport_errc`, what the headers for HTTP clients give where no std::errc fits, has its own
///   advice: `after_delay` for `response_cut` and `host_not_found_try_again`.
/// - Only `after_delay` retries. The delay is the largest of `retry_after`,
///   `retry_after_seconds(ec)` (120 s for every 429) and the backoff, `jitter` x
///   min(`max_backoff`, `initial_backoff` x 2^(`attempts_made` - 1)). `jitter` is clamped to
///   [0, 1], NaN counts as 1; `attempts_made` 0 counts as 1.
/// - No retry when `attempts_made >= max_attempts`, or when the delay exceeds `max_wait`; the
///   advice is reported all the same, with a zero delay.
///
/// Example:
/// ```
/// const std::error_code ec = trackingmore::v4::to_error_code(429);
/// if (const trackingmore::retry_decision d = trackingmore::decide(ec, 1)) {
///   std::this_thread::sleep_for(d.delay);  // at least TrackingMore's 120 s
///   // ... send the request again
/// }
/// ```
inline retry_decision decide(const std::error_code& ec, unsigned attempts_made,
                             const retry_policy& policy, std::chrono::seconds retry_after,
                             double jitter) noexcept {
  retry_advice advice = retry_advice_of(ec);
  if (advice == retry_advice::never && detail::is_transient_network_error(ec))
    advice = retry_advice::after_delay;
  const retry_decision give_up{false, std::chrono::milliseconds{0}, advice};
  if (advice != retry_advice::after_delay || attempts_made >= policy.max_attempts) return give_up;
  std::chrono::milliseconds delay = detail::backoff(policy, attempts_made, jitter);
  const std::chrono::milliseconds waits[] = {
      detail::saturating_ms(retry_after),
      detail::saturating_ms(std::chrono::seconds{retry_after_seconds(ec)})};
  for (const std::chrono::milliseconds wait : waits) {
    if (wait > delay) delay = wait;
  }
  if (delay > detail::saturating_ms(policy.max_wait)) return give_up;
  return {true, delay, advice};
}

/// `decide` with full jitter: the same decision, with a `jitter` drawn uniformly from [0, 1) by
/// the calling thread's own generator, so that clients that failed at once do not all retry at
/// once (the backoff is spread over [0, its bound); a documented or `Retry-After` wait above it
/// stays exact). Safe from any number of threads at once: each has its generator, seeded on its
/// first call; no lock, no allocation. Pass a jitter to the overload above for exact delays.
inline retry_decision decide(const std::error_code& ec, unsigned attempts_made,
                             const retry_policy& policy = {},
                             std::chrono::seconds retry_after = std::chrono::seconds{0}) noexcept {
  // Drawn only when a backoff may follow, so that a success costs no draw.
  const bool may_wait = ec && attempts_made < policy.max_attempts;
  return decide(ec, attempts_made, policy, retry_after, may_wait ? detail::random_jitter() : 1.0);
}

namespace detail {

/// A date and time as an HTTP-date writes it; `year` is two digits in the RFC 850 format.
struct http_date {
  int year;
  unsigned month;  // 1..12
  unsigned day;
  unsigned hour;
  unsigned minute;
  unsigned second;
  unsigned weekday;  // 0 is Sunday
};

/// Reads the fixed grammar of an HTTP-date from the front of `rest`, one token at a time; each
/// reader returns false, and `rest` is then unspecified, when the token is not there.
struct date_reader {
  std::string_view rest;

  /// Exactly `s` (HTTP-date is case-sensitive).
  constexpr bool literal(std::string_view s) noexcept {
    if (rest.size() < s.size() || std::string_view(rest.data(), s.size()) != s) return false;
    rest.remove_prefix(s.size());
    return true;
  }
  /// Exactly `count` digits.
  constexpr bool digits(std::size_t count, unsigned& value) noexcept {
    if (rest.size() < count) return false;
    value = 0;
    for (std::size_t i = 0; i < count; ++i) {
      if (rest[i] < '0' || rest[i] > '9') return false;
      value = value * 10 + static_cast<unsigned>(rest[i] - '0');
    }
    rest.remove_prefix(count);
    return true;
  }
  /// One of `names`; `index` is its position.
  template <std::size_t N>
  constexpr bool one_of(const std::string_view (&names)[N], unsigned& index) noexcept {
    for (std::size_t i = 0; i < N; ++i) {
      if (literal(names[i])) {
        index = static_cast<unsigned>(i);
        return true;
      }
    }
    return false;
  }
  /// `time-of-day`: hh:mm:ss.
  constexpr bool time_of_day(http_date& d) noexcept {
    return digits(2, d.hour) && literal(":") && digits(2, d.minute) && literal(":") &&
           digits(2, d.second);
  }
  /// `month`: "Jan" .. "Dec".
  constexpr bool month(http_date& d) noexcept {
    constexpr std::string_view names[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    if (!one_of(names, d.month)) return false;
    ++d.month;
    return true;
  }
  /// `day-name` ("Mon"), or `day-name-l` ("Monday") when `long_name`.
  constexpr bool weekday(http_date& d, bool long_name) noexcept {
    constexpr std::string_view short_names[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    constexpr std::string_view long_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                               "Thursday", "Friday", "Saturday"};
    return long_name ? one_of(long_names, d.weekday) : one_of(short_names, d.weekday);
  }
  /// A year of `count` digits.
  constexpr bool year(std::size_t count, http_date& d) noexcept {
    unsigned y = 0;
    if (!digits(count, y)) return false;
    d.year = static_cast<int>(y);
    return true;
  }
};

/// IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT".
constexpr bool read_imf_fixdate(std::string_view text, http_date& d) noexcept {
  date_reader r{text};
  return r.weekday(d, false) && r.literal(", ") && r.digits(2, d.day) && r.literal(" ") &&
         r.month(d) && r.literal(" ") && r.year(4, d) && r.literal(" ") && r.time_of_day(d) &&
         r.literal(" GMT") && r.rest.empty();
}

/// rfc850-date, "Sunday, 06-Nov-94 08:49:37 GMT" (a two-digit year).
constexpr bool read_rfc850_date(std::string_view text, http_date& d) noexcept {
  date_reader r{text};
  return r.weekday(d, true) && r.literal(", ") && r.digits(2, d.day) && r.literal("-") &&
         r.month(d) && r.literal("-") && r.year(2, d) && r.literal(" ") && r.time_of_day(d) &&
         r.literal(" GMT") && r.rest.empty();
}

/// asctime-date, "Sun Nov  6 08:49:37 1994" (the day two digits, or a space and one digit).
constexpr bool read_asctime_date(std::string_view text, http_date& d) noexcept {
  date_reader r{text};
  if (!(r.weekday(d, false) && r.literal(" ") && r.month(d) && r.literal(" "))) return false;
  if (!(r.literal(" ") ? r.digits(1, d.day) : r.digits(2, d.day))) return false;
  return r.literal(" ") && r.time_of_day(d) && r.literal(" ") && r.year(4, d) && r.rest.empty();
}

/// Days since 1970-01-01 of a date of the proleptic Gregorian calendar (Howard Hinnant's
/// `days_from_civil`).
constexpr std::int64_t days_from_civil(int year, unsigned month, unsigned day) noexcept {
  const int y = month <= 2 ? year - 1 : year;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const auto year_of_era = static_cast<unsigned>(y - era * 400);
  const unsigned day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
  return std::int64_t{era} * 146097 + std::int64_t{day_of_era} - 719468;
}

/// The year of the day `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
constexpr std::int64_t year_from_days(std::int64_t days) noexcept {
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto day_of_era = static_cast<std::uint64_t>(z - era * 146097);
  const std::uint64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const std::uint64_t day_of_year =
      day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const std::uint64_t month_index = (5 * day_of_year + 2) / 153;  // 0 is March
  return static_cast<std::int64_t>(year_of_era) + era * 400 + (month_index >= 10 ? 1 : 0);
}

/// The number of days of `month` in `year`.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): the calendar's order, year then month
constexpr unsigned days_in_month(int year, unsigned month) noexcept {
  constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  return month == 2 && leap ? 29 : days[month - 1];
}

/// Seconds since 1970-01-01 00:00:00 UTC of `d`, if it is a real moment whose weekday is the one
/// written.
constexpr std::optional<std::int64_t> seconds_since_epoch(const http_date& d) noexcept {
  // Second 60 is the leap second RFC 9110 allows ("23:59:60"), counted as the next second.
  if (d.day < 1 || d.day > days_in_month(d.year, d.month) || d.hour > 23 || d.minute > 59 ||
      d.second > 60)
    return std::nullopt;
  const std::int64_t days = days_from_civil(d.year, d.month, d.day);
  const std::int64_t weekday = (days % 7 + 11) % 7;  // 1970-01-01 was a Thursday (4)
  if (weekday != d.weekday) return std::nullopt;
  return days * 86400 + std::int64_t{d.hour} * 3600 + std::int64_t{d.minute} * 60 + d.second;
}

/// delay-seconds: one or more digits, and nothing else; nullopt beyond `seconds`' range.
constexpr std::optional<std::chrono::seconds> read_delay_seconds(std::string_view text) noexcept {
  using rep = std::chrono::seconds::rep;
  rep value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    const int digit = c - '0';
    if (value > (std::numeric_limits<rep>::max() - digit) / 10) return std::nullopt;
    value = value * 10 + digit;
  }
  return std::chrono::seconds{value};
}

}  // namespace detail

/// The wait a `Retry-After` header value asks for (RFC 9110, section 10.2.3), seen at `now`; or
/// `std::nullopt` when the value is not one.
///
/// Accepted, with optional spaces and tabs around: delay-seconds (one or more digits, `"120"`),
/// and an HTTP-date in each format RFC 9110 requires a recipient to accept: IMF-fixdate
/// (`"Sun, 06 Nov 1994 08:49:37 GMT"`), RFC 850 (`"Sunday, 06-Nov-94 08:49:37 GMT"`, whose
/// two-digit year is the one within 50 years of now's, the past preferred) and asctime
/// (`"Sun Nov  6 08:49:37 1994"`). A date is read as UTC and exactly as RFC 9110 spells it (case
/// included); a fraction of a second left until it is rounded up; a date not in the future gives
/// zero.
///
/// `std::nullopt`: empty, a sign, a fraction, junk around the value, delay-seconds beyond the range
/// of `std::chrono::seconds`, a date that does not exist (February 30, hour 24, minute 60) or
/// whose weekday is not the date's.
///
/// Example:
/// ```
/// const auto now = std::chrono::system_clock::now();
/// std::optional<std::chrono::seconds> wait = trackingmore::parse_retry_after("120", now);
/// // *wait == std::chrono::seconds{120}; parse_retry_after("soon", now) == std::nullopt
/// ```
inline std::optional<std::chrono::seconds> parse_retry_after(
    std::string_view header_value, std::chrono::system_clock::time_point now) noexcept {
  const auto is_space = [](char c) { return c == ' ' || c == '\t'; };
  while (!header_value.empty() && is_space(header_value.front())) header_value.remove_prefix(1);
  while (!header_value.empty() && is_space(header_value.back())) header_value.remove_suffix(1);
  if (header_value.empty()) return std::nullopt;

  using seconds = std::chrono::seconds;
  if (header_value.front() >= '0' && header_value.front() <= '9') {
    return detail::read_delay_seconds(header_value);
  }

  // A clock counting milliseconds or finer keeps `now` within 300 million years of 1970, so the
  // subtraction below cannot overflow.
  static_assert(std::ratio_less_equal_v<std::chrono::system_clock::period, std::milli>);
  const std::int64_t now_s =
      std::chrono::floor<seconds>(now).time_since_epoch().count();  // rounds the wait up
  detail::http_date date{};
  if (detail::read_rfc850_date(header_value, date)) {
    const std::int64_t now_year = detail::year_from_days(
        now_s >= 0 ? now_s / 86400 : (now_s - 86399) / 86400);  // days, rounded down
    const std::int64_t century = now_year - (now_year % 100 + 100) % 100;
    std::int64_t year = century + date.year;
    if (year > now_year + 50) year -= 100;  // RFC 9110: "more than 50 years in the future"
    date.year = static_cast<int>(year);
  } else if (!detail::read_imf_fixdate(header_value, date) &&
             !detail::read_asctime_date(header_value, date)) {
    return std::nullopt;
  }
  const std::optional<std::int64_t> when = detail::seconds_since_epoch(date);
  if (!when) return std::nullopt;
  return seconds{*when > now_s ? *when - now_s : 0};
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_RETRY_HPP
