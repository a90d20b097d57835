// The output formats of `tmstatus`: rows of the library's tables as text, Markdown, JSON or CSV.
//
// A header of its own so that the tests can check the escaping on texts the tables do not (yet)
// contain. Every text printed comes from the library; this file only lays it out.
#ifndef TRACKINGMORE_EXAMPLES_TMSTATUS_HPP
#define TRACKINGMORE_EXAMPLES_TMSTATUS_HPP

#include <trackingmore/status.hpp>

#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace tmstatus {

namespace tk = trackingmore;

enum class format { text, markdown, json, csv };
inline constexpr std::array<std::string_view, 4> format_names{"text", "markdown", "json", "csv"};

/// How the library reads one code of one version.
struct row {
  tk::code_info info;   // documented, or `classify`'s reading of an undocumented code
  std::string message;  // the category's message: documented, or "undocumented TrackingMore ..."
};

inline row row_of(tk::api_version version, int code) {
  return {tk::classify(version, code), tk::category(version).message(code)};
}

/// The rows of every documented code of `version`, in the documentation's order.
inline std::vector<row> rows_of(tk::api_version version) {
  std::vector<row> rows;
  for (const tk::code_info& c : tk::codes_of(version)) rows.push_back(row_of(version, c.code));
  return rows;
}

// One column of every format; a value that is empty is absent (JSON null, text "-"). `heading` is
// the Markdown table's, short so that the table fits a laptop's window; the Markdown table has no
// column of an empty heading (the HTTP class, which the HTTP status shows).
enum class kind { number, identifier, text };
struct field {
  std::string_view key, title, heading;
  tmstatus::kind kind;
  std::string (*value)(const row&);
};

inline constexpr std::array<field, 10> fields{{
    {"version", "Version", "Version", kind::identifier,
     [](const row& r) { return std::string(tk::name_of(r.info.version)); }},
    {"code", "Code", "Code", kind::number,
     [](const row& r) { return std::to_string(r.info.code); }},
    {"name", "Name", "Name", kind::identifier,
     [](const row& r) { return std::string(r.info.name); }},
    {"type", "Type", "Type", kind::text, [](const row& r) { return std::string(r.info.type); }},
    {"message", "Message", "Message", kind::text, [](const row& r) { return r.message; }},
    {"http_status", "HTTP status", "HTTP", kind::number,
     [](const row& r) { return std::to_string(r.info.http_status); }},
    {"http_class", "HTTP class", "", kind::identifier,
     [](const row& r) { return std::string(tk::name_of(r.info.http_class)); }},
    {"condition", "Condition", "Condition", kind::identifier,
     [](const row& r) { return std::string(tk::name_of(r.info.condition)); }},
    {"retry", "Retry", "Retry", kind::identifier,
     [](const row& r) { return std::string(tk::name_of(r.info.retry)); }},
    {"retry_after_s", "Retry after (s)", "Wait (s)", kind::number,
     [](const row& r) { return std::to_string(r.info.retry_after_s); }},
}};

/// `s` as a JSON string (RFC 8259): quotes, backslashes and control characters escaped; other
/// bytes, UTF-8 included, as they are.
inline std::string json_string(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (const auto byte = static_cast<unsigned char>(c); byte < 0x20) {
          constexpr std::string_view hex = "0123456789abcdef";
          out += "\\u00";
          out += hex[byte / 16u];
          out += hex[byte % 16u];
        } else {
          out += c;
        }
    }
  }
  return out + '"';
}

/// `s` as one CSV field (RFC 4180): quoted when it holds a comma, a quote, CR or LF, with each
/// quote doubled.
inline std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

/// `s` as the text of one Markdown table cell, for GitHub and for Doxygen alike.
///
/// Backticks are kept, since the documented texts quote identifiers with them (`tracking_number`).
/// Outside those code spans the characters Markdown or Doxygen would read as markup are escaped
/// with a backslash (an escape both understand); inside, only `|`, which would end the cell.
/// Line breaks, which would end the row, become spaces. (Doxygen, unlike GitHub, shows the
/// backslash of a `|` inside a code span; no documented text has one.)
inline std::string markdown_cell(std::string_view s) {
  std::string out;
  bool in_code = false;
  for (const char c : s) {
    if (c == '`') in_code = !in_code;
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (c == '|' ||
        (!in_code && std::string_view("\\*_[]<>&@#%$").find(c) != std::string_view::npos)) {
      out += '\\';
    }
    out += c;
  }
  return out;
}

