// The program every consumption route builds and runs: it fails (exit 1) unless the header it got
// works. With TRACKINGMORE_CONSUMER_ADAPTER it also uses the nlohmann/json adapter.
#include <trackingmore/status.hpp>
#ifdef TRACKINGMORE_CONSUMER_ADAPTER
#include <trackingmore/status/nlohmann_json.hpp>
#endif

#include <cstdio>

namespace tk = trackingmore;

int main() {
  static_assert(TRACKINGMORE_STATUS_VERSION == 10000, "the version this package says it is");
  static_assert(tk::v2::find(4032)->http_status == 204, "the table is constexpr");
  const std::error_code ec = tk::v4::to_error_code(4101);
  bool ok = ec == tk::v4::errc::tracking_exists && ec == tk::condition::tracking_exists &&
            !tk::v4::to_error_code(200) &&
            tk::retry_after_seconds(tk::v3::to_error_code(429)) == 120;
#ifdef TRACKINGMORE_CONSUMER_ADAPTER
  const auto body =
      tk::parse_body(R"({"meta":{"code":4101,"message":"Tracking No. already exists."}})");
  ok = ok && tk::error_code_of(tk::api_version::v4, 400, body) == tk::v4::errc::tracking_exists;
#endif
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", ec.message().c_str());
  return ok ? 0 : 1;
}
