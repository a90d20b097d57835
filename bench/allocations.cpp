// Counts heap allocations on every public path of the library: all but message() should make none.
#include <trackingmore/status.hpp>
#include <trackingmore/status/client.hpp>
#include <trackingmore/status/pacing.hpp>

#include <chrono>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <string>
#include <system_error>

namespace {
std::size_t allocations = 0;
}

void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace tk = trackingmore;

namespace {

int failures = 0;
// A sink the optimiser cannot see through, so every call below really runs.
volatile std::size_t sink = 0;

// Runs `path` over codes of every kind and prints the allocations it made.
template <class Path>
void count(const char* name, bool may_allocate, Path path) {
  const int codes[] = {200, 201, 4101, 4016, 423, 429, 511, 503, 502, 4999, 0, -1, 6000, 1999};
  const tk::api_version versions[] = {tk::api_version::v2, tk::api_version::v3,
                                      tk::api_version::v4};
  const std::size_t before = allocations;
  for (const tk::api_version v : versions) {
    for (const int code : codes) sink = sink + static_cast<std::size_t>(path(v, code));
  }
  const std::size_t made = allocations - before;
  const bool ok = may_allocate || made == 0;
  if (!ok) ++failures;
  std::printf("| `%s` | %zu | %s |\n", name, made,
              ok ? (made == 0 ? "none" : "expected") : "UNEXPECTED");
}

}  // namespace

int main() {
  std::printf("%d calls per path (3 versions x 14 codes)\n\n", 3 * 14);
  std::printf("| path | heap allocations | verdict |\n|---|--:|---|\n");
  count("vN::find / find(version, code)", false,
        [](tk::api_version v, int c) { return tk::find(v, c) != nullptr; });
  count("classify(version, code)", false,
        [](tk::api_version v, int c) { return tk::classify(v, c).http_status; });
  count("to_error_code(version, code)", false,
        [](tk::api_version v, int c) { return tk::to_error_code(v, c).value(); });
  count("ec == condition::retryable", false, [](tk::api_version v, int c) {
    return tk::to_error_code(v, c) == tk::condition::retryable;
  });
  count("ec == vN::errc::tracking_exists", false, [](tk::api_version v, int c) {
    return tk::to_error_code(v, c) == tk::v4::errc::tracking_exists;
  });
  count("ec.default_error_condition()", false, [](tk::api_version v, int c) {
    return tk::to_error_code(v, c).default_error_condition().value();
  });
  count("is_retryable(ec)", false,
        [](tk::api_version v, int c) { return tk::is_retryable(tk::to_error_code(v, c)); });
  count("retry_after_seconds(ec)", false,
        [](tk::api_version v, int c) { return tk::retry_after_seconds(tk::to_error_code(v, c)); });
  count("find(ec)", false,
        [](tk::api_version v, int c) { return tk::find(tk::to_error_code(v, c)) != nullptr; });
  count("category(version).name()", false,
        [](tk::api_version v, int) { return tk::category(v).name()[0]; });
  count("name_of(condition), name_of(version)", false, [](tk::api_version v, int c) {
    return tk::name_of(tk::classify(v, c).condition).size() + tk::name_of(v).size();
  });
  count("v2::message_pl(code)", false,
        [](tk::api_version, int c) { return tk::v2::message_pl(c).size(); });
  tk::pacer pacer(10.0, 2);
  count("pacer::reserve(now), pacer::pause_until(until)", false, [&pacer](tk::api_version, int c) {
    const tk::pacer::clock::time_point t = tk::pacer::clock::time_point{} + std::chrono::seconds(c);
    pacer.pause_until(t);
    return pacer.reserve(t).count() > 0;
  });
  // The whole loop: each code answered once, then success (retried when decide says so, paced,
  // budgeted), on a clock that jumps to every wait's end.
  tk::client_state state(tk::api_version::v4);
  tk::pacer::clock::time_point now = tk::pacer::clock::now();
  struct timer {
    tk::pacer::clock::time_point* t;
    tk::pacer::clock::time_point now() const { return *t; }
    void sleep_until(tk::pacer::clock::time_point until) const {
      if (until > *t) *t = until;
    }
  };
  count("send_with_retries (client_state, retry_loop), every attempt", false,
        [&](tk::api_version v, int c) {
          state.account().reset();  // a 401 would stop the next ones
          return tk::send_with_retries(
                     state, tk::endpoint::other,
                     [&](unsigned attempt) {
                       return tk::attempt_result{
                           attempt == 1 ? tk::to_error_code(v, c) : std::error_code{},
                           std::chrono::seconds{0}};
                     },
                     {}, tk::ignore_attempts{}, timer{&now})
              .attempts;
        });
  count("ec.message() (allocates a std::string by contract)", true,
        [](tk::api_version v, int c) { return tk::to_error_code(v, c).message().size(); });
  return failures == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
