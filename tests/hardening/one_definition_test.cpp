// Two translation units that include the header link into one program and share its objects.
#include "one_definition.hpp"

#include "catch.hpp"

namespace tk = trackingmore;

TEST_CASE("two translation units see the same categories, tables and codes") {
  const seen_objects here = seen_from_here();
  const seen_objects there = seen_from_other_unit();
  for (int i = 0; i < 4; ++i) CHECK(here.categories[i] == there.categories[i]);
  for (int i = 0; i < 3; ++i) CHECK(here.tables[i] == there.tables[i]);
  CHECK(here.found == there.found);
  CHECK(here.code == there.code);
  CHECK(there.code == tk::v4::errc::tracking_exists);
  CHECK(there.code == here.condition);
  CHECK(here.code == there.condition);
}
