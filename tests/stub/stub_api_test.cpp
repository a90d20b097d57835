// The stand-in for the API (stub_api.hpp) does what the tests that use it rely on.
#include "stub_api.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <httplib.h>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>
#include <vector>

#include "../catch.hpp"

namespace {

using std::chrono::milliseconds;

/// The headers of a request with the stand-in's default API key.
httplib::Headers key() { return {{"Tracking-Api-Key", "test-key"}}; }

/// What a raw TCP client of 127.0.0.1:`port` received, and how the connection ended.
struct exchange {
  std::string received;  ///< Every byte read.
  int end = -1;          ///< 0 for a close (FIN), else the errno of the failed connect or read.
};

/// Sends `request` to 127.0.0.1:`port` and reads until the connection ends.
exchange exchange_with(int port, const std::string& request) {
  exchange result;
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): sockets' API, made for this cast
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    result.end = errno;
  } else {
    REQUIRE(send(fd, request.data(), request.size(), MSG_NOSIGNAL) ==
            static_cast<ssize_t>(request.size()));
    char buffer[512];
    ssize_t n = 0;
    while ((n = recv(fd, buffer, sizeof buffer, 0)) > 0) {
      result.received.append(buffer, static_cast<std::size_t>(n));
    }
    result.end = n == 0 ? 0 : errno;
  }
  close(fd);
  return result;
}

/// A GET of `path` with the stand-in's default API key, as raw bytes.
std::string raw_get(const std::string& path) {
  return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTracking-Api-Key: test-key\r\n\r\n";
}

}  // namespace

TEST_CASE("the stand-in answers a path from its script in order, the last reply repeating") {
  stub::api api;
  stub::reply limited{429, R"({"meta":{"code":429}})"};
  limited.headers = {{"Retry-After", "120"}};
  api.script("POST", "/v4/trackings/create",
             {limited, {503, "<html>Service Unavailable</html>", "text/html"}, {200, "{}"}});
  httplib::Client client(api.url());
  const auto post = [&] { return client.Post("/v4/trackings/create", key(), "{}", "text/plain"); };

  const auto first = post();
  REQUIRE(first);
  CHECK(first->status == 429);
  CHECK(first->body == R"({"meta":{"code":429}})");
  CHECK(first->get_header_value("Content-Type") == "application/json");
  CHECK(first->get_header_value("Retry-After") == "120");
  const auto second = post();
  REQUIRE(second);
  CHECK(second->status == 503);
  CHECK(second->get_header_value("Content-Type") == "text/html");
  CHECK_FALSE(second->has_header("Retry-After"));
  for (int i = 0; i < 2; ++i) {
    const auto last = post();
    REQUIRE(last);
    CHECK(last->status == 200);
    CHECK(last->body == "{}");
  }

  // Another method of the same path, and a path without a script.
  const auto get = client.Get("/v4/trackings/create", key());
  REQUIRE(get);
  CHECK(get->status == 404);
  const auto other = client.Post("/v4/trackings/batch", key(), "[]", "application/json");
  REQUIRE(other);
  CHECK(other->status == 404);
}

TEST_CASE("the stand-in records every request: method, path, headers, body, arrival") {
  stub::api api;
  api.script("GET", "/v4/trackings/get", {{200, "{}"}});
  httplib::Client client(api.url());
  const auto before = stub::clock_type::now();
  REQUIRE(client.Get("/v4/trackings/get?tracking_numbers=1", key()));
  REQUIRE(client.Post("/v4/trackings/create", key(), R"({"a":1})", "application/json"));
  const auto after = stub::clock_type::now();

  const std::vector<stub::request> requests = api.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0].method == "GET");
  CHECK(requests[0].path == "/v4/trackings/get");
  CHECK(requests[0].body.empty());
  CHECK(requests[1].method == "POST");
  CHECK(requests[1].path == "/v4/trackings/create");
  CHECK(requests[1].body == R"({"a":1})");
  CHECK(std::count(requests[1].headers.begin(), requests[1].headers.end(),
                   stub::header{"Tracking-Api-Key", "test-key"}) == 1);
  CHECK(before <= requests[0].arrival);
  CHECK(requests[0].arrival <= requests[1].arrival);
  CHECK(requests[1].arrival <= after);
}

