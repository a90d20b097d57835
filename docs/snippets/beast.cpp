// GET /v4/trackings/get with Boost.Beast, then let the library read the response. Plain HTTP to
// keep it short: for HTTPS, wrap the stream in `beast::ssl_stream` as Beast's http_client_sync_ssl
// does.
#include <trackingmore/status/asio.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/retry.hpp>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
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
  const std::error_code ec = trackingmore::error_code_of(trackingmore::api_version::v4,
                                                         static_cast<int>(response.result_int()),
                                                         trackingmore::parse_body(response.body()));
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
} catch (const boost::system::system_error& e) {  // what Beast throws
  // No whole response: a reset, a cut body are worth sending again; an unknown host is not.
  const std::error_code failure = trackingmore::transport_error(e.code());
  std::cerr << "no response: " << e.what()
            << (trackingmore::decide(failure, 1) ? " (retry)" : " (do not retry)") << '\n';
  return 2;
} catch (const std::exception& e) {
  std::cerr << "no response: " << e.what() << '\n';
  return 2;
}