/// One line of the text format: "Title:", padded to one column, then `value` ("-" when empty).
inline void write_line(std::ostream& out, std::string_view title, std::string_view value) {
  out << title << ':' << std::string(title.size() < 17 ? 17 - title.size() : 1, ' ')
      << (value.empty() ? "-" : value) << '\n';
}

inline void write_text(std::ostream& out, const std::vector<row>& rows) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i != 0) out << '\n';
    for (const field& f : fields) write_line(out, f.title, f.value(rows[i]));
  }
}

/// How the library reads `ec`, in the text format: its category, value and message (a success,
/// `std::error_code{}`, shows no category and the message "success"), condition, retry advice and
/// documented wait.
inline void write_error_code(std::ostream& out, const std::error_code& ec) {
  const std::error_condition group = ec.default_error_condition();
  const bool grouped = ec && group.category() == tk::condition_category();
  write_line(out, "Category", ec ? ec.category().name() : "");
  write_line(out, "Value", std::to_string(ec.value()));
  write_line(out, "Message", ec ? ec.message() : "success");
  write_line(out, "Condition",
             grouped ? tk::name_of(static_cast<tk::condition>(group.value())) : "");
  write_line(out, "Retry", tk::name_of(tk::retry_advice_of(ec)));
  write_line(out, "Retry after (s)", std::to_string(tk::retry_after_seconds(ec)));
}

/// The rows as a Markdown table. Rows of one version only (`--list`) have no Version column: the
/// table's page names its version.
inline void write_markdown(std::ostream& out, const std::vector<row>& rows) {
  const bool one_version = std::all_of(rows.begin(), rows.end(), [&](const row& r) {
    return r.info.version == rows.front().info.version;
  });
  std::vector<field> columns;
  for (const field& f : fields) {
    if (!f.heading.empty() && !(one_version && f.key == "version")) columns.push_back(f);
  }
  for (const field& f : columns) out << "| " << f.heading << ' ';
  out << "|\n";
  for (const field& f : columns) out << (f.kind == kind::number ? "| --: " : "| --- ");
  out << "|\n";
  for (const row& r : rows) {
    for (const field& f : columns) {
      const std::string value = f.value(r);
      out << "| ";
      if (f.kind == kind::text) {
        out << markdown_cell(value);
      } else if (f.kind == kind::identifier && !value.empty()) {
        out << '`' << value << '`';
      } else {
        out << value;
      }
      out << ' ';
    }
    out << "|\n";
  }
}

inline void write_json(std::ostream& out, const std::vector<row>& rows) {
  out << '[';
  for (std::size_t i = 0; i < rows.size(); ++i) {
    out << (i == 0 ? "\n  {" : ",\n  {");
    for (std::size_t j = 0; j < fields.size(); ++j) {
      const field& f = fields[j];
      const std::string value = f.value(rows[i]);
      out << (j == 0 ? "" : ", ") << json_string(f.key) << ": "
          << (f.kind == kind::number ? value
              : value.empty()        ? "null"
                                     : json_string(value));
    }
    out << '}';
  }
  out << (rows.empty() ? "]\n" : "\n]\n");
}

inline void write_csv(std::ostream& out, const std::vector<row>& rows) {
  const char* separator = "";
  for (const field& f : fields) out << std::exchange(separator, ",") << f.key;
  out << "\r\n";
  for (const row& r : rows) {
    separator = "";
    for (const field& f : fields) out << std::exchange(separator, ",") << csv_field(f.value(r));
    out << "\r\n";
  }
}

inline void write(std::ostream& out, format f, const std::vector<row>& rows) {
  switch (f) {
    case format::text: return write_text(out, rows);
    case format::markdown: return write_markdown(out, rows);
    case format::json: return write_json(out, rows);
    case format::csv: return write_csv(out, rows);
  }
}

}  // namespace tmstatus

#endif  // TRACKINGMORE_EXAMPLES_TMSTATUS_HPP
