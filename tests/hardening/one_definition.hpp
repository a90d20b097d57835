// What one translation unit sees of the header's objects, to compare with another's.
#pragma once

#include <trackingmore/status.hpp>

/// The header's objects as seen from one translation unit.
struct seen_objects {
  const std::error_category* categories[4]{};  // v2, v3, v4, condition
  const trackingmore::code_info* tables[3]{};  // v2, v3, v4
  const trackingmore::code_info* found{};      // v4::find(4101)
  std::error_code code;                        // v4::to_error_code(4101)
  std::error_condition condition;              // condition::tracking_exists
};

/// The objects as seen from one_definition_other.cpp.
seen_objects seen_from_other_unit();

/// The objects as seen from the calling translation unit (static: each unit has its own copy, so
/// a merged inline function cannot hide a difference).
static seen_objects seen_from_here() {
  namespace tk = trackingmore;
  return {
      {&tk::v2::category(), &tk::v3::category(), &tk::v4::category(), &tk::condition_category()},
      {tk::v2::codes.begin(), tk::v3::codes.begin(), tk::v4::codes.begin()},
      tk::v4::find(4101),
      tk::v4::to_error_code(4101),
      tk::condition::tracking_exists};
}
