/// @file
/// Reads TrackingMore response bodies parsed by simdjson's DOM API (`simdjson::dom::element`): the
/// same four functions, with the same rules, as `nlohmann_json.hpp`. Optional and header-only
/// here; simdjson is a compiled library (Debian `libsimdjson-dev`; link `simdjson::simdjson`).
///
/// ```cpp
/// namespace tk = trackingmore;
/// simdjson::dom::parser parser;  // reuse it: the element lives until its next parse
/// const auto body = tk::parse_simdjson(parser, response_text);
/// std::error_code ec = tk::error_code_of(tk::api_version::v4, http_status, body);
/// const tk::batch_triage groups = tk::triage(tk::api_version::v4, body);
/// ```
///
/// Every function takes a `simdjson::dom::element` or a
/// `simdjson::simdjson_result<simdjson::dom::element>`, whose error is read as `not_json`. Only
/// simdjson's non-throwing interface is used: no function throws, except `item_failures` and
/// `triage`, which can only throw `std::bad_alloc`. The DOM keeps repeated member names: the
/// functions read the last one, as every adapter does.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_SIMDJSON_HPP
#define TRACKINGMORE_STATUS_SIMDJSON_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/json_rules.hpp>

#include <cstdint>
#include <optional>
#include <simdjson.h>
#include <string_view>
#include <system_error>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with `parser` (simdjson copies it into a padded buffer when it must): an error
/// (`simdjson::TAPE_ERROR` when `text` is not JSON to the adapters, the same texts for every JSON
/// library: `detail::json_text`), or the document's root, valid until `parser` parses again.
inline simdjson::simdjson_result<simdjson::dom::element> parse_simdjson(
    simdjson::dom::parser& parser, std::string_view text) noexcept {
  const std::optional<std::string_view> json = detail::json_text(text);
  if (!json) return simdjson::TAPE_ERROR;
  return parser.parse(json->data(), json->size(), true);
}

namespace detail {

/// `response_rules`' reader of simdjson's DOM: a node is an element and whether it is there.
struct simdjson_reader {
  struct node {
    simdjson::dom::element value;
    bool present = false;
    explicit operator bool() const noexcept { return present; }
  };

  static bool is_object(node v) noexcept { return v.value.is_object(); }
  static bool is_array(node v) noexcept { return v.value.is_array(); }
  static bool is_null(node v) noexcept { return v.value.is_null(); }

  /// The last member named `key`: the DOM keeps every repeated name, and its `at_key` gives the
  /// first.
  static node member(node object, std::string_view key) noexcept {
    simdjson::dom::object members;
    if (object.value.get_object().get(members) != simdjson::SUCCESS) return {};
    node found;
    const simdjson::dom::object::iterator end = members.end();
    for (simdjson::dom::object::iterator it = members.begin(); it != end; ++it) {
      if (same_name(it.key_c_str(), it.key_length(), key)) found = {it.value(), true};
    }
    return found;
  }

  // simdjson keeps an integer up to INT64_MAX as int64, a larger one as uint64.
  static code_read code(node v) noexcept {
    std::int64_t i = 0;
    if (v.value.is_int64() && v.value.get_int64().get(i) == simdjson::SUCCESS) {
      return code_from_integer(i);
    }
    std::uint64_t u = 0;
    if (v.value.is_uint64() && v.value.get_uint64().get(u) == simdjson::SUCCESS) {
      return code_from_integer(u);
    }
    return {0, response_errc::code_not_integer};
  }

  static std::string_view text(node v) noexcept {
    std::string_view s;
    return v.value.get_string().get(s) == simdjson::SUCCESS ? s : std::string_view{};
  }

  static std::size_t size(node array) noexcept {
    simdjson::dom::array elements;
    return array.value.get_array().get(elements) == simdjson::SUCCESS ? elements.size() : 0;
  }

  template <class F>
  static void for_each(node array, F f) {
    simdjson::dom::array elements;
    if (array.value.get_array().get(elements) != simdjson::SUCCESS) return;
    for (const simdjson::dom::element element : elements) f(node{element, true});
  }

  /// The document: none for a parse error.
  static node root(const simdjson::simdjson_result<simdjson::dom::element>& body) noexcept {
    simdjson::dom::element value;
    return body.get(value) == simdjson::SUCCESS ? node{value, true} : node{};
  }
};

using simdjson_rules = response_rules<simdjson_reader>;

}  // namespace detail

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for a simdjson `body`.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const simdjson::dom::element& body) noexcept {
  return detail::simdjson_rules::error_code_of(version, http_status, {body, true});
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version,
                                     const simdjson::dom::element& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for a simdjson `body`.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const simdjson::dom::element& body) noexcept {
  return detail::simdjson_rules::batch_error_code_of(version, http_status, {body, true});
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const simdjson::dom::element& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for a simdjson `body`.
inline std::vector<item_failure> item_failures(api_version version,
                                               const simdjson::dom::element& body) {
  return detail::simdjson_rules::item_failures(version, {body, true});
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for a simdjson `body`.
inline batch_triage triage(api_version version, const simdjson::dom::element& body) {
  return detail::simdjson_rules::triage(version, {body, true});
}

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_simdjson` (or
/// `parser.parse`) gave: an error is not JSON.
inline std::error_code error_code_of(
    api_version version, int http_status,
    const simdjson::simdjson_result<simdjson::dom::element>& body) noexcept {
  return detail::simdjson_rules::error_code_of(version, http_status,
                                               detail::simdjson_reader::root(body));
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(
    api_version version, const simdjson::simdjson_result<simdjson::dom::element>& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_simdjson` (or
/// `parser.parse`) gave: an error is not JSON.
inline std::error_code batch_error_code_of(
    api_version version, int http_status,
    const simdjson::simdjson_result<simdjson::dom::element>& body) noexcept {
  return detail::simdjson_rules::batch_error_code_of(version, http_status,
                                                     detail::simdjson_reader::root(body));
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(
    api_version version, const simdjson::simdjson_result<simdjson::dom::element>& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for what `parse_simdjson` (or
/// `parser.parse`) gave: an error is not JSON.
inline std::vector<item_failure> item_failures(
    api_version version, const simdjson::simdjson_result<simdjson::dom::element>& body) {
  return detail::simdjson_rules::item_failures(version, detail::simdjson_reader::root(body));
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for what `parse_simdjson` (or `parser.parse`)
/// gave: an error is not JSON.
inline batch_triage triage(api_version version,
                           const simdjson::simdjson_result<simdjson::dom::element>& body) {
  return detail::simdjson_rules::triage(version, detail::simdjson_reader::root(body));
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_SIMDJSON_HPP
