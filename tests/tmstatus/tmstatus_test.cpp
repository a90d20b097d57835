// tmstatus, run as a user runs it: its output for a few codes, every format of every table (JSON
// read back with nlohmann::json, CSV with an RFC 4180 reader), every error path, and its escaping.
#include "tmstatus.hpp"

#include <trackingmore/status.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <sys/wait.h>
#include <system_error>
#include <unistd.h>
#include <utility>
#include <vector>

#include "catch.hpp"
#include "real_body.hpp"

namespace tk = trackingmore;

namespace {

struct result {
  int status;
  std::string out, err;
};

/// The environment's `variable`, empty when it is not set. The Windows cell (tests/hardening) runs
/// these tests on its tmstatus.exe: TMSTATUS and TMSTATUS_WITHOUT_JSON name the programs,
/// TMSTATUS_EMULATOR the program that runs them (Wine).
std::string environment(const char* variable) {
  const char* value = std::getenv(variable);  // NOLINT(concurrency-mt-unsafe): read before threads
  return value != nullptr ? value : "";
}

/// Whether the tests run the programs through an emulator (Wine: they are Windows programs).
bool emulated() { return !environment("TMSTATUS_EMULATOR").empty(); }

/// The tmstatus the tests run.
std::string tmstatus() {
  const std::string named = environment("TMSTATUS");
  return named.empty() ? TMSTATUS : named;
}
/// The tmstatus built without nlohmann/json the tests run.
std::string tmstatus_without_json() {
  const std::string named = environment("TMSTATUS_WITHOUT_JSON");
  return named.empty() ? TMSTATUS_WITHOUT_JSON : named;
}

/// `text` with each "\r\n" made "\n": a Windows console program ends its lines with both.
std::string unix_lines(std::string text) {
  for (std::size_t at = 0; (at = text.find("\r\n", at)) != std::string::npos;) text.erase(at, 1);
  return text;
}

/// Runs tmstatus with `args`, each passed as one argument, and the file `input` (if any) as its
/// standard input.
result run_tmstatus(const std::vector<std::string>& args, const std::string& input = {},
                    const std::string& program = tmstatus()) {
  char err_path[] = "/tmp/tmstatus_test_XXXXXX";
  const int err_fd = mkstemp(err_path);
  REQUIRE(err_fd != -1);
  close(err_fd);
  std::string command = "'" + program + "'";
  if (emulated()) command = "'" + environment("TMSTATUS_EMULATOR") + "' " + command;
  for (const std::string& arg : args) command += " '" + arg + "'";  // no test argument has a '
  command += " 2>'" + std::string(err_path) + "'";
  if (!input.empty()) command += " <'" + input + "'";
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
  if (emulated()) {
    r.out = unix_lines(r.out);
    r.err = unix_lines(r.err);
  }
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

/// The usage error of --http or --response with what they do not take.
const char* const http_alone = "--http and --response take no CODE, --list, --format or each other";

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
        "Retry after (s):  0\n"
        "\n"
        "502 is documented by no API version; as an HTTP status it reads (tmstatus --http 502):\n"
        "HTTP status:      502\n"
        "Message:          HTTP 502 Bad Gateway\n"
        "Retry:            after_delay\n");

  // Documented elsewhere, not in the version asked.
  const result elsewhere = run_tmstatus({"--api", "v2", "4101"});
  CHECK(elsewhere.status == 1);
  CHECK(elsewhere.out.find("HTTP status it reads") == std::string::npos);

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
    // One version's rows: its page names the version, so no Version column; no HTTP class, which
    // the HTTP status shows.
    CHECK(rows[0] == "| Code | Name | Type | Message | HTTP | Condition | Retry | Wait (s) |");
    CHECK(rows[1] == "| --: | --- | --- | --- | --: | --- | --- | --: |");
    std::size_t i = 2;
    for (const tk::code_info& c : table) {
      const std::string& row = rows[i++];
      CHECK(row.rfind("| " + std::to_string(c.code) + " | `" + str(c.name) + "` | ", 0) == 0);
      CHECK(row.find(tmstatus::markdown_cell(c.message)) != std::string::npos);
    }
  }
}

