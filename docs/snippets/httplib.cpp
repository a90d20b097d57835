// GET /v4/trackings/get with cpp-httplib, then let the library read the response.
#include <httplib.h>

#include <cstdlib>
#include <iostream>
#include <trackingmore/status/nlohmann_json.hpp>

int main(int argc, char** argv) {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  httplib::Client api(argc > 1 ? argv[1] : "https://api.trackingmore.com");
  const auto response = api.Get("/v4/trackings/get", {{"Tracking-Api-Key", key ? key : ""}});
  if (!response) {
    std::cerr << "no response: " << httplib::to_string(response.error()) << '\n';
    return 2;
  }
  const std::error_code ec = trackingmore::error_code_of(
      trackingmore::api_version::v4, response->status, trackingmore::parse_body(response->body));
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
}
