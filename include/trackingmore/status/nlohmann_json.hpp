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

#include <climits>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// Parses `text` with exceptions off: a discarded value (`is_discarded()`) when it is not JSON.
///
/// Running out of memory while parsing terminates the program (the function is noexcept).
// The analyser sees nlohmann's throws, all behind allow_exceptions (false here); only
// std::bad_alloc could escape, and terminates as documented.
// NOLINTNEXTLINE(bugprone-exception-escape): see above: noexcept, out of memory terminates
inline nlohmann::json parse_body(std::string_view text) noexcept {
  return nlohmann::json::parse(text, nullptr, false);
}

/// One failed item of a batch call.
struct item_failure {
  std::error_code code;         ///< Its code in the version's category, or a `response_errc`.
  std::string tracking_number;  ///< Empty when absent or not a string.
  std::string courier_code;     ///< v2 `carrier_code`, v4 `courier_code`; empty when absent.
  std::string message;          ///< v2 `message`, v4 `errorMessage`; empty when absent.
};

namespace detail {

/// The member `key` of `object`: nullptr when `object` is not an object or has no such member.
/// Through the object's `std::map` (with a transparent `std::less<>` since C++14), whose `find` and
/// iterators cannot throw, where `nlohmann::json`'s own iterators could (comparing iterators of
/// two containers, dereferencing the end of a primitive).
inline const nlohmann::json* member(const nlohmann::json& object, std::string_view key) noexcept {
  const auto* members = object.get_ptr<const nlohmann::json::object_t*>();
  if (members == nullptr) return nullptr;
  const auto it = members->find(key);
  return it == members->end() ? nullptr : &it->second;
}

/// The wire code in `object[key]`, or the reason there is none.
struct code_read {
  int code;
  response_errc error;  // zero (no error) when `code` was read
};

inline code_read read_code(const nlohmann::json& object, std::string_view key) noexcept {
  if (!object.is_object()) return {0, response_errc::not_object};
  const nlohmann::json* value = member(object, key);
  if (value == nullptr) return {0, response_errc::no_code};
  // nlohmann stores a non-negative integer as unsigned, a negative one as signed.
  if (const auto* u = value->get_ptr<const nlohmann::json::number_unsigned_t*>()) {
    return *u <= INT_MAX ? code_read{static_cast<int>(*u), {}}
                         : code_read{0, response_errc::code_out_of_range};
  }
  if (const auto* i = value->get_ptr<const nlohmann::json::number_integer_t*>()) {
    return *i >= INT_MIN && *i <= INT_MAX ? code_read{static_cast<int>(*i), {}}
                                          : code_read{0, response_errc::code_out_of_range};
  }
  return {0, response_errc::code_not_integer};
}

/// The response's own code: v2 and v4 `meta.code`, v3 the top-level `code`.
inline code_read read_response_code(api_version version, const nlohmann::json& body) noexcept {
  if (body.is_discarded()) return {0, response_errc::not_json};
  if (!body.is_object()) return {0, response_errc::not_object};
  if (version == api_version::v3) return read_code(body, "code");
  const nlohmann::json* meta = member(body, "meta");
  if (meta == nullptr || !meta->is_object()) return {0, response_errc::no_meta};
  return read_code(*meta, "code");
}

/// The names a version gives the members of a failed batch item.
struct failure_fields {
  std::string_view list, code, courier, message;
};

/// v2 `data.errors[]`, v4 `data.error[]`; v3 documents none (empty `list`).
constexpr failure_fields failure_fields_of(api_version version) noexcept {
  switch (version) {
    case api_version::v2: return {"errors", "code", "carrier_code", "message"};
    case api_version::v4: return {"error", "errorCode", "courier_code", "errorMessage"};
    case api_version::v3: break;
  }
  return {};
}

/// The failure list of a batch response: nullptr when there is none (absent or null), and the
/// failure list itself, array or not, otherwise.
inline const nlohmann::json* failure_list(api_version version,
                                          const nlohmann::json& body) noexcept {
  const failure_fields fields = failure_fields_of(version);
  if (fields.list.empty()) return nullptr;
  const nlohmann::json* data = member(body, "data");
  const nlohmann::json* list = data == nullptr ? nullptr : member(*data, fields.list);
  return list == nullptr || list->is_null() ? nullptr : list;
}

inline std::string string_member(const nlohmann::json& object, std::string_view key) {
  const nlohmann::json* value = member(object, key);
  const auto* text = value == nullptr ? nullptr : value->get_ptr<const std::string*>();
  return text == nullptr ? std::string{} : *text;
}

}  // namespace detail

