// Two shared libraries built with -fvisibility=hidden share the program's categories: their codes
// compare equal to each other's and to the program's `errc` and `condition` values.
#include <trackingmore/status.hpp>

#include "catch.hpp"
#include "shared_library.hpp"

namespace tk = trackingmore;
using tk::api_version;

TEST_CASE("the categories are one object in the program and both libraries") {
  const library_api a = library_a();
  const library_api b = library_b();
  for (const api_version v : {api_version::v2, api_version::v3, api_version::v4}) {
    CHECK(&a.category(v) == &tk::category(v));
    CHECK(&b.category(v) == &tk::category(v));
  }
  CHECK(a.make_condition(tk::condition::rate_limited).category() == tk::condition_category());
  CHECK(b.make_condition(tk::condition::rate_limited) == tk::condition::rate_limited);
}

TEST_CASE("codes from both libraries compare equal and match errc and condition") {
  const library_api a = library_a();
  const library_api b = library_b();
  CHECK(a.v4_code(tk::v4::errc::tracking_exists) == b.v4_code(tk::v4::errc::tracking_exists));
  CHECK(a.v4_code(tk::v4::errc::tracking_exists) == tk::v4::errc::tracking_exists);
  CHECK(a.v4_code(tk::v4::errc::success) == std::error_code{});
  for (const api_version v : {api_version::v2, api_version::v3, api_version::v4}) {
    for (const tk::code_info& c : tk::codes_of(v)) {
      INFO(tk::name_of(v) << " " << c.code);
      const std::error_code from_a = a.to_error_code(v, c.code);
      const std::error_code from_b = b.to_error_code(v, c.code);
      CHECK(from_a == from_b);
      CHECK(from_a == tk::to_error_code(v, c.code));
      if (!c.failed()) continue;
      CHECK(from_a == c.condition);
      CHECK(from_b == a.make_condition(c.condition));
      CHECK(b.equals(from_a, c.condition));
      CHECK(from_a.default_error_condition() == b.make_condition(c.condition));
    }
  }
}

TEST_CASE("the helpers of each library classify the other's codes") {
  const library_api a = library_a();
  const library_api b = library_b();
  const std::error_code busy = a.to_error_code(api_version::v4, 429);
  CHECK(b.is_retryable(busy));
  CHECK(tk::is_retryable(busy));
  CHECK(b.retry_after_seconds(busy) == 120);
  CHECK(tk::retry_after_seconds(b.to_error_code(api_version::v2, 429)) == 120);
  const tk::code_info* found = b.find(a.to_error_code(api_version::v3, 423));
  REQUIRE(found != nullptr);
  CHECK(found->condition == tk::condition::tracking_exists);
  CHECK(tk::find(b.to_error_code(api_version::v4, 4101)) == tk::v4::find(4101));
  CHECK(!a.is_retryable(b.to_error_code(api_version::v4, 4101)));
}
