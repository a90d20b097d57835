// Includes Catch2 2 or 3, whichever the build found, so each test is written once.
#pragma once
#if TRACKINGMORE_CATCH2_MAJOR == 3
#include <catch2/catch_test_macros.hpp>
#else
#ifdef TRACKINGMORE_CATCH_MAIN
#define CATCH_CONFIG_RUNNER
#endif
#include <catch2/catch.hpp>
#endif
