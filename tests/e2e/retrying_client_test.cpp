// End to end over real HTTP: examples/retrying_client (error_code_of, parse_retry_after, decide,
// triage, pacers) against the stand-in for the API (tests/stub, on 127.0.0.1), with its waits
// scaled (a thousandfold unless said): the program reports each wait it decided, and the
// stand-in's arrival times show that it waited, and that it kept to the documented rates.
#include <trackingmore/status.hpp>
#include <trackingmore/status/pacing.hpp>

#include <cstddef>
#include <ctime>
#include <string>
#include <vector>

#include "../catch.hpp"
#include "real_body.hpp"
#include "stub_api.hpp"

namespace {

namespace tk = trackingmore;
using std::chrono::milliseconds;

/// The stand-in of API `version` with `replies` scripted for POST `path`, checking the API key in
/// the header `version` names.
class stub_for : public stub::api {
 public:
  stub_for(tk::api_version version, const std::string& path,
           const std::vector<stub::reply>& replies)
      : stub::api("test-key",
                  version == tk::api_version::v2 ? "Trackingmore-Api-Key" : "Tracking-Api-Key"),
        version_(version),
        path_(path) {
    script("POST", path, replies);
  }
  /// Runs retrying_client with `options` (by default a thousand times faster) and `request` for
  /// this stand-in.
  stub::run_result run_client(const std::string& request,
                              std::vector<std::string> options = {"--time-scale", "0.001"}) const {
    options.insert(options.begin(), TRACKINGMORE_RETRYING_CLIENT);
    options.insert(options.end(), {std::string(tk::name_of(version_)), url() + path_, request});
    return run(options);
  }

 private:
  tk::api_version version_;
  std::string path_;
};

const char* const create = R"({"tracking_number":"9261290302951157303001","courier_code":"usps"})";

/// The waits the program reported ("retry in N ms"), in ms.
std::vector<long long> waits_of(const std::string& output) {
  std::vector<long long> waits;
  for (std::size_t at = 0; (at = output.find("retry in ", at)) != std::string::npos; ++at) {
    waits.push_back(std::stoll(output.substr(at + 9)));
  }
  return waits;
}

/// The time between the stand-in's receiving request `i` and request `i + 1`.
milliseconds gap(const stub::api& stub, std::size_t i) {
  const std::vector<stub::request> requests = stub.requests();
  REQUIRE(requests.size() > i + 1);
  return std::chrono::duration_cast<milliseconds>(requests[i + 1].arrival - requests[i].arrival);
}

/// `t` as an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT".
std::string imf_fixdate(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  REQUIRE(gmtime_r(&seconds, &utc) != nullptr);
  char text[64];
  REQUIRE(std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc) == 29);
  return text;
}

stub::reply success() { return {200, real_body("v4_success.json")}; }

}  // namespace

TEST_CASE("retrying client: v3, HTTP 403 with Cloudflare's page is access_denied, not retried") {
  const stub_for stub(tk::api_version::v3, "/v3/trackings/create",
                      {{403, real_body("cloudflare_403.html"), "text/html"}, success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output ==
        "request 1: HTTP 403: trackingmore.http 403: HTTP 403 Forbidden\n"
        "no retry (after_account_action)\n"
        "failed after 1 request(s): access_denied\n");
  CHECK(status == 1);
  CHECK(stub.requests().size() == 1);
}

TEST_CASE("retrying client: HTTP 522 with Cloudflare's page, then success: retried") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create",
                      {{522, real_body("cloudflare_522.html"), "text/html"}, success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output.rfind("request 1: HTTP 522: trackingmore.http 522: HTTP 522 Connection Timed Out\n"
                     "retry in ",
                     0) == 0);
  CHECK(output.find("\nrequest 2: HTTP 200: success\nsuccess after 2 request(s)\n") !=
        std::string::npos);
  CHECK(status == 0);
  CHECK(stub.requests().size() == 2);
  // Full jitter: somewhere up to the first backoff, 0.5 s.
  const std::vector<long long> waits = waits_of(output);
  REQUIRE(waits.size() == 1);
  CHECK(waits[0] >= 0);
  CHECK(waits[0] <= 500);
}

TEST_CASE("retrying client: v2, HTTP 202 with meta.code 200 is a success") {
  const stub_for stub(tk::api_version::v2, "/v2/trackings/post",
                      {{202, R"({"meta":{"code":200,"type":"Success","message":"Success"}})"}});
  const auto [output, status] = stub.run_client(create);
  CHECK(output == "request 1: HTTP 202: success\nsuccess after 1 request(s)\n");
  CHECK(status == 0);
  CHECK(stub.requests().size() == 1);
}

TEST_CASE("retrying client: meta.code 0 is a failure, not retried") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create",
                      {{200, R"({"meta":{"code":0,"message":""},"data":{}})"}, success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output ==
        "request 1: HTTP 200: trackingmore.response 9: the response code is 0, which is no code\n"
        "no retry (never)\n"
        "failed after 1 request(s): -\n");
  CHECK(status == 1);
  CHECK(stub.requests().size() == 1);
}

