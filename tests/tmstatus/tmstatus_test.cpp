// tmstatus, run as a user runs it: its output for a few codes, every format of every table (JSON
// read back with nlohmann::json, CSV with an RFC 4180 reader), every error path, and its escaping.
#include "tmstatus.hpp"

#include <trackingmore/status.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "catch.hpp"

namespace tk = trackingmore;

namespace {

struct result {
  int status;
  std::string out, err;
};

/// Runs tmstatus with `args`, each passed as one argument.
result run_tmstatus(const std::vector<std::string>& args) {
  char err_path[] = "/tmp/tmstatus_test_XXXXXX";
  const int err_fd = mkstemp(err_path);
  REQUIRE(err_fd != -1);
  close(err_fd);
  std::string command = "'" TMSTATUS "'";
  for (const std::string& arg : args) command += " '" + arg + "'";  // no test argument has a '
  command += " 2>'" + std::string(err_path) + "'";
  // NOLINTNEXTLINE(cert-env33-c): a shell runs the built tmstatus, with the tests' own arguments
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  result r{};
  char buffer[4096];
  for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) != 0;)
    r.out.append(buffer, n);
  const int wait_status = pclose(pipe);
  REQUIRE(WIFEXITED(wait_status));
  r.status = WEXITSTATUS(wait_status);
  std::ifstream err_file(err_path, std::ios::binary);
  r.err.assign(std::istreambuf_iterator<char>(err_file), {});
  CHECK(std::remove(err_path) == 0);
  return r;
}

/// Reads RFC 4180 CSV: records of fields, quoted fields unquoted.
std::vector<std::vector<std::string>> read_csv(std::string_view text) {
  std::vector<std::vector<std::string>> records(1, std::vector<std::string>(1));
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    std::string& field = records.back().back();
    if (quoted) {
      if (c != '"') {
        field += c;
      } else if (i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else {
        quoted = false;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      records.back().emplace_back();
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      ++i;
      if (i + 1 < text.size()) records.emplace_back(1);
    } else {
      REQUIRE(c != '\n');  // records end with CRLF
      field += c;
    }
  }
  return records;
}

std::string str(std::string_view s) { return std::string(s); }

constexpr tk::api_version versions[] = {tk::api_version::v2, tk::api_version::v3,
                                        tk::api_version::v4};

/// What tmstatus prints on stderr for bad usage: `message`, then the hint.
std::string usage_error(std::string_view message) {
  std::string text = "tmstatus: ";
  text.append(message).append("\nTry 'tmstatus --help' for usage.\n");
  return text;
}

}  // namespace

TEST_CASE("a code documented in one version is explained from the table") {
  const result r = run_tmstatus({"4032"});
  CHECK(r.status == 0);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "Version:          v2\n"
        "Code:             4032\n"
        "Name:             carrier_not_detected\n"
        "Type:             No Content\n"
        "Message:          Cannot detect courier. Assign your shipment a courier instead of by "
        "auto detection.\n"
        "HTTP status:      204\n"
        "HTTP class:       success\n"
        "Condition:        courier_not_detected\n"
        "Retry:            after_fixing_request\n"
        "Retry after (s):  0\n");
}

TEST_CASE("a code documented in several versions shows each version") {
  const result r = run_tmstatus({"--format", "json", "429"});
  CHECK(r.status == 0);
  const nlohmann::json rows = nlohmann::json::parse(r.out);
  REQUIRE(rows.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(rows[i]["version"] == str(tk::name_of(versions[i])));
    CHECK(rows[i]["name"] == "too_many_requests");
    CHECK(rows[i]["condition"] == "rate_limited");
    CHECK(rows[i]["retry"] == "after_delay");
    CHECK(rows[i]["retry_after_s"] == 120);
  }
  // A code of two versions out of three shows those two.
  const nlohmann::json not_found =
      nlohmann::json::parse(run_tmstatus({"--format=json", "404"}).out);
  CHECK(not_found.size() == 3);
  const nlohmann::json v2_only = nlohmann::json::parse(run_tmstatus({"--format=json", "409"}).out);
  REQUIRE(v2_only.size() == 1);
  CHECK(v2_only[0]["version"] == "v2");
}

TEST_CASE("the option --api limits the explanation to one version") {
  const result r = run_tmstatus({"--api", "v4", "4101"});
  CHECK(r.status == 0);
  CHECK(r.out.find("Version:          v4\n") == 0);
  CHECK(r.out.find("Name:             tracking_exists\n") != std::string::npos);
  CHECK(r.out.find("v2") == std::string::npos);
  CHECK(run_tmstatus({"--api=4", "4101"}).out == r.out);
}

