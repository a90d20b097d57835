// One corpus, one expected answer, every adapter: each body of tests/data/bodies, read with the
// versions and HTTP statuses tests/data/body_answers.tsv names, must give that file's answers
// through every JSON adapter (every_adapter.hpp), and the same item fields through each.
#include <boost/json/src.hpp>  // Boost.JSON, header-only, compiled here once
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../catch.hpp"
#include "every_adapter.hpp"
#include "real_body.hpp"

namespace {

namespace tk = trackingmore;
using every_adapter::query;
using every_adapter::reading;

// Every member is read by the test case (cppcheck's unusedStructMember misses it).
struct expected_answer {
  // cppcheck-suppress unusedStructMember
  int line;
  query q;
  // cppcheck-suppress unusedStructMember
  reading answer;  // item_fields unused: the adapters must agree on them
};

tk::api_version version_named(const std::string& name) {
  if (name == "v2") return tk::api_version::v2;
  if (name == "v3") return tk::api_version::v3;
  if (name == "v4") return tk::api_version::v4;
  throw std::runtime_error("body_answers.tsv: no version " + name);
}

/// tests/data/body_answers.tsv, by body file name.
std::map<std::string, std::vector<expected_answer>> answers() {
  std::ifstream file(TRACKINGMORE_BODY_ANSWERS);
  if (!file) throw std::runtime_error("cannot read " TRACKINGMORE_BODY_ANSWERS);
  std::map<std::string, std::vector<expected_answer>> by_body;
  std::string row;
  for (int line = 1; std::getline(file, row); ++line) {
    if (row.empty() || row[0] == '#') continue;
    std::vector<std::string> cells;
    std::istringstream in(row);
    for (std::string cell; std::getline(in, cell, '\t');) cells.push_back(cell);
    if (cells.size() != 7) {
      throw std::runtime_error("body_answers.tsv:" + std::to_string(line) + ": not 7 cells");
    }
    by_body[cells[0]].push_back({line,
                                 {version_named(cells[1]), std::stoi(cells[2])},
                                 {cells[3], cells[4], cells[5], "", cells[6]}});
  }
  return by_body;
}

}  // namespace

TEST_CASE("every adapter gives each body's expected answers") {
  const auto by_body = answers();
  REQUIRE(by_body.size() > 40);
  for (const auto& [name, expected] : by_body) {
    const std::string text = real_body(name);
    std::vector<query> queries;
    for (const expected_answer& e : expected) queries.push_back(e.q);
    std::vector<reading> reference;
    for (const every_adapter::adapter& a : every_adapter::adapters) {
      const std::vector<reading> got = a.read(text, queries);
      REQUIRE(got.size() == expected.size());
      for (std::size_t i = 0; i < got.size(); ++i) {
        INFO(a.name << " reads " << name << " as " << tk::name_of(expected[i].q.version)
                    << " with HTTP " << expected[i].q.http_status
                    << " (body_answers.tsv:" << expected[i].line << ")");
        CHECK(got[i].error_code == expected[i].answer.error_code);
        CHECK(got[i].batch == expected[i].answer.batch);
        CHECK(got[i].items == expected[i].answer.items);
        CHECK(got[i].triage == expected[i].answer.triage);
        if (!reference.empty()) CHECK(got[i].item_fields == reference[i].item_fields);
      }
      if (reference.empty()) reference = got;
    }
  }
}

TEST_CASE("every body of the corpus has its answers") {
  const auto by_body = answers();
  std::set<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(TRACKINGMORE_BODIES)) {
    files.insert(entry.path().filename().string());
  }
  for (const std::string& file : files) {
    INFO(file);
    CHECK(by_body.count(file) == 1);
  }
  for (const auto& [name, expected] : by_body) {
    INFO(name);
    CHECK(files.count(name) == 1);
  }
}
