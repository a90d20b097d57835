/// @file
/// cpp-httplib's transport errors as error_codes that `decide` classifies: `transport_error`.
///
/// Optional: it includes `<httplib.h>`, so only a program that uses cpp-httplib includes it. The
/// rules are on the @ref http_clients page.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_HTTPLIB_HPP
#define TRACKINGMORE_STATUS_HTTPLIB_HPP

#include <trackingmore/status.hpp>

#include <httplib.h>

namespace trackingmore {

/// The error_code of cpp-httplib's `error`, the `httplib::Result::error()` of a request that got
/// no response: empty for `Success`, else a `std::errc` or a `transport_errc`.
///
/// cpp-httplib says less than the other clients, so its values are read by what they can mean:
/// - `Connection`: `std::errc::connection_refused` (retried), which it also reports for a failed
///   name resolution, temporary or not, and an unreachable network;
/// - `Read`, `Write`: `std::errc::connection_aborted` (retried): the connection broke, whether it
///   was reset, closed before or inside the response, or read past the read timeout;
/// - `ConnectionTimeout`: `std::errc::timed_out` (retried);
/// - `Canceled`: `std::errc::operation_canceled` (a callback of yours stopped it: not retried);
/// - `SSLConnection`, `SSLLoadingCerts`, `SSLServerVerification`: `transport_errc::tls_failed`;
/// - `Compression` (a body it cannot decompress): `transport_errc::malformed_response`;
/// - `Unknown`, `BindIPAddress`, `ExceedRedirectCount`, `UnsupportedMultipartBoundaryChars` and
///   any other value: `transport_errc::client_failed` (not retried).
///
/// Example:
/// ```
/// const httplib::Result response = client.Get("/v4/trackings/get", headers);
/// const std::error_code ec = trackingmore::transport_error(response.error());
/// if (!response && trackingmore::decide(ec, 1)) { /* back off and send it again */ }
/// ```
inline std::error_code transport_error(httplib::Error error) noexcept {
  using httplib::Error;
  switch (error) {
    case Error::Success: return {};
    case Error::Connection: return std::make_error_code(std::errc::connection_refused);
    case Error::Read:
    case Error::Write: return std::make_error_code(std::errc::connection_aborted);
    case Error::ConnectionTimeout: return std::make_error_code(std::errc::timed_out);
    case Error::Canceled: return std::make_error_code(std::errc::operation_canceled);
    case Error::SSLConnection:
    case Error::SSLLoadingCerts:
    case Error::SSLServerVerification: return make_error_code(transport_errc::tls_failed);
    case Error::Compression: return make_error_code(transport_errc::malformed_response);
    default: break;  // a value a later cpp-httplib adds fails closed, as Unknown does
  }
  return make_error_code(transport_errc::client_failed);
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_HTTPLIB_HPP
