// Every JSON adapter, behind one signature: a text parsed by each adapter's parse helper and read
// by its four functions, the answers written as text so that they compare and print. What the
// corpus test (corpus_test.cpp) checks against tests/data/body_answers.tsv, and what the
// differential fuzz target (tests/fuzz) compares between adapters.
//
// The program that includes it also compiles Boost.JSON (<boost/json/src.hpp>) in one source file.
#pragma once
#include <trackingmore/status/boost_json.hpp>
#include <trackingmore/status/jsoncpp.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/rapidjson.hpp>
#include <trackingmore/status/simdjson.hpp>

#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace every_adapter {

namespace tk = trackingmore;

/// One question to the four functions: a body read as `version` with `http_status`.
struct query {
  tk::api_version version;
  int http_status;
};

/// The four functions' answers, as text (formats: `code_name`, `items_text`, `triage_text`).
struct reading {
  std::string error_code;   ///< error_code_of(version, http_status, body)
  std::string batch;        ///< batch_error_code_of(version, http_status, body)
  std::string items;        ///< item_failures(version, body): each item's code@tracking_number
  std::string item_fields;  ///< the same items with every field, for adapters to agree on
  std::string triage;       ///< triage(version, body): each non-empty group and its numbers

  bool operator==(const reading& other) const {
    return error_code == other.error_code && batch == other.batch && items == other.items &&
           item_fields == other.item_fields && triage == other.triage;
  }
  bool operator!=(const reading& other) const { return !(*this == other); }
};

/// "ok" for success; "v4:4101", "http:502"; a response_errc's name ("not_json"); "errc:22".
inline std::string code_name(const std::error_code& ec) {
  if (!ec) return "ok";
  if (ec.category() == tk::response_category()) {
    static const char* const names[] = {"",
                                        "not_json",
                                        "not_object",
                                        "no_meta",
                                        "no_code",
                                        "code_not_integer",
                                        "code_out_of_range",
                                        "failures_not_array",
                                        "items_failed",
                                        "code_is_zero",
                                        "no_response"};
    const int v = ec.value();
    return v > 0 && v < static_cast<int>(std::size(names)) ? names[v] : "response:?";
  }
  for (const tk::api_version v : {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    if (ec.category() == tk::category(v)) {
      return std::string(tk::name_of(v)) + ":" + std::to_string(ec.value());
    }
  }
  if (ec.category() == tk::http::category()) return "http:" + std::to_string(ec.value());
  return "errc:" + std::to_string(ec.value());
}

/// "-" for none, else "code@number" for each item, separated by spaces.
inline std::string items_text(const std::vector<tk::item_failure>& items, bool every_field) {
  if (items.empty()) return "-";
  std::string text;
  for (const tk::item_failure& f : items) {
    if (!text.empty()) text += ' ';
    text += code_name(f.code) + "@" + f.tracking_number;
    if (every_field) text += "|" + f.courier_code + "|" + f.message;
  }
  return text;
}

/// "-" for no groups, else "group=number,number" for each non-empty group, separated by spaces.
inline std::string triage_text(const tk::batch_triage& t) {
  std::string text;
  const std::pair<const char*, const std::vector<tk::item_failure>*> groups[] = {
      {"retry_later", &t.retry_later},
      {"fix_and_resend", &t.fix_and_resend},
      {"account_action", &t.account_action},
      {"already_exists", &t.already_exists},
      {"give_up", &t.give_up}};
  for (const auto& [name, group] : groups) {
    if (group->empty()) continue;
    if (!text.empty()) text += ' ';
    text += name;
    char separator = '=';
    for (const tk::item_failure& f : *group) {
      text += separator + f.tracking_number;
      separator = ',';
    }
  }
  return text.empty() ? "-" : text;
}

template <class Body>
std::vector<reading> read(const Body& body, const std::vector<query>& queries) {
  std::vector<reading> out;
  out.reserve(queries.size());
  for (const query& q : queries) {
    const std::vector<tk::item_failure> items = tk::item_failures(q.version, body);
    out.push_back({code_name(tk::error_code_of(q.version, q.http_status, body)),
                   code_name(tk::batch_error_code_of(q.version, q.http_status, body)),
                   items_text(items, false), items_text(items, true),
                   triage_text(tk::triage(q.version, body))});
  }
  return out;
}

/// An adapter: its name, and `text` parsed by its parse helper and read for each query.
struct adapter {
  const char* name;
  std::vector<reading> (*read)(std::string_view text, const std::vector<query>& queries);
};

inline constexpr adapter adapters[] = {
    {"nlohmann/json", [](std::string_view text,
                         const std::vector<query>& q) { return read(tk::parse_body(text), q); }},
    {"Boost.JSON", [](std::string_view text,
                      const std::vector<query>& q) { return read(tk::parse_boost_json(text), q); }},
    {"RapidJSON", [](std::string_view text,
                     const std::vector<query>& q) { return read(tk::parse_rapidjson(text), q); }},
    {"JsonCpp", [](std::string_view text,
                   const std::vector<query>& q) { return read(tk::parse_jsoncpp(text), q); }},
    {"simdjson",
     [](std::string_view text, const std::vector<query>& q) {
       simdjson::dom::parser parser;
       return read(tk::parse_simdjson(parser, text), q);
     }},
};

}  // namespace every_adapter
