// The categories: names, messages, identity, and recognition of a duplicated category object.
#include <trackingmore/status.hpp>

#include <string>
#include <vector>

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
