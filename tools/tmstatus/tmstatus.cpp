// tmstatus: explains a TrackingMore response code, an HTTP status or a whole response, or prints a
// version's whole table.
//
//   tmstatus 4032                              every version that documents 4032
//   tmstatus --api v4 502                      how v4 treats 502 (undocumented: exit status 1)
//   tmstatus --list v2 --format json           the whole v2 table, for other languages
//   tmstatus --http 522                        how the library reads an HTTP status
//   tmstatus --api v4 --response 429 body.json a response: its error_code and retry decision
//
// Exit status: 0 success, 1 the code is documented by none of the versions asked (or the response
// is a failure), 2 bad usage. Every text printed comes from the library (see tmstatus.hpp).
//
// --response reads JSON with the library's nlohmann/json adapter: it is built in when
// TRACKINGMORE_STATUS_TMSTATUS_JSON is 1, which CMake sets when it finds nlohmann_json and which
// otherwise follows whether <nlohmann/json.hpp> can be included.
#ifndef TRACKINGMORE_STATUS_TMSTATUS_JSON
#if __has_include(<nlohmann/json.hpp>)
#define TRACKINGMORE_STATUS_TMSTATUS_JSON 1
#else
#define TRACKINGMORE_STATUS_TMSTATUS_JSON 0
#endif
#endif

#include "tmstatus.hpp"

#if TRACKINGMORE_STATUS_TMSTATUS_JSON
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/retry.hpp>
#endif

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace {

namespace tk = trackingmore;

constexpr std::string_view usage = R"(usage: tmstatus [--api VERSION] [--format FORMAT] CODE
       tmstatus --list VERSION [--format FORMAT]
       tmstatus --http STATUS
       tmstatus --api VERSION --response STATUS FILE
       tmstatus --help | --version

Explains a TrackingMore API response code (meta.code) as the trackingmore-status library reads it:
name, documented type and message, HTTP status and class, condition, retry advice and wait.

  CODE              a decimal integer in the range of int, such as 4032 or -1 ('+' is refused,
                    as JSON refuses it)
  --api VERSION     explain CODE for one API version only: v2, v3 or v4 (or 2, 3, 4);
                    default: every version that documents CODE, or all three when none does
  --list VERSION    print every documented code of VERSION instead
  --format FORMAT   text (default), markdown (short headings; no Version column when every row
                    is of one version), json (an array of objects; absent values are null) or
                    csv (RFC 4180, one header row)
  --http STATUS     explain an HTTP status instead (any integer): its error_code (category
                    trackingmore.http; a 2xx is a success), condition, retry advice and wait
  --response STATUS FILE
                    explain a whole response of the API version --api names: HTTP STATUS with
                    the body in FILE ('-': standard input), as the library's error_code_of reads
                    it (batch_error_code_of: a batch with failed items fails), the first retry
                    decision of decide() under the default policy, and a batch's failed items by
                    what to do about them (triage)
  --help            print this help
  --version         print the version

Exit status: 0 success, 1 CODE is documented by none of the versions shown (it is explained by
the library's rules for undocumented codes) or the response is a failure, 2 bad usage (an
unreadable FILE included). --http exits 0 for any integer STATUS.
)";

#if !TRACKINGMORE_STATUS_TMSTATUS_JSON
constexpr std::string_view without_json =
    "\nThis tmstatus was built without nlohmann/json: --response is not available.\n";
#endif

constexpr tk::api_version all_versions[] = {tk::api_version::v2, tk::api_version::v3,
                                            tk::api_version::v4};

/// Bad usage: its message is the one line printed before the usage hint.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// `s` as an int; `what` names it in the messages, and `example` shows one.
int parse_int(std::string_view s, const std::string& what, std::string_view example) {
  int value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec == std::errc::result_out_of_range) {
    throw usage_error(what + " out of the range of int: " + quoted(s));
  }
  if (ec != std::errc{} || end != s.data() + s.size()) {
    throw usage_error("not a " + what + ": " + quoted(s) + " (expected a decimal integer such as " +
                      std::string(example) + ")");
  }
  return value;
}

int parse_code(std::string_view s) { return parse_int(s, "code", "4032"); }
int parse_status(std::string_view s) { return parse_int(s, "status", "503"); }

tk::api_version parse_version(std::string_view s) {
  for (const tk::api_version v : all_versions) {
    if (s == tk::name_of(v) || s == tk::name_of(v).substr(1)) return v;
  }
  throw usage_error("unknown API version " + quoted(s) + " (expected v2, v3 or v4)");
}

