// Every int in [-1'000'000, 1'000'000], INT_MIN, INT_MAX and a million random ints, for each
// version: the hash index finds exactly the table's rows, no throw, a message, and helpers that
// agree with the conditions. (No UB: the same sweep runs under UBSan in the sanitizer build.)
// Failures are counted, so the sweep stays fast.
#include <trackingmore/status.hpp>

#include <array>
#include <climits>
#include <cstdint>
#include <random>
#include <string>

#include "all_conditions.hpp"
#include "catch.hpp"

namespace tk = trackingmore;
using tk::api_version;
using tk::condition;

namespace {

/// The failed checks for one input; the first failure's description goes to `first`.
struct tally {
  long failures = 0;
  std::string first;

  void expect(bool ok, const char* what, api_version version, int code) {
    if (ok) return;
    if (failures++ == 0) {
      first = std::string(what) + " for " + std::string(tk::name_of(version)) + " " +
              std::to_string(code);
    }
  }
};

/// The row of `code` in `version`'s table by a scan of its rows: what the hash index must find.
const tk::code_info* scan(api_version version, int code) {
  for (const tk::code_info& row : tk::codes_of(version)) {
    if (row.code == code) return &row;
  }
  return nullptr;
}

void check(api_version version, int code, tally& t) {
  t.expect(tk::find(version, code) == scan(version, code),
           "find(version, code) is the table's row of code, or nullptr", version, code);
  const std::error_code ec = tk::to_error_code(version, code);
  const tk::code_info info = tk::classify(version, code);
  t.expect(static_cast<bool>(ec) == info.failed(), "ec is truthy exactly for failures", version,
           code);
  t.expect(!ec || (ec.value() == code && &ec.category() == &tk::category(version)) ||
               (code == 0 && ec == tk::response_errc::code_is_zero),
           "a failure keeps its value and its version's category (0: code_is_zero)", version, code);
  t.expect(!tk::category(version).message(code).empty(), "a non-empty message", version, code);
  t.expect((ec == condition::retryable) == tk::is_retryable(ec),
           "ec == retryable exactly when is_retryable(ec)", version, code);
  t.expect(!ec || ec == ec.default_error_condition(), "ec == ec.default_error_condition()", version,
           code);
  t.expect((tk::find(ec) != nullptr) == (ec && !info.name.empty()),
           "find(ec) finds exactly the documented failures", version, code);
  t.expect(tk::retry_after_seconds(ec) == (ec ? info.retry_after_s : 0u),
           "retry_after_seconds(ec) is the row's", version, code);
  for (const condition c : all_conditions) {
    const bool expected =
        ec && (info.condition == c ||
               (c == condition::retryable && info.retry == tk::retry_advice::after_delay));
    t.expect((ec == c) == expected, "ec == condition exactly for its own group and retryable",
             version, code);
  }
}

}  // namespace

TEST_CASE("every int in [-1'000'000, 1'000'000], INT_MIN and INT_MAX, for each version") {
  for (const api_version version : {api_version::v2, api_version::v3, api_version::v4}) {
    INFO(tk::name_of(version));
    tally t;
    check(version, INT_MIN, t);
    check(version, INT_MAX, t);
    for (int code = -1'000'000; code <= 1'000'000; ++code) check(version, code, t);
    INFO(t.first);
    CHECK(t.failures == 0);
  }
}

TEST_CASE("a million random ints, for each version") {
  // A fixed seed, so that a failure reproduces.
  std::mt19937 random(20240601u);  // NOLINT(cert-msc32-c,cert-msc51-cpp)
  for (const api_version version : {api_version::v2, api_version::v3, api_version::v4}) {
    INFO(tk::name_of(version));
    tally t;
    for (int i = 0; i < 1'000'000; ++i) {
      check(version, static_cast<int>(static_cast<std::int32_t>(random())), t);
    }
    INFO(t.first);
    CHECK(t.failures == 0);
  }
}
