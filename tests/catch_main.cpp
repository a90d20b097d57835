// The tests' main, for Catch2 2 and 3: Catch2's own session, told to fail a run in which a filter
// selects no test case. ctest runs each test case through its name as a filter, and a filter that
// matches nothing (a name cut at a `;`, a tag renamed) must fail instead of passing without a test.
#include <vector>

#if TRACKINGMORE_CATCH2_MAJOR == 3
#include <catch2/catch_session.hpp>
// Catch2 3 already fails a run of no test case; this fails one filter among several too.
#define TRACKINGMORE_CATCH_WARNING "UnmatchedTestSpec"
#else
#define TRACKINGMORE_CATCH_MAIN
#include "catch.hpp"
// Catch2 2 exits 2 when a filter matches no test case.
#define TRACKINGMORE_CATCH_WARNING "NoTests"
#endif

int main(int argc, char* argv[]) {
  if (argc < 1) return Catch::Session().run(argc, argv);
  static char warn[] = "--warn";
  static char warning[] = TRACKINGMORE_CATCH_WARNING;
  // Before the caller's arguments, which may add more warnings.
  std::vector<char*> args(argv, argv + argc);
  args.insert(args.begin() + 1, {warn, warning});
  return Catch::Session().run(static_cast<int>(args.size()), args.data());
}
