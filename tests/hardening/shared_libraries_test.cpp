// Two shared libraries and a program, each with the header: codes made in one are read right by the
// others. On ELF (built with -fvisibility=hidden) the categories are one object in the program; on
// Windows each DLL has its own, so the standard's comparisons, which compare category addresses,
// tell the same code from two DLLs apart, and the library's own operators and helpers must not.
#include <trackingmore/status.hpp>
#include <trackingmore/status/retry.hpp>

#include <chrono>

#include "catch.hpp"
#include "shared_library.hpp"

namespace tk = trackingmore;
using tk::api_version;

namespace {
/// Whether the program and both libraries share one object per category: docs/semantics.md.
#ifdef _WIN32
constexpr bool one_category_object = false;
#else
constexpr bool one_category_object = true;
#endif
}  // namespace

TEST_CASE("the categories are one object per program on ELF, one per DLL on Windows") {
  const library_api a = library_a();
  const library_api b = library_b();
  for (const api_version v : {api_version::v2, api_version::v3, api_version::v4}) {
    CHECK((&a.category(v) == &tk::category(v)) == one_category_object);
    CHECK((&b.category(v) == &tk::category(v)) == one_category_object);
  }
  CHECK((a.make_condition(tk::condition::rate_limited).category() == tk::condition_category()) ==
        one_category_object);
  CHECK((b.make_condition(tk::condition::rate_limited) == tk::condition::rate_limited) ==
        one_category_object);
}

TEST_CASE("the README's checks hold for a code from another library") {
  const library_api a = library_a();
  const std::error_code exists = a.v4_code(tk::v4::errc::tracking_exists);
  CHECK(exists == tk::v4::errc::tracking_exists);
  CHECK(tk::v4::errc::tracking_exists == exists);
  CHECK_FALSE(exists != tk::v4::errc::tracking_exists);
  CHECK(exists != tk::v4::errc::tracking_not_found);
  CHECK(exists != tk::v3::errc::tracking_exists);
  CHECK(exists == tk::condition::tracking_exists);
  CHECK(exists.message() == "Tracking No. already exists.");
  CHECK(a.v4_code(tk::v4::errc::success) == std::error_code{});
  CHECK(a.v4_code(tk::v4::errc::success) == tk::v4::errc::success);
  CHECK(a.to_error_code(api_version::v4, 0) == tk::response_errc::code_is_zero);
  CHECK(a.to_error_code(api_version::v4, 0) != tk::response_errc::no_response);
  // What the standard's operator answers: true only where the categories are one object.
  CHECK((exists == std::error_code(tk::v4::errc::tracking_exists)) == one_category_object);
}

TEST_CASE("codes from both libraries match errc and condition") {
  const library_api a = library_a();
  const library_api b = library_b();
  CHECK((a.v4_code(tk::v4::errc::tracking_exists) == b.v4_code(tk::v4::errc::tracking_exists)) ==
        one_category_object);
  CHECK(a.v4_code(tk::v4::errc::tracking_exists) == tk::v4::errc::tracking_exists);
  for (const api_version v : {api_version::v2, api_version::v3, api_version::v4}) {
    for (const tk::code_info& c : tk::codes_of(v)) {
      INFO(tk::name_of(v) << " " << c.code);
      const std::error_code from_a = a.to_error_code(v, c.code);
      const std::error_code from_b = b.to_error_code(v, c.code);
      CHECK((from_a == from_b) == (one_category_object || !c.failed()));
      CHECK((from_a == tk::to_error_code(v, c.code)) == (one_category_object || !c.failed()));
      CHECK(tk::find(from_a) == (c.failed() ? tk::find(v, c.code) : nullptr));
      CHECK(from_a.message() == tk::to_error_code(v, c.code).message());
      if (!c.failed()) continue;
      CHECK(from_a == c.condition);
      CHECK(from_b == a.make_condition(c.condition));
      CHECK(b.equals(from_a, c.condition));
      CHECK(tk::is_retryable(from_a) == (c.retry == tk::retry_advice::after_delay));
      CHECK(tk::retry_after_seconds(from_b) == c.retry_after_s);
      CHECK((from_a.default_error_condition() == b.make_condition(c.condition)) ==
            one_category_object);
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
  CHECK(tk::retry_advice_of(busy) == tk::retry_advice::after_delay);
  CHECK(tk::decide(busy, 1).delay == std::chrono::seconds(120));
  CHECK(!tk::decide(b.to_error_code(api_version::v4, 4101), 1));
  CHECK(tk::retry_after_seconds(b.to_error_code(api_version::v2, 429)) == 120);
  const tk::code_info* found = b.find(a.to_error_code(api_version::v3, 423));
  REQUIRE(found != nullptr);
  CHECK(found->condition == tk::condition::tracking_exists);
  CHECK(tk::find(b.to_error_code(api_version::v4, 4101)) == tk::v4::find(4101));
  CHECK(!a.is_retryable(b.to_error_code(api_version::v4, 4101)));
}