TEST_CASE("a Markdown table of several versions keeps the Version column") {
  const result r = run_tmstatus({"429", "--format", "markdown"});  // documented by all three
  CHECK(r.status == 0);
  CHECK(r.out.rfind("| Version | Code | Name |", 0) == 0);
  CHECK(r.out.find("| `v2` | 429 |") != std::string::npos);
  CHECK(r.out.find("| `v4` | 429 |") != std::string::npos);
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
  // glibc opens a directory and fails the read; Windows' C library (tmstatus.exe, under Wine)
  // refuses to open it.
  const std::string directory_error = emulated() ? "Permission denied" : "Is a directory";
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
      {{"--http"}, "--http needs a value"},
      {{"--http", "abc"}, "not a status: 'abc' (expected a decimal integer such as 503)"},
      {{"--http=5.0"}, "not a status: '5.0' (expected a decimal integer such as 503)"},
      {{"--http", "2147483648"}, "status out of the range of int: '2147483648'"},
      {{"--http", "503", "4032"}, http_alone},
      {{"--http", "503", "--format", "json"}, http_alone},
      {{"--http", "503", "--list", "v4"}, http_alone},
      {{"--http", "503", "--api", "v4", "--response", "503", "-"}, http_alone},
      {{"--api", "v4", "--http", "503"},
       "--http STATUS takes no --api: HTTP is the same in every version"},
      {{"--retry-after"}, "--retry-after needs a value"},
      {{"--retry-after", "7", "4032"}, "--retry-after VALUE needs --response"},
      {{"--http", "503", "--retry-after=7"}, "--retry-after VALUE needs --response"},
      {{"--list", "v4", "--retry-after", "7"}, "--retry-after VALUE needs --response"},
      {{"--response", "200", "-", "--retry-after"}, "--retry-after needs a value"},
      {{"--response"}, "--response needs STATUS and FILE"},
      {{"--response", "5xx", "-"}, "not a status: '5xx' (expected a decimal integer such as 503)"},
      {{"--response", "503", "-", "--api", "v5"},
       "unknown API version 'v5' (expected v2, v3 or v4)"},
      {{"--api", "v4", "--response"}, "--response needs STATUS and FILE"},
      {{"--api", "v4", "--response", "200"}, "--response needs STATUS and FILE"},
      {{"--api", "v4", "--response", "OK", "-"},
       "not a status: 'OK' (expected a decimal integer such as 503)"},
      {{"--api", "v4", "--response", "200", "/nonexistent/body.json"},
       "cannot read '/nonexistent/body.json': No such file or directory"},
      {{"--api", "v4", "--response", "200", "/"}, "cannot read '/': " + directory_error},
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
    // The options for what logs hold.
    CHECK(r.out.find("[--api VERSION] --response STATUS FILE [--retry-after VALUE]") !=
          std::string::npos);
    CHECK(r.out.find("(default: v4, the\n                    current API") != std::string::npos);
    CHECK(r.out.find("  --retry-after VALUE\n") != std::string::npos);
    CHECK(r.out.find("that is an HTTP status with a name (502, 504, 522, 524, ...)") !=
          std::string::npos);
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

namespace {

/// A file holding `text`, removed when the test ends.
class temporary_file {
 public:
  explicit temporary_file(const std::string& text) {
    const int fd = mkstemp(path_);
    REQUIRE(fd != -1);
    close(fd);
    std::ofstream(path_, std::ios::binary) << text;
  }
  temporary_file(const temporary_file&) = delete;
  temporary_file& operator=(const temporary_file&) = delete;
  ~temporary_file() { CHECK(std::remove(path_) == 0); }
  std::string path() const { return path_; }

 private:
  char path_[32] = "/tmp/tmstatus_body_XXXXXX";
};

/// tmstatus --api `version` --response `status` on a file holding `body`.
result run_response(const std::string& version, int status, const std::string& body) {
  const temporary_file file(body);
  return run_tmstatus({"--api", version, "--response", std::to_string(status), file.path()});
}

/// The value of the line `title` of a text card: what follows "Title:" and its padding.
std::string line_of(const std::string& card, const std::string& title) {
  const std::size_t at = card.find(title + ':');
  if (at == std::string::npos) return "(no line " + title + ")";
  const std::size_t value = card.find_first_not_of(' ', at + title.size() + 1);
  return card.substr(value, card.find('\n', value) - value);
}

}  // namespace

TEST_CASE("the option --http explains an HTTP status as the library reads it, and exits 0") {
  const result limited = run_tmstatus({"--http", "429"});
  CHECK(limited.status == 0);
  CHECK(limited.err.empty());
  CHECK(limited.out ==
        "HTTP status:      429\n"
        "Category:         trackingmore.http\n"
        "Value:            429\n"
        "Message:          HTTP 429 Too Many Requests\n"
        "Condition:        rate_limited\n"
        "Retry:            after_delay\n"
        "Retry after (s):  120\n");
  CHECK(run_tmstatus({"--http=429"}).out == limited.out);

  // Cloudflare's 522 is a server error worth retrying; v3's 403 is "Page does not exist", HTTP's
  // a refusal.
  const result timed_out = run_tmstatus({"--http", "522"});
  CHECK(line_of(timed_out.out, "Message") == "HTTP 522 Connection Timed Out");
  CHECK(line_of(timed_out.out, "Condition") == "server_error");
  CHECK(line_of(timed_out.out, "Retry") == "after_delay");
  CHECK(line_of(run_tmstatus({"--http", "403"}).out, "Condition") == "access_denied");

  // Every integer is explained, each as the library reads it.
  for (const int status : {100, 200, 202, 301, 404, 409, 501, 599, 0, -1, 600, 2147483647}) {
    CAPTURE(status);
    const result r = run_tmstatus({"--http", std::to_string(status)});
    CHECK(r.status == 0);
    const std::error_code ec = tk::http::to_error_code(status);
    CHECK(line_of(r.out, "HTTP status") == std::to_string(status));
    CHECK(line_of(r.out, "Category") == (ec ? ec.category().name() : "-"));
    CHECK(line_of(r.out, "Value") == std::to_string(ec.value()));
    CHECK(line_of(r.out, "Message") == (ec ? ec.message() : "success"));
    CHECK(line_of(r.out, "Retry") == tk::name_of(tk::retry_advice_of(ec)));
  }
  CHECK(line_of(run_tmstatus({"--http", "0"}).out, "Category") == "trackingmore.response");
  CHECK(line_of(run_tmstatus({"--http", "-1"}).out, "Condition") == "-");
}

TEST_CASE("the option --response: the responses real traffic brings, each read right") {
  // v2, HTTP 202, body 200: a success, not v2's code 202.
  const result accepted = run_response("v2", 202, R"({"meta":{"code":200,"type":"Success"}})");
  CHECK(accepted.status == 0);
  CHECK(accepted.err.empty());
  CHECK(accepted.out ==
        "API version:      v2\n"
        "HTTP status:      202\n"
        "Category:         -\n"
        "Value:            0\n"
        "Message:          success\n"
        "Condition:        -\n"
        "Retry:            not_applicable\n"
        "Retry after (s):  0\n"
        "Decision:         do not retry\n"
        "Wait (s):         0\n");

  struct expected {
    std::string version;
    int status;
    std::string body;
    int exit_status;
    std::vector<std::pair<std::string, std::string>> lines;  // title, value
  };
  const expected cases[] = {
      // v3, HTTP 403, Cloudflare's page: an HTTP 403, access_denied, not retried.
      {"v3",
       403,
       real_body("cloudflare_403.html"),
       1,
       {{"Category", "trackingmore.http"},
        {"Value", "403"},
        {"Message", "HTTP 403 Forbidden"},
        {"Condition", "access_denied"},
        {"Retry", "after_account_action"},
        {"Decision", "do not retry"}}},
      // v4, HTTP 522, Cloudflare's page: retried after the first backoff, 0.5 s.
      {"v4",
       522,
       real_body("cloudflare_522.html"),
       1,
       {{"Message", "HTTP 522 Connection Timed Out"}, {"Decision", "retry"}, {"Wait (s)", "0.5"}}},
      // v4, HTTP 301: an HTTP status with no group, never retried.
      {"v4",
       301,
       real_body("redirect_301.html"),
       1,
       {{"Message", "HTTP 301 Moved Permanently"},
        {"Condition", "-"},
        {"Retry", "never"},
        {"Decision", "do not retry"}}},
      // v4, HTTP 200, meta.code 0: a failure, not retried.
      {"v4",
       200,
       R"({"meta":{"code":0}})",
       1,
       {{"Category", "trackingmore.response"},
        {"Message", tk::make_error_code(tk::response_errc::code_is_zero).message()},
        {"Decision", "do not retry"}}},
      // Every 429 waits TrackingMore's 120 s; a documented code is in its version's category.
      {"v4",
       429,
       real_body("v4_too_many_requests.json"),
       1,
       {{"Category", "trackingmore.v4"}, {"Decision", "retry"}, {"Wait (s)", "120"}}},
      {"v4",
       400,
       real_body("v4_tracking_exists.json"),
       1,
       {{"Value", "4101"}, {"Condition", "tracking_exists"}, {"Decision", "do not retry"}}},
      {"v4", 200, real_body("v4_success.json"), 0, {{"Message", "success"}}},
      {"v4", 200, "", 1, {{"Message", "the response body is not JSON"}}},  // never a success
  };
  for (const expected& c : cases) {
    CAPTURE(c.version, c.status, c.body);
    const result r = run_response(c.version, c.status, c.body);
    CHECK(r.status == c.exit_status);
    for (const auto& [title, value] : c.lines) CHECK(line_of(r.out, title) == value);
  }
}

TEST_CASE("the option --response reads standard input for '-'") {
  const temporary_file body(real_body("v4_tracking_exists.json"));
  const result r = run_tmstatus({"--api=v4", "--response=400", "-"}, body.path());
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(r.out == run_response("v4", 400, real_body("v4_tracking_exists.json")).out);
}

TEST_CASE("the option --response shows a batch's failed items by what to do about them") {
  const result r = run_response("v4", 200, real_body("v4_batch_four_groups.json"));
  CHECK(r.status == 1);
  CHECK(line_of(r.out, "Message") == "some items of the batch failed");
  CHECK(line_of(r.out, "Decision") == "do not retry");
  const std::string items = r.out.substr(r.out.find("Retry later:"));
  CHECK(items ==
        "Retry later:      9261290302951157303005 (trackingmore.v4 511: Server error. Please "
        "contact us: service@trackingmore.org.)\n"
        "Fix and resend:   92612903029511573030 (trackingmore.v4 4110: The value of "
        "tracking_number is invalid.)\n"
        "Fix and resend:   9261290302951157303006 (trackingmore.v4 4120: The value of "
        "courier_code is invalid.)\n"
        "Account action:   9261290302951157303004 (trackingmore.v4 4190: You are reaching the "
        "maximum quota limitation, please upgrade your current plan.)\n"
        "Already exists:   9261290302951157303002 (trackingmore.v4 4101: Tracking No. already "
        "exists.)\n");
}

TEST_CASE("a number no version documents that is a named HTTP status also reads as that status") {
  // What a log holds: 522 may be the response's HTTP status, not its meta.code.
  const result r = run_tmstatus({"522"});
  CHECK(r.status == 1);  // still undocumented
  CHECK(r.err.empty());
  const std::string tail =
      "Retry after (s):  0\n"
      "\n"
      "522 is documented by no API version; as an HTTP status it reads (tmstatus --http 522):\n"
      "HTTP status:      522\n"
      "Message:          HTTP 522 Connection Timed Out\n"
      "Retry:            after_delay\n";
  REQUIRE(r.out.size() > tail.size());
  CHECK(r.out.substr(r.out.size() - tail.size()) == tail);
  CHECK(r.out.find("Message:          undocumented TrackingMore v4 code 522\n") < r.out.find(tail));

  // The lines are --http's.
  for (const int status : {102, 207, 226, 425, 451, 502, 504, 507, 520, 524, 526}) {
    CAPTURE(status);
    const result n = run_tmstatus({std::to_string(status)});
    CHECK(n.status == 1);
    const std::string note = n.out.substr(n.out.find("\n\n" + std::to_string(status) + " is"));
    const std::string http = run_tmstatus({"--http", std::to_string(status)}).out;
    CHECK(line_of(note, "HTTP status") == line_of(http, "HTTP status"));
    CHECK(line_of(note, "Message") == line_of(http, "Message"));
    CHECK(line_of(note, "Retry") == line_of(http, "Retry"));
    CHECK(note.find("(tmstatus --http " + std::to_string(status) + ")") != std::string::npos);
  }

  // No note for a number without a name, a code some version documents (v2 503 included), or a
  // format other than text.
  for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
           {"4999"}, {"-7"}, {"527"}, {"4032"}, {"429"}, {"511"}, {"503"}}) {
    CAPTURE(args);
    CHECK(run_tmstatus(args).out.find("as an HTTP status it reads") == std::string::npos);
  }
  const result json = run_tmstatus({"--format", "json", "522"});
  CHECK(json.status == 1);
  CHECK(nlohmann::json::parse(json.out).size() == 3);  // nothing but the rows
}

