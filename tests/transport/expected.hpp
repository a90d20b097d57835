// What the transport tables expect of one client error value: its error_code and decide's answer.
#pragma once

#include <trackingmore/status/retry.hpp>

#include <system_error>

#include "../catch.hpp"

namespace test {

/// One client value's expected error_code, and whether `decide` retries it on a first attempt.
struct expected {
  std::error_code ec;
  bool retried;
};

/// `e`, retried or not.
template <class E>
expected row(E e, bool retried) {
  return {make_error_code(e), retried};
}

// The vocabulary, each with the decision the issue asks for.
namespace tk = trackingmore;
inline const expected success{{}, false};
inline const expected timed_out = row(std::errc::timed_out, true);
inline const expected refused = row(std::errc::connection_refused, true);
inline const expected reset = row(std::errc::connection_reset, true);
inline const expected aborted = row(std::errc::connection_aborted, true);
inline const expected try_again = row(std::errc::resource_unavailable_try_again, true);
inline const expected canceled = row(std::errc::operation_canceled, false);
inline const expected no_memory = row(std::errc::not_enough_memory, false);
inline const expected cut = row(tk::transport_errc::response_cut, true);
inline const expected dns_try_again = row(tk::transport_errc::host_not_found_try_again, true);
inline const expected dns_no_host = row(tk::transport_errc::host_not_found, false);
inline const expected bad_url = row(tk::transport_errc::bad_url, false);
inline const expected unsupported = row(tk::transport_errc::unsupported_protocol, false);
inline const expected tls = row(tk::transport_errc::tls_failed, false);
inline const expected malformed = row(tk::transport_errc::malformed_response, false);
inline const expected client_failed = row(tk::transport_errc::client_failed, false);

/// Checks that `got` is `want`, and that `decide` retries it exactly when `want` says so.
inline void check(const std::error_code& got, const expected& want) {
  CHECK(got == want.ec);
  CHECK(static_cast<bool>(tk::decide(got, 1)) == want.retried);
}

}  // namespace test
