// A v2 errc and a v4 errc are different codes: comparing them is a mistake the compiler catches.
// error: no match for .operator==. \(operand types are .trackingmore::(abi_v[0-9_]+::)?v2::errc. and .trackingmore::(abi_v[0-9_]+::)?v4::errc.\)
// error: invalid operands to binary expression \(.trackingmore::(abi_v[0-9_]+::)?v2::errc. and .trackingmore::(abi_v[0-9_]+::)?v4::errc.\)
#include <trackingmore/status.hpp>

bool misuse() {
  return trackingmore::v2::errc::tracking_exists == trackingmore::v4::errc::tracking_exists;
}
