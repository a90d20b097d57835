/// @file
/// Reads TrackingMore response bodies parsed by RapidJSON (`rapidjson::Value`; a
/// `rapidjson::Document` passes as one): the same four functions, with the same rules, as
/// `nlohmann_json.hpp`. Optional and header-only: include it only where RapidJSON is available
/// (Debian `rapidjson-dev`).
///
/// ```cpp
/// namespace tk = trackingmore;
/// const rapidjson::Document body = tk::parse_rapidjson(response_text);
/// std::error_code ec = tk::error_code_of(tk::api_version::v4, http_status, body);
/// const tk::batch_triage groups = tk::triage(tk::api_version::v4, body);
/// ```
///
/// A `rapidjson::Document` with a parse error (`HasParseError()`), as `parse_rapidjson` gives for a
/// text that is not JSON, is read as `not_json`. The functions never reach one of RapidJSON's
/// assertions (each access checks the type first) and never throw, except `item_failures` and
/// `triage`, which can only throw `std::bad_alloc`. RapidJSON keeps repeated member names: the
/// functions read the last one, as every adapter does.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_RAPIDJSON_HPP
#define TRACKINGMORE_STATUS_RAPIDJSON_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/json_rules.hpp>

#include <optional>
#include <rapidjson/document.h>
#include <string_view>
#include <system_error>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with RapidJSON (its iterative parser, which does not recurse): a document with a
/// parse error (`HasParseError()`) when `text` is not JSON to the adapters (the same texts for
/// every JSON library: `detail::json_text`).
inline rapidjson::Document parse_rapidjson(std::string_view text) noexcept {
  rapidjson::Document document;
  const std::optional<std::string_view> json = detail::json_text(text);
  if (!json) {
    document.Parse("", 0);  // kParseErrorDocumentEmpty: "not JSON"
    return document;
  }
  document.Parse<rapidjson::kParseIterativeFlag>(json->data(), json->size());
  return document;
}

namespace detail {

/// `response_rules`' reader of RapidJSON: a node is a pointer, nullptr for none.
struct rapidjson_reader {
  using node = const rapidjson::Value*;

  static bool is_object(node v) noexcept { return v->IsObject(); }
  static bool is_array(node v) noexcept { return v->IsArray(); }
  static bool is_null(node v) noexcept { return v->IsNull(); }

  /// The last member named `key`: RapidJSON keeps every repeated name, and its `FindMember` gives
  /// the first (and compares with `strcmp`-like lengths).
  static node member(node object, std::string_view key) noexcept {
    if (!object->IsObject()) return nullptr;
    node found = nullptr;
    for (auto it = object->MemberBegin(); it != object->MemberEnd(); ++it) {
      if (same_name(it->name.GetString(), it->name.GetStringLength(), key)) {
        found = &it->value;
      }
    }
    return found;
  }

  static code_read code(node v) noexcept {
    if (v->IsInt64()) return code_from_integer(v->GetInt64());
    if (v->IsUint64()) return code_from_integer(v->GetUint64());
    return {0, response_errc::code_not_integer};
  }

  static std::string_view text(node v) noexcept {
    return v->IsString() ? std::string_view(v->GetString(), v->GetStringLength())
                         : std::string_view{};
  }

  static std::size_t size(node array) noexcept { return array->Size(); }

  template <class F>
  static void for_each(node array, F f) {
    for (const auto* it = array->Begin(); it != array->End(); ++it) f(it);
  }

  /// The document: none for a text that was not JSON.
  static node root(const rapidjson::Document& body) noexcept {
    return body.HasParseError() ? nullptr : &body;
  }
};

using rapidjson_rules = response_rules<rapidjson_reader>;

}  // namespace detail

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for a RapidJSON `body`.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const rapidjson::Value& body) noexcept {
  return detail::rapidjson_rules::error_code_of(version, http_status, &body);
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version, const rapidjson::Value& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for a RapidJSON `body`.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const rapidjson::Value& body) noexcept {
  return detail::rapidjson_rules::batch_error_code_of(version, http_status, &body);
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const rapidjson::Value& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for a RapidJSON `body`.
inline std::vector<item_failure> item_failures(api_version version, const rapidjson::Value& body) {
  return detail::rapidjson_rules::item_failures(version, &body);
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for a RapidJSON `body`.
inline batch_triage triage(api_version version, const rapidjson::Value& body) {
  return detail::rapidjson_rules::triage(version, &body);
}

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for a RapidJSON document: one with a
/// parse error is not JSON.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const rapidjson::Document& body) noexcept {
  return detail::rapidjson_rules::error_code_of(version, http_status,
                                                detail::rapidjson_reader::root(body));
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version,
                                     const rapidjson::Document& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for a RapidJSON document: one with
/// a parse error is not JSON.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const rapidjson::Document& body) noexcept {
  return detail::rapidjson_rules::batch_error_code_of(version, http_status,
                                                      detail::rapidjson_reader::root(body));
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const rapidjson::Document& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for a RapidJSON document: one with a
/// parse error is not JSON.
inline std::vector<item_failure> item_failures(api_version version,
                                               const rapidjson::Document& body) {
  return detail::rapidjson_rules::item_failures(version, detail::rapidjson_reader::root(body));
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for a RapidJSON document: one with a parse
/// error is not JSON.
inline batch_triage triage(api_version version, const rapidjson::Document& body) {
  return detail::rapidjson_rules::triage(version, detail::rapidjson_reader::root(body));
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_RAPIDJSON_HPP