/// The error_code of a response of `version` answered with `http_status` and `body` (a discarded
/// value, as `parse_body` gives for text that is not JSON, stands for "not JSON"), in this order:
/// 1. The body has a readable code that is a failure: that code, in the version's category (the
///    body wins: v2 HTTP 200 with meta.code 4021 is 4021; meta.code 0 is
///    `response_errc::code_is_zero`).
/// 2. The body's code is a success, the HTTP status a failure: `http::to_error_code(http_status)`.
/// 3. Both succeed: `std::error_code{}`.
/// 4. The body has no readable code and the HTTP status is a failure:
///    `http::to_error_code(http_status)` (an HTML 502 page is `HTTP 502`, `server_error`).
/// 5. The body has no readable code and the status is a success: the `response_errc`, never a
///    success.
///
/// A `version` that names no version gives `std::errc::invalid_argument`.
inline std::error_code error_code_of(api_version version, int http_status,
                                     const nlohmann::json& body) noexcept {
  if (name_of(version).empty()) return std::make_error_code(std::errc::invalid_argument);
  const std::error_code from_status = http::to_error_code(http_status);
  const detail::code_read read = detail::read_response_code(version, body);
  if (read.error != response_errc{}) return from_status ? from_status : make_error_code(read.error);
  const std::error_code from_body = to_error_code(version, read.code);
  return from_body ? from_body : from_status;
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
  std::vector<item_failure> failures;
  const nlohmann::json* list = detail::failure_list(version, body);
  if (list == nullptr || !list->is_array()) return failures;
  const detail::failure_fields fields = detail::failure_fields_of(version);
  failures.reserve(list->size());
  for (const nlohmann::json& item : *list) {
    const detail::code_read read = detail::read_code(item, fields.code);
    failures.push_back({read.error != response_errc{} ? make_error_code(read.error)
                                                      : to_error_code(version, read.code),
                        detail::string_member(item, "tracking_number"),
                        detail::string_member(item, fields.courier),
                        detail::string_member(item, fields.message)});
  }
  return failures;
}

/// `error_code_of`, except that a successful batch response with failed items gives
/// `response_errc::items_failed` (and one whose failure list is not an array,
/// `response_errc::failures_not_array`): TrackingMore answers such a batch with a success code.
inline std::error_code batch_error_code_of(api_version version, int http_status,
                                           const nlohmann::json& body) noexcept {
  if (const std::error_code ec = error_code_of(version, http_status, body)) return ec;
  const nlohmann::json* list = detail::failure_list(version, body);
  if (list == nullptr) return {};
  if (!list->is_array()) return make_error_code(response_errc::failures_not_array);
  return list->empty() ? std::error_code{} : make_error_code(response_errc::items_failed);
}

/// `batch_error_code_of` for a parsed `body` alone, read as if it came with HTTP 200.
inline std::error_code batch_error_code_of(api_version version,
                                           const nlohmann::json& body) noexcept {
  return batch_error_code_of(version, 200, body);
}

/// The failed items of a batch call (`item_failures`), by what to do about each one. Every failed
/// item is in exactly one group, and each group keeps the body's order.
struct batch_triage {
  std::vector<item_failure> retry_later;     ///< Advised `after_delay`: send them again later.
  std::vector<item_failure> fix_and_resend;  ///< Advised `after_fixing_request`: correct them.
  std::vector<item_failure> account_action;  ///< Advised `after_account_action`: key, plan, ...
  std::vector<item_failure> already_exists;  ///< `condition::tracking_exists`: already tracked.
  /// Advised `never` (but `tracking_exists`), and the items the library cannot read: a
  /// `response_errc` code, or a success code in the failure list, which says no reason.
  std::vector<item_failure> give_up;
};

/// The failed items of a batch `body` of `version`, grouped by `retry_advice_of(code)`, except that
/// `condition::tracking_exists` (advised `never`) is `already_exists`: the tracking is there, which
/// is what a create wanted. Only the items: the call's own failure (a 4103, an HTML page) and a
/// failure list that is no array are `batch_error_code_of`'s answer, and leave every group empty.
/// Throws only `std::bad_alloc`.
inline batch_triage triage(api_version version, const nlohmann::json& body) {
  batch_triage groups;
  for (item_failure& f : item_failures(version, body)) {
    std::vector<item_failure>* group = &groups.give_up;
    if (f.code == condition::tracking_exists) {
      group = &groups.already_exists;
    } else {
      switch (retry_advice_of(f.code)) {
        case retry_advice::after_delay: group = &groups.retry_later; break;
        case retry_advice::after_fixing_request: group = &groups.fix_and_resend; break;
        case retry_advice::after_account_action: group = &groups.account_action; break;
        case retry_advice::not_applicable:
        case retry_advice::never: break;
      }
    }
    group->push_back(std::move(f));
  }
  return groups;
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_NLOHMANN_JSON_HPP
