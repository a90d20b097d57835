// The categories: names, messages, identity, and recognition of a duplicated category object.
#include <trackingmore/status.hpp>

#include <string>
#include <vector>

#include "all_conditions.hpp"
#include "catch.hpp"

namespace tk = trackingmore;
using tk::api_version;
using tk::condition;

TEST_CASE("category names") {
  CHECK(std::string(tk::v2::category().name()) == "trackingmore.v2");
  CHECK(std::string(tk::v3::category().name()) == "trackingmore.v3");
  CHECK(std::string(tk::v4::category().name()) == "trackingmore.v4");
  CHECK(std::string(tk::condition_category().name()) == "trackingmore");
  CHECK(&tk::category(api_version::v2) == &tk::v2::category());
  CHECK(&tk::category(api_version::v3) == &tk::v3::category());
  CHECK(&tk::category(api_version::v4) == &tk::v4::category());
  CHECK(tk::v2::category() != tk::v4::category());
}

TEST_CASE("conditions are error_conditions with readable messages") {
  const std::error_condition c = condition::rate_limited;
  CHECK(c.category() == tk::condition_category());
  CHECK(c.value() == static_cast<int>(condition::rate_limited));
  CHECK(c.message() == "rate limited");
  CHECK(std::error_condition(condition::courier_not_detected).message() == "courier not detected");
  CHECK(tk::condition_category().message(0) == "unknown TrackingMore condition");
  CHECK(tk::condition_category().message(-7) == "unknown TrackingMore condition");
}

TEST_CASE("a duplicated category object is still recognised by name") {
  // What a platform that duplicates inline variables across shared libraries would produce.
  const tk::detail::code_category duplicate{tk::detail::domain::v4};
  const std::error_code ec(4101, duplicate);
  REQUIRE(&ec.category() != &tk::v4::category());
  CHECK(tk::find(ec) == tk::v4::find(4101));
  CHECK(ec == condition::tracking_exists);
  const std::error_code busy(429, duplicate);
  CHECK(busy == condition::rate_limited);
  CHECK(busy == condition::retryable);
  CHECK(tk::is_retryable(busy));
  CHECK(tk::retry_after_seconds(busy) == 120);
  CHECK(ec == tk::v4::errc::tracking_exists);
  CHECK(tk::v4::errc::tracking_exists == ec);
  CHECK(ec != tk::v4::errc::tracking_not_found);
  CHECK(ec != tk::v3::errc::tracking_exists);
  const tk::detail::code_category other_responses{tk::detail::domain::response};
  CHECK(std::error_code(9, other_responses) == tk::response_errc::code_is_zero);
  CHECK(std::error_code(9, other_responses) != tk::response_errc::no_response);
}

TEST_CASE("ec == errc answers as the standard's comparison with make_error_code(errc) does") {
  const tk::detail::code_category duplicate{tk::detail::domain::v3};
  std::vector<std::error_code> codes{std::error_code{}, std::make_error_code(std::errc::timed_out),
                                     std::error_code(4101, std::generic_category()),
                                     std::error_code(0, std::generic_category()),
                                     std::error_code(9, tk::response_category())};
  for (const api_version version : {api_version::v2, api_version::v3, api_version::v4}) {
    for (const tk::code_info& c : tk::codes_of(version)) {
      codes.push_back(tk::to_error_code(version, c.code));
      codes.emplace_back(c.code, tk::category(version));
    }
  }
  // Each comparison both ways, and its negation, against the standard's answer.
  const auto agree = [&codes](auto e) {
    const std::error_code standard = make_error_code(e);
    for (const std::error_code& ec : codes) {
      INFO(ec.category().name() << " " << ec.value() << " ~ " << standard.value());
      CHECK((ec == e) == (ec == standard));
      CHECK((e == ec) == (ec == standard));
      CHECK((ec != e) == (ec != standard));
      CHECK((e != ec) == (ec != standard));
    }
  };
  for (const tk::code_info& c : tk::v2::codes) agree(static_cast<tk::v2::errc>(c.code));
  for (const tk::code_info& c : tk::v3::codes) agree(static_cast<tk::v3::errc>(c.code));
  for (const tk::code_info& c : tk::v4::codes) agree(static_cast<tk::v4::errc>(c.code));
  for (int value = 1; value <= static_cast<int>(tk::response_errc::no_response); ++value) {
    agree(static_cast<tk::response_errc>(value));
  }
  CHECK(std::error_code(423, duplicate) == tk::v3::errc::tracking_exists);
}

TEST_CASE("ec == condition answers as the standard's comparison with the error_condition does") {
  const tk::detail::code_category duplicate{tk::detail::domain::v3};
  std::vector<std::error_code> codes{std::error_code{},
                                     std::make_error_code(std::errc::timed_out),
                                     std::error_code(429, std::generic_category()),
                                     std::error_code(0, std::generic_category()),
                                     std::error_code(429, duplicate),
                                     std::error_code(423, duplicate)};
  for (const api_version version : {api_version::v2, api_version::v3, api_version::v4}) {
    for (int code = -1; code <= 6000; code += code < 600 ? 1 : 7) {
      codes.emplace_back(code, tk::category(version));
    }
  }
  for (const std::error_code& ec : codes) {
    for (int value = 0; value <= static_cast<int>(condition::retryable) + 1; ++value) {
      const auto c = static_cast<condition>(value);
      const std::error_condition standard(value, tk::condition_category());
      INFO(ec.category().name() << " " << ec.value() << " ~ " << value);
      CHECK((ec == c) == (ec == standard));
      CHECK((c == ec) == (ec == standard));
      CHECK((ec != c) == (ec != standard));
      CHECK((c != ec) == (ec != standard));
    }
  }
}

namespace {

/// A user's category, whose name only looks like one of the library's.
class look_alike_category final : public std::error_category {
 public:
  explicit look_alike_category(const char* name) noexcept : name_(name) {}
  const char* name() const noexcept override { return name_; }
  std::string message(int /*value*/) const override { return "a user's error"; }

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("a user's category whose name looks like the library's is recognised by nothing") {
  // A duplicate is recognised by its exact name only: read as the library's, a user's 429 would
  // be retryable, wait 120 s and be rate_limited.
  for (const char* name :
       {"trackingmore.http2", "trackingmore.v2x", "trackingmore.v4 ", "trackingmore.v",
        "trackingmore.htt", "trackingmore.response2", "trackingmore.", "trackingmore",
        "trackingmore.V4", "Trackingmore.v4", "xtrackingmore.v4"}) {
    CAPTURE(name);
    const look_alike_category user(name);
    const std::error_code ec(429, user);
    CHECK(tk::find(ec) == nullptr);
    CHECK(tk::retry_advice_of(ec) == tk::retry_advice::never);
    CHECK_FALSE(tk::is_retryable(ec));
    CHECK(tk::retry_after_seconds(ec) == 0);
    for (const condition c : all_conditions) {
      CAPTURE(c);
      CHECK(ec != c);
    }
    CHECK(ec != static_cast<tk::v2::errc>(429));
    CHECK(ec != static_cast<tk::v4::errc>(429));
  }
}
