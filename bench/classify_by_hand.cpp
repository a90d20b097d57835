// The same program as classify_with_library.cpp, written the way TrackingMore's SDKs leave it to
// their users: a switch over the codes the caller happens to know.
#include <cstdio>

int main() {
  int code = 0;
  while (std::scanf("%d", &code) == 1) {
    const char* verdict = "fail";
    unsigned wait = 0;
    switch (code) {
      case 200: verdict = "success"; break;
      case 429:
        verdict = "wait";
        wait = 120;
        break;
      case 511:
      case 512:
      case 513: verdict = "retry"; break;
      case 4101: verdict = "exists"; break;
      default:
        if ((code >= 200 && code <= 299) || code == 0)
          verdict = "success";
        else if ((code >= 500 && code <= 599) || (code >= 5000 && code <= 5999))
          verdict = "retry";
    }
    std::printf("%d %s %u\n", code, verdict, wait);
  }
}
