// Nothing but message() allocates: global operator new is replaced by one that counts.
#include <trackingmore/status/client.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <new>
#include <string>
#include <utility>

#include "catch.hpp"
#include "every_facility.hpp"

// Every replaceable form but the over-aligned ones (the header has no over-aligned types), so that
// no block is allocated by one allocator and freed by another (AddressSanitizer checks). They
// manage raw memory, as operator new must.
// NOLINTBEGIN(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
namespace {
std::atomic<long> allocations{0};  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)

void* allocate(std::size_t size) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* allocate_or_throw(std::size_t size) {
  if (void* p = allocate(size)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return allocate_or_throw(size); }
void* operator new[](std::size_t size) { return allocate_or_throw(size); }
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return allocate(size);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  return allocate(size);
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t /*size*/) noexcept { std::free(p); }
void operator delete(void* p, const std::nothrow_t& /*tag*/) noexcept { std::free(p); }
void operator delete[](void* p, const std::nothrow_t& /*tag*/) noexcept { std::free(p); }
// NOLINTEND(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)

namespace {

/// The allocations made while `f` runs, and what it returned.
template <class F>
std::pair<long, int> allocations_in(F f) {
  const long before = allocations.load();
  const int result = f();
  return {allocations.load() - before, result};
}

}  // namespace

TEST_CASE("the counter counts: message() allocates") {
  const auto [count, length] = allocations_in(
      [] { return static_cast<int>(trackingmore::v4::to_error_code(4122).message().size()); });
  CHECK(length > 40);  // beyond any small-string buffer
  CHECK(count > 0);
}

TEST_CASE("lookups, conversions, comparisons, helpers and table text allocate nothing") {
  for (const every_facility::group& g : every_facility::groups) {
    INFO(g.name);
    const auto [count, failures] = allocations_in(g.check);
    CHECK(failures == 0);
    CHECK(count == 0);
  }
}

TEST_CASE("the whole loop of a request allocates nothing, whatever its attempts meet") {
  namespace tk = trackingmore;
  tk::client_policy policy;
  policy.account_probe_interval = std::chrono::seconds{30};
  tk::client_state state(tk::api_version::v4, policy);
  tk::pacer::clock::time_point now = tk::pacer::clock::now();
  struct jumping_timer {  // the fake time line: a sleep jumps to its end
    tk::pacer::clock::time_point* t;
    tk::pacer::clock::time_point now() const { return *t; }
    void sleep_until(tk::pacer::clock::time_point until) const {
      if (until > *t) *t = until;
    }
  };
  const int codes[] = {200, 503, 429, 511, 4101, 401, 4190, 0, 502, 200};
  const auto [count, attempts] = allocations_in([&] {
    int sent = 0;
    for (int round = 0; round < 20; ++round) {
      now += std::chrono::seconds{31};  // a probe is due: the 401 of the last round ends
      for (const int code : codes) {
        sent += static_cast<int>(tk::send_with_retries(
                                     state, tk::endpoint::other,
                                     [&](unsigned attempt) {
                                       return tk::attempt_result{attempt < 3
                                                                     ? tk::v4::to_error_code(code)
                                                                     : std::error_code{},
                                                                 std::chrono::seconds{attempt}};
                                     },
                                     {}, [](const tk::attempt_report&) {}, jumping_timer{&now})
                                     .attempts);
      }
    }
    return sent;
  });
  CHECK(attempts > 200);  // retried, refused and probed calls among them
  CHECK(count == 0);
}
