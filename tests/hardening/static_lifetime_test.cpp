// The categories work from a static constructor and from a static destructor after main.
//
// This unit does not include the header and comes first on the link line, so its static object is
// constructed before static_lifetime_checks.cpp is initialised (before the category holders
// register their do-nothing destructors) and is destroyed after those destructors ran: the hardest
// order a program can impose on a header-only library.
#include <cstdio>
#include <cstdlib>

/// Uses every category and condition; returns the number of failed checks (they go to stderr).
int check_categories(const char* when) noexcept;

namespace {

struct used_before_and_after_main {
  int failures_before_main;

  used_before_and_after_main() noexcept
      : failures_before_main(check_categories("in a static constructor")) {}
  ~used_before_and_after_main() {
    // After main a failure can only be reported through the exit status.
    if (check_categories("in a static destructor after main") != 0) std::_Exit(EXIT_FAILURE);
  }
  used_before_and_after_main(const used_before_and_after_main&) = delete;
  used_before_and_after_main& operator=(const used_before_and_after_main&) = delete;
};

const used_before_and_after_main user;

}  // namespace

int main() {
  const int failures = user.failures_before_main + check_categories("in main");
  std::printf("%d failed checks before and in main\n", failures);
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
