// A unit that reaches two copies of the core header, FIRST and then the one on the include path.
#include FIRST
#include <trackingmore/status.hpp>

int main() { return trackingmore::v4::find(4101) == nullptr; }
