// Creates one tracking with TrackingMore's v4 API over cpp-httplib and says what the client
// decided.
//
//   TRACKINGMORE_API_KEY=... httplib_client <tracking_number> <courier_code> [base_url]
//
// base_url defaults to https://api.trackingmore.com. Exit status: 0 success, 1 failure, 2 usage.
#include "httplib_client.hpp"

#include <trackingmore/status/printable.hpp>  // a body's text, printed

#include <cstdio>
#include <cstdlib>
#include <exception>

int main(int argc, char** argv) try {
  const char* api_key = std::getenv("TRACKINGMORE_API_KEY");
  if (argc < 3 || argc > 4 || api_key == nullptr) {
    (void)std::fprintf(
        stderr, "usage: TRACKINGMORE_API_KEY=... %s <tracking_number> <courier_code> [base_url]\n",
        argv[0]);
    return 2;
  }
  example::client client(argc == 4 ? argv[3] : "https://api.trackingmore.com",
                         example::api_key{api_key});
  const example::outcome result = client.post(
      "/v4/trackings/create", {{"tracking_number", argv[1]}, {"courier_code", argv[2]}});

  std::printf("%u request(s)\n", result.attempts);
  if (!result.ec) {
    std::printf("created\n");
  } else if (result.ec == trackingmore::condition::tracking_exists) {
    std::printf("already tracked: nothing to do\n");
  } else {
    std::printf("failed (%s %d): %s\n", result.ec.category().name(), result.ec.value(),
                result.ec.message().c_str());
  }
  for (const trackingmore::item_failure& f : result.failures) {
    std::printf("  %s: %s\n", trackingmore::printable(f.tracking_number).c_str(),
                f.code.message().c_str());
  }
  return result.ec ? 1 : 0;
} catch (const std::exception& e) {  // the request's JSON, made of the arguments, is not UTF-8
  (void)std::fprintf(stderr, "httplib_client: %s\n", e.what());
  return 2;
}
