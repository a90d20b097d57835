// End to end: the same transport fault gets the same decision whichever HTTP client saw it. The
// stand-in (tests/stub, on 127.0.0.1) resets, drops, cuts and delays its answers, or nothing
// listens at all; cpp-httplib, libcurl and Boost.Beast each send a GET, hand their failure to their
// header (trackingmore/status/httplib.hpp, curl.hpp, asio.hpp), and `decide` answers.
#include <trackingmore/status/asio.hpp>
#include <trackingmore/status/curl.hpp>
#include <trackingmore/status/httplib.hpp>
#include <trackingmore/status/retry.hpp>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <curl/curl.h>
#include <functional>
#include <httplib.h>
#include <string>
#include <vector>

#include "../catch.hpp"
#include "stub_api.hpp"

namespace {

namespace tk = trackingmore;
using std::chrono::milliseconds;

/// Every client's timeout for a whole exchange: well under the slow answer's delay.
constexpr milliseconds timeout{200};

/// The stand-in's API key, as a header line.
const char* const key_name = "Tracking-Api-Key";
const char* const key_value = "test-key";

/// What one client made of a GET of `path` from 127.0.0.1:`port`: its transport error through the
/// library's header, or, when a response came, its HTTP status's error_code.
using client = std::function<std::error_code(int port, const std::string& path)>;

std::error_code with_httplib(int port, const std::string& path) {
  httplib::Client http("127.0.0.1", port);
  http.set_connection_timeout(timeout);
  http.set_read_timeout(timeout);
  http.set_write_timeout(timeout);
  const httplib::Result response = http.Get(path, {{key_name, key_value}});
  if (!response) return tk::transport_error(response.error());
  return tk::http::to_error_code(response->status);
}

std::size_t discard(char*, std::size_t size, std::size_t count, void*) { return size * count; }

std::error_code with_curl(int port, const std::string& path) {
  CURL* curl = curl_easy_init();
  REQUIRE(curl != nullptr);
  const std::string url = "http://127.0.0.1:" + std::to_string(port) + path;
  curl_slist* headers =
      curl_slist_append(nullptr, (std::string(key_name) + ": " + key_value).c_str());
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_NOPROXY, "*");
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout.count()));
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, discard);
  const CURLcode code = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  if (code != CURLE_OK) return tk::transport_error(code);
  return tk::http::to_error_code(static_cast<int>(status));
}

std::error_code with_beast(int port, const std::string& path) {
  namespace beast = boost::beast;
  namespace http = beast::http;
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  http::request<http::empty_body> request(http::verb::get, path, 11);
  request.set(http::field::host, "127.0.0.1");
  request.set(key_name, key_value);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  boost::system::error_code failure;
  // Beast's deadlines hold for asynchronous operations: one covers the whole exchange.
  stream.expires_after(timeout);
  const boost::asio::ip::tcp::endpoint server(boost::asio::ip::address_v4::loopback(),
                                              static_cast<unsigned short>(port));
  stream.async_connect(server, [&](boost::system::error_code connected) {
    if (connected) {
      failure = connected;
      return;
    }
    http::async_write(stream, request, [&](boost::system::error_code written, std::size_t) {
      if (written) {
        failure = written;
        return;
      }
      http::async_read(stream, buffer, response,
                       [&](boost::system::error_code read, std::size_t) { failure = read; });
    });
  });
  io.run();
  if (failure) return tk::transport_error(failure);
  return tk::http::to_error_code(static_cast<int>(response.result_int()));
}

/// One client, by name.
struct named_client {
  const char* name;
  client get;
};
const named_client clients[] = {
    {"cpp-httplib", with_httplib}, {"libcurl", with_curl}, {"Boost.Beast", with_beast}};

/// A fault, how the stand-in makes it (no reply: the closed port), and what decide should answer.
struct fault_row {
  const char* name;
  std::vector<stub::reply> replies;
  bool retry;
  tk::retry_advice advice;
};

stub::reply slow_answer() {
  stub::reply r{200, R"({"meta":{"code":200}})"};
  r.delay = milliseconds(600);
  return r;
}

const std::string body = R"({"meta":{"code":200,"message":"Request response is successful"}})";

}  // namespace

TEST_CASE("each transport fault gets the same decision from cpp-httplib, libcurl and Boost.Beast") {
  using tk::retry_advice;
  const std::vector<fault_row> faults{
      {"a whole answer (the control)", {{200, body}}, false, retry_advice::not_applicable},
      {"an HTTP 503 (the control)",
       {{503, "<html>busy</html>", "text/html"}},
       true,
       retry_advice::after_delay},
      {"a reset (RST) before the answer",
       {stub::reset_connection()},
       true,
       retry_advice::after_delay},
      {"a close (FIN) before the answer",
       {stub::dropped_connection()},
       true,
       retry_advice::after_delay},
      {"a body cut short of its Content-Length",
       {stub::cut_body({200, body})},
       true,
       retry_advice::after_delay},
      {"a chunked body cut before its last chunk",
       {stub::cut_body({200, body}, true)},
       true,
       retry_advice::after_delay},
      {"an answer slower than the client's timeout",
       {slow_answer()},
       true,
       retry_advice::after_delay},
      {"a closed port", {}, true, retry_advice::after_delay},
  };
  for (const fault_row& fault : faults) {
    for (const named_client& c : clients) {
      INFO(fault.name << ", seen by " << c.name);
      std::error_code ec;
      std::size_t requests = 0;
      if (fault.replies.empty()) {
        const stub::closed_port closed;
        ec = c.get(closed.port(), "/v4/trackings/get");
      } else {
        stub::api api(key_value);
        api.script("GET", "/v4/trackings/get", fault.replies);
        ec = c.get(api.port(), "/v4/trackings/get");
        requests = api.requests().size();
        CHECK(requests == 1);  // the request reached the stand-in, once
      }
      INFO("error_code " << ec.category().name() << ":" << ec.value() << " " << ec.message());
      const tk::retry_decision d = tk::decide(ec, 1);
      CHECK(d.retry == fault.retry);
      CHECK(d.advice == fault.advice);
    }
  }
}

TEST_CASE("a closed port is std::errc::connection_refused for every client") {
  const stub::closed_port closed;
  for (const named_client& c : clients) {
    INFO(c.name);
    CHECK(c.get(closed.port(), "/") == std::errc::connection_refused);
  }
}

TEST_CASE("a cut body is transport_errc::response_cut for libcurl and Boost.Beast") {
  // cpp-httplib reports every broken read as Error::Read: std::errc::connection_aborted.
  stub::api api(key_value);
  for (const bool chunked : {false, true}) {
    INFO((chunked ? "chunked" : "with a Content-Length"));
    api.script("GET", "/cut", {stub::cut_body({200, body}, chunked)});
    CHECK(with_curl(api.port(), "/cut") == tk::transport_errc::response_cut);
    CHECK(with_beast(api.port(), "/cut") == tk::transport_errc::response_cut);
    CHECK(with_httplib(api.port(), "/cut") == std::errc::connection_aborted);
  }
}
