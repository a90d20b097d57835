// GET /v4/trackings/get with libcurl, then read the response with RapidJSON.
#include <trackingmore/status/rapidjson.hpp>

#include <cstdlib>
#include <curl/curl.h>
#include <iostream>
#include <string>

static std::size_t append(char* data, std::size_t size, std::size_t count, void* body) {
  static_cast<std::string*>(body)->append(data, size * count);
  return size * count;
}

int main(int argc, char** argv) {
  const char* key = std::getenv("TRACKINGMORE_API_KEY");
  const std::string url =
      std::string(argc > 1 ? argv[1] : "https://api.trackingmore.com") + "/v4/trackings/get";
  curl_slist* headers = curl_slist_append(
      nullptr, (std::string("Tracking-Api-Key: ") + (key != nullptr ? key : "")).c_str());
  std::string body;
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, append);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
  const CURLcode sent = curl_easy_perform(curl);
  long status = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_cleanup(curl);
  curl_slist_free_all(headers);
  if (sent != CURLE_OK) {
    std::cerr << "no response: " << curl_easy_strerror(sent) << '\n';
    return 2;
  }
  const rapidjson::Document document = trackingmore::parse_rapidjson(body);  // never throws
  const std::error_code ec = trackingmore::error_code_of(trackingmore::api_version::v4,
                                                         static_cast<int>(status), document);
  std::cout << (ec ? ec.message() : "success") << '\n';
  return ec ? 1 : 0;
}