TEST_CASE("retrying client: 503 with Retry-After: 7 waits 7 s, not the 0.5 s backoff") {
  const stub_for stub(
      tk::api_version::v4, "/v4/trackings/create",
      {{503, "Service Unavailable", "text/plain", {{"Retry-After", "7"}}}, success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output.find("retry in 7000 ms (Retry-After: 7)\n") != std::string::npos);
  CHECK(waits_of(output) == std::vector<long long>{7000});
  CHECK(status == 0);
  CHECK(stub.requests().size() == 2);
  CHECK(gap(stub, 0) >= milliseconds(7));  // 7 s, scaled
}

TEST_CASE("retrying client: 429 with Retry-After: 300 waits 300 s, not the documented 120") {
  const stub_for stub(
      tk::api_version::v4, "/v4/trackings/create",
      {{429, real_body("v4_too_many_requests.json"), "application/json", {{"Retry-After", "300"}}},
       success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output.rfind("request 1: HTTP 429: trackingmore.v4 429: Exceeded API request limits", 0) ==
        0);
  CHECK(waits_of(output) == std::vector<long long>{300000});
  CHECK(status == 0);
  CHECK(stub.requests().size() == 2);
  CHECK(gap(stub, 0) >= milliseconds(300));
}

TEST_CASE("retrying client: 429 with an HTTP-date Retry-After waits until that date") {
  const std::string date =
      imf_fixdate(std::chrono::system_clock::now() + std::chrono::seconds(200));
  const stub_for stub(
      tk::api_version::v4, "/v4/trackings/create",
      {{429, real_body("v4_too_many_requests.json"), "application/json", {{"Retry-After", date}}},
       success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output.find(" (Retry-After: " + date + ")\n") != std::string::npos);
  // 200 s from when the date was written, less the second it was truncated to and the time the
  // request took; above the documented 120 s.
  const std::vector<long long> waits = waits_of(output);
  REQUIRE(waits.size() == 1);
  CHECK(waits[0] >= 198000);
  CHECK(waits[0] <= 200000);
  CHECK(status == 0);
  CHECK(stub.requests().size() == 2);
  CHECK(gap(stub, 0) >= milliseconds(198));
}

TEST_CASE("retrying client: a dropped connection is retried") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create",
                      {stub::dropped_connection(), success()});
  const auto [output, status] = stub.run_client(create);
  CHECK(output.rfind("request 1: no response: ", 0) == 0);
  CHECK(output.find("success after 2 request(s)\n") != std::string::npos);
  CHECK(status == 0);
  CHECK(stub.requests().size() == 2);
}

TEST_CASE("retrying client: a batch's failed items land in four groups, and it is not resent") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/batch",
                      {{200, real_body("v4_batch_four_groups.json")}});
  const auto [output, status] =
      stub.run_client(R"([{"tracking_number":"9261290302951157303001","courier_code":"usps"},
                {"tracking_number":"9261290302951157303002","courier_code":"usps"}])");
  CHECK(output ==
        "request 1: HTTP 200: trackingmore.response 8: some items of the batch failed\n"
        "no retry (never)\n"
        "failed after 1 request(s): -\n"
        "retry later: 9261290302951157303005 (trackingmore.v4 511: Server error. Please contact "
        "us: service@trackingmore.org.)\n"
        "fix and resend: 92612903029511573030 (trackingmore.v4 4110: The value of tracking_number "
        "is invalid.)\n"
        "fix and resend: 9261290302951157303006 (trackingmore.v4 4120: The value of courier_code "
        "is invalid.)\n"
        "account action: 9261290302951157303004 (trackingmore.v4 4190: You are reaching the "
        "maximum quota limitation, please upgrade your current plan.)\n"
        "already exists: 9261290302951157303002 (trackingmore.v4 4101: Tracking No. already "
        "exists.)\n");
  CHECK(status == 1);
  CHECK(stub.requests().size() == 1);
}

TEST_CASE("retrying client: threads sharing the pacers never exceed the documented rates") {
  // Ten times faster: a second takes 100 ms. The stand-in's arrival times jitter around the
  // client's slots, so a window of 80 ms (20 ms of jitter allowed) must hold no more requests
  // than the rate allows in a second: rate + 1 of them span 100 ms.
  struct endpoint_case {
    tk::api_version version{};
    tk::endpoint kind{};
    const char* path = nullptr;
    stub::reply answer;
    std::size_t threads = 0;
  };
  const endpoint_case cases[] = {
      {tk::api_version::v4, tk::endpoint::create_trackings, "/v4/trackings/create", success(), 12},
      {tk::api_version::v4, tk::endpoint::other, "/v4/couriers/detect", success(), 25},
      {tk::api_version::v2,
       tk::endpoint::other,
       "/v2/trackings/post",
       {200, real_body("v2_success.json")},
       5}};
  for (const endpoint_case& c : cases) {
    CAPTURE(c.path);
    const stub_for stub(c.version, c.path, {c.answer});
    const auto [output, status] =
        stub.run_client(create, {"--time-scale", "0.1", "--threads", std::to_string(c.threads)});
    CHECK(status == 0);
    const std::vector<stub::request> requests = stub.requests();
    REQUIRE(requests.size() == c.threads);
    const auto rate =
        static_cast<std::size_t>(tk::documented_requests_per_second(c.version, c.kind));
    CHECK(stub::most_in_window(requests, milliseconds(80)) <= rate);
  }
}

