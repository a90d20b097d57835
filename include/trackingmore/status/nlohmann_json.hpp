/// @file
/// Reads TrackingMore response bodies parsed by nlohmann/json: the error_code of a response, and
/// the failed items of a batch call. Optional and header-only: include it only where nlohmann/json
/// is available (Debian `nlohmann-json3-dev`).
///
/// ```cpp
/// namespace tk = trackingmore;
/// const nlohmann::json body = tk::parse_body(response.body);  // never throws
/// std::error_code ec = tk::error_code_of(tk::api_version::v4, response.status, body);
/// // A batch call: also fails when TrackingMore answered 200 but some items failed.
/// ec = tk::batch_error_code_of(tk::api_version::v4, response.status, body);
/// for (const tk::item_failure& f : tk::item_failures(tk::api_version::v4, body))
///   log(f.tracking_number, f.code.message());
/// // The same failed items, by what to do about each one.
/// const tk::batch_triage groups = tk::triage(tk::api_version::v4, body);
/// resend_later(groups.retry_later);
/// ```
///
/// A malformed body is a `response_errc` ("trackingmore.response", from the core header), never an
/// exception and never a success. No function throws, except `item_failures`, which can only throw
/// `std::bad_alloc`.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_NLOHMANN_JSON_HPP
#define TRACKINGMORE_STATUS_NLOHMANN_JSON_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/json_rules.hpp>

#include <nlohmann/json.hpp>
#include <string_view>
#include <system_error>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with exceptions off: a discarded value (`is_discarded()`) when it is not JSON to
/// the adapters (the same texts for every JSON library: `detail::json_text`, a leading UTF-8 BOM
/// skipped, invalid UTF-8 and nesting deeper than `json_max_depth` not JSON).
///
/// Running out of memory while parsing terminates the program (the function is noexcept).
// The analyser sees nlohmann's throws, all behind allow_exceptions (false here); only
// std::bad_alloc could escape, and terminates as documented.
// NOLINTNEXTLINE(bugprone-exception-escape): see above: noexcept, out of memory terminates
inline nlohmann::json parse_body(std::string_view text) noexcept {
  const std::optional<std::string_view> json = detail::json_text(text);
  if (json) return nlohmann::json::parse(*json, nullptr, false);
  nlohmann::json discarded(nlohmann::json::value_t::discarded);
  return discarded;
}

namespace detail {

/// `response_rules`' reader of nlohmann/json: a node is a pointer, nullptr for none.
struct nlohmann_reader {
  using node = const nlohmann::json*;

  static bool is_object(node v) noexcept { return v->is_object(); }
  static bool is_array(node v) noexcept { return v->is_array(); }
  static bool is_null(node v) noexcept { return v->is_null(); }

  /// Through the object's `std::map` (with a transparent `std::less<>` since C++14), whose `find`
  /// and iterators cannot throw, where `nlohmann::json`'s own iterators could. The parser keeps
  /// the last of repeated names.
  static node member(node object, std::string_view key) noexcept {
    const auto* members = object->get_ptr<const nlohmann::json::object_t*>();
    if (members == nullptr) return nullptr;
    const auto it = members->find(key);
    return it == members->end() ? nullptr : &it->second;
  }

  // nlohmann stores a non-negative integer as unsigned, a negative one as signed.
  static code_read code(node v) noexcept {
    if (const auto* u = v->get_ptr<const nlohmann::json::number_unsigned_t*>()) {
      return code_from_integer(*u);
    }
    if (const auto* i = v->get_ptr<const nlohmann::json::number_integer_t*>()) {
      return code_from_integer(*i);
    }
    return {0, response_errc::code_not_integer};
  }

  static std::string_view text(node v) noexcept {
    const auto* s = v->get_ptr<const nlohmann::json::string_t*>();
    return s == nullptr ? std::string_view{} : std::string_view(*s);
  }

