// The second translation unit of one_definition_test: it includes the header too.
#include "one_definition.hpp"

seen_objects seen_from_other_unit() { return seen_from_here(); }
