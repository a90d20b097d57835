// The decided semantics of the core issue, rule by rule.
#include <trackingmore/status.hpp>

#include <climits>
#include <map>
#include <string>
#include <string_view>

#include "all_conditions.hpp"
#include "catch.hpp"

namespace tk = trackingmore;
using tk::api_version;
using tk::condition;
using tk::retry_advice;

namespace {

constexpr api_version versions[] = {api_version::v2, api_version::v3, api_version::v4};

// The conditions `ec` is equivalent to, as a sorted list of names.
std::string conditions_of(const std::error_code& ec) {
  std::string names;
  for (const condition c : all_conditions) {
    if (ec == c) names += std::string(tk::name_of(c)) + " ";
  }
  return names;
}

}  // namespace

TEST_CASE("constexpr facts") {
  STATIC_REQUIRE(tk::v2::find(4032)->http_status == 204);
  STATIC_REQUIRE(tk::v2::find(4032)->http_class == tk::http_class::success);
  STATIC_REQUIRE(tk::v2::find(4032)->failed());
  STATIC_REQUIRE(!tk::v4::find(200)->failed());
  STATIC_REQUIRE(tk::v4::find(4101)->condition == condition::tracking_exists);
  STATIC_REQUIRE(tk::v3::find(413)->http_status == 413);
  STATIC_REQUIRE(tk::v4::find(502) == nullptr);
  STATIC_REQUIRE(tk::find(api_version::v3, 423)->name == "tracking_exists");
  STATIC_REQUIRE(tk::classify(api_version::v4, 4999).condition == condition::invalid_request);
  STATIC_REQUIRE(tk::v2::message_pl(403) == "Odmowa dostępu.");
  STATIC_REQUIRE(tk::codes_of(api_version::v3).size() == 20);
  STATIC_REQUIRE(condition{} == tk::no_condition);
  STATIC_REQUIRE(static_cast<int>(condition::authentication_failed) == 1);
}

TEST_CASE("every table keeps its invariants (checked at compile time)") {
  // Codes unique and each in a hash slot of its own, every failure has a message, http_class
  // follows http_status, retry_after only on after_delay codes, failures (only) have a condition.
  STATIC_REQUIRE(tk::detail::check_table(tk::detail::index_of<tk::v2::codes>));
  STATIC_REQUIRE(tk::detail::check_table(tk::detail::index_of<tk::v3::codes>));
  STATIC_REQUIRE(tk::detail::check_table(tk::detail::index_of<tk::v4::codes>));
}

#ifdef TRACKINGMORE_TEST_POINTER_BYTES
// Defined by a build that targets another data model (the 32-bit cell of tests/hardening), so
// that losing the flag that selects it fails the build's tests instead of passing at 64 bits.
TEST_CASE("this build has the pointer and std::size_t size it asked for") {
  CHECK(sizeof(void*) == TRACKINGMORE_TEST_POINTER_BYTES);
  CHECK(sizeof(std::size_t) == TRACKINGMORE_TEST_POINTER_BYTES);
}
#endif

TEST_CASE("v2 and v3 http_status is the status their documented type names") {
  // The reason phrases as each version spells them; a type that names none gives the code itself.
  const std::map<std::string_view, int> status_named_by{
      {"Success", 200},           {"Created", 201},
      {"No Content", 204},        {"Bad Request", 400},
      {"Unauthorized", 401},      {"Payment Required", 402},
      {"PaymentRequired", 402},   {"Forbidden", 403},
      {"Not Found", 404},         {"Method Not Allowed", 405},
      {"Time Out", 408},          {"Conflict", 409},
      {"Too Many Requests", 429}, {"Server error", 500},
      {"Server Error", 500},      {"Service Unavailable", 503}};
  for (const api_version version : {api_version::v2, api_version::v3}) {
    for (const tk::code_info& c : tk::codes_of(version)) {
      INFO(tk::name_of(version) << " " << c.code << " " << c.type);
      const auto named = status_named_by.find(c.type);
      CHECK(c.http_status == (named != status_named_by.end() ? named->second : c.code));
    }
  }
}

