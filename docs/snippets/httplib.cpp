// GET /v4/trackings/get with cpp-httplib, then let the library read the response.
#include <trackingmore/status/httplib.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/retry.hpp>

#include <cstdlib>
#include <httplib.h>
#include <iostream>

int main(int argc, char** argv) {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  httplib::Client api(argc > 1 ? argv[1] : "https://api.trackingmore.com");
  const auto response =
      api.Get("/v4/trackings/get", {{"Tracking-Api-Key", key != nullptr ? key : ""}});
  if (!response) {
    // No response: a reset, a timeout, a cut body are worth sending again; a TLS failure is not.
    const std::error_code failure = trackingmore::transport_error(response.error());
    std::cerr << "no response: " << failure.message()
              << (trackingmore::decide(failure, 1) ? " (retry)" : " (do not retry)") << '\n';
    return 2;
  }
  const std::error_code ec = trackingmore::error_code_of(
      trackingmore::api_version::v4, response->status, trackingmore::parse_body(response->body));
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
}
