// HTTP statuses in their own category: the rules of the issue "From a response to a decision",
// status by status, written out here independently of the header.
#include <trackingmore/status.hpp>

#include <climits>
#include <fstream>
#include <map>
#include <string>

#include "all_conditions.hpp"
#include "catch.hpp"

namespace tk = trackingmore;
using tk::condition;
using tk::retry_advice;

namespace {

struct expected_reading {
  retry_advice retry;
  condition group;
};

expected_reading rule_for(int status) {
  if (status >= 200 && status <= 299) return {retry_advice::not_applicable, tk::no_condition};
  switch (status) {
    case 401: return {retry_advice::after_account_action, condition::authentication_failed};
    case 402: return {retry_advice::after_account_action, condition::payment_required};
    case 403:
    case 511: return {retry_advice::after_account_action, condition::access_denied};
    case 451: return {retry_advice::never, condition::access_denied};
    case 404:
    case 410: return {retry_advice::after_fixing_request, condition::not_found};
    case 413: return {retry_advice::after_fixing_request, condition::limit_exceeded};
    case 409: return {retry_advice::never, condition::invalid_request};
    case 408: return {retry_advice::after_delay, condition::timeout};
    case 429: return {retry_advice::after_delay, condition::rate_limited};
    case 501:
    case 505:
    case 506:
    case 510: return {retry_advice::never, condition::server_error};
    default: break;
  }
  if (status >= 400 && status <= 499)
    return {retry_advice::after_fixing_request, condition::invalid_request};
  if (status >= 500 && status <= 599) return {retry_advice::after_delay, condition::server_error};
  return {retry_advice::never, tk::no_condition};
}

}  // namespace

TEST_CASE("http: every status is classified by the rules, and its error_code agrees") {
  for (int status = -2; status <= 1000; ++status) {
    INFO(status);
    const expected_reading e = rule_for(status);
    const tk::http::status_info info = tk::http::classify(status);
    CHECK(info.status == status);
    CHECK(info.retry == e.retry);
    CHECK(info.condition == e.group);
    CHECK(info.failed() == (e.retry != retry_advice::not_applicable));
    CHECK(info.retry_after_s == (status == 429 ? 120u : 0u));
    CHECK(static_cast<int>(info.http_class) == (status >= 100 && status <= 599 ? status / 100 : 0));
    const std::error_code ec = tk::http::to_error_code(status);
    CHECK(static_cast<bool>(ec) == info.failed());
    CHECK(tk::retry_advice_of(ec) == e.retry);
    CHECK(tk::is_retryable(ec) == (e.retry == retry_advice::after_delay));
    CHECK(tk::retry_after_seconds(ec) == info.retry_after_s);
    CHECK(tk::find(ec) == nullptr);  // find is for the versions' documented codes only
    if (!ec || status == 0) continue;
    CHECK(ec.category() == tk::http::category());
    CHECK(ec.value() == status);
    for (const condition c : all_conditions) {
      CHECK((ec == c) ==
            (c == e.group || (c == condition::retryable && e.retry == retry_advice::after_delay)));
    }
  }
}

