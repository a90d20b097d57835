// The one translation unit that holds Catch2 2's main (Catch2 3 brings its own).
#define TRACKINGMORE_CATCH_MAIN
#include "catch.hpp"
