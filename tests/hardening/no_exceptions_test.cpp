// Every facility but message()'s string, in a program built with -fno-exceptions -fno-rtti: the
// header must serve code that has neither (Catch2 needs exceptions, so the checks are plain).
#include <cstdio>

#include "every_facility.hpp"

#if defined(__cpp_exceptions) || defined(__GXX_RTTI) || defined(__cpp_rtti)
#error "build this test with -fno-exceptions -fno-rtti"
#endif

int main() {
  int failures = 0;
  for (const every_facility::group& g : every_facility::groups) {
    const int failed = g.check();
    std::printf("%-55s %s\n", g.name, failed == 0 ? "ok" : "FAILED");
    failures += failed;
  }
  return failures == 0 ? 0 : 1;
}
