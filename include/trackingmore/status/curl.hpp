/// @file
/// libcurl's transport errors as error_codes that `decide` classifies: `transport_error`.
///
/// Optional: it includes `<curl/curl.h>`, so only a program that uses libcurl includes it. The
/// rules are on the @ref http_clients page.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_CURL_HPP
#define TRACKINGMORE_STATUS_CURL_HPP

#include <trackingmore/status.hpp>

#include <curl/curl.h>

namespace trackingmore {

/// The error_code of libcurl's `code`, what `curl_easy_perform` returned (or a `CURLMsg`'s
/// `data.result`): empty for `CURLE_OK`, else a `std::errc` or a `transport_errc`.
///
/// - Retried: `CURLE_OPERATION_TIMEDOUT` `std::errc::timed_out`; `CURLE_COULDNT_CONNECT`
///   `connection_refused`; `CURLE_RECV_ERROR` `connection_reset` (its usual cause);
///   `CURLE_SEND_ERROR` and `CURLE_GOT_NOTHING` (closed without an answer) `connection_aborted`;
///   `CURLE_AGAIN` and `CURLE_NO_CONNECTION_AVAILABLE` `resource_unavailable_try_again`;
///   `CURLE_PARTIAL_FILE` (a body short of its Content-Length, or cut before its last chunk)
///   `transport_errc::response_cut`; `CURLE_COULDNT_RESOLVE_HOST` and `CURLE_COULDNT_RESOLVE_PROXY`
///   `transport_errc::host_not_found_try_again`, since libcurl does not say whether the failure is
///   temporary (its own `--retry` retries them too).
/// - Not retried: `CURLE_URL_MALFORMAT` `transport_errc::bad_url`; `CURLE_UNSUPPORTED_PROTOCOL`
///   `unsupported_protocol`; every TLS error (`CURLE_PEER_FAILED_VERIFICATION`,
///   `CURLE_SSL_CONNECT_ERROR`, `CURLE_SSL_CACERT_BADFILE`, ...) `tls_failed`;
///   `CURLE_WEIRD_SERVER_REPLY`, `CURLE_HTTP2`, `CURLE_HTTP2_STREAM`, `CURLE_HTTP3`,
///   `CURLE_BAD_CONTENT_ENCODING`, `CURLE_FILESIZE_EXCEEDED` `malformed_response`;
///   `CURLE_ABORTED_BY_CALLBACK` `std::errc::operation_canceled`; `CURLE_OUT_OF_MEMORY`
///   `std::errc::not_enough_memory`; any other value (a wrong option, a write callback's short
///   count, too many redirects, `CURLE_HTTP_RETURNED_ERROR`, another protocol's errors)
///   `client_failed`.
///
/// Leave `CURLOPT_FAILONERROR` off: with it, libcurl reports an HTTP status of 400 or more as
/// `CURLE_HTTP_RETURNED_ERROR`, where `http::to_error_code` of the status reads it (a 503 is
/// retried).
///
/// Example:
/// ```
/// const std::error_code ec = trackingmore::transport_error(curl_easy_perform(curl));
/// if (ec && trackingmore::decide(ec, 1)) { /* back off and send it again */ }
/// ```
inline std::error_code transport_error(CURLcode code) noexcept {
  switch (code) {
    case CURLE_OK: return {};
    case CURLE_OPERATION_TIMEDOUT: return std::make_error_code(std::errc::timed_out);
    case CURLE_COULDNT_CONNECT: return std::make_error_code(std::errc::connection_refused);
    case CURLE_RECV_ERROR: return std::make_error_code(std::errc::connection_reset);
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING: return std::make_error_code(std::errc::connection_aborted);
    case CURLE_AGAIN:
    case CURLE_NO_CONNECTION_AVAILABLE:
      return std::make_error_code(std::errc::resource_unavailable_try_again);
    case CURLE_PARTIAL_FILE: return make_error_code(transport_errc::response_cut);
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return make_error_code(transport_errc::host_not_found_try_again);
    case CURLE_URL_MALFORMAT: return make_error_code(transport_errc::bad_url);
    case CURLE_UNSUPPORTED_PROTOCOL: return make_error_code(transport_errc::unsupported_protocol);
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_USE_SSL_FAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
#if LIBCURL_VERSION_NUM >= 0x074d00  // 7.77.0
    case CURLE_SSL_CLIENTCERT:
#endif
      return make_error_code(transport_errc::tls_failed);
    case CURLE_WEIRD_SERVER_REPLY:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
#if LIBCURL_VERSION_NUM >= 0x074200  // 7.66.0
    case CURLE_HTTP3:
#endif
    case CURLE_BAD_CONTENT_ENCODING:
    case CURLE_FILESIZE_EXCEEDED: return make_error_code(transport_errc::malformed_response);
    case CURLE_ABORTED_BY_CALLBACK: return std::make_error_code(std::errc::operation_canceled);
    case CURLE_OUT_OF_MEMORY: return std::make_error_code(std::errc::not_enough_memory);
    default: break;  // a value a later libcurl adds fails closed too
  }
  return make_error_code(transport_errc::client_failed);
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_CURL_HPP