TEST_CASE("the option --response without --api reads v4, the current API, and says so") {
  const temporary_file body(real_body("v4_too_many_requests.json"));
  const result r = run_tmstatus({"--response", "429", body.path()});
  CHECK(r.status == 1);
  CHECK(r.err.empty());
  CHECK(line_of(r.out, "API version") == "v4 (the current API, read when --api is not given)");
  CHECK(line_of(r.out, "Category") == "trackingmore.v4");
  CHECK(line_of(r.out, "Decision") == "retry");
  CHECK(line_of(r.out, "Wait (s)") == "120");
  // Everything else as --api v4 reads it.
  const std::string v4 = run_tmstatus({"--api", "v4", "--response", "429", body.path()}).out;
  CHECK(line_of(v4, "API version") == "v4");
  CHECK(r.out.substr(r.out.find('\n')) == v4.substr(v4.find('\n')));
  // --api still selects another version.
  CHECK(line_of(run_response("v2", 429, real_body("v4_too_many_requests.json")).out,
                "API version") == "v2");
}

namespace {

/// `t` as an IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT".
std::string imf_fixdate(std::chrono::system_clock::time_point t) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  REQUIRE(gmtime_r(&seconds, &utc) != nullptr);
  char text[64];
  REQUIRE(std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &utc) != 0);
  return text;
}

