// GET /v4/trackings/get with cpp-httplib, then read the response with JsonCpp.
#include <trackingmore/status/jsoncpp.hpp>

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
  // std::nullopt when the body is not JSON: error_code_of then reads the HTTP status.
  const std::optional<Json::Value> body = trackingmore::parse_jsoncpp(response->body);
  const std::error_code ec =
      trackingmore::error_code_of(trackingmore::api_version::v4, response->status, body);
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
}