TEST_CASE("http: every registered status has its name, Cloudflare's 520-526 theirs, no other one") {
  std::ifstream registry(TRACKINGMORE_TEST_DATA "/http_statuses.tsv");
  REQUIRE(registry);
  std::map<int, std::string> reasons;
  for (std::string line; std::getline(registry, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    REQUIRE(line.find('\t', tab + 1) != std::string::npos);
    reasons[std::stoi(line.substr(0, tab))] =
        line.substr(tab + 1, line.find('\t', tab + 1) - tab - 1);
  }
  REQUIRE(reasons.size() == 68);
  for (int status = -2; status <= 1000; ++status) {
    INFO(status);
    const auto it = reasons.find(status);
    const std::string reason = it == reasons.end() ? "" : it->second;
    CHECK(tk::http::reason_phrase(status) == reason);
    CHECK(tk::http::classify(status).reason == reason);
    if (status != 0 && tk::http::classify(status).failed()) {
      CHECK(tk::http::to_error_code(status).message() ==
            "HTTP " + std::to_string(status) + (reason.empty() ? "" : " " + reason));
    }
  }
  CHECK(tk::http::to_error_code(511).message() == "HTTP 511 Network Authentication Required");
}

TEST_CASE("http: messages carry the status and its reason phrase") {
  CHECK(std::string(tk::http::category().name()) == "trackingmore.http");
  CHECK(tk::http::to_error_code(404).message() == "HTTP 404 Not Found");
  CHECK(tk::http::to_error_code(429).message() == "HTTP 429 Too Many Requests");
  CHECK(tk::http::to_error_code(413).message() == "HTTP 413 Content Too Large");
  CHECK(tk::http::to_error_code(520).message() == "HTTP 520 Web Server Returned an Unknown Error");
  CHECK(tk::http::to_error_code(521).message() == "HTTP 521 Web Server Is Down");
  CHECK(tk::http::to_error_code(522).message() == "HTTP 522 Connection Timed Out");
  CHECK(tk::http::to_error_code(523).message() == "HTTP 523 Origin Is Unreachable");
  CHECK(tk::http::to_error_code(524).message() == "HTTP 524 A Timeout Occurred");
  CHECK(tk::http::to_error_code(525).message() == "HTTP 525 SSL Handshake Failed");
  CHECK(tk::http::to_error_code(526).message() == "HTTP 526 Invalid SSL Certificate");
  CHECK(tk::http::to_error_code(527).message() == "HTTP 527");
  CHECK(tk::http::to_error_code(-7).message() == "HTTP -7");
  CHECK(tk::http::to_error_code(INT_MIN).message() == "HTTP " + std::to_string(INT_MIN));
  CHECK(tk::http::category().message(200) == "HTTP 200 OK");
  STATIC_REQUIRE(tk::http::reason_phrase(301) == "Moved Permanently");
  STATIC_REQUIRE(tk::http::reason_phrase(418).empty());
  STATIC_REQUIRE(tk::http::classify(522).condition == condition::server_error);
  STATIC_REQUIRE(!tk::http::classify(204).failed());
}

TEST_CASE("http: the README's checks hold for HTTP statuses") {
  CHECK(tk::http::to_error_code(503) == condition::retryable);
  CHECK(tk::retry_after_seconds(tk::http::to_error_code(429)) == 120);
  CHECK(tk::http::to_error_code(429) == condition::rate_limited);
  // The same number is a different code in a version's category.
  CHECK(tk::http::to_error_code(403) != tk::v3::errc::forbidden);
  CHECK(tk::http::to_error_code(403) == condition::access_denied);
  CHECK(tk::v3::to_error_code(403) == condition::not_found);
  // A status with no group keeps its own category as default_error_condition.
  const std::error_code moved = tk::http::to_error_code(301);
  CHECK(moved.default_error_condition().category() == tk::http::category());
  CHECK(moved == moved.default_error_condition());
}

TEST_CASE("http: status 0 means no response came: a response error, never a success") {
  const std::error_code none = tk::http::to_error_code(0);
  CHECK(none);
  CHECK(none == tk::response_errc::no_response);
  CHECK(none.message() == "no HTTP response (status 0)");
  CHECK(tk::retry_advice_of(none) == retry_advice::never);
  CHECK(!tk::is_retryable(none));
  CHECK(tk::http::classify(0).failed());
}

TEST_CASE("http: a duplicated HTTP category object is still recognised by name") {
  const tk::detail::code_category duplicate{tk::detail::domain::http};
  const std::error_code busy(429, duplicate);
  REQUIRE(&busy.category() != &tk::http::category());
  CHECK(busy == condition::rate_limited);
  CHECK(tk::is_retryable(busy));
  CHECK(tk::retry_after_seconds(busy) == 120);
  CHECK(busy.message() == "HTTP 429 Too Many Requests");
}
