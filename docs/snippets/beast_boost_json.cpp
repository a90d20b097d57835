// GET /v4/trackings/get with Boost.Beast, then read the response with Boost.JSON.
#include <trackingmore/status/boost_json.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/src.hpp>  // Boost.JSON header-only, in one source file (or link Boost::json)
#include <cstdlib>
#include <iostream>
#include <string>

namespace beast = boost::beast;
namespace http = beast::http;

int main(int argc, char** argv) try {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  const std::string host = argc > 1 ? argv[1] : "api.trackingmore.com";
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  stream.connect(boost::asio::ip::tcp::resolver(io).resolve(host, argc > 2 ? argv[2] : "80"));
  http::request<http::empty_body> request(http::verb::get, "/v4/trackings/get", 11);
  request.set(http::field::host, host);
  request.set("Tracking-Api-Key", key != nullptr ? key : "");
  http::write(stream, request);
  beast::flat_buffer buffer;
  http::response<http::string_body> response;
  http::read(stream, buffer, response);
  const std::error_code ec = trackingmore::error_code_of(
      trackingmore::api_version::v4, static_cast<int>(response.result_int()),
      trackingmore::parse_boost_json(response.body()));
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
} catch (const std::exception& e) {  // Beast throws boost::system::system_error
  std::cerr << "no response: " << e.what() << '\n';
  return 2;
}