TEST_CASE("an undocumented code is explained by the library's rules and exits 1") {
  const result r = run_tmstatus({"--api", "v4", "502"});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out ==
        "Version:          v4\n"
        "Code:             502\n"
        "Name:             -\n"
        "Type:             -\n"
        "Message:          undocumented TrackingMore v4 code 502\n"
        "HTTP status:      500\n"
        "HTTP class:       server_error\n"
        "Condition:        server_error\n"
        "Retry:            after_delay\n"
        "Retry after (s):  0\n");

  // Documented elsewhere, not in the version asked.
  CHECK(run_tmstatus({"--api", "v2", "4101"}).status == 1);

  // Documented nowhere: how each version treats it.
  const result nowhere = run_tmstatus({"--format", "json", "-7"});
  CHECK(nowhere.status == 1);
  const nlohmann::json rows = nlohmann::json::parse(nowhere.out);
  REQUIRE(rows.size() == 3);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(rows[i]["version"] == str(tk::name_of(versions[i])));
    CHECK(rows[i]["code"] == -7);
    CHECK(rows[i]["name"].is_null());
    CHECK(rows[i]["condition"].is_null());
    CHECK(rows[i]["retry"] == "never");
    CHECK(rows[i]["message"] == tk::category(versions[i]).message(-7));
  }
}

TEST_CASE("JSON tables are valid JSON holding every row of the library's table") {
  for (const tk::api_version v : versions) {
    const result r = run_tmstatus({"--list", str(tk::name_of(v)), "--format", "json"});
    CHECK(r.status == 0);
    const nlohmann::json rows = nlohmann::json::parse(r.out);  // throws on invalid JSON
    const tk::code_table table = tk::codes_of(v);
    REQUIRE(rows.size() == table.size());
    std::size_t i = 0;
    for (const tk::code_info& c : table) {
      const nlohmann::json& row = rows[i++];
      CHECK(row.size() == tmstatus::fields.size());
      CHECK(row["version"] == str(tk::name_of(v)));
      CHECK(row["code"] == c.code);
      CHECK(row["name"] == str(c.name));
      CHECK(row["type"] == str(c.type));
      CHECK(row["message"] == str(c.message));
      CHECK(row["http_status"] == c.http_status);
      CHECK(row["http_class"] == str(tk::name_of(c.http_class)));
      if (c.condition == tk::no_condition) {
        CHECK(row["condition"].is_null());
      } else {
        CHECK(row["condition"] == str(tk::name_of(c.condition)));
      }
      CHECK(row["retry"] == str(tk::name_of(c.retry)));
      CHECK(row["retry_after_s"] == c.retry_after_s);
    }
  }
}

TEST_CASE("CSV tables have one header row and every row, RFC 4180 quoted") {
  for (const tk::api_version v : versions) {
    const result r = run_tmstatus({"--list", str(tk::name_of(v)), "--format", "csv"});
    CHECK(r.status == 0);
    const auto records = read_csv(r.out);
    const tk::code_table table = tk::codes_of(v);
    REQUIRE(records.size() == table.size() + 1);
    CHECK(records[0] == std::vector<std::string>{"version", "code", "name", "type", "message",
                                                 "http_status", "http_class", "condition", "retry",
                                                 "retry_after_s"});
    std::size_t i = 1;
    for (const tk::code_info& c : table) {
      const std::vector<std::string>& record = records[i++];
      REQUIRE(record.size() == 10);
      CHECK(record[1] == std::to_string(c.code));
      CHECK(record[2] == c.name);
      CHECK(record[4] == c.message);  // some hold commas: quoted, then read back whole
      CHECK(record[7] == tk::name_of(c.condition));
    }
  }
}

TEST_CASE("Markdown tables have a header, a delimiter row and one row per code") {
  for (const tk::api_version v : versions) {
    const result r = run_tmstatus({"--list", str(tk::name_of(v)), "--format", "markdown"});
    CHECK(r.status == 0);
    std::istringstream lines(r.out);
    std::vector<std::string> rows;
    for (std::string line; std::getline(lines, line);) rows.push_back(line);
    const tk::code_table table = tk::codes_of(v);
    REQUIRE(rows.size() == table.size() + 2);
    CHECK(rows[0].rfind("| Version | Code | Name | Type | Message |", 0) == 0);
    CHECK(rows[1] == "| --- | --: | --- | --- | --- | --: | --- | --- | --- | --: |");
    std::size_t i = 2;
    for (const tk::code_info& c : table) {
      const std::string& row = rows[i++];
      CHECK(row.rfind("| `" + str(tk::name_of(v)) + "` | " + std::to_string(c.code) + " | `" +
                          str(c.name) + "` | ",
                      0) == 0);
      CHECK(row.find(tmstatus::markdown_cell(c.message)) != std::string::npos);
    }
  }
}