TEST_CASE("retrying client: after a 429 no thread sends before the 120 s pause ends") {
  // v2 (1 request/s) fifty times faster: the requests go 20 ms apart, the pause takes 2.4 s. The
  // first request gets the 429; the other threads' slots come after the client has read it. (The
  // rate itself is the test above's: here arrival jitter would be too large a share of 20 ms.)
  const stub_for stub(tk::api_version::v2, "/v2/trackings/post",
                      {{429, R"({"meta":{"code":429,"type":"Too Many Requests","message":)"
                             R"("Exceeded API limits."}})"},
                       {200, real_body("v2_success.json")}});
  const auto [output, status] = stub.run_client(create, {"--time-scale", "0.02", "--threads", "4"});
  CHECK(output.find(": request 1: HTTP 429: trackingmore.v2 429: ") != std::string::npos);
  CHECK(waits_of(output) == std::vector<long long>{120000});
  CHECK(status == 0);
  const std::vector<stub::request> requests = stub.requests();
  REQUIRE(requests.size() == 5);  // the four first attempts and the one retry
  for (std::size_t i = 1; i < requests.size(); ++i) {
    CAPTURE(i);
    CHECK(requests[i].arrival - requests[0].arrival >= milliseconds(2400));
  }
}

TEST_CASE("retrying client: --requests M sends M requests over the threads, one outcome each") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create", {success()});
  const auto [output, status] =
      stub.run_client(create, {"--time-scale", "0.001", "--threads", "3", "--requests", "10"});
  CHECK(status == 0);
  CHECK(stub.requests().size() == 10);
  for (int i = 1; i <= 10; ++i) {
    CAPTURE(i);
    const std::string tag = ", request " + std::to_string(i) + ": ";
    std::size_t outcomes = 0;
    for (std::size_t at = 0;
         (at = output.find(tag + "success after 1 request(s)\n", at)) != std::string::npos; ++at) {
      ++outcomes;
    }
    CHECK(outcomes == 1);
  }
}

TEST_CASE("retrying client: after a 401 the other requests fail at once, unsent") {
  // Every answer a 401: the first stops the client; the threads' requests already sent may still
  // arrive, at most one a thread.
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create",
                      {{401, R"({"meta":{"code":401,"message":"Authentication failed"}})"}});
  const auto [output, status] =
      stub.run_client(create, {"--time-scale", "0.001", "--threads", "4", "--requests", "40"});
  CHECK(status == 1);
  CHECK(stub.requests().size() <= 4);
  std::size_t unsent = 0;
  for (std::size_t at = 0; (at = output.find("not sent: the account is stopped (trackingmore.v4 "
                                             "401: ",
                                             at)) != std::string::npos;
       ++at) {
    ++unsent;
  }
  CHECK(unsent + stub.requests().size() == 40);
  CHECK(output.find("failed after 0 request(s): ") != std::string::npos);
}

TEST_CASE("retrying client: an outage of 503s: the retry budget bounds the retries") {
  // Without the budget, 5 attempts for every request: 80 for 16.
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create",
                      {{503, "Service Unavailable", "text/plain"}});
  const auto started = std::chrono::steady_clock::now();
  const auto [output, status] =
      stub.run_client(create, {"--time-scale", "0.001", "--threads", "16"});
  const double virtual_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 0.001;
  CHECK(status == 1);
  // 20% of the requests, one a second of the run, and the 10 saved.
  const double bound = 1.2 * 16 + virtual_seconds + 10;
  CAPTURE(virtual_seconds);
  CHECK(static_cast<double>(stub.requests().size()) <= bound);
  CHECK(output.find("no retry (retry budget spent)\n") != std::string::npos);
}

TEST_CASE("retrying client: a bad or repeated option is a usage error") {
  const stub_for stub(tk::api_version::v4, "/v4/trackings/create", {success()});
  for (const std::vector<std::string>& options : {std::vector<std::string>{"--requests", "0"},
                                                  {"--requests", "-1"},
                                                  {"--requests", "x"},
                                                  {"--threads", "2", "--threads", "2"},
                                                  {"--account-probe", "0"},
                                                  {"--account-probe", "-1"},
                                                  {"--time-scale", "0"}}) {
    CAPTURE(options);
    CHECK(stub.run_client(create, options).exit_status == 2);
  }
  CHECK(stub.requests().empty());
}
