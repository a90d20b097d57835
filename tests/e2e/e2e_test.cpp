// End to end over real HTTP: the example clients (examples/httplib_client.hpp, curl_client) against
// a stub of TrackingMore's v4 API on 127.0.0.1, answering with the real bodies of
// tests/data/bodies.
#include <arpa/inet.h>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "../catch.hpp"
#include "httplib_client.hpp"
#include "real_body.hpp"

namespace {

namespace tk = trackingmore;
using std::chrono::milliseconds;
using clock_type = std::chrono::steady_clock;

const char* const api_key = "test-key";

/// One scripted answer of the stub.
struct reply {
  int status;
  std::string body;
  std::string content_type = "application/json";
};

/// A stub of the v4 API on 127.0.0.1 (an ephemeral port): each POST gets the next reply of its
/// script, the last one repeating; a request without the API key gets TrackingMore's 401.
class stub_server {
 public:
  explicit stub_server(std::vector<reply> script) : script_(std::move(script)) {
    const auto answer = [this](const httplib::Request& request, httplib::Response& response) {
      const std::lock_guard<std::mutex> lock(mutex_);
      arrivals_.push_back(clock_type::now());
      const bool authorised = request.get_header_value("Tracking-Api-Key") == api_key &&
                              !tk::parse_body(request.body).is_discarded();
      const reply& r =
          authorised ? script_[std::min(arrivals_.size(), script_.size()) - 1] : unauthorised_;
      response.status = r.status;
      response.set_content(r.body, r.content_type);
    };
    server_.Post("/v4/trackings/create", answer);
    server_.Post("/v4/trackings/batch", answer);
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // stop() is a no-op until the server runs: wait for it, so that the destructor cannot hang.
    while (!server_.is_running()) std::this_thread::yield();
  }
  stub_server(const stub_server&) = delete;
  stub_server& operator=(const stub_server&) = delete;
  ~stub_server() {
    server_.stop();
    thread_.join();
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<clock_type::time_point> arrivals() const {
    const std::lock_guard<std::mutex> lock(mutex_);
    return arrivals_;
  }

 private:
  std::vector<reply> script_;
  reply unauthorised_{401, R"({"meta":{"code":401,"message":"Authentication failed"}})"};
  mutable std::mutex mutex_;
  std::vector<clock_type::time_point> arrivals_;
  httplib::Server server_;
  int port_ = -1;
  std::thread thread_;
};

/// `address` as the POSIX socket calls take it.
sockaddr* generic(sockaddr_in& address) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): sockets' API, made for this cast
  return reinterpret_cast<sockaddr*>(&address);
}

/// A server on 127.0.0.1 that reads each request and closes the connection without answering.
class dropping_server {
 public:
  dropping_server() {
    REQUIRE(listener_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(bind(listener_, generic(address), length) == 0);
    REQUIRE(listen(listener_, 8) == 0);
    REQUIRE(getsockname(listener_, generic(address), &length) == 0);
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] {
      for (int connection = 0; (connection = accept(listener_, nullptr, nullptr)) >= 0;) {
        ++accepted_;
        char request[4096];
        (void)recv(connection, request, sizeof request, 0);
        close(connection);
      }
    });
  }
  dropping_server(const dropping_server&) = delete;
  dropping_server& operator=(const dropping_server&) = delete;
  ~dropping_server() {
    shutdown(listener_, SHUT_RDWR);  // wakes accept()
    thread_.join();
    close(listener_);
  }

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int accepted() const { return accepted_; }

 private:
  int listener_ = socket(AF_INET, SOCK_STREAM, 0);
  int port_ = 0;
  std::atomic<int> accepted_{0};
  std::thread thread_;
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

example::outcome create(const stub_server& stub, example::retry_policy policy = fast_policy()) {
  return example::client(stub.url(), example::api_key{api_key}, policy)
      .post("/v4/trackings/create", create_request());
}

}  // namespace

TEST_CASE("HTTP 400 with meta.code 4101: the tracking exists, and the call is not retried") {
  const stub_server stub({{400, real_body("v4_tracking_exists.json")}});
  const example::outcome result = create(stub);
  CHECK(result.ec == tk::v4::errc::tracking_exists);
  CHECK(result.ec == tk::condition::tracking_exists);
  CHECK(result.attempts == 1);
  CHECK(stub.arrivals().size() == 1);
}

TEST_CASE("429 then success: the client waits retry_after_seconds (scaled), then succeeds") {
  const stub_server stub(
      {{429, real_body("v4_too_many_requests.json")}, {200, real_body("v4_success.json")}});
  const example::outcome result = create(stub);
  CHECK_FALSE(result.ec);
  CHECK(result.attempts == 2);
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(120)});  // 120 s, scaled
  const auto arrivals = stub.arrivals();
  REQUIRE(arrivals.size() == 2);
  CHECK(arrivals[1] - arrivals[0] >= milliseconds(120));
  CHECK(result.body["data"]["courier_code"] == "usps");
}

TEST_CASE("503 twice then success: exponential backoff") {
  const stub_server stub({{503, "Service Unavailable", "text/plain"},
                          {503, "Service Unavailable", "text/plain"},
                          {200, real_body("v4_success.json")}});
  const example::outcome result = create(stub);
  CHECK_FALSE(result.ec);
  CHECK(result.attempts == 3);
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(1), milliseconds(2)});
  CHECK(stub.arrivals().size() == 3);
}

