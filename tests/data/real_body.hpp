// A real response body of tests/data/bodies, as received: what the JSON, end-to-end and docs tests
// answer with, and the fuzz tests' seed corpus.
#pragma once
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

/// The file `name` of tests/data/bodies; throws std::runtime_error if it cannot be read.
inline std::string real_body(const std::string& name) {
  const std::string path = std::string(TRACKINGMORE_BODIES) + "/" + name;
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read the test body " + path);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}
