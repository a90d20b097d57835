// trackingmore/status/asio.hpp: every value of Asio's and Beast's error enums, its error_code and
// whether decide retries it; categories recognised by name; any other category passed on. Asio's
// TLS categories are stood in for by categories of their names ("asio.ssl", "asio.ssl.stream"), so
// that the test needs no OpenSSL, as the header does not.
#include <trackingmore/status/asio.hpp>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/system/error_code.hpp>
#include <string>
#include <vector>

#include "expected.hpp"

namespace {

namespace tk = trackingmore;
namespace asio_error = boost::asio::error;
using beast_http = boost::beast::http::error;
using boost::system::error_code;

/// An operating-system error that stays itself, in `std::system_category()`.
test::expected os(int value, bool retried) { return {{value, std::system_category()}, retried}; }

/// An operating-system error of Asio's, and whether decide retries it.
struct basic_row {
  asio_error::basic_errors error;
  bool retried;
};

/// Every `boost::asio::error::basic_errors` (the operating system's errors): each keeps its value,
/// and decide retries the transient ones.
const basic_row every_basic_error[] = {
    {asio_error::access_denied, false},
    {asio_error::address_family_not_supported, false},
    {asio_error::address_in_use, false},
    {asio_error::already_connected, false},
    {asio_error::already_started, false},
    {asio_error::broken_pipe, true},
    {asio_error::connection_aborted, true},
    {asio_error::connection_refused, true},
    {asio_error::connection_reset, true},
    {asio_error::bad_descriptor, false},
    {asio_error::fault, false},
    {asio_error::host_unreachable, true},
    {asio_error::in_progress, false},
    {asio_error::interrupted, false},
    {asio_error::invalid_argument, false},
    {asio_error::message_size, false},
    {asio_error::name_too_long, false},
    {asio_error::network_down, true},
    {asio_error::network_reset, true},
    {asio_error::network_unreachable, true},
    {asio_error::no_descriptors, false},
    {asio_error::no_buffer_space, false},
    {asio_error::no_memory, false},
    {asio_error::no_permission, false},
    {asio_error::no_protocol_option, false},
    {asio_error::no_such_device, false},
    {asio_error::not_connected, false},
    {asio_error::not_socket, false},
    {asio_error::operation_aborted, false},  // ECANCELED: a cancel of yours
    {asio_error::operation_not_supported, false},
    {asio_error::shut_down, false},
    {asio_error::timed_out, true},
    {asio_error::try_again, true},
    {asio_error::would_block, true},
};

/// An error of Asio's or Beast's own categories, and what it should give.
struct library_row {
  error_code error;
  test::expected want;
};

/// Every error of Asio's own categories and Beast's (made at run time: Boost's error_code
/// constructors may throw).
std::vector<library_row> every_library_error() {
  return {
      {asio_error::host_not_found, test::dns_no_host},
      {asio_error::host_not_found_try_again, test::dns_try_again},
      {asio_error::no_data, test::dns_no_host},
      {asio_error::no_recovery, test::dns_no_host},
      {asio_error::service_not_found, test::bad_url},
      {asio_error::socket_type_not_supported, test::client_failed},
      {asio_error::already_open, test::client_failed},
      {asio_error::eof, test::aborted},
      {asio_error::not_found, test::client_failed},
      {asio_error::fd_set_failure, test::client_failed},
      {boost::beast::error::timeout, test::timed_out},
      {beast_http::end_of_stream, test::aborted},
      {beast_http::partial_message, test::cut},
      {beast_http::need_more, test::client_failed},
      {beast_http::unexpected_body, test::malformed},
      {beast_http::need_buffer, test::client_failed},
      {beast_http::end_of_chunk, test::client_failed},
      {beast_http::buffer_overflow, test::malformed},
      {beast_http::header_limit, test::malformed},
      {beast_http::body_limit, test::malformed},
      {beast_http::bad_alloc, test::no_memory},
      {beast_http::bad_line_ending, test::malformed},
      {beast_http::bad_method, test::malformed},
      {beast_http::bad_target, test::malformed},
      {beast_http::bad_version, test::malformed},
      {beast_http::bad_status, test::malformed},
      {beast_http::bad_reason, test::malformed},
      {beast_http::bad_field, test::malformed},
      {beast_http::bad_value, test::malformed},
      {beast_http::bad_content_length, test::malformed},
      {beast_http::bad_transfer_encoding, test::malformed},
      {beast_http::bad_chunk, test::malformed},
      {beast_http::bad_chunk_extension, test::malformed},
      {beast_http::bad_obs_fold, test::malformed},
      {beast_http::stale_parser, test::client_failed},
      {beast_http::short_read, test::client_failed},
  };
}

/// A category of Boost's with a name of its own choosing.
// Boost's base has a protected non-virtual destructor; these objects are never deleted through it.
// NOLINTNEXTLINE(cppcoreguidelines-virtual-class-destructor)
class named_category final : public boost::system::error_category {
 public:
  explicit named_category(const char* name) : name_(name) {}
  const char* name() const noexcept override { return name_; }
  std::string message(int value) const override { return name_ + (" " + std::to_string(value)); }

