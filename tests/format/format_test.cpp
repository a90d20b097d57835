// trackingmore/status/format.hpp: each type's text through fmt, std::format (where the standard
// library has it) and operator<<, the same every way, into any output (a string, a back_inserter,
// fmt's memory buffer), with a string's format specification.
#include <trackingmore/status/format.hpp>

#include <iterator>
#include <sstream>
#include <string>

#include "catch.hpp"

namespace tk = trackingmore;

namespace {
/// Checks that every route formats `value` as `expected`.
template <class T>
void check_text(const T& value, const std::string& expected) {
  INFO("expected: " << expected);
  std::ostringstream streamed;
  streamed << value;
  CHECK(streamed.str() == expected);
#if TRACKINGMORE_STATUS_FMT
  CHECK(fmt::format("{}", value) == expected);
  std::string appended = "> ";
  fmt::format_to(std::back_inserter(appended), "{}", value);
  CHECK(appended == "> " + expected);
  fmt::memory_buffer buffer;
  fmt::format_to(std::back_inserter(buffer), "{}", value);
  CHECK(fmt::to_string(buffer) == expected);
#endif
#if TRACKINGMORE_STATUS_STD_FORMAT
  CHECK(std::format("{}", value) == expected);
  std::string std_appended = "> ";
  std::format_to(std::back_inserter(std_appended), "{}", value);
  CHECK(std_appended == "> " + expected);
  CHECK(std::formatted_size("{}", value) == expected.size());
#endif
}
}  // namespace

TEST_CASE("this build formats with fmt, and with std::format where it exists") {
  CHECK(TRACKINGMORE_STATUS_FMT == 1);
#ifdef TRACKINGMORE_TEST_STD_FORMAT  // the libc++ 16 cell of the full run
  CHECK(TRACKINGMORE_STATUS_STD_FORMAT == 1);
#endif
}

TEST_CASE("the enumerations by name, a value that names none by number") {
  check_text(tk::api_version::v4, "v4");
  check_text(tk::http_class::client_error, "client_error");
  check_text(tk::retry_advice::after_account_action, "after_account_action");
  check_text(tk::condition::rate_limited, "rate_limited");
  check_text(tk::no_condition, "no_condition");
  check_text(static_cast<tk::api_version>(5), "api_version(5)");
  check_text(static_cast<tk::http_class>(0), "http_class(0)");
  check_text(static_cast<tk::retry_advice>(-1), "retry_advice(-1)");
  check_text(static_cast<tk::condition>(99), "condition(99)");
}

TEST_CASE("a code_info is tmstatus's one line") {
  check_text(*tk::v4::find(4101), "v4 4101 tracking_exists: Tracking No. already exists.");
  check_text(*tk::v2::find(4032),
             "v2 4032 carrier_not_detected: " + std::string(tk::v2::find(4032)->message));
  check_text(tk::classify(tk::api_version::v4, 4104), "v4 4104 undocumented");
}

TEST_CASE("a retry_decision") {
  check_text(tk::decide(tk::v4::to_error_code(429), 1), "retry after 120000 ms (after_delay)");
  check_text(tk::decide(tk::v4::to_error_code(4101), 1), "no retry (never)");
  check_text(tk::decide(std::error_code{}, 1), "no retry (not_applicable)");
}

TEST_CASE("an error_code of each category, described with its message") {
  check_text(tk::described(tk::v4::to_error_code(4101)),
             "trackingmore.v4:4101 Tracking No. already exists.");
  check_text(tk::described(tk::v3::to_error_code(4999)),
             "trackingmore.v3:4999 undocumented TrackingMore v3 code 4999");
  check_text(tk::described(tk::http::to_error_code(503)),
             "trackingmore.http:503 HTTP 503 Service Unavailable");
  check_text(tk::described(make_error_code(tk::response_errc::not_json)),
             "trackingmore.response:1 the response body is not JSON");
  check_text(tk::described(std::error_code{}), "success");
}

#if TRACKINGMORE_STATUS_FMT
TEST_CASE("fmt formats a plain error_code as fmt 10 does, category:value") {
  CHECK(fmt::format("{}", tk::v4::to_error_code(4101)) == "trackingmore.v4:4101");
  CHECK(fmt::format("{}", tk::http::to_error_code(522)) == "trackingmore.http:522");
}
#endif

TEST_CASE("a string's format specification") {
#if TRACKINGMORE_STATUS_FMT
  CHECK(fmt::format("[{:>14}]", tk::condition::rate_limited) == "[  rate_limited]");
  CHECK(fmt::format("[{:*<6}]", tk::api_version::v2) == "[v2****]");
  CHECK(fmt::format("[{:.2}]", *tk::v4::find(4101)) == "[v4]");
#endif
#if TRACKINGMORE_STATUS_STD_FORMAT
  CHECK(std::format("[{:>14}]", tk::condition::rate_limited) == "[  rate_limited]");
  CHECK(std::format("[{:*<6}]", tk::api_version::v2) == "[v2****]");
  CHECK(std::format("[{:.2}]", *tk::v4::find(4101)) == "[v4]");
#endif
}