TEST_CASE("success never looks like an error") {
  for (const auto& [version, code] : {std::pair{api_version::v2, 200},
                                      {api_version::v2, 201},
                                      {api_version::v3, 200},
                                      {api_version::v4, 200}}) {
    INFO(tk::name_of(version) << " " << code);
    const std::error_code ec = tk::to_error_code(version, code);
    CHECK(!ec);
    CHECK(ec == std::error_code{});
    CHECK(!tk::is_retryable(ec));
    CHECK(tk::retry_after_seconds(ec) == 0);
    CHECK(tk::find(ec) == nullptr);
    CHECK(conditions_of(ec).empty());
  }
  CHECK(tk::v2::to_error_code(200) == tk::v2::errc::success);
  CHECK(tk::v2::to_error_code(201) == tk::v2::errc::created);
  CHECK(tk::v3::to_error_code(200) == tk::v3::errc::success);
  CHECK(tk::v4::to_error_code(200) == tk::v4::errc::success);
  CHECK(!tk::v4::make_error_code(tk::v4::errc::success));
}

TEST_CASE("every documented failure is a truthy error_code holding the wire code") {
  for (const api_version version : versions) {
    for (const tk::code_info& c : tk::codes_of(version)) {
      INFO(tk::name_of(version) << " " << c.code);
      const std::error_code ec = tk::to_error_code(version, c.code);
      if (!c.failed()) {
        CHECK(!ec);
        continue;
      }
      REQUIRE(ec);
      CHECK(ec.value() == c.code);
      CHECK(ec.category() == tk::category(version));
      CHECK(tk::find(ec) == &c);
      CHECK(ec.message() == std::string(c.message));
      CHECK(ec.default_error_condition() == c.condition);
      CHECK(ec == ec.default_error_condition());
      CHECK(tk::is_retryable(ec) == (c.retry == retry_advice::after_delay));
      CHECK(tk::retry_after_seconds(ec) == c.retry_after_s);
      // Its own condition, plus retryable exactly when advised after_delay; no other.
      std::string expected = std::string(tk::name_of(c.condition)) + " ";
      if (c.retry == retry_advice::after_delay) expected += "retryable ";
      CHECK(conditions_of(ec) == expected);
    }
  }
}

TEST_CASE("the enumerators are the wire codes") {
  CHECK(tk::v4::make_error_code(tk::v4::errc::tracking_exists) == tk::v4::to_error_code(4101));
  CHECK(tk::v2::make_error_code(tk::v2::errc::carrier_not_detected).value() == 4032);
  CHECK(tk::v3::to_error_code(423) == tk::v3::errc::tracking_exists);
  CHECK(tk::v3::to_error_code(423) != tk::v3::errc::tracking_not_found);
  // Same number, different versions: different codes.
  CHECK(tk::v2::to_error_code(429) != tk::v4::to_error_code(429));
  CHECK(tk::v2::to_error_code(429) != tk::v4::errc::too_many_requests);
}

TEST_CASE("conditions work across versions") {
  CHECK(tk::to_error_code(api_version::v2, 4016) == condition::tracking_exists);
  CHECK(tk::to_error_code(api_version::v3, 423) == condition::tracking_exists);
  CHECK(tk::to_error_code(api_version::v4, 4101) == condition::tracking_exists);
  for (const api_version version : versions) {
    const std::error_code ec = tk::to_error_code(version, 429);
    CHECK(ec == condition::rate_limited);
    CHECK(ec == condition::retryable);
    CHECK(tk::retry_after_seconds(ec) == 120);
  }
  // v3 403 is documented as "Page does not exist": not_found, not access_denied.
  CHECK(tk::v3::to_error_code(403) == condition::not_found);
  CHECK(tk::v3::to_error_code(403) != condition::access_denied);
  CHECK(tk::v4::to_error_code(403) == condition::access_denied);
  CHECK(tk::v3::to_error_code(408) == condition::timeout);
  CHECK(tk::v3::to_error_code(408) == condition::retryable);
  CHECK(tk::v2::to_error_code(4031) == condition::tracking_not_found);
  CHECK(tk::v4::to_error_code(4121) == condition::courier_not_detected);
}

