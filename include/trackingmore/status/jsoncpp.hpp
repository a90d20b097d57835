/// @file
/// Reads TrackingMore response bodies parsed by JsonCpp (`Json::Value`): the same four functions,
/// with the same rules, as `nlohmann_json.hpp`. Optional and header-only: include it only where
/// JsonCpp is available (Debian `libjsoncpp-dev`; link `JsonCpp::JsonCpp`, or `pkg-config
/// jsoncpp`).
///
/// ```cpp
/// namespace tk = trackingmore;
/// const std::optional<Json::Value> body = tk::parse_jsoncpp(response_text);
/// std::error_code ec = tk::error_code_of(tk::api_version::v4, http_status, body);
/// const tk::batch_triage groups = tk::triage(tk::api_version::v4, body);
/// ```
///
/// Every function takes a `Json::Value` (from any `Json::CharReader`) or the `std::optional`
/// `parse_jsoncpp` gives, whose `std::nullopt` is read as `not_json`. JsonCpp's default reader is
/// lenient (comments, `01`, trailing commas): only `parse_jsoncpp` reads exactly the texts every
/// adapter reads. No function throws (none reaches a JsonCpp assertion, which throws), except
/// `item_failures` and `triage`, which can only throw `std::bad_alloc`.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_JSONCPP_HPP
#define TRACKINGMORE_STATUS_JSONCPP_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/json_rules.hpp>

#include <json/json.h>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with JsonCpp without throwing: `std::nullopt` when it is not JSON to the adapters
/// (the same texts for every JSON library: `detail::json_text`).
///
/// Running out of memory while parsing terminates the program (the function is noexcept).
inline std::optional<Json::Value> parse_jsoncpp(std::string_view text) noexcept {
  const std::optional<std::string_view> json = detail::json_text(text);
  if (!json) return std::nullopt;
  Json::CharReaderBuilder builder;
  // Repeated names keep the last (JsonCpp's default); json_text bounds the depth below the limit.
  builder["stackLimit"] = static_cast<Json::UInt>(json_max_depth + 8);
  const std::unique_ptr<Json::CharReader> reader(builder.newCharReader());
  Json::Value value;
  try {
    if (!reader->parse(json->data(), json->data() + json->size(), &value, nullptr)) {
      return std::nullopt;
    }
  } catch (const Json::Exception&) {  // JsonCpp reports some failures by throwing
    return std::nullopt;
  }
  return value;
}

namespace detail {

/// `response_rules`' reader of JsonCpp: a node is a pointer, nullptr for none.
struct jsoncpp_reader {
  using node = const Json::Value*;

  static bool is_object(node v) noexcept { return v->type() == Json::objectValue; }
  static bool is_array(node v) noexcept { return v->type() == Json::arrayValue; }
  static bool is_null(node v) noexcept { return v->type() == Json::nullValue; }

  /// `find` with the key's length (a name may hold an escaped NUL); JsonCpp asserts, by
  /// throwing, on a value that is no object, so the type comes first. The parser keeps the last
  /// of repeated names.
  static node member(node object, std::string_view key) noexcept {
    if (!is_object(object)) return nullptr;
    return object->find(key.data(), key.data() + key.size());
  }

  // By the stored type: JsonCpp's isInt() also holds for a double such as 4101.0.
  static code_read code(node v) noexcept {
    if (v->type() == Json::intValue) return code_from_integer(v->asLargestInt());
    if (v->type() == Json::uintValue) return code_from_integer(v->asLargestUInt());
    return {0, response_errc::code_not_integer};
  }

  static std::string_view text(node v) noexcept {
    const char* begin = nullptr;
    const char* end = nullptr;
    if (v->type() != Json::stringValue || !v->getString(&begin, &end)) return {};
    return {begin, static_cast<std::size_t>(end - begin)};
  }

  static std::size_t size(node array) noexcept { return array->size(); }

  template <class F>
  static void for_each(node array, F f) {
    for (const Json::Value& element : *array) f(&element);
  }

  /// The document: none for a text that was not JSON.
  static node root(const std::optional<Json::Value>& body) noexcept {
    return body ? &*body : nullptr;
  }
};

using jsoncpp_rules = response_rules<jsoncpp_reader>;

}  // namespace detail

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for a JsonCpp `body`.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const Json::Value& body) noexcept {
  return detail::jsoncpp_rules::error_code_of(version, http_status, &body);
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version, const Json::Value& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for a JsonCpp `body`.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const Json::Value& body) noexcept {
  return detail::jsoncpp_rules::batch_error_code_of(version, http_status, &body);
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version, const Json::Value& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for a JsonCpp `body`.
inline std::vector<item_failure> item_failures(api_version version, const Json::Value& body) {
  return detail::jsoncpp_rules::item_failures(version, &body);
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for a JsonCpp `body`.
inline batch_triage triage(api_version version, const Json::Value& body) {
  return detail::jsoncpp_rules::triage(version, &body);
}

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_jsoncpp` gave:
/// `std::nullopt` is not JSON.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const std::optional<Json::Value>& body) noexcept {
  return detail::jsoncpp_rules::error_code_of(version, http_status,
                                              detail::jsoncpp_reader::root(body));
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version,
                                     const std::optional<Json::Value>& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_jsoncpp` gave:
/// `std::nullopt` is not JSON.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const std::optional<Json::Value>& body) noexcept {
  return detail::jsoncpp_rules::batch_error_code_of(version, http_status,
                                                    detail::jsoncpp_reader::root(body));
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const std::optional<Json::Value>& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for what `parse_jsoncpp` gave:
/// `std::nullopt` is not JSON.
inline std::vector<item_failure> item_failures(api_version version,
                                               const std::optional<Json::Value>& body) {
  return detail::jsoncpp_rules::item_failures(version, detail::jsoncpp_reader::root(body));
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for what `parse_jsoncpp` gave: `std::nullopt`
/// is not JSON.
inline batch_triage triage(api_version version, const std::optional<Json::Value>& body) {
  return detail::jsoncpp_rules::triage(version, detail::jsoncpp_reader::root(body));
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_JSONCPP_HPP
