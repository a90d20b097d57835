// Nothing but message() allocates: global operator new is replaced by one that counts.
#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

#include "catch.hpp"
#include "every_facility.hpp"

namespace {
std::atomic<long> allocations{0};  // NOLINT(cppcoreguidelines-avoid-non-const-global-variables)
}  // namespace

// The replacements manage raw memory, as operator new must. The other forms of operator new
// (arrays, nothrow) call this one by default; the header has no over-aligned types.
// NOLINTBEGIN(cppcoreguidelines-no-malloc,cppcoreguidelines-owning-memory)
void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t /*size*/) noexcept { std::free(p); }
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
