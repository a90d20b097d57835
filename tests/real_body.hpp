// A real response body of the seed corpus (tests/fuzz/corpus), as received.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

#include "catch.hpp"

inline std::string real_body(const std::string& name) {
  std::ifstream file(std::string(TRACKINGMORE_BODIES) + "/" + name, std::ios::binary);
  REQUIRE(file);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}
