/// @file
/// Boost.Asio's and Boost.Beast's transport errors as error_codes that `decide` classifies:
/// `transport_error`.
///
/// Optional: it includes Boost's error headers (Asio's, Beast's HTTP and core ones), so only a
/// program that uses Boost.Asio includes it. The rules are on the @ref http_clients page.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_ASIO_HPP
#define TRACKINGMORE_STATUS_ASIO_HPP

#include <trackingmore/status.hpp>

#include <boost/asio/error.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/system/error_code.hpp>
#include <string_view>

namespace trackingmore {

/// Implementation details: not part of the API.
namespace detail {

/// The error_code of a Beast HTTP error, `boost::beast::http::error`'s `value`.
inline std::error_code beast_http_error(int value) noexcept {
  using boost::beast::http::error;
  switch (static_cast<error>(value)) {
    case error::end_of_stream: return std::make_error_code(std::errc::connection_aborted);
    case error::partial_message: return make_error_code(transport_errc::response_cut);
    case error::bad_alloc: return std::make_error_code(std::errc::not_enough_memory);
    case error::unexpected_body:
    case error::buffer_overflow:
    case error::header_limit:
    case error::body_limit:
    case error::bad_line_ending:
    case error::bad_method:
    case error::bad_target:
    case error::bad_version:
    case error::bad_status:
    case error::bad_reason:
    case error::bad_field:
    case error::bad_value:
    case error::bad_content_length:
    case error::bad_transfer_encoding:
    case error::bad_chunk:
    case error::bad_chunk_extension:
    case error::bad_obs_fold: return make_error_code(transport_errc::malformed_response);
    default: break;  // need_more, need_buffer, end_of_chunk, stale_parser, short_read: API states
  }
  return make_error_code(transport_errc::client_failed);
}

/// The error_code of a resolver's error of category "asio.netdb",
/// `boost::asio::error::netdb_errors`'s `value`.
inline std::error_code netdb_error(int value) noexcept {
  namespace error = boost::asio::error;
  if (value == error::host_not_found_try_again) {
    return make_error_code(transport_errc::host_not_found_try_again);
  }
  // host_not_found, no_data (the name has no address) and no_recovery (DNS's own failure).
  return make_error_code(transport_errc::host_not_found);
}

}  // namespace detail

/// The error_code of Boost's `ec`, from an Asio or Beast operation: empty for success, the same
/// error in `std::system_category()` (or the generic one) for an operating-system error, a
/// `std::errc` or a `transport_errc` for Asio's and Beast's own errors, and `ec` as is, converted
/// to `std::error_code`, for any other category.
///
/// Categories are recognised by name, so that a duplicate from another shared library is too:
/// - "system", "generic": `connection_refused`, `connection_reset`, `timed_out`, ... as the
///   operating system said them, which `decide` retries;
/// - "boost.beast": `error::timeout` (a `tcp_stream`'s deadline) `std::errc::timed_out`;
/// - "beast.http": `end_of_stream` (closed before a response) `std::errc::connection_aborted`,
///   `partial_message` (closed inside one) `transport_errc::response_cut`, both retried;
///   `bad_alloc` `std::errc::not_enough_memory`; a parse error or a limit (`bad_version`,
///   `header_limit`, ...) `malformed_response`; the parser's states (`need_more`, ...)
///   `client_failed`;
/// - "asio.misc": `eof` (the peer closed the connection) `std::errc::connection_aborted`,
///   retried; the others `client_failed`;
/// - "asio.netdb": `host_not_found_try_again` `transport_errc::host_not_found_try_again`,
///   retried; `host_not_found`, `no_data`, `no_recovery` `host_not_found`;
/// - "asio.addrinfo": `service_not_found` (a wrong port name) `bad_url`,
/// `socket_type_not_supported`
///   `client_failed`;
/// - "asio.ssl" (OpenSSL's errors, a certificate's included) `tls_failed`; "asio.ssl.stream":
///   `stream_truncated` (the connection closed without TLS's close_notify) `response_cut`, the
///   others `tls_failed`.
///
/// Example:
/// ```
/// boost::beast::http::read(stream, buffer, response, failure);
/// const std::error_code ec = trackingmore::transport_error(failure);
/// if (ec && trackingmore::decide(ec, 1)) { /* back off and send it again */ }
/// ```
inline std::error_code transport_error(const boost::system::error_code& ec) noexcept {
  if (!ec) return {};
  const std::string_view category = ec.category().name();
  const int value = ec.value();
  if (category == "system") return {value, std::system_category()};
  if (category == "generic") return {value, std::generic_category()};
  if (category == "beast.http") return detail::beast_http_error(value);
  if (category == "boost.beast" && value == static_cast<int>(boost::beast::error::timeout)) {
    return std::make_error_code(std::errc::timed_out);
  }
  if (category == "asio.misc") {
    if (value == boost::asio::error::eof)
      return std::make_error_code(std::errc::connection_aborted);
    return make_error_code(transport_errc::client_failed);
  }
  if (category == "asio.netdb") return detail::netdb_error(value);
  if (category == "asio.addrinfo") {
    if (value == boost::asio::error::service_not_found)
      return make_error_code(transport_errc::bad_url);
    return make_error_code(transport_errc::client_failed);
  }
  // Asio's TLS categories by name and value: their header would bring in OpenSSL's.
  constexpr int stream_truncated = 1;  // boost::asio::ssl::error::stream_truncated (OpenSSL 1.1+)
  if (category == "asio.ssl.stream" && value == stream_truncated) {
    return make_error_code(transport_errc::response_cut);
  }
  if (category == "asio.ssl" || category == "asio.ssl.stream") {
    return make_error_code(transport_errc::tls_failed);
  }
  return ec;
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_ASIO_HPP