/// tmstatus --response `status` on a file holding `body`, with --retry-after `value`.
result with_retry_after(const std::string& value, int status, const std::string& body) {
  const temporary_file file(body);
  return run_tmstatus({"--response", std::to_string(status), file.path(), "--retry-after", value});
}

}  // namespace

TEST_CASE("the option --retry-after gives the response's Retry-After to the decision") {
  const std::string unavailable = real_body("proxy_502.html");
  // Delay-seconds: the wait, above the first backoff (0.5 s).
  const result seconds = with_retry_after("7", 503, unavailable);
  CHECK(seconds.status == 1);
  CHECK(seconds.err.empty());
  CHECK(line_of(seconds.out, "Retry-After") == "7 s, from '7'");
  CHECK(line_of(seconds.out, "Decision") == "retry");
  CHECK(line_of(seconds.out, "Wait (s)") == "7");
  CHECK(seconds.out.find("Retry-After:") < seconds.out.find("Decision:"));
  CHECK(run_tmstatus({"--response=503", "-", "--retry-after=7"}, temporary_file(unavailable).path())
            .out == seconds.out);
  // Without it, the backoff alone.
  const result none = run_tmstatus({"--response", "503", temporary_file(unavailable).path()});
  CHECK(none.out.find("Retry-After:") == std::string::npos);
  CHECK(line_of(none.out, "Wait (s)") == "0.5");
  // A 429 waits TrackingMore's 120 s however short the header's wait; a longer one wins.
  const std::string busy = real_body("v4_too_many_requests.json");
  CHECK(line_of(with_retry_after("7", 429, busy).out, "Wait (s)") == "120");
  CHECK(line_of(with_retry_after("300", 429, busy).out, "Wait (s)") == "300");
  // Above the default policy's max_wait (600 s): the client gives up.
  CHECK(line_of(with_retry_after("601", 503, unavailable).out, "Decision") == "do not retry");

  // An HTTP-date, read against the clock: 300 s from now (a second either way for the clock).
  const auto now = std::chrono::system_clock::now();
  const std::string in_5_minutes = imf_fixdate(now + std::chrono::seconds{300});
  const result date = with_retry_after(in_5_minutes, 503, unavailable);
  const std::string wait = line_of(date.out, "Wait (s)");
  CAPTURE(date.out);
  CHECK((wait == "299" || wait == "300" || wait == "301"));
  CHECK(line_of(date.out, "Retry-After") == wait + " s, from '" + in_5_minutes + "'");
  CHECK(line_of(date.out, "Decision") == "retry");
  // A date in the past asks for no wait.
  const result past = with_retry_after("Sun, 06 Nov 1994 08:49:37 GMT", 503, unavailable);
  CHECK(line_of(past.out, "Retry-After") == "0 s, from 'Sun, 06 Nov 1994 08:49:37 GMT'");
  CHECK(line_of(past.out, "Wait (s)") == "0.5");
  CHECK(line_of(with_retry_after("Sunday, 06-Nov-94 08:49:37 GMT", 503, unavailable).out,
                "Retry-After") == "0 s, from 'Sunday, 06-Nov-94 08:49:37 GMT'");

  // A value the library cannot read is reported and ignored, as a client ignores it.
  for (const std::string bad :
       {"soon", "", "-5", "1.5", "Sun, 31 Nov 1994 08:49:37 GMT", "99999999999999999999999"}) {
    CAPTURE(bad);
    const result r = with_retry_after(bad, 503, unavailable);
    CHECK(r.status == 1);
    CHECK(r.err.empty());
    CHECK(line_of(r.out, "Retry-After") ==
          "'" + bad + "' ignored: neither delay-seconds nor an HTTP-date");
    CHECK(line_of(r.out, "Decision") == "retry");
    CHECK(line_of(r.out, "Wait (s)") == "0.5");
  }
  // A success is not retried whatever the header says.
  CHECK(line_of(with_retry_after("7", 200, real_body("v4_success.json")).out, "Decision") ==
        "do not retry");
}

