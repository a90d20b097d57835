// End to end over real HTTP: the examples (the client of httplib_client.hpp, the httplib_client and
// curl_client programs) against the stand-in for TrackingMore's v4 API (tests/stub, on 127.0.0.1),
// answering with the real bodies of tests/data/bodies.
#include <algorithm>
#include <string>
#include <vector>

#include "../catch.hpp"
#include "httplib_client.hpp"
#include "real_body.hpp"
#include "stub_api.hpp"

namespace {

namespace tk = trackingmore;
using std::chrono::milliseconds;

const char* const api_key = "test-key";

/// The stand-in with `replies` scripted for the v4 create and batch endpoints. When the test ends,
/// it checks that every request carried a JSON body.
class v4_stub : public stub::api {
 public:
  explicit v4_stub(const std::vector<stub::reply>& replies) : stub::api(api_key) {
    for (const char* path : {"/v4/trackings/create", "/v4/trackings/batch"}) {
      script("POST", path, replies);
    }
  }
  v4_stub(const v4_stub&) = delete;
  v4_stub& operator=(const v4_stub&) = delete;
  ~v4_stub() {
    for (const stub::request& r : requests()) CHECK_FALSE(tk::parse_body(r.body).is_discarded());
  }
};

/// Waits shrunk a thousandfold: a 120 s rate-limit wait takes 120 ms.
example::retry_policy fast_policy() {
  example::retry_policy policy;
  policy.max_attempts = 4;
  policy.first_backoff = milliseconds(1000);
  policy.max_backoff = milliseconds(4000);
  policy.time_scale = 0.001;
  return policy;
}

nlohmann::json create_request() {
  return {{"tracking_number", "9261290302951157303001"}, {"courier_code", "usps"}};
}

example::outcome create(const stub::api& stub, example::retry_policy policy = fast_policy()) {
  return example::client(stub.url(), example::api_key{api_key}, policy)
      .post("/v4/trackings/create", create_request());
}

}  // namespace

TEST_CASE("HTTP 400 with meta.code 4101: the tracking exists, and the call is not retried") {
  const v4_stub stub({{400, real_body("v4_tracking_exists.json")}});
  const example::outcome result = create(stub);
  CHECK(result.ec == tk::v4::errc::tracking_exists);
  CHECK(result.ec == tk::condition::tracking_exists);
  CHECK(result.attempts == 1);
  CHECK(stub.requests().size() == 1);
}

TEST_CASE("429 then success: the client waits retry_after_seconds (scaled), then succeeds") {
  const v4_stub stub(
      {{429, real_body("v4_too_many_requests.json")}, {200, real_body("v4_success.json")}});
  const example::outcome result = create(stub);
  CHECK_FALSE(result.ec);
  CHECK(result.attempts == 2);
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(120)});  // 120 s, scaled
  const auto requests = stub.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[1].arrival - requests[0].arrival >= milliseconds(120));
  CHECK(result.body["data"]["courier_code"] == "usps");
}

TEST_CASE("503 twice then success: exponential backoff") {
  const v4_stub stub({{503, "Service Unavailable", "text/plain"},
                      {503, "Service Unavailable", "text/plain"},
                      {200, real_body("v4_success.json")}});
  const example::outcome result = create(stub);
  CHECK_FALSE(result.ec);
  CHECK(result.attempts == 3);
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(1), milliseconds(2)});
  CHECK(stub.requests().size() == 3);
}

TEST_CASE("a proxy's 502 HTML page: server_error, retried with bounded backoff, then given up") {
  const v4_stub stub({{502, real_body("proxy_502.html"), "text/html"}});
  example::retry_policy policy = fast_policy();
  policy.max_attempts = 5;
  const example::outcome result = create(stub, policy);
  CHECK(result.ec == tk::http::to_error_code(502));
  CHECK(result.ec == tk::condition::server_error);
  CHECK(result.body.is_discarded());
  CHECK(result.attempts == 5);
  CHECK(stub.requests().size() == 5);
  // 1, 2, 4 s, then capped at 4 s (scaled).
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(1), milliseconds(2), milliseconds(4),
                                                  milliseconds(4)});
}