TEST_CASE("the stand-in refuses a request without its API key with TrackingMore's 401") {
  stub::api api("the-key");
  api.script("POST", "/v4/trackings/create", {{200, "created"}, {400, "second"}});
  httplib::Client client(api.url());
  for (const httplib::Headers& headers :
       {httplib::Headers{}, httplib::Headers{{"Tracking-Api-Key", "test-key"}}}) {
    const auto refused = client.Post("/v4/trackings/create", headers, "{}", "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 401);
    CHECK(refused->body.find(R"("code":401)") != std::string::npos);
  }
  // A refusal takes no reply of the script.
  const auto accepted = client.Post("/v4/trackings/create", {{"Tracking-Api-Key", "the-key"}}, "{}",
                                    "application/json");
  REQUIRE(accepted);
  CHECK(accepted->body == "created");
  CHECK(api.requests().size() == 3);
}

TEST_CASE("the stand-in waits a reply's delay before answering") {
  stub::api api;
  stub::reply slow{200, "{}"};
  slow.delay = milliseconds(100);
  api.script("GET", "/slow", {slow});
  httplib::Client client(api.url());
  const auto sent = stub::clock_type::now();
  const auto response = client.Get("/slow", key());
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(stub::clock_type::now() - sent >= milliseconds(100));
}

TEST_CASE("the stand-in drops a connection without an answer, then goes on with its script") {
  stub::api api;
  api.script("POST", "/v4/trackings/create", {stub::dropped_connection(), {200, "{}"}});
  httplib::Client client(api.url());
  const auto dropped = client.Post("/v4/trackings/create", key(), "{}", "application/json");
  REQUIRE_FALSE(dropped);
  CHECK(dropped.error() == httplib::Error::Read);
  const auto answered = client.Post("/v4/trackings/create", key(), "{}", "application/json");
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK(api.requests().size() == 2);
}

TEST_CASE("the stand-in resets a connection without an answer, then goes on with its script") {
  stub::api api;
  api.script("GET", "/reset", {stub::reset_connection(), {200, "{}"}});
  const exchange reset = exchange_with(api.port(), raw_get("/reset"));
  CHECK(reset.received.empty());
  CHECK(reset.end == ECONNRESET);
  httplib::Client client(api.url());
  const auto answered = client.Get("/reset", key());
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK(api.requests().size() == 2);
}

TEST_CASE("the stand-in cuts a body short of its Content-Length, then closes") {
  stub::api api;
  stub::reply cut = stub::cut_body({200, R"({"meta":{"code":200}})"});
  cut.headers = {{"X-Scripted", "yes"}};
  api.script("GET", "/cut", {cut});
  const exchange e = exchange_with(api.port(), raw_get("/cut"));
  CHECK(e.received ==
        "HTTP/1.1 200 Stub\r\nContent-Type: application/json\r\nX-Scripted: yes\r\n"
        "Content-Length: 21\r\n\r\n{\"meta\":{\"");
  CHECK(e.end == 0);
  httplib::Client client(api.url());
  const auto response = client.Get("/cut", key());
  CHECK(response.error() == httplib::Error::Read);
}

TEST_CASE("the stand-in cuts a chunked body before its last chunk, then closes") {
  stub::api api;
  api.script("GET", "/chunked", {stub::cut_body({503, "0123456789abcdefghij", "text/html"}, true)});
  const exchange e = exchange_with(api.port(), raw_get("/chunked"));
  CHECK(e.received ==
        "HTTP/1.1 503 Stub\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
        "a\r\n0123456789\r\n");
  CHECK(e.received.find("Content-Length") == std::string::npos);
  CHECK(e.end == 0);
  // A body of one byte has an empty first half: no chunk at all, since an empty one is the last.
  api.script("GET", "/chunked", {stub::cut_body({200, "x"}, true)});
  const std::string headers_only =
      "HTTP/1.1 200 Stub\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
  CHECK(exchange_with(api.port(), raw_get("/chunked")).received == headers_only);
  httplib::Client client(api.url());
  CHECK(client.Get("/chunked", key()).error() == httplib::Error::Read);
}

TEST_CASE("a closed port refuses connections while it lives") {
  const stub::closed_port closed;
  CHECK(closed.port() > 0);
  CHECK(closed.url() == "http://127.0.0.1:" + std::to_string(closed.port()));
  CHECK(exchange_with(closed.port(), raw_get("/")).end == ECONNREFUSED);
  httplib::Client client(closed.url());
  CHECK(client.Get("/").error() == httplib::Error::Connection);
}

TEST_CASE(
    "a reply slower than the client's timeout: the client gives up, the stand-in records it") {
  stub::api api;
  stub::reply slow{200, "{}"};
  slow.delay = milliseconds(300);
  api.script("GET", "/slow", {slow});
  httplib::Client client(api.url());
  client.set_read_timeout(0, 50'000);  // 50 ms
  const auto sent = stub::clock_type::now();
  CHECK(client.Get("/slow", key()).error() == httplib::Error::Read);
  CHECK(stub::clock_type::now() - sent < milliseconds(300));
  CHECK(api.requests().size() == 1);
}

TEST_CASE("the stand-in answers and records requests from several threads at once") {
  stub::api api;
  stub::reply slow{200, "{}"};
  slow.delay = milliseconds(20);  // so that the requests overlap
  api.script("GET", "/v4/trackings/get", {slow});
  constexpr std::size_t threads = 4;
  constexpr std::size_t each = 10;
  std::vector<std::size_t> answered(threads, 0);
  std::vector<std::thread> clients;
  clients.reserve(threads);
  for (std::size_t t = 0; t < threads; ++t) {
    clients.emplace_back([&api, &answered, t] {
      httplib::Client client(api.url());
      for (std::size_t i = 0; i < each; ++i) {
        const auto response = client.Get("/v4/trackings/get", key());
        if (response && response->status == 200) ++answered[t];
      }
    });
  }
  for (std::thread& c : clients) c.join();
  CHECK(answered == std::vector<std::size_t>(threads, each));
  const std::vector<stub::request> requests = api.requests();
  CHECK(requests.size() == threads * each);
  CHECK(std::is_sorted(
      requests.begin(), requests.end(),
      [](const stub::request& a, const stub::request& b) { return a.arrival < b.arrival; }));
  CHECK(stub::most_in_window(requests, std::chrono::hours(1)) == threads * each);
}

TEST_CASE("most_in_window counts the requests of the busiest span") {
  const stub::clock_type::time_point t0{};
  const auto at = [&](int ms) {
    stub::request r;
    r.arrival = t0 + milliseconds(ms);
    return r;
  };
  // Out of order on purpose: requests of several threads may be recorded so.
  const std::vector<stub::request> requests{at(0),   at(1000), at(100), at(999),
                                            at(500), at(2500), at(2000)};
  CHECK(stub::most_in_window(requests, milliseconds(1000)) == 4);  // [0, 1000): 0 100 500 999
  CHECK(stub::most_in_window(requests, milliseconds(1001)) == 5);  // [0, 1001)
  CHECK(stub::most_in_window(requests, milliseconds(1)) == 1);
  CHECK(stub::most_in_window(requests, milliseconds(600)) == 3);  // 500 999 1000
  CHECK(stub::most_in_window({}, milliseconds(1000)) == 0);
}

TEST_CASE("the stand-in runs a client with its API key, each argument as is") {
  const stub::api api("key 'quoted'");
  const stub::run_result result =
      api.run({"sh", "-c", R"(printf '%s|%s|%s' "$TRACKINGMORE_API_KEY" "$no_proxy" "$1"; exit 3)",
               "sh", "it's $HOME `x`"});
  CHECK(result.output == "key 'quoted'|127.0.0.1|it's $HOME `x`");
  CHECK(result.exit_status == 3);
  CHECK(api.run({"sh", "-c", "kill -9 $$"}).exit_status == -1);
}

TEST_CASE("the stand-in refuses an empty script") {
  stub::api api;
  CHECK_THROWS_AS(api.script("GET", "/", {}), std::invalid_argument);
}
