// Classifies a few meta.codes as a client would after parsing a TrackingMore response.
#include <trackingmore/status.hpp>

#include <cstdio>

namespace tk = trackingmore;  // not `tm`: that name is taken by ::tm from <ctime>

static void handle(int meta_code) {
  const std::error_code ec = tk::v4::to_error_code(meta_code);
  std::printf("%5d  ", meta_code);
  if (!ec) {
    std::printf("success\n");
  } else if (ec == tk::v4::errc::tracking_exists) {
    std::printf("already tracked: nothing to do\n");
  } else if (ec == tk::condition::rate_limited) {
    std::printf("rate limited: wait %u s, then retry\n", tk::retry_after_seconds(ec));
  } else if (ec == tk::condition::retryable) {
    std::printf("transient (%s): back off and retry\n", ec.message().c_str());
  } else {
    std::printf("failed (%s): %s\n", ec.default_error_condition().message().c_str(),
                ec.message().c_str());
  }
}

int main() {
  static_assert(tk::v2::find(4032)->http_status == 204, "the table is constexpr");
  for (const int code : {200, 4101, 429, 512, 4121, 401, 502, 4999}) handle(code);
  std::printf("\nEvery documented v2 code:\n");
  for (const tk::code_info& c : tk::v2::codes) {
    std::printf("%5d  %-24.*s %.*s\n", c.code, static_cast<int>(c.name.size()), c.name.data(),
                static_cast<int>(c.message.size()), c.message.data());
  }
}