TEST_CASE("a batch answered 200 with one failed item is not a success") {
  const v4_stub stub({{200, real_body("v4_batch_one_failed.json")}});
  const nlohmann::json batch = nlohmann::json::array(
      {{{"tracking_number", "9261290302951157303001"}, {"courier_code", "usps"}},
       {{"tracking_number", "9261290302951157303002"}, {"courier_code", "usps"}}});
  const example::outcome result =
      example::client(stub.url(), example::api_key{api_key}, fast_policy())
          .post("/v4/trackings/batch", batch);
  CHECK(result.ec == tk::response_errc::items_failed);
  CHECK(result.attempts == 1);
  REQUIRE(result.failures.size() == 1);
  CHECK(result.failures[0].tracking_number == "9261290302951157303002");
  CHECK(result.failures[0].code == tk::v4::errc::tracking_exists);
}

TEST_CASE("a dropped connection: a transport failure, retried, then given up") {
  const v4_stub stub({stub::dropped_connection()});
  example::retry_policy policy = fast_policy();
  policy.max_attempts = 3;
  const example::outcome result = create(stub, policy);
  CHECK(result.ec == std::errc::connection_aborted);
  CHECK(result.attempts == 3);
  CHECK(stub.requests().size() == 3);
}

TEST_CASE("a TLS failure: a transport failure, never retried") {
  // HTTPS to the stand-in's plain HTTP: the handshake fails, and sending again cannot help.
  const v4_stub stub({{200, real_body("v4_success.json")}});
  const example::outcome result =
      example::client("https://127.0.0.1:" + std::to_string(stub.port()), example::api_key{api_key},
                      fast_policy())
          .post("/v4/trackings/create", create_request());
  CHECK(result.ec == tk::transport_errc::tls_failed);
  CHECK(result.attempts == 1);
}

TEST_CASE("every documented v4 failure is retried exactly when the library says so") {
  for (const tk::code_info& c : tk::v4::codes) {
    if (!c.failed()) continue;
    INFO("meta.code " << c.code);
    const nlohmann::json body = {{"meta", {{"code", c.code}, {"message", c.message}}},
                                 {"data", nlohmann::json::object()}};
    const v4_stub stub({{c.http_status, body.dump()}});
    example::retry_policy policy = fast_policy();
    policy.max_attempts = 2;
    const example::outcome result = create(stub, policy);
    CHECK(result.ec == tk::v4::to_error_code(c.code));
    const unsigned expected = c.retry == tk::retry_advice::after_delay ? 2 : 1;
    CHECK(result.attempts == expected);
    CHECK(stub.requests().size() == expected);
  }
}

TEST_CASE("the client sends the API key: without it, TrackingMore's 401, not retried") {
  const v4_stub stub({{200, real_body("v4_success.json")}});
  const example::outcome result =
      example::client(stub.url(), example::api_key{"wrong-key"}, fast_policy())
          .post("/v4/trackings/create", create_request());
  CHECK(result.ec == tk::v4::errc::unauthorized);
  CHECK(result.attempts == 1);
}

TEST_CASE("the cpp-httplib example program says what it decided") {
  {
    const v4_stub stub({{200, real_body("v4_success.json")}});
    const auto [output, status] =
        stub.run({TRACKINGMORE_HTTPLIB_CLIENT, "9261290302951157303001", "usps", stub.url()});
    CHECK(output == "1 request(s)\ncreated\n");
    CHECK(status == 0);
    REQUIRE(stub.requests().size() == 1);
    CHECK(tk::parse_body(stub.requests()[0].body) == create_request());
  }
  {
    const v4_stub stub({{400, real_body("v4_tracking_exists.json")}});
    const auto [output, status] =
        stub.run({TRACKINGMORE_HTTPLIB_CLIENT, "9261290302951157303001", "usps", stub.url()});
    CHECK(output == "1 request(s)\nalready tracked: nothing to do\n");
    CHECK(status == 1);
  }
}

#ifdef TRACKINGMORE_CURL_CLIENT
namespace {
/// Runs the libcurl example against `path` of `stub`, POSTing a create request.
stub::run_result run_curl_client(const stub::api& stub, const std::string& path) {
  return stub.run({TRACKINGMORE_CURL_CLIENT, stub.url() + path, create_request().dump()});
}
}  // namespace

