// TEMPORARY stand-in for the real retry.hpp (branch `retry`), which replaces it at merge time.
/// @file
/// A retry decision for any error_code: `decide`, and `parse_retry_after` for the Retry-After
/// header. Same API as the real header; only what the tests of tmstatus, the examples and the
/// end-to-end tests need is implemented here.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_RETRY_HPP
#define TRACKINGMORE_STATUS_RETRY_HPP

#include <trackingmore/status.hpp>

#include <algorithm>
#include <chrono>
#include <optional>
#include <string_view>
#include <system_error>

namespace trackingmore {

/// How a client retries.
struct retry_policy {
  unsigned max_attempts = 5;                       ///< Attempts in all, the first included.
  std::chrono::milliseconds initial_backoff{500};  ///< The first backoff's upper bound.
  std::chrono::milliseconds max_backoff{60'000};   ///< Caps the backoff, not documented waits.
  std::chrono::seconds max_wait{600};              ///< A wait above this gives up instead.
};

/// Whether and when to send a request again.
struct retry_decision {
  bool retry;                       ///< Send the same request again.
  std::chrono::milliseconds delay;  ///< Wait this long first; zero when !retry.
  retry_advice advice;              ///< The advice it follows; not_applicable for success.
  /// `retry`.
  explicit constexpr operator bool() const noexcept { return retry; }
};

/// Whether to send again a request that failed with `ec` after `attempts_made` attempts.
inline retry_decision decide(const std::error_code& ec, unsigned attempts_made,
                             const retry_policy& policy = {},
                             std::chrono::seconds retry_after = std::chrono::seconds{0},
                             double jitter = 1.0) noexcept {
  if (!ec) return {false, {}, retry_advice::not_applicable};
  retry_advice advice = retry_advice_of(ec);
  for (const std::errc transient :
       {std::errc::timed_out, std::errc::connection_reset, std::errc::connection_refused,
        std::errc::connection_aborted, std::errc::network_unreachable, std::errc::network_down,
        std::errc::host_unreachable, std::errc::broken_pipe,
        std::errc::resource_unavailable_try_again}) {
    if (ec == transient) advice = retry_advice::after_delay;
  }
  if (advice != retry_advice::after_delay || attempts_made >= policy.max_attempts) {
    return {false, {}, advice};
  }
  std::chrono::milliseconds backoff = policy.initial_backoff;
  for (unsigned i = 1; i < attempts_made && backoff < policy.max_backoff; ++i) backoff *= 2;
  backoff = std::min(backoff, policy.max_backoff);
  const auto jittered = std::chrono::milliseconds(static_cast<std::chrono::milliseconds::rep>(
      static_cast<double>(backoff.count()) * std::clamp(jitter, 0.0, 1.0)));
  const std::chrono::milliseconds delay =
      std::max({jittered, std::chrono::milliseconds(retry_after),
                std::chrono::milliseconds(std::chrono::seconds(retry_after_seconds(ec)))});
  if (delay > policy.max_wait) return {false, {}, advice};
  return {true, delay, advice};
}

namespace detail {

/// `text` as a non-negative decimal integer of at most 9 digits, or -1.
constexpr long long decimal(std::string_view text) noexcept {
  if (text.empty() || text.size() > 9) return -1;
  long long value = 0;
  for (const char c : text) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

/// Days from 1970-01-01 to the civil date `y`-`m`-`d` (Howard Hinnant's algorithm).
constexpr long long days_from_civil(long long y, long long m, long long d) noexcept {
  y -= m <= 2 ? 1 : 0;
  const long long era = (y >= 0 ? y : y - 399) / 400;
  const long long yoe = y - era * 400;
  const long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

/// An IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`) as seconds since the epoch, or -1.
constexpr long long imf_fixdate(std::string_view t) noexcept {
  constexpr std::string_view months = "JanFebMarAprMayJunJulAugSepOctNovDec";
  if (t.size() != 29 || t.substr(3, 2) != ", " || t.substr(25) != " GMT") return -1;
  const std::size_t month = months.find(t.substr(8, 3));
  const long long day = decimal(t.substr(5, 2));
  const long long year = decimal(t.substr(12, 4));
  const long long hour = decimal(t.substr(17, 2));
  const long long minute = decimal(t.substr(20, 2));
  const long long second = decimal(t.substr(23, 2));
  if (month == std::string_view::npos || month % 3 != 0 || day < 1 || day > 31 || year < 0 ||
      hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
    return -1;
  }
  return days_from_civil(year, static_cast<long long>(month / 3) + 1, day) * 86400 + hour * 3600 +
         minute * 60 + second;
}

}  // namespace detail

/// The wait a Retry-After header value asks for, relative to `now`: delay-seconds or an
/// IMF-fixdate (a past date gives 0 s); std::nullopt for anything else.
inline std::optional<std::chrono::seconds> parse_retry_after(
    std::string_view header_value, std::chrono::system_clock::time_point now) noexcept {
  while (!header_value.empty() && (header_value.front() == ' ' || header_value.front() == '\t')) {
    header_value.remove_prefix(1);
  }
  while (!header_value.empty() && (header_value.back() == ' ' || header_value.back() == '\t')) {
    header_value.remove_suffix(1);
  }
  if (const long long seconds = detail::decimal(header_value); seconds >= 0) {
    return std::chrono::seconds(seconds);
  }
  const long long date = detail::imf_fixdate(header_value);
  if (date < 0) return std::nullopt;
  const auto wait = std::chrono::seconds(date) -
                    std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch());
  return std::max(wait, std::chrono::seconds(0));
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_RETRY_HPP
