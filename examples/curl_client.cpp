// Sends one request to TrackingMore's v4 API with libcurl and classifies the answer, as
// httplib_client does but without retrying: it only says what a client should do.
//
//   TRACKINGMORE_API_KEY=... curl_client <url> [json_body]
//
// POSTs json_body (GETs without it). Exit status: 0 success, 1 failure, 2 usage or no HTTP answer
// (none, or one cut short).
#include <trackingmore/status/curl.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/retry.hpp>

#include <cstdio>
#include <cstdlib>
#include <curl/curl.h>
#include <string>

namespace tk = trackingmore;

static std::size_t append(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

int main(int argc, char** argv) {
  const char* api_key = std::getenv("TRACKINGMORE_API_KEY");
  if (argc < 2 || argc > 3 || api_key == nullptr) {
    (void)std::fprintf(stderr, "usage: TRACKINGMORE_API_KEY=... %s <url> [json_body]\n", argv[0]);
    return 2;
  }
  curl_global_init(CURL_GLOBAL_DEFAULT);
  CURL* curl = curl_easy_init();
  curl_slist* headers =
      curl_slist_append(nullptr, ("Tracking-Api-Key: " + std::string(api_key)).c_str());
  headers = curl_slist_append(headers, "Content-Type: application/json");
  std::string body;
  curl_easy_setopt(curl, CURLOPT_URL, argv[1]);
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  if (argc == 3) curl_easy_setopt(curl, CURLOPT_POSTFIELDS, argv[2]);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode transfer = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  curl_global_cleanup();
  if (transfer != CURLE_OK) {
    const std::error_code failure = tk::transport_error(transfer);
    std::printf("no HTTP answer: %s\n%s %d: %s\n", curl_easy_strerror(transfer),
                failure.category().name(), failure.value(), failure.message().c_str());
    // decide knows which transport errors are transient: a reset or a cut body is.
    std::printf(tk::decide(failure, 1) ? "retry with backoff\n" : "do not retry\n");
    return 2;
  }

  const std::error_code ec =
      tk::batch_error_code_of(tk::api_version::v4, static_cast<int>(status), tk::parse_body(body));
  std::printf("HTTP %ld\n", status);
  if (!ec) {
    std::printf("success\n");
    return 0;
  }
  std::printf("%s %d: %s\n", ec.category().name(), ec.value(), ec.message().c_str());
  if (const unsigned wait = tk::retry_after_seconds(ec)) {
    std::printf("retry in %u s\n", wait);
  } else if (tk::is_retryable(ec)) {
    std::printf("retry with backoff\n");
  } else {
    std::printf("do not retry (%s)\n", ec.default_error_condition().message().c_str());
  }
  return 1;
}