TEST_CASE("a proxy's 502 HTML page: server_error, retried with bounded backoff, then given up") {
  const stub_server stub({{502, real_body("proxy_502.html"), "text/html"}});
  example::retry_policy policy = fast_policy();
  policy.max_attempts = 5;
  const example::outcome result = create(stub, policy);
  CHECK(result.ec.category() == tk::v4::category());
  CHECK(result.ec.value() == 502);
  CHECK(result.ec == tk::condition::server_error);
  CHECK(result.body.is_discarded());
  CHECK(result.attempts == 5);
  CHECK(stub.arrivals().size() == 5);
  // 1, 2, 4 s, then capped at 4 s (scaled).
  CHECK(result.waits == std::vector<milliseconds>{milliseconds(1), milliseconds(2), milliseconds(4),
                                                  milliseconds(4)});
}

TEST_CASE("a batch answered 200 with one failed item is not a success") {
  const stub_server stub({{200, real_body("v4_batch_one_failed.json")}});
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
  const dropping_server server;
  example::retry_policy policy = fast_policy();
  policy.max_attempts = 3;
  const example::outcome result = example::client(server.url(), example::api_key{api_key}, policy)
                                      .post("/v4/trackings/create", create_request());
  CHECK(result.ec == std::errc::connection_aborted);
  CHECK(result.attempts == 3);
  CHECK(server.accepted() == 3);
}

TEST_CASE("every documented v4 failure is retried exactly when the library says so") {
  for (const tk::code_info& c : tk::v4::codes) {
    if (!c.failed()) continue;
    INFO("meta.code " << c.code);
    const nlohmann::json body = {{"meta", {{"code", c.code}, {"message", c.message}}},
                                 {"data", nlohmann::json::object()}};
    const stub_server stub({{c.http_status, body.dump()}});
    example::retry_policy policy = fast_policy();
    policy.max_attempts = 2;
    const example::outcome result = create(stub, policy);
    CHECK(result.ec == tk::v4::to_error_code(c.code));
    const unsigned expected = c.retry == tk::retry_advice::after_delay ? 2 : 1;
    CHECK(result.attempts == expected);
    CHECK(stub.arrivals().size() == expected);
  }
}

TEST_CASE("the client sends the API key: without it, TrackingMore's 401, not retried") {
  const stub_server stub({{200, real_body("v4_success.json")}});
  const example::outcome result =
      example::client(stub.url(), example::api_key{"wrong-key"}, fast_policy())
          .post("/v4/trackings/create", create_request());
  CHECK(result.ec == tk::v4::errc::unauthorized);
  CHECK(result.attempts == 1);
}

#ifdef TRACKINGMORE_CURL_CLIENT
namespace {
/// Runs the libcurl example against `url` and returns its standard output and exit status.
std::pair<std::string, int> run_curl_client(const std::string& url) {
  const std::string command = "TRACKINGMORE_API_KEY=" + std::string(api_key) + " '" +
                              TRACKINGMORE_CURL_CLIENT + "' '" + url + "' '" +
                              create_request().dump() + "'";
  // NOLINTNEXTLINE(cert-env33-c): a shell runs the built example, with this test's own arguments
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string output;
  char buffer[256];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  return {output, WIFEXITED(status) ? WEXITSTATUS(status) : -1};
}
}  // namespace

TEST_CASE("the libcurl example classifies the same answers") {
  {
    const stub_server stub({{400, real_body("v4_tracking_exists.json")}});
    const auto [output, status] = run_curl_client(stub.url() + "/v4/trackings/create");
    CHECK(output ==
          "HTTP 400\ntrackingmore.v4 4101: Tracking No. already exists.\n"
          "do not retry (tracking exists)\n");
    CHECK(status == 1);
    CHECK(stub.arrivals().size() == 1);
  }
  {
    const stub_server stub({{502, real_body("proxy_502.html"), "text/html"}});
    const auto [output, status] = run_curl_client(stub.url() + "/v4/trackings/create");
    CHECK(output ==
          "HTTP 502\ntrackingmore.v4 502: undocumented TrackingMore v4 code 502\n"
          "retry with backoff\n");
    CHECK(status == 1);
  }
  {
    const stub_server stub({{200, real_body("v4_batch_one_failed.json")}});
    const auto [output, status] = run_curl_client(stub.url() + "/v4/trackings/batch");
    CHECK(output ==
          "HTTP 200\ntrackingmore.response 8: some items of the batch failed\n"
          "do not retry (some items of the batch failed)\n");
    CHECK(status == 1);
  }
  {
    const stub_server stub({{429, real_body("v4_too_many_requests.json")}});
    const auto [output, status] = run_curl_client(stub.url() + "/v4/trackings/create");
    CHECK(output.find("trackingmore.v4 429: Exceeded API request limits") != std::string::npos);
    CHECK(output.find("\nretry in 120 s\n") != std::string::npos);
    CHECK(status == 1);
  }
  {
    const stub_server stub({{200, real_body("v4_success.json")}});
    const auto [output, status] = run_curl_client(stub.url() + "/v4/trackings/create");
    CHECK(output == "HTTP 200\nsuccess\n");
    CHECK(status == 0);
  }
}
#endif