namespace {

/// Whether `text` holds a control character other than the line feeds that end its lines.
bool has_control_but_line_feed(const std::string& text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte < 0x20 && c != '\n') || byte == 0x7F;
  });
}

}  // namespace

TEST_CASE("text from a body is printed escaped: it drives no terminal and forges no line") {
  const std::string body =
      R"({"meta":{"code":200},"data":{"success":[],"error":[{"tracking_number":)"
      R"("A\u001b[31mRED\u001b[0m\nFAKE LINE: success","courier_code":"usps\u001b]0;x\u0007",)"
      R"("errorCode":4101,"errorMessage":"Tracking No. already exists.\r\nDecision: retry"}]}})";
  REQUIRE(nlohmann::json::parse(body)["data"]["error"][0]["tracking_number"] ==
          "A\x1b[31mRED\x1b[0m\nFAKE LINE: success");
  const result r = run_tmstatus({"--response", "200", temporary_file(body).path()});
  CHECK(r.status == 1);
  CHECK(!has_control_but_line_feed(r.out));
  CHECK(r.out.find("\nFAKE LINE") == std::string::npos);  // no line of its own
  CHECK(line_of(r.out, "Already exists") ==
        R"(A\u001b[31mRED\u001b[0m\nFAKE LINE: success (trackingmore.v4 4101: Tracking No. )"
        R"(already exists.))");
  CHECK(line_of(r.out, "Decision") == "do not retry");

  // The Retry-After value, perhaps pasted from a log, is escaped too.
  const result header =
      with_retry_after("7\x1b[2J\nFORGED: give up", 503, real_body("proxy_502.html"));
  CHECK(!has_control_but_line_feed(header.out));
  CHECK(line_of(header.out, "Retry-After") ==
        R"('7\u001b[2J\nFORGED: give up' ignored: neither delay-seconds nor an HTTP-date)");
  CHECK(header.out.find("\nFORGED") == std::string::npos);
}

TEST_CASE("a tmstatus built without nlohmann/json says so and refuses --response") {
  const result help = run_tmstatus({"--help"}, {}, tmstatus_without_json());
  CHECK(help.status == 0);
  const std::string note =
      "This tmstatus was built without nlohmann/json: --response is not available.";
  CHECK(help.out.find(note) != std::string::npos);
  CHECK(run_tmstatus({"--help"}).out.find(note) == std::string::npos);

  const result refused =
      run_tmstatus({"--api", "v4", "--response", "200", "-"}, {}, tmstatus_without_json());
  CHECK(refused.status == 2);
  CHECK(refused.out.empty());
  CHECK(refused.err ==
        usage_error("--response needs nlohmann/json: this tmstatus was built without it"));
  CHECK(run_tmstatus({"--http", "503"}, {}, tmstatus_without_json()).out ==
        run_tmstatus({"--http", "503"}).out);
}