TEST_CASE("the documentation's oddities are kept") {
  CHECK(tk::v2::find(202)->type == "Bad Request");
  CHECK(tk::v2::find(202)->http_status == 400);
  CHECK(tk::v2::to_error_code(202) == condition::limit_exceeded);
  for (const int code : {4031, 4032, 4033}) {
    CHECK(tk::v2::find(code)->http_status == 204);
    CHECK(tk::v2::find(code)->http_class == tk::http_class::success);
    CHECK(tk::v2::to_error_code(code));  // HTTP class success, yet a failure
  }
  CHECK(tk::v2::find(500)->type == "Server error");
  CHECK(tk::v2::to_error_code(500).message() == "Server error");
  CHECK(tk::v2::find(429)->message.find("wait two minute,") != std::string_view::npos);
  CHECK(tk::v3::find(429)->http_status == 400);
  CHECK(tk::v3::find(403)->http_status == 400);
  CHECK(tk::v3::find(424)->message.find("trckings") != std::string_view::npos);
  CHECK(tk::v4::find(4160)->message.find("invaild") != std::string_view::npos);
  CHECK(tk::v4::find(512)->http_status == 500);
}

TEST_CASE("retry advice") {
  CHECK(tk::v2::find(409)->retry == retry_advice::never);
  CHECK(tk::v4::find(4113)->retry == retry_advice::never);
  CHECK(tk::v4::find(4101)->retry == retry_advice::never);
  CHECK(tk::v4::find(4190)->retry == retry_advice::after_account_action);
  CHECK(tk::v2::find(4018)->retry == retry_advice::after_account_action);
  CHECK(tk::v4::find(4110)->retry == retry_advice::after_fixing_request);
  CHECK(tk::v2::find(503)->retry == retry_advice::after_delay);
  CHECK(tk::v2::find(503)->retry_after_s == 0);
}

TEST_CASE("undocumented codes follow RFC 9110's x00 rule, extended to four digits") {
  struct expectation {
    int code;
    bool failed;
    condition cond;
    retry_advice retry;
  };
  const expectation cases[] = {
      {250, false, tk::no_condition, retry_advice::not_applicable},
      {299, false, tk::no_condition, retry_advice::not_applicable},
      {450, true, condition::invalid_request, retry_advice::after_fixing_request},
      {4999, true, condition::invalid_request, retry_advice::after_fixing_request},
      {4000, true, condition::invalid_request, retry_advice::after_fixing_request},
      {502, true, condition::server_error, retry_advice::after_delay},
      {599, true, condition::server_error, retry_advice::after_delay},
      {5999, true, condition::server_error, retry_advice::after_delay},
      {-1, true, tk::no_condition, retry_advice::never},
      {INT_MIN, true, tk::no_condition, retry_advice::never},
      {INT_MAX, true, tk::no_condition, retry_advice::never},
      {99, true, tk::no_condition, retry_advice::never},
      {150, true, tk::no_condition, retry_advice::never},
      {302, true, tk::no_condition, retry_advice::never},
      {600, true, tk::no_condition, retry_advice::never},
      {1999, true, tk::no_condition, retry_advice::never},
      {2500, true, tk::no_condition, retry_advice::never},
      {6000, true, tk::no_condition, retry_advice::never},
      {0, true, tk::no_condition, retry_advice::never},
  };
  for (const api_version version : versions) {
    for (const expectation& e : cases) {
      INFO(tk::name_of(version) << " " << e.code);
      REQUIRE(tk::find(version, e.code) == nullptr);
      const tk::code_info info = tk::classify(version, e.code);
      CHECK(info.failed() == e.failed);
      CHECK(info.condition == e.cond);
      CHECK(info.retry == e.retry);
      CHECK(info.name.empty());
      const std::error_code ec = tk::to_error_code(version, e.code);
      CHECK(static_cast<bool>(ec) == e.failed);
      if (!e.failed || e.code == 0) continue;  // 0: the response category, tested below
      CHECK(ec.value() == e.code);
      CHECK(ec.category() == tk::category(version));
      CHECK(tk::find(ec) == nullptr);
      CHECK(ec.message() == "undocumented TrackingMore " + std::string(tk::name_of(version)) +
                                " code " + std::to_string(e.code));
      CHECK(tk::is_retryable(ec) == (e.retry == retry_advice::after_delay));
      CHECK(tk::retry_after_seconds(ec) == 0);
      CHECK(ec == ec.default_error_condition());
      if (e.cond == tk::no_condition) {
        CHECK(conditions_of(ec).empty());
        CHECK(ec.default_error_condition().category() == tk::category(version));
      } else {
        CHECK(ec.default_error_condition() == e.cond);
      }
    }
  }
  CHECK(tk::v4::to_error_code(502).message() == "undocumented TrackingMore v4 code 502");
}

