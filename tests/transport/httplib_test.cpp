// trackingmore/status/httplib.hpp: every value of cpp-httplib's httplib::Error, its error_code and
// whether decide retries it.
#include <trackingmore/status/httplib.hpp>

#include <httplib.h>
#include <string>
#include <utility>
#include <vector>

#include "expected.hpp"

namespace {

using httplib::Error;

/// Every enumerator of cpp-httplib 0.11's httplib::Error.
const std::vector<std::pair<Error, test::expected>> every_error{
    {Error::Success, test::success},
    {Error::Unknown, test::client_failed},
    {Error::Connection, test::refused},  // also a failed name resolution, and no route
    {Error::BindIPAddress, test::client_failed},
    {Error::Read, test::aborted},  // a reset, a close before or inside the answer, a read timeout
    {Error::Write, test::aborted},
    {Error::ExceedRedirectCount, test::client_failed},
    {Error::Canceled, test::canceled},
    {Error::SSLConnection, test::tls},
    {Error::SSLLoadingCerts, test::tls},
    {Error::SSLServerVerification, test::tls},
    {Error::UnsupportedMultipartBoundaryChars, test::client_failed},
    {Error::Compression, test::malformed},
    {Error::ConnectionTimeout, test::timed_out},
};

}  // namespace

TEST_CASE("httplib.hpp: each httplib::Error gives its error_code and decision") {
  for (const auto& [error, want] : every_error) {
    INFO("httplib::Error::" << httplib::to_string(error));
    test::check(trackingmore::transport_error(error), want);
  }
}

TEST_CASE("httplib.hpp: the table covers every httplib::Error, and a later one fails closed") {
  // to_string names each enumerator and says "Invalid" for any other value.
  int named = 0;
  for (int value = 0; value < 256; ++value) {
    if (httplib::to_string(static_cast<Error>(value)) != "Invalid") ++named;
  }
  CHECK(named == static_cast<int>(every_error.size()));
  for (std::size_t i = 0; i < every_error.size(); ++i) {
    CHECK(static_cast<std::size_t>(every_error[i].first) == i);
  }
  test::check(trackingmore::transport_error(static_cast<Error>(255)), test::client_failed);
}