  static std::size_t size(node array) noexcept { return array->size(); }

  template <class F>
  static void for_each(node array, F f) {
    for (const nlohmann::json& element : *array->get_ptr<const nlohmann::json::array_t*>()) {
      f(&element);
    }
  }

  /// The document: none for a discarded value (not JSON).
  static node root(const nlohmann::json& body) noexcept {
    return body.is_discarded() ? nullptr : &body;
  }
};

using nlohmann_rules = response_rules<nlohmann_reader>;

}  // namespace detail

/// The error_code of a response of `version` answered with `http_status` and `body` (a discarded
/// value, as `parse_body` gives for text that is not JSON, stands for "not JSON"), in this order:
/// 1. The body has a readable code that is a failure in a condition: that code, in the version's
///    category (the body wins: v2 HTTP 200 with meta.code 4021 is 4021).
/// 2. The body's code is a failure in no condition (0, negative, 1xx, 3xx, beyond every class):
///    a failing HTTP status wins (HTTP 429 with meta.code 0 is HTTP 429); under a successful
///    status, that code (0 is `response_errc::code_is_zero`), never a success.
/// 3. The body's code is a success, the HTTP status a failure: `http::to_error_code(http_status)`.
/// 4. Both succeed: `std::error_code{}`.
/// 5. The body has no readable code and the HTTP status is a failure:
///    `http::to_error_code(http_status)` (an HTML 502 page is `HTTP 502`, `server_error`).
/// 6. The body has no readable code and the status is a success: the `response_errc`, never a
///    success.
///
/// A `version` that names no version gives `std::errc::invalid_argument`. The same rules hold for
/// every JSON adapter; the Semantics page has them in full.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const nlohmann::json& body) noexcept {
  return detail::nlohmann_rules::error_code_of(version, http_status,
                                               detail::nlohmann_reader::root(body));
}

/// The error_code of a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code error_code_of(api_version version, const nlohmann::json& body) noexcept {
  return error_code_of(version, 200, body);
}

/// The failed items of a batch call, in the body's order (v2 `data.errors[]` with `code`,
/// v4 `data.error[]` with `errorCode`); empty when there are none, for v3 (which documents no
/// per-item failures), and when the failure list is not an array (`batch_error_code_of` reports
/// that). An entry that is not an object, or whose code is unusable, is still a failure: its `code`
/// is then a `response_errc`. Throws only `std::bad_alloc`.
inline std::vector<item_failure> item_failures(api_version version, const nlohmann::json& body) {
  return detail::nlohmann_rules::item_failures(version, detail::nlohmann_reader::root(body));
}

/// `error_code_of`, except that a successful batch response with failed items gives
/// `response_errc::items_failed` (and one whose failure list is not an array,
/// `response_errc::failures_not_array`): TrackingMore answers such a batch with a success code.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const nlohmann::json& body) noexcept {
  return detail::nlohmann_rules::batch_error_code_of(version, http_status,
                                                     detail::nlohmann_reader::root(body));
}

/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const nlohmann::json& body) noexcept {
  return batch_error_code_of(version, 200, body);
}

/// The failed items of a batch `body` of `version`, grouped by `retry_advice_of(code)`, except that
/// `condition::tracking_exists` (advised `never`) is `already_exists`: the tracking is there, which
/// is what a create wanted. Only the items of a call that succeeded as a whole: when the body's own
/// code is a failure or unreadable (a 4103, an HTML page), every group is empty, whatever items the
/// body lists, because such a call was not done item by item and is what to send again
/// (`batch_error_code_of` says why); so is a failure list that is no array. Reads the body alone:
/// check `batch_error_code_of` with the HTTP status first. Throws only `std::bad_alloc`.
inline batch_triage triage(api_version version, const nlohmann::json& body) {
  return detail::nlohmann_rules::triage(version, detail::nlohmann_reader::root(body));
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_NLOHMANN_JSON_HPP