tmstatus::format parse_format(std::string_view s) {
  for (std::size_t i = 0; i < tmstatus::format_names.size(); ++i) {
    if (s == tmstatus::format_names[i]) return static_cast<tmstatus::format>(i);
  }
  throw usage_error("unknown format " + quoted(s) + " (expected text, markdown, json or csv)");
}

struct options {
  std::optional<int> code;
  std::optional<tk::api_version> api, list;
  std::optional<tmstatus::format> format;
  std::optional<int> http;             // --http STATUS
  std::optional<int> response_status;  // --response STATUS FILE
  std::string response_file;
};

/// Reads the option at `args[i]` (`--api`, `--list`, `--format`, `--http` or `--response`, with
/// `=VALUE` or VALUE next; `--response` then takes FILE) into `o`; returns the index of its last
/// argument.
std::size_t read_option(const std::vector<std::string_view>& args, std::size_t i, options& o) {
  const std::string_view arg = args[i];
  const std::size_t equals = arg.find('=');
  const std::string_view name = arg.substr(0, equals);
  if (name != "--api" && name != "--list" && name != "--format" && name != "--http" &&
      name != "--response") {
    throw usage_error("unknown option " + quoted(arg));
  }
  const std::string needs = name == "--response" ? "--response needs STATUS and FILE"
                                                 : std::string(name) + " needs a value";
  std::string_view value;
  if (equals != std::string_view::npos) {
    value = arg.substr(equals + 1);
  } else if (++i < args.size()) {
    value = args[i];
  } else {
    throw usage_error(needs);
  }
  if (name == "--api") o.api = parse_version(value);
  if (name == "--list") o.list = parse_version(value);
  if (name == "--format") o.format = parse_format(value);
  if (name == "--http") o.http = parse_status(value);
  if (name == "--response") {
    o.response_status = parse_status(value);
    if (++i == args.size()) throw usage_error(needs);
    o.response_file = args[i];
  }
  return i;
}

/// How the library reads the HTTP `status`.
void explain_http(int status) {
  tmstatus::write_line(std::cout, "HTTP status", std::to_string(status));
  tmstatus::write_error_code(std::cout, tk::http::to_error_code(status));
}

#if TRACKINGMORE_STATUS_TMSTATUS_JSON
/// `d` in seconds, in decimal: "0.5", "120".
std::string seconds_of(std::chrono::milliseconds d) {
  std::string text = std::to_string(d.count() / 1000);
  if (const auto rest = d.count() % 1000; rest != 0) {
    std::string fraction = std::to_string(1000 + rest).substr(1);
    while (fraction.back() == '0') fraction.pop_back();
    text += '.' + fraction;
  }
  return text;
}

/// Closes a file `std::fopen` opened.
struct file_closer {
  void operator()(std::FILE* file) const noexcept {
    (void)std::fclose(file);  // NOLINT(cppcoreguidelines-owning-memory): the unique_ptr's deleter
  }
};

/// The whole content of `path` ("-": standard input); throws `usage_error` if it cannot be read.
std::string read_input(const std::string& path) {
  std::unique_ptr<std::FILE, file_closer> opened;
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): owned by `opened`, closed by file_closer
  if (path != "-") opened.reset(std::fopen(path.c_str(), "rb"));
  std::FILE* const file = path == "-" ? stdin : opened.get();
  const auto fail = [&path](int error) {
    return usage_error("cannot read " + quoted(std::string_view(path)) + ": " +
                       std::generic_category().message(error));
  };
  if (file == nullptr) throw fail(errno);
  std::string text;
  char buffer[65536];
  for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, file)) != 0;) {
    text.append(buffer, n);
  }
  if (std::ferror(file) != 0) throw fail(errno);  // a directory reads as EISDIR
  return text;
}

