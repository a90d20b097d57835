// A small program that classifies responses with the library: bench/run.sh compares its size with
// classify_by_hand.cpp, which does the same by hand.
#include <trackingmore/status.hpp>

#include <cstdio>

namespace tk = trackingmore;

int main() {
  int code = 0;
  while (std::scanf("%d", &code) == 1) {
    const std::error_code ec = tk::v4::to_error_code(code);
    const char* verdict = !ec                                   ? "success"
                          : ec == tk::condition::rate_limited   ? "wait"
                          : ec == tk::condition::retryable      ? "retry"
                          : ec == tk::v4::errc::tracking_exists ? "exists"
                                                                : "fail";
    std::printf("%d %s %u\n", code, verdict, tk::retry_after_seconds(ec));
  }
}
