// Two versions of the library in one program: abi_current (built with include/) and abi_variant
// (built with a bundled copy of another version, one more v4 code and one changed message), linked
// in the order TRACKINGMORE_ABI_ORDER names. Each must answer with its own table, and a code made
// by either must compare right with the other's enumerators and conditions. This program does not
// include the header: its answers come from the libraries only.
#include <string>
#include <utility>

#include "abi_library.hpp"
#include "catch.hpp"

namespace {
std::string abi_namespace(const abi_library& l) {
  return "abi_v" + std::to_string(l.major) + "_" + std::to_string(l.minor) + "_" +
         std::to_string(l.patch);
}
}  // namespace

TEST_CASE("each library has its version, and its namespace follows it (" TRACKINGMORE_ABI_ORDER
          ")") {
  const abi_library current = abi_current();
  const abi_library variant = abi_variant();
  CHECK(std::make_pair(current.major, current.minor) !=
        std::make_pair(variant.major, variant.minor));
  const std::string current_type = current.code_info_type;
  const std::string variant_type = variant.code_info_type;
  INFO(abi_namespace(current) << ": " << current_type << ", " << abi_namespace(variant) << ": "
                              << variant_type);
#ifdef TRACKINGMORE_STATUS_NO_ABI_NAMESPACE
  // The opt-out: one plain `trackingmore` for both, as before the inline namespace.
  CHECK(current_type == variant_type);
  CHECK(current_type.find("abi_v") == std::string::npos);
#else
  CHECK(current_type.find(abi_namespace(current)) != std::string::npos);
  CHECK(variant_type.find(abi_namespace(variant)) != std::string::npos);
  CHECK(current_type != variant_type);
#endif
}

#ifndef TRACKINGMORE_STATUS_NO_ABI_NAMESPACE
TEST_CASE("each library answers with its own table (" TRACKINGMORE_ABI_ORDER ")") {
  const abi_library current = abi_current();
  const abi_library variant = abi_variant();
  CHECK(variant.v4_count == current.v4_count + 1);
  CHECK(current.v4_name(4104).empty());
  CHECK(variant.v4_name(4104) == "variant_only");
  CHECK(current.v4_message(4104) == "undocumented TrackingMore v4 code 4104");
  CHECK(variant.v4_message(4104) == "A code only the variant documents.");
  CHECK(current.v4_name(4101) == "tracking_exists");
  CHECK(variant.v4_name(4101) == "tracking_exists");
  CHECK(current.v4_message(4101) == "Tracking No. already exists.");
  CHECK(variant.v4_message(4101) == "The tracking number already exists (variant).");
}

TEST_CASE(
    "a code made by either compares right with the other's errc and conditions "
    "(" TRACKINGMORE_ABI_ORDER ")") {
  const abi_library current = abi_current();
  const abi_library variant = abi_variant();
  using pair = std::pair<abi_library, abi_library>;  // clang 14 deduces no pair in a braced list
  for (const auto& [maker, reader] : {pair{current, variant}, pair{variant, current}}) {
    INFO("made by " << abi_namespace(maker) << ", read by " << abi_namespace(reader));
    const std::error_code exists = maker.v4_code(4101);
    CHECK(reader.is_v4(exists, 4101));
    CHECK_FALSE(reader.is_v4(exists, 4102));
    CHECK(reader.is_condition(exists, "tracking_exists"));
    CHECK_FALSE(reader.is_condition(exists, "tracking_not_found"));
    CHECK_FALSE(reader.is_condition(exists, "retryable"));
    CHECK(reader.retry_advice_of(exists) == "never");
    // A code carries its category, and so its maker's messages, wherever it is read.
    CHECK(exists.message() == maker.v4_message(4101));

    const std::error_code busy = maker.v4_code(429);
    CHECK(reader.is_v4(busy, 429));
    CHECK(reader.is_condition(busy, "rate_limited"));
    CHECK(reader.is_condition(busy, "retryable"));
    CHECK(reader.retry_advice_of(busy) == "after_delay");

    CHECK_FALSE(reader.is_v4(maker.v4_code(200), 4101));
    CHECK_FALSE(reader.is_condition(maker.v4_code(200), "tracking_exists"));
  }
  // The code only the variant documents is, compared by the other library, what its maker says.
  const std::error_code only = variant.v4_code(4104);
  CHECK(current.is_v4(only, 4104));
  CHECK(current.is_condition(only, "limit_exceeded"));
  CHECK_FALSE(current.is_condition(current.v4_code(4104), "limit_exceeded"));
  CHECK_FALSE(current.is_condition(only, "retryable"));
  CHECK(only.message() == "A code only the variant documents.");
}
#endif
