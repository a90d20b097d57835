/// @file
/// Reads TrackingMore response bodies parsed by Boost.JSON (`boost::json::value`, Boost 1.75 or
/// later): the same four functions, with the same rules, as `nlohmann_json.hpp`. Optional and
/// header-only here; Boost.JSON itself is a compiled library: link `Boost::json`, or include
/// `<boost/json/src.hpp>` in one source file of the program.
///
/// ```cpp
/// namespace tk = trackingmore;
/// const std::optional<boost::json::value> body = tk::parse_boost_json(response.body());
/// std::error_code ec = tk::error_code_of(tk::api_version::v4, response.result_int(), body);
/// const tk::batch_triage groups = tk::triage(tk::api_version::v4, body);
/// ```
///
/// Every function takes a `boost::json::value` (from `boost::json::parse` or anywhere) or the
/// `std::optional` `parse_boost_json` gives, whose `std::nullopt` is read as `not_json`. No
/// function throws, except `item_failures` and `triage`, which can only throw `std::bad_alloc`.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_BOOST_JSON_HPP
#define TRACKINGMORE_STATUS_BOOST_JSON_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/json_rules.hpp>

#include <boost/json.hpp>
#include <optional>
#include <string_view>
#include <system_error>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with Boost.JSON without throwing: `std::nullopt` when it is not JSON to the
/// adapters (the same texts for every JSON library: `detail::json_text`).
///
/// Running out of memory while parsing terminates the program (the function is noexcept).
// NOLINTNEXTLINE(bugprone-exception-escape): only std::bad_alloc, which terminates as documented
inline std::optional<boost::json::value> parse_boost_json(std::string_view text) noexcept {
  const std::optional<std::string_view> json = detail::json_text(text);
  if (!json) return std::nullopt;
  boost::json::parse_options options;
  options.max_depth = json_max_depth + 1;  // json_text bounds the depth already
  boost::json::error_code ec;
  boost::json::value value =
      boost::json::parse(boost::json::string_view(json->data(), json->size()), ec, {}, options);
  if (ec) return std::nullopt;
  return value;
}

namespace detail {

/// `response_rules`' reader of Boost.JSON: a node is a pointer, nullptr for none.
struct boost_json_reader {
  using node = const boost::json::value*;

  static bool is_object(node v) noexcept { return v->is_object(); }
  static bool is_array(node v) noexcept { return v->is_array(); }
  static bool is_null(node v) noexcept { return v->is_null(); }

  /// The parser keeps the last of repeated names.
  static node member(node object, std::string_view key) noexcept {
    const boost::json::object* members = object->if_object();
    if (members == nullptr) return nullptr;
    const auto* const it = members->find(boost::json::string_view(key.data(), key.size()));
    return it == members->end() ? nullptr : &it->value();
  }

  static code_read code(node v) noexcept {
    if (const std::int64_t* i = v->if_int64()) return code_from_integer(*i);
    if (const std::uint64_t* u = v->if_uint64()) return code_from_integer(*u);
    return {0, response_errc::code_not_integer};
  }

  static std::string_view text(node v) noexcept {
    const boost::json::string* s = v->if_string();
    return s == nullptr ? std::string_view{} : std::string_view(s->data(), s->size());
  }

  static std::size_t size(node array) noexcept { return array->get_array().size(); }

  template <class F>
  static void for_each(node array, F f) {
    for (const boost::json::value& element : array->get_array()) f(&element);
  }

  /// The document: none for a text that was not JSON.
  static node root(const std::optional<boost::json::value>& body) noexcept {
    return body ? &*body : nullptr;
  }
};

using boost_json_rules = response_rules<boost_json_reader>;

}  // namespace detail

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for a Boost.JSON `body`.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const boost::json::value& body) noexcept {
  return detail::boost_json_rules::error_code_of(version, http_status, &body);
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version, const boost::json::value& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for a Boost.JSON `body`.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const boost::json::value& body) noexcept {
  return detail::boost_json_rules::batch_error_code_of(version, http_status, &body);
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const boost::json::value& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for a Boost.JSON `body`.
inline std::vector<item_failure> item_failures(api_version version,
                                               const boost::json::value& body) {
  return detail::boost_json_rules::item_failures(version, &body);
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for a Boost.JSON `body`.
inline batch_triage triage(api_version version, const boost::json::value& body) {
  return detail::boost_json_rules::triage(version, &body);
}

/// `error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_boost_json` gave:
/// `std::nullopt` is not JSON.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const std::optional<boost::json::value>& body) noexcept {
  return detail::boost_json_rules::error_code_of(version, http_status,
                                                 detail::boost_json_reader::root(body));
}
/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version,
                                     const std::optional<boost::json::value>& body) noexcept {
  return error_code_of(version, 200, body);
}
/// `batch_error_code_of` of `nlohmann_json.hpp`, the same rules, for what `parse_boost_json` gave:
/// `std::nullopt` is not JSON.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const std::optional<boost::json::value>& body) noexcept {
  return detail::boost_json_rules::batch_error_code_of(version, http_status,
                                                       detail::boost_json_reader::root(body));
}
/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const std::optional<boost::json::value>& body) noexcept {
  return batch_error_code_of(version, 200, body);
}
/// `item_failures` of `nlohmann_json.hpp`, the same rules, for what `parse_boost_json` gave:
/// `std::nullopt` is not JSON.
inline std::vector<item_failure> item_failures(api_version version,
                                               const std::optional<boost::json::value>& body) {
  return detail::boost_json_rules::item_failures(version, detail::boost_json_reader::root(body));
}
/// `triage` of `nlohmann_json.hpp`, the same rules, for what `parse_boost_json` gave:
/// `std::nullopt` is not JSON.
inline batch_triage triage(api_version version, const std::optional<boost::json::value>& body) {
  return detail::boost_json_rules::triage(version, detail::boost_json_reader::root(body));
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_BOOST_JSON_HPP
