// Every row of every table against tests/data, transcribed from the reference documentation.
#include <trackingmore/status.hpp>

#include <fstream>
#include <string>
#include <vector>

#include "catch.hpp"

namespace tk = trackingmore;

namespace {

std::vector<std::vector<std::string>> read_tsv(const std::string& file) {
  std::ifstream in(std::string(TRACKINGMORE_TEST_DATA) + "/" + file);
  REQUIRE(in);
  std::vector<std::vector<std::string>> rows;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells(1);
    for (const char c : line) {
      if (c == '\t') {
        cells.emplace_back();
      } else {
        cells.back() += c;
      }
    }
    rows.push_back(cells);
  }
  return rows;
}

tk::api_version version_named(const std::string& name) {
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    if (tk::name_of(v) == name) return v;
  }
  FAIL("unknown version " << name);
  return {};
}

}  // namespace

TEST_CASE("every documented code is in its table, field by field, in the documentation's order") {
  const auto rows = read_tsv("codes.tsv");
  REQUIRE(rows.size() == tk::v2::codes.size() + tk::v3::codes.size() + tk::v4::codes.size());
  std::size_t position[5] = {};
  for (const auto& r : rows) {
    REQUIRE(r.size() == 9);
    const tk::api_version version = version_named(r[0]);
    const int code = std::stoi(r[1]);
    INFO(r[0] << " " << code);
    const tk::code_table table = tk::codes_of(version);
    const std::size_t at = position[static_cast<int>(version)]++;
    REQUIRE(at < table.size());
    const tk::code_info& c = table.begin()[at];
    CHECK(c.code == code);
    CHECK(tk::find(version, code) == &c);
    CHECK(c.version == version);
    CHECK(c.name == r[2]);
    CHECK(c.type == r[3]);
    // A code documented without a message (v2 500) takes its type as message.
    CHECK(c.message == (r[4].empty() ? r[3] : r[4]));
    CHECK(c.http_status == std::stoi(r[5]));
    CHECK(static_cast<int>(c.http_class) == c.http_status / 100);
    CHECK(tk::name_of(c.condition) == r[6]);
    CHECK(tk::name_of(c.retry) == r[7]);
    CHECK(c.retry_after_s == static_cast<unsigned>(std::stoi(r[8])));
  }
  CHECK(position[2] == tk::v2::codes.size());
  CHECK(position[3] == tk::v3::codes.size());
  CHECK(position[4] == tk::v4::codes.size());
}

TEST_CASE("v2::message_pl is the Polish page's text, link labels removed") {
  const auto rows = read_tsv("v2_pl.tsv");
  REQUIRE(rows.size() == tk::v2::codes.size());
  for (const auto& r : rows) {
    REQUIRE(r.size() == 2);
    const int code = std::stoi(r[0]);
    INFO(code);
    // 500 has no message on either page; like message(), it falls back to the type.
    CHECK(tk::v2::message_pl(code) == (r[1].empty() ? tk::v2::find(code)->type : r[1]));
  }
  CHECK(tk::v2::message_pl(4101).empty());
  CHECK(tk::v2::message_pl(0).empty());
}

TEST_CASE("every enumerator of every version is its row's code and name") {
  std::size_t count[5] = {};
  // One line per row of codes.tsv (tests/CMakeLists.txt writes them), so the enumerators are
  // checked against the reference, not against the rows they were expanded with.
#define TRACKINGMORE_ENUMERATOR(version, enumerator, code)                     \
  {                                                                            \
    INFO(#version " " #enumerator);                                            \
    ++count[static_cast<int>(tk::api_version::version)];                       \
    STATIC_REQUIRE(static_cast<int>(tk::version::errc::enumerator) == (code)); \
    STATIC_REQUIRE(tk::version::find(code)->name == #enumerator);              \
    CHECK(tk::version::make_error_code(tk::version::errc::enumerator) ==       \
          tk::version::to_error_code(code));                                   \
  }
#include "enumerators.inc"
#undef TRACKINGMORE_ENUMERATOR
  CHECK(count[2] == tk::v2::codes.size());
  CHECK(count[3] == tk::v3::codes.size());
  CHECK(count[4] == tk::v4::codes.size());
}
