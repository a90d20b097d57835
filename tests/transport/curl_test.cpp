// trackingmore/status/curl.hpp: every value of libcurl's CURLcode, its error_code and whether
// decide retries it.
#include <trackingmore/status/curl.hpp>

#include <curl/curl.h>
#include <utility>
#include <vector>

#include "expected.hpp"

namespace {

/// Every CURLcode of libcurl 7.88, in order; another libcurl's new values fail the coverage test,
/// so that each gets a decision.
const std::vector<std::pair<CURLcode, test::expected>> every_code{
    {CURLE_OK, test::success},
    {CURLE_UNSUPPORTED_PROTOCOL, test::unsupported},
    {CURLE_FAILED_INIT, test::client_failed},
    {CURLE_URL_MALFORMAT, test::bad_url},
    {CURLE_NOT_BUILT_IN, test::client_failed},
    {CURLE_COULDNT_RESOLVE_PROXY, test::dns_try_again},
    {CURLE_COULDNT_RESOLVE_HOST, test::dns_try_again},
    {CURLE_COULDNT_CONNECT, test::refused},
    {CURLE_WEIRD_SERVER_REPLY, test::malformed},
    {CURLE_REMOTE_ACCESS_DENIED, test::client_failed},
    {CURLE_FTP_ACCEPT_FAILED, test::client_failed},
    {CURLE_FTP_WEIRD_PASS_REPLY, test::client_failed},
    {CURLE_FTP_ACCEPT_TIMEOUT, test::client_failed},
    {CURLE_FTP_WEIRD_PASV_REPLY, test::client_failed},
    {CURLE_FTP_WEIRD_227_FORMAT, test::client_failed},
    {CURLE_FTP_CANT_GET_HOST, test::client_failed},
    {CURLE_HTTP2, test::malformed},
    {CURLE_FTP_COULDNT_SET_TYPE, test::client_failed},
    {CURLE_PARTIAL_FILE, test::cut},
    {CURLE_FTP_COULDNT_RETR_FILE, test::client_failed},
    {CURLE_OBSOLETE20, test::client_failed},
    {CURLE_QUOTE_ERROR, test::client_failed},
    {CURLE_HTTP_RETURNED_ERROR, test::client_failed},
    {CURLE_WRITE_ERROR, test::client_failed},
    {CURLE_OBSOLETE24, test::client_failed},
    {CURLE_UPLOAD_FAILED, test::client_failed},
    {CURLE_READ_ERROR, test::client_failed},
    {CURLE_OUT_OF_MEMORY, test::no_memory},
    {CURLE_OPERATION_TIMEDOUT, test::timed_out},
    {CURLE_OBSOLETE29, test::client_failed},
    {CURLE_FTP_PORT_FAILED, test::client_failed},
    {CURLE_FTP_COULDNT_USE_REST, test::client_failed},
    {CURLE_OBSOLETE32, test::client_failed},
    {CURLE_RANGE_ERROR, test::client_failed},
    {CURLE_HTTP_POST_ERROR, test::client_failed},
    {CURLE_SSL_CONNECT_ERROR, test::tls},
    {CURLE_BAD_DOWNLOAD_RESUME, test::client_failed},
    {CURLE_FILE_COULDNT_READ_FILE, test::client_failed},
    {CURLE_LDAP_CANNOT_BIND, test::client_failed},
    {CURLE_LDAP_SEARCH_FAILED, test::client_failed},
    {CURLE_OBSOLETE40, test::client_failed},
    {CURLE_FUNCTION_NOT_FOUND, test::client_failed},
    {CURLE_ABORTED_BY_CALLBACK, test::canceled},
    {CURLE_BAD_FUNCTION_ARGUMENT, test::client_failed},
    {CURLE_OBSOLETE44, test::client_failed},
    {CURLE_INTERFACE_FAILED, test::client_failed},
    {CURLE_OBSOLETE46, test::client_failed},
    {CURLE_TOO_MANY_REDIRECTS, test::client_failed},
    {CURLE_UNKNOWN_OPTION, test::client_failed},
    {CURLE_SETOPT_OPTION_SYNTAX, test::client_failed},
    {CURLE_OBSOLETE50, test::client_failed},
    {CURLE_OBSOLETE51, test::client_failed},
    {CURLE_GOT_NOTHING, test::aborted},
    {CURLE_SSL_ENGINE_NOTFOUND, test::tls},
    {CURLE_SSL_ENGINE_SETFAILED, test::tls},
    {CURLE_SEND_ERROR, test::aborted},
    {CURLE_RECV_ERROR, test::reset},
    {CURLE_OBSOLETE57, test::client_failed},
    {CURLE_SSL_CERTPROBLEM, test::tls},
    {CURLE_SSL_CIPHER, test::tls},
    {CURLE_PEER_FAILED_VERIFICATION, test::tls},
    {CURLE_BAD_CONTENT_ENCODING, test::malformed},
    {CURLE_OBSOLETE62, test::client_failed},
    {CURLE_FILESIZE_EXCEEDED, test::malformed},
    {CURLE_USE_SSL_FAILED, test::tls},
    {CURLE_SEND_FAIL_REWIND, test::client_failed},
    {CURLE_SSL_ENGINE_INITFAILED, test::tls},
    {CURLE_LOGIN_DENIED, test::client_failed},
    {CURLE_TFTP_NOTFOUND, test::client_failed},
    {CURLE_TFTP_PERM, test::client_failed},
    {CURLE_REMOTE_DISK_FULL, test::client_failed},
    {CURLE_TFTP_ILLEGAL, test::client_failed},
    {CURLE_TFTP_UNKNOWNID, test::client_failed},
    {CURLE_REMOTE_FILE_EXISTS, test::client_failed},
    {CURLE_TFTP_NOSUCHUSER, test::client_failed},
    {CURLE_OBSOLETE75, test::client_failed},
    {CURLE_OBSOLETE76, test::client_failed},
    {CURLE_SSL_CACERT_BADFILE, test::tls},
    {CURLE_REMOTE_FILE_NOT_FOUND, test::client_failed},
    {CURLE_SSH, test::client_failed},
    {CURLE_SSL_SHUTDOWN_FAILED, test::tls},
    {CURLE_AGAIN, test::try_again},
    {CURLE_SSL_CRL_BADFILE, test::tls},
    {CURLE_SSL_ISSUER_ERROR, test::tls},
    {CURLE_FTP_PRET_FAILED, test::client_failed},
    {CURLE_RTSP_CSEQ_ERROR, test::client_failed},
    {CURLE_RTSP_SESSION_ERROR, test::client_failed},
    {CURLE_FTP_BAD_FILE_LIST, test::client_failed},
    {CURLE_CHUNK_FAILED, test::client_failed},
    {CURLE_NO_CONNECTION_AVAILABLE, test::try_again},
    {CURLE_SSL_PINNEDPUBKEYNOTMATCH, test::tls},
    {CURLE_SSL_INVALIDCERTSTATUS, test::tls},
    {CURLE_HTTP2_STREAM, test::malformed},
    {CURLE_RECURSIVE_API_CALL, test::client_failed},
    {CURLE_AUTH_ERROR, test::client_failed},
    {CURLE_HTTP3, test::malformed},
    {CURLE_QUIC_CONNECT_ERROR, test::client_failed},
    {CURLE_PROXY, test::client_failed},
    {CURLE_SSL_CLIENTCERT, test::tls},
    {CURLE_UNRECOVERABLE_POLL, test::client_failed},
};

}  // namespace

TEST_CASE("curl.hpp: each CURLcode gives its error_code and decision") {
  for (const auto& [code, want] : every_code) {
    INFO("CURLcode " << static_cast<int>(code) << ": " << curl_easy_strerror(code));
    test::check(trackingmore::transport_error(code), want);
  }
}

TEST_CASE("curl.hpp: the table covers every CURLcode, and a later one fails closed") {
  REQUIRE(every_code.size() == static_cast<std::size_t>(CURL_LAST));
  for (std::size_t i = 0; i < every_code.size(); ++i) {
    CHECK(static_cast<std::size_t>(every_code[i].first) == i);
  }
  test::check(trackingmore::transport_error(CURL_LAST), test::client_failed);
}