 private:
  const char* name_;
};

}  // namespace

TEST_CASE("asio.hpp: each operating-system error stays itself, decide retries the transient") {
  for (const basic_row& row : every_basic_error) {
    const error_code ec = row.error;
    INFO(ec.category().name() << " " << ec.value() << ": " << ec.message());
    test::check(tk::transport_error(ec), os(ec.value(), row.retried));
  }
  // boost::system::errc's codes are the generic category's.
  const error_code generic = boost::system::errc::make_error_code(boost::system::errc::timed_out);
  CHECK(tk::transport_error(generic) == std::error_code(ETIMEDOUT, std::generic_category()));
  CHECK(tk::decide(tk::transport_error(generic), 1));
  test::check(tk::transport_error(error_code{}), test::success);
}

TEST_CASE(
    "asio.hpp: each error of Asio's and Beast's categories gives its error_code and decision") {
  for (const auto& [ec, want] : every_library_error()) {
    INFO(ec.category().name() << " " << ec.value() << ": " << ec.message());
    test::check(tk::transport_error(ec), want);
  }
  // Beast's HTTP errors run from 1 to short_read: the table has each.
  int beast_errors = 0;
  for (const library_row& row : every_library_error()) {
    if (std::string(row.error.category().name()) == "beast.http") ++beast_errors;
  }
  CHECK(beast_errors == static_cast<int>(beast_http::short_read));
  const error_code short_read = beast_http::short_read;
  test::check(tk::transport_error(error_code(short_read.value() + 1, short_read.category())),
              test::client_failed);
}

TEST_CASE("asio.hpp: Asio's TLS errors: a truncated stream is a cut response, the rest TLS's") {
  // boost::asio::ssl::error::stream_errors (OpenSSL 1.1 and later): stream_truncated,
  // unspecified_system_error, unexpected_result.
  const named_category stream("asio.ssl.stream");
  test::check(tk::transport_error(error_code(1, stream)), test::cut);
  test::check(tk::transport_error(error_code(2, stream)), test::tls);
  test::check(tk::transport_error(error_code(3, stream)), test::tls);
  // OpenSSL's packed errors, e.g. SSL_R_CERTIFICATE_VERIFY_FAILED (134) of ERR_LIB_SSL (20).
  const named_category ssl("asio.ssl");
  test::check(tk::transport_error(error_code((20 << 23) | 134, ssl)), test::tls);
  test::check(tk::transport_error(error_code(1, ssl)), test::tls);
}

TEST_CASE("asio.hpp: a duplicate of a category, from another shared library, is known by name") {
  const named_category beast("beast.http");
  test::check(tk::transport_error(error_code(static_cast<int>(beast_http::partial_message), beast)),
              test::cut);
  const named_category netdb("asio.netdb");
  test::check(tk::transport_error(error_code(asio_error::host_not_found_try_again, netdb)),
              test::dns_try_again);
}

TEST_CASE("asio.hpp: an error of any other category is passed on, and not retried") {
  const named_category other("my.library");
  const std::error_code ec = tk::transport_error(error_code(7, other));
  CHECK(ec.value() == 7);
  CHECK(std::string(ec.category().name()) == "my.library");
  CHECK(ec.message() == "my.library 7");
  CHECK_FALSE(tk::decide(ec, 1));
}
