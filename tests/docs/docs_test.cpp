// The documentation cannot drift: the README's conditions table is the library's, and the built
// Doxygen site shows every code of tests/data/codes.tsv (transcribed from the reference, not from
// the header) on its version's page, cell by cell.
#include <trackingmore/status.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "catch.hpp"

namespace tk = trackingmore;

namespace {

std::string read_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  REQUIRE(file.good());
  return {std::istreambuf_iterator<char>(file), {}};
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts(1);
  for (const char c : text) {
    if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back() += c;
    }
  }
  return parts;
}

std::string trimmed(std::string s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && space(s.back())) s.pop_back();
  s.erase(0, static_cast<std::size_t>(std::find_if_not(s.begin(), s.end(), space) - s.begin()));
  return s;
}

std::string replaced(std::string text, std::string_view from, std::string_view to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

/// The text of an HTML table cell as a reader sees it: tags dropped, entities decoded.
std::string cell_text(const std::string& html) {
  std::string text = std::regex_replace(html, std::regex("<[^>]*>"), "");
  const std::pair<std::string_view, std::string_view> entities[] = {{"&lt;", "<"},
                                                                    {"&gt;", ">"},
                                                                    {"&quot;", "\""},
                                                                    {"&#39;", "'"},
                                                                    {"&amp;", "&"}};  // &amp; last
  for (const auto& [entity, c] : entities) {
    text = replaced(text, entity, c);
  }
  return trimmed(text);
}

constexpr tk::api_version versions[] = {tk::api_version::v2, tk::api_version::v3,
                                        tk::api_version::v4};

/// The README's cell of `v` in row `c` (0: success, else condition `c`): the version's documented
/// codes, sorted, that compare equal to it; "-" when there are none.
std::string table_cell(tk::api_version v, int c) {
  std::vector<int> codes;
  for (const tk::code_info& info : tk::codes_of(v)) {
    const std::error_code ec = tk::to_error_code(v, info.code);
    if (c == 0 ? !ec : ec == static_cast<tk::condition>(c)) codes.push_back(info.code);
  }
  std::sort(codes.begin(), codes.end());
  std::string cell;
  for (const int code : codes) cell += (cell.empty() ? "" : ", ") + std::to_string(code);
  return cell.empty() ? "-" : cell;
}

}  // namespace

TEST_CASE("the README's conditions table is the library's", "[readme]") {
  std::istringstream readme(read_file(TRACKINGMORE_SOURCE_DIR "/README.md"));
  std::string line;
  while (std::getline(readme, line) && line != "| condition | v2 | v3 | v4 |") {
  }
  REQUIRE(line == "| condition | v2 | v3 | v4 |");
  std::getline(readme, line);  // the delimiter row
  std::vector<std::string> rows;
  while (std::getline(readme, line) && line.rfind("| ", 0) == 0) rows.push_back(line);

  // Row 0 is success (`!ec`); row i names condition i.
  std::vector<std::string> expected;
  for (int c = 0; c <= static_cast<int>(tk::condition::retryable); ++c) {
    std::string row = c == 0
                          ? "| success (`!ec`)"
                          : "| `" + std::string(tk::name_of(static_cast<tk::condition>(c))) + "`";
    for (const tk::api_version v : versions) row += " | " + table_cell(v, c);
    expected.push_back(row + " |");
  }
  CHECK(rows == expected);
}

// Hidden ([.]): run by its tag only where the build has the site (../docs/CMakeLists.txt).
TEST_CASE("the docs show every documented code of every version", "[.][html]") {
  // tsv columns: version code name type message http_status condition retry retry_after_s
  std::map<std::string, std::vector<std::vector<std::string>>> documented;
  std::istringstream tsv(read_file(TRACKINGMORE_SOURCE_DIR "/tests/data/codes.tsv"));
  for (std::string line; std::getline(tsv, line);) {
    if (!line.empty() && line[0] != '#')
      documented[split(line, '\t')[0]].push_back(split(line, '\t'));
  }
  REQUIRE(documented.size() == 3);

  const std::regex row_pattern(R"(<tr class="markdownTableRow[^"]*">([\s\S]*?)</tr>)");
  const std::regex cell_pattern(R"(<td[^>]*>([\s\S]*?)</td>)");
  for (const auto& [version, rows] : documented) {
    const std::string page = read_file(TRACKINGMORE_DOCS_HTML "/codes_" + version + ".html");
    // Page rows by code: Code, Name, Type, Message, HTTP, Condition, Retry, Wait (s); the page
    // names the version.
    std::map<std::string, std::vector<std::string>> shown;
    for (std::sregex_iterator r(page.begin(), page.end(), row_pattern), end; r != end; ++r) {
      const std::string row = (*r)[1];
      std::vector<std::string> cells;
      for (std::sregex_iterator c(row.begin(), row.end(), cell_pattern); c != end; ++c) {
        cells.push_back(cell_text((*c)[1]));
      }
      REQUIRE(cells.size() == 8);
      shown[cells[0]] = cells;
    }
    CHECK(shown.size() == rows.size());
    for (const std::vector<std::string>& d : rows) {
      CAPTURE(version, d[1]);
      REQUIRE(shown.count(d[1]) == 1);
      const std::vector<std::string>& s = shown[d[1]];
      CHECK(s[1] == d[2]);
      CHECK(s[2] == d[3]);
      // Backticks become code spans; v2 500's empty message is its type.
      CHECK(s[3] == replaced(d[4].empty() ? d[3] : d[4], "`", ""));
      CHECK(s[4] == d[5]);
      CHECK(s[5] == d[6]);
      CHECK(s[6] == d[7]);
      CHECK(s[7] == d[8]);
    }
  }
}

TEST_CASE("the search box finds every documented code and every named HTTP status", "[.][html]") {
  std::string index;  // every file of entries of Doxygen's search box, search.cmake's included
  for (const auto& file : std::filesystem::directory_iterator(TRACKINGMORE_DOCS_HTML "/search")) {
    const std::string name = file.path().filename().string();
    if (name.rfind("all_", 0) == 0 && file.path().extension() == ".js") {
      index += read_file(file.path().string());
    }
  }
  REQUIRE(!index.empty());
  // A code leads to its row of its version's page.
  std::istringstream codes(read_file(TRACKINGMORE_SOURCE_DIR "/tests/data/codes.tsv"));
  for (std::string line; std::getline(codes, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> row = split(line, '\t');
    const std::string& version = row[0];
    const std::string& code = row[1];
    CAPTURE(version, code);
    std::string entry = "['";
    entry.append(code).append("',['../codes_").append(version).append(".html#codes_");
    entry.append(version).append("_").append(code).append("',1,'").append(version);
    entry.append(" <code>").append(row[2]).append("</code>: ");
    CHECK(index.find(entry) != std::string::npos);
  }
  // A named HTTP status leads to the section on HTTP statuses; a 2xx, a success, has no entry
  // (search.cmake reads `tmstatus --http`, which prints no reason phrase for a success).
  std::istringstream statuses(read_file(TRACKINGMORE_SOURCE_DIR "/tests/data/http_statuses.tsv"));
  for (std::string line; std::getline(statuses, line);) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> row = split(line, '\t');
    if (row[0][0] == '2') continue;
    CAPTURE(row[0]);
    CHECK(index.find("['" + row[0] + "',['../semantics.html#transport',1,'HTTP: " + row[1]) !=
          std::string::npos);
  }
}
