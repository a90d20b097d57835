// The meta.code of a TrackingMore v4 response body, read with nlohmann::json.
#include <nlohmann/json.hpp>
#include <string_view>

// A body without one (a proxy's error page, say) gives the HTTP status instead, which the library
// reads by the same rules: a 502 is a server error worth retrying.
inline int meta_code(std::string_view body, int http_status) {
  try {
    return nlohmann::json::parse(body).at("meta").at("code").get<int>();
  } catch (const nlohmann::json::exception&) {
    return http_status;
  }
}