/// How the library reads a response of `version`: HTTP `status` with the body in `path`. Returns
/// 0 for a success, 1 for a failure.
int explain_response(tk::api_version version, int status, const std::string& path) {
  const nlohmann::json body = tk::parse_body(read_input(path));
  const std::error_code ec = tk::batch_error_code_of(version, status, body);
  tmstatus::write_line(std::cout, "API version", tk::name_of(version));
  tmstatus::write_line(std::cout, "HTTP status", std::to_string(status));
  tmstatus::write_error_code(std::cout, ec);
  // A jitter of 1: the longest wait the default decision can ask for, the same on every run.
  const tk::retry_decision first = tk::decide(ec, 1, {}, std::chrono::seconds{0}, 1.0);
  tmstatus::write_line(std::cout, "Decision", first ? "retry" : "do not retry");
  tmstatus::write_line(std::cout, "Wait (s)", seconds_of(first.delay));

  const tk::batch_triage groups = tk::triage(version, body);
  const std::pair<std::string_view, const std::vector<tk::item_failure>*> titled[] = {
      {"Retry later", &groups.retry_later},
      {"Fix and resend", &groups.fix_and_resend},
      {"Account action", &groups.account_action},
      {"Already exists", &groups.already_exists},
      {"Give up", &groups.give_up}};
  for (const auto& [title, group] : titled) {
    for (const tk::item_failure& f : *group) {
      tmstatus::write_line(std::cout, title,
                           (f.tracking_number.empty() ? "-" : f.tracking_number) + " (" +
                               f.code.category().name() + ' ' + std::to_string(f.code.value()) +
                               ": " + f.code.message() + ')');
    }
  }
  return ec ? 1 : 0;
}
#endif

/// Prints what --http or --response in `o` asks for; returns the exit status or throws
/// `usage_error`.
int explain_status(const options& o) {
  if (o.code || o.list || o.format || (o.http && o.response_status)) {
    throw usage_error("--http and --response take no CODE, --list, --format or each other");
  }
  if (o.http) {
    if (o.api) throw usage_error("--http STATUS takes no --api: HTTP is the same in every version");
    explain_http(*o.http);
    return 0;
  }
  if (!o.api) throw usage_error("--response needs --api VERSION");
#if TRACKINGMORE_STATUS_TMSTATUS_JSON
  return explain_response(*o.api, *o.response_status, o.response_file);
#else
  throw usage_error("--response needs nlohmann/json: this tmstatus was built without it");
#endif
}

/// Prints what `o` asks for; returns the exit status or throws `usage_error`.
int explain(const options& o) {
  if (o.http || o.response_status) return explain_status(o);
  const tmstatus::format format = o.format.value_or(tmstatus::format::text);
  if (o.list) {
    if (o.code || o.api) throw usage_error("--list VERSION takes neither CODE nor --api");
    tmstatus::write(std::cout, format, tmstatus::rows_of(*o.list));
    return 0;
  }
  if (!o.code) throw usage_error("no CODE given");

  std::vector<tmstatus::row> rows;
  for (const tk::api_version v : all_versions) {
    if (o.api ? v == *o.api : tk::find(v, *o.code) != nullptr) {
      rows.push_back(tmstatus::row_of(v, *o.code));
    }
  }
  if (rows.empty()) {  // documented by no version: show how each one treats it
    for (const tk::api_version v : all_versions) rows.push_back(tmstatus::row_of(v, *o.code));
  }
  tmstatus::write(std::cout, format, rows);
  return tk::find(rows.front().info.version, *o.code) != nullptr ? 0 : 1;
}

/// Runs the command; returns its exit status or throws `usage_error`.
int run(const std::vector<std::string_view>& args) {
  options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
#if !TRACKINGMORE_STATUS_TMSTATUS_JSON
      std::cout << without_json;
#endif
      return 0;
    }
    if (arg == "--version") {
      std::cout << "tmstatus " << TRACKINGMORE_STATUS_VERSION / 10000 << '.'
                << TRACKINGMORE_STATUS_VERSION / 100 % 100 << '.'
                << TRACKINGMORE_STATUS_VERSION % 100 << '\n';
      return 0;
    }
    // A code may be negative: "-1" is a code, "-x" an option.
    if (arg.size() > 1 && arg[0] == '-' && (arg[1] < '0' || arg[1] > '9')) {
      i = read_option(args, i, o);
    } else if (o.code) {
      throw usage_error("one CODE at a time: " + quoted(arg) + " follows " +
                        std::to_string(*o.code));
    } else {
      o.code = parse_code(arg);
    }
  }
  return explain(o);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(std::vector<std::string_view>(argv + 1, argv + argc));
  } catch (const usage_error& e) {
    std::cerr << "tmstatus: " << e.what() << "\nTry 'tmstatus --help' for usage.\n";
    return 2;
  } catch (const std::exception& e) {  // out of memory, say: no explanation was printed
    std::cerr << "tmstatus: " << e.what() << '\n';
    return 2;
  }
}
