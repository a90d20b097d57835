// POST /v4/trackings/create with Boost.Beast, asynchronously, through the library's whole retry
// loop: trackingmore::retry_loop says what to do next (send, wait until a time, or stop) and
// takes each attempt's result; the io_context does the sending and the waiting, so no thread
// blocks. Plain HTTP to keep it short.
#include <trackingmore/status/asio.hpp>
#include <trackingmore/status/client.hpp>
#include <trackingmore/status/nlohmann_json.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;
namespace tk = trackingmore;
using tcp = boost::asio::ip::tcp;

/// One request's loop, driven by the io_context's callbacks.
struct call {
  boost::asio::io_context& io;
  tcp::resolver::results_type server;
  http::request<http::string_body> request;
  tk::retry_loop loop;
  boost::asio::steady_timer timer{io};  // steady_clock: the loop's clock
  std::optional<beast::tcp_stream> stream{};
  beast::flat_buffer buffer{};
  http::response<http::string_body> response{};

  /// Does what the loop says now.
  void step() {
    const tk::retry_step next = loop.next(tk::pacer::clock::now());
    if (next.what == tk::retry_step::action::wait) {
      timer.expires_at(next.until);
      timer.async_wait([this](beast::error_code) { step(); });
    } else if (next.what == tk::retry_step::action::send) {
      send();
    }  // done: nothing is left for the io_context, whose run() returns
  }

  /// One attempt: connect, write, read; then `attempted`.
  void send() {
    stream.emplace(io);
    stream->expires_after(std::chrono::seconds(30));
    buffer.clear();
    response = {};
    stream->async_connect(server, [this](beast::error_code connecting, const tcp::endpoint&) {
      if (connecting) return attempted({tk::transport_error(connecting)});
      http::async_write(*stream, request, [this](beast::error_code writing, std::size_t) {
        if (writing) return attempted({tk::transport_error(writing)});
        http::async_read(*stream, buffer, response, [this](beast::error_code reading, std::size_t) {
          if (reading) return attempted({tk::transport_error(reading)});
          const std::string retry_after(response[http::field::retry_after]);
          attempted({tk::error_code_of(tk::api_version::v4, static_cast<int>(response.result_int()),
                                       tk::parse_body(response.body())),
                     tk::parse_retry_after(retry_after, std::chrono::system_clock::now())
                         .value_or(std::chrono::seconds(0))});
        });
      });
    });
  }

  /// The attempt gave `result`: the loop decides what follows.
  void attempted(const tk::attempt_result& result) {
    const tk::attempt_report report = loop.record(tk::pacer::clock::now(), result);
    std::cerr << "attempt " << report.attempt << ": "
              << (result.ec ? result.ec.message() : "success")
              << (report.retrying ? ", retrying\n" : "\n");
    step();
  }
};

int main(int argc, char** argv) try {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  const std::string host = argc > 1 ? argv[1] : "api.trackingmore.com";
  boost::asio::io_context io;
  tk::client_state client(tk::api_version::v4);  // one for the whole program, shared by calls
  http::request<http::string_body> request(http::verb::post, "/v4/trackings/create", 11);
  request.set(http::field::host, host);
  request.set(http::field::content_type, "application/json");
  request.set("Tracking-Api-Key", key != nullptr ? key : "");
  request.body() = R"({"tracking_number":"9261290302951157303001","courier_code":"usps"})";
  request.prepare_payload();
  call c{io, tcp::resolver(io).resolve(host, argc > 2 ? argv[2] : "80"), std::move(request),
         tk::retry_loop(client, tk::endpoint::create_trackings, tk::pacer::clock::now())};
  c.step();
  io.run();
  const tk::call_result& r = c.loop.result();
  std::cout << tk::name_of(r.end) << " after " << r.attempts << " attempt(s)"
            << (r.ec ? ": " + r.ec.message() : "") << '\n';
  return r.ec ? 1 : 0;
} catch (const std::exception& e) {  // the resolver throws boost::system::system_error
  std::cerr << "no response: " << e.what() << '\n';
  return 2;
}