TEST_CASE("a value that names no API version documents nothing, and every function fails closed") {
  for (const int value : {0, 1, 5, 9, -4}) {
    const auto bogus = static_cast<api_version>(value);
    INFO(value);
    CHECK(tk::name_of(bogus).empty());
    CHECK(tk::codes_of(bogus).size() == 0);
    for (const int code : {200, 201, 0, 4101, 429, 502}) {
      INFO(code);
      CHECK(tk::find(bogus, code) == nullptr);
      const tk::code_info info = tk::classify(bogus, code);
      CHECK(info.code == code);
      CHECK(info.version == bogus);
      CHECK(info.failed());  // even 200: nothing says this version's 200 is a success
      CHECK(info.retry == retry_advice::never);
      CHECK(info.condition == tk::no_condition);
      CHECK(info.http_status == 0);
      const std::error_code ec = tk::to_error_code(bogus, code);
      CHECK(ec == std::errc::invalid_argument);
      CHECK(ec.category() == tk::category(bogus));
      CHECK(!tk::is_retryable(ec));
      CHECK(tk::retry_advice_of(ec) == retry_advice::never);
    }
    CHECK(tk::category(bogus) == std::generic_category());
  }
  CHECK(tk::name_of(static_cast<condition>(99)).empty());
  CHECK(tk::name_of(static_cast<retry_advice>(-1)).empty());
  CHECK(tk::name_of(static_cast<tk::http_class>(0)).empty());
}

TEST_CASE("retry_advice_of is the advice of the code, for any error_code") {
  CHECK(tk::retry_advice_of(std::error_code{}) == retry_advice::not_applicable);
  CHECK(tk::retry_advice_of(tk::v4::errc::too_many_requests) == retry_advice::after_delay);
  CHECK(tk::retry_advice_of(tk::v4::errc::tracking_exists) == retry_advice::never);
  CHECK(tk::retry_advice_of(tk::v2::errc::forbidden) == retry_advice::after_account_action);
  CHECK(tk::retry_advice_of(tk::v3::errc::bad_request) == retry_advice::after_fixing_request);
  CHECK(tk::retry_advice_of(tk::v4::to_error_code(5999)) == retry_advice::after_delay);
  CHECK(tk::retry_advice_of(std::make_error_code(std::errc::timed_out)) == retry_advice::never);
  for (const api_version version : versions) {
    for (const tk::code_info& c : tk::codes_of(version)) {
      INFO(tk::name_of(version) << " " << c.code);
      const std::error_code ec = tk::to_error_code(version, c.code);
      CHECK(tk::retry_advice_of(ec) == c.retry);
      CHECK(tk::is_retryable(ec) == (tk::retry_advice_of(ec) == retry_advice::after_delay));
    }
  }
}

TEST_CASE("helpers ignore other categories") {
  const std::error_code other = std::make_error_code(std::errc::timed_out);
  CHECK(tk::find(other) == nullptr);
  CHECK(!tk::is_retryable(other));
  CHECK(tk::retry_after_seconds(other) == 0);
  CHECK(conditions_of(other).empty());
  // A generic-category code with a TrackingMore value is still not a TrackingMore code.
  CHECK(std::error_code(429, std::generic_category()) != condition::rate_limited);
}

TEST_CASE("a code of 0 is no code: a failure of the response category, never a success") {
  for (const api_version version : versions) {
    INFO(tk::name_of(version));
    const tk::code_info info = tk::classify(version, 0);
    CHECK(info.failed());
    CHECK(info.condition == tk::no_condition);
    CHECK(info.retry == retry_advice::never);
    const std::error_code ec = tk::to_error_code(version, 0);
    CHECK(ec);
    CHECK(ec == tk::response_errc::code_is_zero);
    CHECK(ec.category() == tk::response_category());
    CHECK(conditions_of(ec).empty());
    CHECK(!tk::is_retryable(ec));
    CHECK(tk::retry_advice_of(ec) == retry_advice::never);
    CHECK(tk::find(ec) == nullptr);
  }
  CHECK(tk::v2::to_error_code(0) == tk::response_errc::code_is_zero);
  CHECK(tk::v3::to_error_code(0) == tk::response_errc::code_is_zero);
  CHECK(tk::v4::to_error_code(0) == tk::response_errc::code_is_zero);
  CHECK(tk::v4::to_error_code(0).message() == "the response code is 0, which is no code");
}
