// The control: the right uses of what the other cases misuse compile, so a broken harness (a wrong
// include path, a missing flag) cannot make the other cases pass by failing for another reason.
#include <trackingmore/status.hpp>

namespace tk = trackingmore;

bool control() {
  const std::error_code ec = tk::v4::to_error_code(4013);
  const std::error_code exists = tk::v4::errc::tracking_exists;
  const std::error_condition limited = tk::condition::rate_limited;
  return ec == exists || ec == tk::v2::errc::tracking_exists || ec == limited ||
         tk::v2::errc::tracking_exists == tk::v2::errc::tracking_not_found ||
         tk::name_of(tk::http_class::client_error).empty() ||
         tk::name_of(tk::retry_advice::never).empty() || tk::name_of(tk::api_version::v4).empty();
}

// Literals are std's to bring, next to the library's namespaces.
using namespace std::string_view_literals;
using namespace trackingmore;
using namespace trackingmore::v4;

auto literals() { return "opt-in"sv; }
