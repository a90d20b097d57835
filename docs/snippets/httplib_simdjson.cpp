// GET /v4/trackings/get with cpp-httplib, then read the response with simdjson.
#include <trackingmore/status/simdjson.hpp>

#include <cstdlib>
#include <httplib.h>
#include <iostream>

int main(int argc, char** argv) {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  httplib::Client api(argc > 1 ? argv[1] : "https://api.trackingmore.com");
  const auto response =
      api.Get("/v4/trackings/get", {{"Tracking-Api-Key", key != nullptr ? key : ""}});
  if (!response) {
    std::cerr << "no response: " << httplib::to_string(response.error()) << '\n';
    return 2;
  }
  simdjson::dom::parser parser;  // keep it for the next response: it reuses its buffers
  const std::error_code ec =
      trackingmore::error_code_of(trackingmore::api_version::v4, response->status,
                                  trackingmore::parse_simdjson(parser, response->body));
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
}
