// Every public facility of the header except message()'s string, in groups that return their count
// of failed checks. Run without exceptions and RTTI (no_exceptions_test.cpp) and under a counter of
// allocations (no_allocation_test.cpp), so it uses neither exceptions nor std::string.
#pragma once

#include <trackingmore/status.hpp>

#include <cstdio>
#include <string_view>
#include <system_error>

/// Counts a failed check into the enclosing function's `failures`, naming it on stderr.
#define TRACKINGMORE_EXPECT(expression)                                                  \
  do {                                                                                   \
    if (!(expression)) {                                                                 \
      static_cast<void>(                                                                 \
          std::fprintf(stderr, "%s:%d: failed: %s\n", __FILE__, __LINE__, #expression)); \
      ++failures;                                                                        \
    }                                                                                    \
  } while (false)

namespace every_facility {

namespace tk = trackingmore;
using tk::api_version;
using tk::condition;

inline constexpr api_version versions[] = {api_version::v2, api_version::v3, api_version::v4};

/// Tables, `find`, `classify`, `codes_of` and `name_of`: at compile time and at run time.
inline int lookups() {
  int failures = 0;
  // At compile time too, including under g++'s -fsanitize=undefined (see
  // detail::code_index::row_of).
  static_assert(tk::v4::find(4101)->condition == condition::tracking_exists);
  static_assert(tk::classify(api_version::v4, 4101).retry == tk::retry_advice::never);
  static_assert(tk::classify(api_version::v3, 5999).retry == tk::retry_advice::after_delay);
  static_assert(tk::v2::message_pl(4016) == "Śledzenie już istnieje.");
  TRACKINGMORE_EXPECT(TRACKINGMORE_STATUS_VERSION >= 10000);
  TRACKINGMORE_EXPECT(tk::v2::codes.size() == 27 && tk::v3::codes.size() == 20 &&
                      tk::v4::codes.size() == 30);
  for (const api_version v : versions) {
    const tk::code_table table = tk::codes_of(v);
    TRACKINGMORE_EXPECT(table.size() != 0 && table.end() == table.begin() + table.size());
    for (const tk::code_info& c : table) {
      TRACKINGMORE_EXPECT(tk::find(v, c.code) == &c);
      TRACKINGMORE_EXPECT(c.version == v);
      TRACKINGMORE_EXPECT(tk::classify(v, c.code).name == c.name);
      TRACKINGMORE_EXPECT(c.failed() == (c.condition != tk::no_condition));
    }
    TRACKINGMORE_EXPECT(tk::find(v, 6000) == nullptr);
    TRACKINGMORE_EXPECT(tk::classify(v, 4999).condition == condition::invalid_request);
    TRACKINGMORE_EXPECT(tk::classify(v, 0).failed());
  }
  TRACKINGMORE_EXPECT(tk::v2::find(4016) == &tk::v2::codes[10]);
  TRACKINGMORE_EXPECT(tk::v3::find(423)->condition == condition::tracking_exists);
  TRACKINGMORE_EXPECT(tk::v4::find(4190)->retry == tk::retry_advice::after_account_action);
  TRACKINGMORE_EXPECT(tk::v4::find(502) == nullptr);
  TRACKINGMORE_EXPECT(tk::codes_of(static_cast<api_version>(5)).size() == 0);
  TRACKINGMORE_EXPECT(tk::name_of(api_version::v3) == "v3");
  TRACKINGMORE_EXPECT(tk::name_of(tk::http_class::client_error) == "client_error");
  TRACKINGMORE_EXPECT(tk::name_of(tk::retry_advice::never) == "never");
  TRACKINGMORE_EXPECT(tk::name_of(condition::retryable) == "retryable");
  TRACKINGMORE_EXPECT(tk::name_of(tk::no_condition).empty());
  return failures;
}

/// `vN::to_error_code`, `to_error_code(api_version, int)` and `make_error_code` through `errc`.
inline int conversions() {
  int failures = 0;
  TRACKINGMORE_EXPECT(!tk::v2::to_error_code(201));
  TRACKINGMORE_EXPECT(!tk::v3::to_error_code(200));
  TRACKINGMORE_EXPECT(tk::v4::to_error_code(0) == tk::response_errc::code_is_zero);
  const std::error_code exists = tk::v4::to_error_code(4101);
  TRACKINGMORE_EXPECT(exists && exists.value() == 4101);
  TRACKINGMORE_EXPECT(&exists.category() == &tk::v4::category());
  TRACKINGMORE_EXPECT(tk::to_error_code(api_version::v4, 4101) == exists);
  const std::error_code from_enum = tk::v4::errc::tracking_exists;
  TRACKINGMORE_EXPECT(from_enum == exists);
  TRACKINGMORE_EXPECT(tk::v2::make_error_code(tk::v2::errc::success) == std::error_code{});
  TRACKINGMORE_EXPECT(tk::v3::make_error_code(tk::v3::errc::timeout).value() == 408);
  const std::error_code undocumented = tk::v2::to_error_code(-1);
  TRACKINGMORE_EXPECT(undocumented && &undocumented.category() == &tk::v2::category());
  TRACKINGMORE_EXPECT(tk::to_error_code(static_cast<api_version>(1), 4101) ==
                      std::errc::invalid_argument);
  return failures;
}

/// `ec == errc`, `ec == condition`, `default_error_condition`, and the categories themselves.
inline int comparisons() {
  int failures = 0;
  const std::error_code exists = tk::v2::to_error_code(4016);
  TRACKINGMORE_EXPECT(exists == tk::v2::errc::tracking_exists);
  TRACKINGMORE_EXPECT(exists != tk::v4::errc::tracking_exists);
  TRACKINGMORE_EXPECT(exists == condition::tracking_exists);
  TRACKINGMORE_EXPECT(tk::v3::to_error_code(423) == condition::tracking_exists);
  TRACKINGMORE_EXPECT(tk::v4::to_error_code(4101) == condition::tracking_exists);
  TRACKINGMORE_EXPECT(exists != condition::retryable);
  TRACKINGMORE_EXPECT(exists.default_error_condition() == condition::tracking_exists);
  const std::error_code busy = tk::v4::to_error_code(429);
  TRACKINGMORE_EXPECT(busy == condition::rate_limited);
  TRACKINGMORE_EXPECT(busy == condition::retryable);
  const std::error_condition limited = condition::rate_limited;
  TRACKINGMORE_EXPECT(limited.category() == tk::condition_category());
  TRACKINGMORE_EXPECT(tk::make_error_condition(condition::timeout).value() ==
                      static_cast<int>(condition::timeout));
  TRACKINGMORE_EXPECT(
      tk::condition_category().equivalent(busy, static_cast<int>(condition::retryable)));
  TRACKINGMORE_EXPECT(!tk::condition_category().equivalent(std::error_code{}, 1));
  TRACKINGMORE_EXPECT(tk::v4::to_error_code(6000).default_error_condition().category() ==
                      tk::v4::category());
  TRACKINGMORE_EXPECT(&tk::category(api_version::v3) == &tk::v3::category());
  TRACKINGMORE_EXPECT(tk::v2::category() != tk::v3::category());
  TRACKINGMORE_EXPECT(std::string_view(tk::v4::category().name()) == "trackingmore.v4");
  TRACKINGMORE_EXPECT(std::string_view(tk::condition_category().name()) == "trackingmore");
  return failures;
}

/// `find(const std::error_code&)`, `is_retryable` and `retry_after_seconds`.
inline int helpers() {
  int failures = 0;
  const std::error_code busy = tk::v2::to_error_code(429);
  TRACKINGMORE_EXPECT(tk::find(busy) == tk::v2::find(429));
  TRACKINGMORE_EXPECT(tk::is_retryable(busy) && tk::retry_after_seconds(busy) == 120);
  TRACKINGMORE_EXPECT(tk::is_retryable(tk::v3::to_error_code(512)));
  TRACKINGMORE_EXPECT(tk::retry_after_seconds(tk::v3::to_error_code(512)) == 0);
  TRACKINGMORE_EXPECT(!tk::is_retryable(tk::v4::to_error_code(4101)));
  TRACKINGMORE_EXPECT(tk::find(std::error_code{}) == nullptr);
  const std::error_code other = std::make_error_code(std::errc::timed_out);
  TRACKINGMORE_EXPECT(tk::find(other) == nullptr && !tk::is_retryable(other));
  TRACKINGMORE_EXPECT(tk::retry_after_seconds(other) == 0);
  return failures;
}

/// The table's text and the Polish v2 messages, read as string_views.
inline int text() {
  int failures = 0;
  const tk::code_info& c = *tk::v4::find(4121);
  TRACKINGMORE_EXPECT(c.name == "courier_not_detected");
  TRACKINGMORE_EXPECT(c.type == "BadRequest");
  TRACKINGMORE_EXPECT(c.message == "Cannot detect courier.");
  TRACKINGMORE_EXPECT(tk::v2::message_pl(403) == "Odmowa dostępu.");
  TRACKINGMORE_EXPECT(tk::v2::message_pl(4101).empty());
  std::size_t characters = 0;
  for (const api_version v : versions) {
    for (const tk::code_info& row : tk::codes_of(v)) characters += row.message.size();
  }
  TRACKINGMORE_EXPECT(characters > 1000);
  return failures;
}

/// A named group of checks.
struct group {
  const char* name;
  int (*check)();
};

/// Every group, in the order above.
inline constexpr group groups[] = {{"lookups", lookups},
                                   {"conversions to error_code", conversions},
                                   {"comparisons with errc and condition", comparisons},
                                   {"is_retryable, retry_after_seconds, find(error_code)", helpers},
                                   {"table text", text}};

}  // namespace every_facility
