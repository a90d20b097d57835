// Nothing but message() allocates: global operator new is replaced by one that counts.
#include <atomic>
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
