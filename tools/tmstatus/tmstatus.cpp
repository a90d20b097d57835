// tmstatus: explains a TrackingMore response code, or prints a version's whole table.
//
//   tmstatus 4032                      every version that documents 4032
//   tmstatus --api v4 502              how v4 treats 502 (undocumented: exit status 1)
//   tmstatus --list v2 --format json   the whole v2 table, for other languages
//
// Exit status: 0 success, 1 the code is documented by none of the versions asked, 2 bad usage.
// Every text printed comes from the library's tables (see tmstatus.hpp).
#include "tmstatus.hpp"

#include <charconv>
#include <iostream>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace {

namespace tk = trackingmore;

constexpr std::string_view usage = R"(usage: tmstatus [--api VERSION] [--format FORMAT] CODE
       tmstatus --list VERSION [--format FORMAT]
       tmstatus --help | --version

Explains a TrackingMore API response code (meta.code) as the trackingmore-status library reads it:
name, documented type and message, HTTP status and class, condition, retry advice and wait.

  CODE              a decimal integer in the range of int, such as 4032 or -1 ('+' is refused,
                    as JSON refuses it)
  --api VERSION     explain CODE for one API version only: v2, v3 or v4 (or 2, 3, 4);
                    default: every version that documents CODE, or all three when none does
  --list VERSION    print every documented code of VERSION instead
  --format FORMAT   text (default), markdown, json (an array of objects; absent values are null)
                    or csv (RFC 4180, one header row)
  --help            print this help
  --version         print the version

Exit status: 0 success, 1 CODE is documented by none of the versions shown (it is explained by
the library's rules for undocumented codes), 2 bad usage.
)";

constexpr tk::api_version all_versions[] = {tk::api_version::v2, tk::api_version::v3,
                                            tk::api_version::v4};

/// Bad usage: its message is the one line printed before the usage hint.
struct usage_error : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

int parse_code(std::string_view s) {
  int code = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), code);
  if (ec == std::errc::result_out_of_range) {
    throw usage_error("code out of the range of int: " + quoted(s));
  }
  if (ec != std::errc{} || end != s.data() + s.size()) {
    throw usage_error("not a code: " + quoted(s) + " (expected a decimal integer such as 4032)");
  }
  return code;
}

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
  tmstatus::format format = tmstatus::format::text;
};

/// Reads the option at `args[i]` (`--api`, `--list` or `--format`, with `=VALUE` or VALUE next)
/// into `o`; returns the index of its last argument.
std::size_t read_option(const std::vector<std::string_view>& args, std::size_t i, options& o) {
  const std::string_view arg = args[i];
  const std::size_t equals = arg.find('=');
  const std::string_view name = arg.substr(0, equals);
  if (name != "--api" && name != "--list" && name != "--format") {
    throw usage_error("unknown option " + quoted(arg));
  }
  std::string_view value;
  if (equals != std::string_view::npos) {
    value = arg.substr(equals + 1);
  } else if (++i < args.size()) {
    value = args[i];
  } else {
    throw usage_error(std::string(name) + " needs a value");
  }
  if (name == "--api") o.api = parse_version(value);
  if (name == "--list") o.list = parse_version(value);
  if (name == "--format") o.format = parse_format(value);
  return i;
}

/// Prints what `o` asks for; returns the exit status or throws `usage_error`.
int explain(const options& o) {
  if (o.list) {
    if (o.code || o.api) throw usage_error("--list VERSION takes neither CODE nor --api");
    tmstatus::write(std::cout, o.format, tmstatus::rows_of(*o.list));
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
  tmstatus::write(std::cout, o.format, rows);
  return tk::find(rows.front().info.version, *o.code) != nullptr ? 0 : 1;
}

/// Runs the command; returns its exit status or throws `usage_error`.
int run(const std::vector<std::string_view>& args) {
  options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    if (arg == "--help" || arg == "-h") {
      std::cout << usage;
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
  }
}
