// The transport vocabulary (status.hpp's transport_errc, and the std::errc values the HTTP clients'
// headers give): its category, messages, advice, and decide's answer to each.
#include <trackingmore/status/retry.hpp>

#include <string>

#include "expected.hpp"

namespace tk = trackingmore;
using tk::retry_advice;
using tk::transport_errc;

namespace {

/// Each enumerator, with the advice its documentation gives.
struct transport_row {
  transport_errc e;
  retry_advice advice;
};
constexpr transport_row every_transport_errc[] = {
    {transport_errc::response_cut, retry_advice::after_delay},
    {transport_errc::host_not_found_try_again, retry_advice::after_delay},
    {transport_errc::host_not_found, retry_advice::after_fixing_request},
    {transport_errc::bad_url, retry_advice::after_fixing_request},
    {transport_errc::unsupported_protocol, retry_advice::after_fixing_request},
    {transport_errc::tls_failed, retry_advice::never},
    {transport_errc::malformed_response, retry_advice::never},
    {transport_errc::client_failed, retry_advice::never},
};

}  // namespace

TEST_CASE("each transport error: its category, message, advice and decision") {
  int value = 1;
  for (const transport_row& row : every_transport_errc) {
    const std::error_code ec = row.e;
    INFO(ec.message());
    CHECK(ec.value() == value++);  // the table lists every enumerator, in order
    CHECK(&ec.category() == &tk::transport_category());
    CHECK(std::string(ec.category().name()) == "trackingmore.transport");
    CHECK(ec.message().find("unknown") == std::string::npos);
    CHECK(tk::retry_advice_of(ec) == row.advice);
    const bool transient = row.advice == retry_advice::after_delay;
    CHECK(tk::is_retryable(ec) == transient);
    CHECK((ec == tk::condition::retryable) == transient);
    CHECK(ec.default_error_condition() == std::error_condition(ec.value(), ec.category()));
    CHECK(ec == row.e);
    CHECK(tk::find(ec) == nullptr);
    CHECK(tk::retry_after_seconds(ec) == 0);
    const tk::retry_decision d = tk::decide(ec, 1);
    CHECK(d.retry == transient);
    CHECK(d.advice == row.advice);
    if (transient) CHECK(d.delay == tk::retry_policy{}.initial_backoff);
  }
  const std::error_code beyond(value, tk::transport_category());
  CHECK(beyond.message() == "unknown transport error");
  CHECK(tk::retry_advice_of(beyond) == retry_advice::never);
  CHECK_FALSE(tk::decide(beyond, 1));
}

TEST_CASE("a transport error of a duplicated category is recognised by name") {
  const tk::detail::code_category duplicate{tk::detail::domain::transport};
  const std::error_code cut(1, duplicate);
  REQUIRE(&cut.category() != &tk::transport_category());
  CHECK(cut == transport_errc::response_cut);
  CHECK(cut != transport_errc::host_not_found_try_again);
  CHECK(tk::retry_advice_of(cut) == retry_advice::after_delay);
  CHECK(tk::decide(cut, 1));
  CHECK_FALSE(tk::decide(std::error_code(6, duplicate), 1));  // tls_failed
}

TEST_CASE("the std::errc values of the vocabulary: the connection's faults retried, not the rest") {
  for (const test::expected& e :
       {test::timed_out, test::refused, test::reset, test::aborted, test::try_again}) {
    INFO(e.ec.message());
    CHECK(e.retried);
    CHECK(tk::decide(e.ec, 1).advice == retry_advice::after_delay);
  }
  for (const test::expected& e : {test::canceled, test::no_memory}) {
    INFO(e.ec.message());
    CHECK_FALSE(tk::decide(e.ec, 1));
    CHECK(tk::decide(e.ec, 1).advice == retry_advice::never);
  }
}

TEST_CASE("the vocabulary's expectations are what decide answers") {
  for (const test::expected& e :
       {test::cut, test::dns_try_again, test::dns_no_host, test::bad_url, test::unsupported,
        test::tls, test::malformed, test::client_failed}) {
    INFO(e.ec.message());
    CHECK(static_cast<bool>(tk::decide(e.ec, 1)) == e.retried);
  }
  CHECK_FALSE(tk::decide(test::success.ec, 1));
}
