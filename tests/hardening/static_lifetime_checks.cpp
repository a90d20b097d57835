// The checks of static_lifetime_test, in a unit of its own that includes the header.
#include <trackingmore/status.hpp>

#include <cstdio>
#include <string>

namespace tk = trackingmore;

int check_categories(const char* when) noexcept {
  int failures = 0;
  const auto expect = [&](bool ok, const char* what, int code) {
    if (ok) return;
    static_cast<void>(std::fprintf(stderr, "%s: failed: %s (code %d)\n", when, what, code));
    ++failures;
  };
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    expect(std::string(tk::category(v).name()) == "trackingmore." + std::string(tk::name_of(v)),
           "the category's name", 0);
    for (const tk::code_info& c : tk::codes_of(v)) {
      const std::error_code ec = tk::to_error_code(v, c.code);
      expect(!ec || ec.message() == c.message, "message()", c.code);
      expect(!ec || (ec == c.condition && ec.default_error_condition() == c.condition),
             "the condition", c.code);
      expect(tk::find(ec) == (ec ? &c : nullptr), "find(ec)", c.code);
    }
    expect(tk::to_error_code(v, 4999) == tk::condition::invalid_request, "an undocumented 4xxx",
           4999);
  }
  expect(tk::v4::to_error_code(429) == tk::condition::retryable, "retryable", 429);
  expect(std::error_condition(tk::condition::timeout).message() == "timeout",
         "a condition's message", 0);
  return failures;
}