TEST_CASE("the text table shows every row") {
  const result r = run_tmstatus({"--list", "v3"});
  CHECK(r.status == 0);
  std::size_t cards = 0;
  for (std::size_t at = 0; (at = r.out.find("Version:          v3\n", at)) != std::string::npos;
       ++at) {
    ++cards;
  }
  CHECK(cards == tk::v3::codes.size());
}

TEST_CASE("bad input prints one line and a usage hint on stderr, and exits 2") {
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases{
      {{}, "no CODE given"},
      {{"abc"}, "not a code: 'abc' (expected a decimal integer such as 4032)"},
      {{""}, "not a code: '' (expected a decimal integer such as 4032)"},
      {{"12abc"}, "not a code: '12abc' (expected a decimal integer such as 4032)"},
      {{"+5"}, "not a code: '+5' (expected a decimal integer such as 4032)"},
      {{" 5"}, "not a code: ' 5' (expected a decimal integer such as 4032)"},
      {{"-"}, "not a code: '-' (expected a decimal integer such as 4032)"},
      {{"2147483648"}, "code out of the range of int: '2147483648'"},
      {{"-2147483649"}, "code out of the range of int: '-2147483649'"},
      {{"99999999999999999999"}, "code out of the range of int: '99999999999999999999'"},
      {{"--api", "v9", "1"}, "unknown API version 'v9' (expected v2, v3 or v4)"},
      {{"--list", "V2"}, "unknown API version 'V2' (expected v2, v3 or v4)"},
      {{"--api"}, "--api needs a value"},
      {{"--list"}, "--list needs a value"},
      {{"--format", "xml", "1"}, "unknown format 'xml' (expected text, markdown, json or csv)"},
      {{"--bogus"}, "unknown option '--bogus'"},
      {{"-x", "1"}, "unknown option '-x'"},
      {{"4032", "429"}, "one CODE at a time: '429' follows 4032"},
      {{"--list", "v2", "4032"}, "--list VERSION takes neither CODE nor --api"},
      {{"--api", "v2", "--list", "v2"}, "--list VERSION takes neither CODE nor --api"},
  };
  for (const auto& [args, message] : cases) {
    CAPTURE(args);
    const result r = run_tmstatus(args);
    CHECK(r.status == 2);
    CHECK(r.out.empty());
    CHECK(r.err == usage_error(message));
  }
}

TEST_CASE("the options --help and --version behave as people expect") {
  for (const std::string flag : {"--help", "-h"}) {
    const result r = run_tmstatus({flag});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out.rfind("usage: tmstatus [--api VERSION] [--format FORMAT] CODE\n", 0) == 0);
  }
  const result version = run_tmstatus({"--version"});
  CHECK(version.status == 0);
  CHECK(version.out == "tmstatus " TRACKINGMORE_PROJECT_VERSION
                       "\n");  // the header agrees with CMake
}

TEST_CASE("JSON strings escape quotes, backslashes and control characters, and keep UTF-8") {
  const std::string text = "a \"quote\", a \\ backslash\n\t\x01 and 「UTF-8」 ż";
  CHECK(tmstatus::json_string(text) ==
        R"("a \"quote\", a \\ backslash\n\t\u0001 and 「UTF-8」 ż")");
  CHECK(nlohmann::json::parse(tmstatus::json_string(text)) == text);
  CHECK(tmstatus::json_string("") == R"("")");
}

TEST_CASE("CSV fields are quoted only when RFC 4180 requires it") {
  CHECK(tmstatus::csv_field("Tracking already exists.") == "Tracking already exists.");
  CHECK(tmstatus::csv_field("a, b") == "\"a, b\"");
  CHECK(tmstatus::csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(tmstatus::csv_field("two\r\nlines") == "\"two\r\nlines\"");
  CHECK(tmstatus::csv_field("").empty());
  CHECK(read_csv(tmstatus::csv_field("x, \"y\"\r\nz") + "\r\n") ==
        std::vector<std::vector<std::string>>{{"x, \"y\"\r\nz"}});
}

TEST_CASE("Markdown cells escape markup outside code spans and `|` everywhere") {
  CHECK(tmstatus::markdown_cell("The value of `tracking_number` is invalid.") ==
        "The value of `tracking_number` is invalid.");
  CHECK(tmstatus::markdown_cell("a|b `c|d`") == "a\\|b `c\\|d`");
  CHECK(tmstatus::markdown_cell("Contact service@trackingmore.org") ==
        "Contact service\\@trackingmore.org");
  CHECK(tmstatus::markdown_cell("Tracking_number <b> & #1 *x* [y] 5% $ \\") ==
        "Tracking\\_number \\<b\\> \\& \\#1 \\*x\\* \\[y\\] 5\\% \\$ \\\\");
  CHECK(tmstatus::markdown_cell("`a_b` c_d") == "`a_b` c\\_d");
  CHECK(tmstatus::markdown_cell("one\ntwo\r\n") == "one two  ");
}
