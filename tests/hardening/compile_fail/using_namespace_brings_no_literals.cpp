// Opening the library's namespaces brings no literal operator: ""sv stays std's, opt-in.
// error: unable to find string literal operator .operator""sv.
// error: no matching literal operator for call to 'operator""sv'
#include <trackingmore/status.hpp>

using namespace trackingmore;
using namespace trackingmore::v4;

auto misuse() { return "leaked"sv; }