TEST_CASE("the libcurl example classifies the same answers") {
  {
    const v4_stub stub({{400, real_body("v4_tracking_exists.json")}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/create");
    CHECK(output ==
          "HTTP 400\ntrackingmore.v4 4101: Tracking No. already exists.\n"
          "do not retry (tracking exists)\n");
    CHECK(status == 1);
    CHECK(stub.requests().size() == 1);
  }
  {
    const v4_stub stub({{502, real_body("proxy_502.html"), "text/html"}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/create");
    CHECK(output ==
          "HTTP 502\ntrackingmore.http 502: HTTP 502 Bad Gateway\n"
          "retry with backoff\n");
    CHECK(status == 1);
  }
  {
    const v4_stub stub({{200, real_body("v4_batch_one_failed.json")}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/batch");
    CHECK(output ==
          "HTTP 200\ntrackingmore.response 8: some items of the batch failed\n"
          "do not retry (some items of the batch failed)\n");
    CHECK(status == 1);
  }
  {
    const v4_stub stub({{429, real_body("v4_too_many_requests.json")}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/create");
    CHECK(output.find("trackingmore.v4 429: Exceeded API request limits") != std::string::npos);
    CHECK(output.find("\nretry in 120 s\n") != std::string::npos);
    CHECK(status == 1);
  }
  {
    const v4_stub stub({{200, real_body("v4_success.json")}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/create");
    CHECK(output == "HTTP 200\nsuccess\n");
    CHECK(status == 0);
  }
}

TEST_CASE("the libcurl example decides its transport errors through trackingmore/status/curl.hpp") {
  {
    const v4_stub stub({stub::cut_body({200, real_body("v4_success.json")})});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/create");
    CHECK(output ==
          "no HTTP answer: Transferred a partial file\n"
          "trackingmore.transport 1: the connection closed inside the response\n"
          "retry with backoff\n");
    CHECK(status == 2);
  }
  const stub::closed_port closed;
  const auto [output, status] =
      stub::api(api_key).run({TRACKINGMORE_CURL_CLIENT, closed.url(), create_request().dump()});
  CHECK(output.find("\ngeneric 111: Connection refused\nretry with backoff\n") !=
        std::string::npos);
  CHECK(status == 2);
}
#endif

namespace {

/// A v4 batch body whose failed item's strings try to drive the terminal (a colour, a window
/// title) and to forge lines of output.
const char* const hostile_batch =
    R"({"meta":{"code":200,"message":"Request response is successful"},"data":{"success":[],)"
    R"("error":[{"id":"","tracking_number":"A\u001b[31mRED\u001b[0m\nFAKE LINE: success",)"
    R"("courier_code":"usps\u001b]0;owned\u0007","errorCode":4101,)"
    R"("errorMessage":"Tracking No. already exists.\r\ncreated"}]}})";

/// Whether `output` holds a control character other than the line feeds that end its lines.
bool has_control_but_line_feed(const std::string& output) {
  return std::any_of(output.begin(), output.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n') || byte == 0x7F;
  });
}

}  // namespace

TEST_CASE("no example prints a control character, or a line of its own, that came from a body") {
  REQUIRE(
      tk::item_failures(tk::api_version::v4, tk::parse_body(hostile_batch))[0].tracking_number ==
      "A\x1b[31mRED\x1b[0m\nFAKE LINE: success");
  const std::string escaped = R"(A\u001b[31mRED\u001b[0m\nFAKE LINE: success)";
  {
    const v4_stub stub({{200, hostile_batch}});
    const auto [output, status] =
        stub.run({TRACKINGMORE_HTTPLIB_CLIENT, "9261290302951157303001", "usps", stub.url()});
    CHECK(output ==
          "1 request(s)\nfailed (trackingmore.response 8): some items of the batch failed\n  " +
              escaped + ": Tracking No. already exists.\n");
    CHECK(status == 1);
  }
  {
    const v4_stub stub({{200, hostile_batch}});
    const auto [output, status] =
        stub.run({TRACKINGMORE_RETRYING_CLIENT, "--time-scale", "0.001", "v4",
                  stub.url() + "/v4/trackings/batch", "[" + create_request().dump() + "]"});
    CHECK(!has_control_but_line_feed(output));
    CHECK(output.find("\nFAKE LINE") == std::string::npos);
    CHECK(output.find("\nalready exists: " + escaped + " (trackingmore.v4 4101: ") !=
          std::string::npos);
    CHECK(status == 1);
  }
#ifdef TRACKINGMORE_CURL_CLIENT
  {
    const v4_stub stub({{200, hostile_batch}});
    const auto [output, status] = run_curl_client(stub, "/v4/trackings/batch");
    CHECK(!has_control_but_line_feed(output));
    CHECK(output.find("FAKE LINE") == std::string::npos);  // it prints none of the body's text
    CHECK(status == 1);
  }
#endif
}
