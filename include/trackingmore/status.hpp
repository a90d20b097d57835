/// @file
/// Every documented TrackingMore API response code (v2, v3, v4) as constexpr tables, integrated
/// with `std::error_code` and `std::error_condition`.
///
/// Data: `trackingmore-codes.md` (TrackingMore's status-code page for v2, the v3 SDK READMEs, the
/// v4 SDK READMEs). Texts are verbatim, typos included, with page link labels removed.
///
/// Map of this file, in order:
/// 1. Vocabulary: `api_version`, `http_class`, `retry_advice`, `condition`, `response_errc`,
///    `transport_errc`, `code_info`, `name_of`.
/// 2. The codes: each version's rows (`TRACKINGMORE_STATUS_V4_CODES`, ...), written once and
///    expanded into its `vN::errc` enumerators and its `vN::codes` table; the Polish v2 messages.
/// 3. Lookup and classification: the hash index, `find`, `codes_of`, `classify`, `message_pl`.
/// 4. HTTP statuses: `trackingmore::http::classify`, `trackingmore::http::reason_phrase`.
/// 5. `std::error_code` integration: one category class for the versions' codes, HTTP statuses,
///    response and transport errors; `make_error_code`, `to_error_code`, and how
///    `ec == condition::X` and `ec == vN::errc::X` are decided (also for a code made in another
///    Windows DLL).
/// 6. Helpers on any error_code: `find(ec)`, `is_retryable`, `retry_after_seconds`,
///    `retry_advice_of`.
///
/// SPDX-License-Identifier: BSL-1.0

// The version, written here only: CMake, Meson, the packages and `tmstatus --version` read it from
// these three lines. They precede the include guard so that a second copy of this header, of
// another version, which the guard alone would skip in silence, is caught below.
#undef TRACKINGMORE_STATUS_VERSION_MAJOR
#undef TRACKINGMORE_STATUS_VERSION_MINOR
#undef TRACKINGMORE_STATUS_VERSION_PATCH
/// The library's major version.
#define TRACKINGMORE_STATUS_VERSION_MAJOR 1
/// The library's minor version.
#define TRACKINGMORE_STATUS_VERSION_MINOR 0
/// The library's patch version.
#define TRACKINGMORE_STATUS_VERSION_PATCH 0

#ifdef TRACKINGMORE_STATUS_HPP
// Two copies of the header met in one translation unit; the first one's code is in force.
static_assert(trackingmore::detail::header_version == TRACKINGMORE_STATUS_VERSION,
              "two different versions of <trackingmore/status.hpp> in one translation unit: "
              "the include paths reach two copies of the library");
#else
#define TRACKINGMORE_STATUS_HPP

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

/// The library's version as one number, major * 10000 + minor * 100 + patch (10203 for 1.2.3).
#define TRACKINGMORE_STATUS_VERSION                                                      \
  (TRACKINGMORE_STATUS_VERSION_MAJOR * 10000 + TRACKINGMORE_STATUS_VERSION_MINOR * 100 + \
   TRACKINGMORE_STATUS_VERSION_PATCH)

/// @cond
#define TRACKINGMORE_STATUS_ABI_NAME(major, minor, patch) abi_v##major##_##minor##_##patch
#define TRACKINGMORE_STATUS_ABI_NAME_OF(major, minor, patch) \
  TRACKINGMORE_STATUS_ABI_NAME(major, minor, patch)
/// @endcond

/// The inline namespace every entity of the library is declared in, `abi_v1_0_0` for 1.0.0.
///
/// Its name follows the version, so that two versions of the library in one program (a shared
/// library built with a bundled copy, say) keep their tables and functions apart instead of the
/// linker keeping one version's in silence. User code never names it: `trackingmore::find` finds
/// what is declared in it. (A forward declaration of one of the library's types must be written
/// between the two macros below, or it declares another type.)
#define TRACKINGMORE_STATUS_ABI_NAMESPACE                            \
  TRACKINGMORE_STATUS_ABI_NAME_OF(TRACKINGMORE_STATUS_VERSION_MAJOR, \
                                  TRACKINGMORE_STATUS_VERSION_MINOR, \
                                  TRACKINGMORE_STATUS_VERSION_PATCH)

#ifdef TRACKINGMORE_STATUS_NO_ABI_NAMESPACE
/// Opens namespace `trackingmore`, without the inline namespace: the user defined
/// `TRACKINGMORE_STATUS_NO_ABI_NAMESPACE` (the same way in every translation unit, or the program
/// breaks the one-definition rule), and gets the linker's silence when two versions meet.
#define TRACKINGMORE_STATUS_NAMESPACE_BEGIN namespace trackingmore {
/// Closes what `TRACKINGMORE_STATUS_NAMESPACE_BEGIN` opened.
#define TRACKINGMORE_STATUS_NAMESPACE_END }
#else
/// Opens namespace `trackingmore` and its versioned inline namespace: the first line of every
/// header's declarations, on a line of its own, closed by `TRACKINGMORE_STATUS_NAMESPACE_END`.
/// A user who defines `TRACKINGMORE_STATUS_NO_ABI_NAMESPACE` gets plain `namespace trackingmore`.
#define TRACKINGMORE_STATUS_NAMESPACE_BEGIN \
  namespace trackingmore {                  \
  inline namespace TRACKINGMORE_STATUS_ABI_NAMESPACE {
/// Closes what `TRACKINGMORE_STATUS_NAMESPACE_BEGIN` opened.
#define TRACKINGMORE_STATUS_NAMESPACE_END \
  }                                       \
  }
#endif

#if defined(__GNUC__) || defined(__clang__)
/// Keeps a category one object across shared libraries built with `-fvisibility=hidden`.
#define TRACKINGMORE_STATUS_SYMBOL_VISIBLE __attribute__((__visibility__("default")))
#else
/// Keeps a category one object across shared libraries built with `-fvisibility=hidden`.
#define TRACKINGMORE_STATUS_SYMBOL_VISIBLE
#endif

// ================================================================================================
// 1. Vocabulary
// ================================================================================================

/// The TrackingMore status library.
TRACKINGMORE_STATUS_NAMESPACE_BEGIN

namespace detail {
/// The `TRACKINGMORE_STATUS_VERSION` of the copy of this header in force in a translation unit.
inline constexpr long header_version = TRACKINGMORE_STATUS_VERSION;
}  // namespace detail

/// A version of the TrackingMore REST API.
///
/// A value that names no version (`static_cast<api_version>(5)`) documents no code, and every
/// function that takes one fails closed: `name_of` is empty, `codes_of` empty, `find` nullptr,
/// `classify` a failure with no condition advised `never` (even for 200), `to_error_code`
/// `std::errc::invalid_argument`, and `category` the `std::generic_category()` of that error.
enum class api_version { v2 = 2, v3 = 3, v4 = 4 };

/// The class of an HTTP status, after its first digit.
enum class http_class { informational = 1, success, redirection, client_error, server_error };

/// What a client should do about a response.
enum class retry_advice {
  not_applicable,        ///< Success: nothing to retry.
  after_delay,           ///< Transient: the same request may succeed later (429, 5xx, timeout).
  after_fixing_request,  ///< The request itself is wrong: change it first.
  after_account_action,  ///< The API key, permissions or plan must change first.
  never                  ///< Retrying cannot help (the tracking already exists, a conflict, ...).
};

/// Groups of failures shared by all API versions: test them with `ec == condition::rate_limited`.
///
/// Values start at 1 because a zero `std::error_condition` means "no error". Each documented
/// failure has exactly one group (its `default_error_condition`); every code advised `after_delay`
/// is also equivalent to `retryable`.
enum class condition {
  authentication_failed = 1,  ///< The API key is invalid, deleted, or lacks permission.
  access_denied,              ///< The request was refused (v2 403, 4018; v4 403).
  payment_required,           ///< The account's plan, balance or quota must be topped up.
  rate_limited,               ///< Too many requests (every 429): wait `retry_after_seconds`.
  invalid_request,            ///< A parameter, method or format is wrong.
  limit_exceeded,             ///< Too many items in one call.
  tracking_exists,            ///< The tracking was already created.
  tracking_not_found,         ///< The tracking does not exist (create it first).
  courier_not_detected,       ///< The courier could not be detected: give a courier code.
  not_found,                  ///< The page or resource does not exist.
  timeout,                    ///< The courier's site did not answer in time.
  server_error,               ///< TrackingMore failed (5xx).
  retryable                   ///< Any failure whose retry advice is `after_delay`.
};

/// No condition: the value of `code_info::condition` for success and for unclassifiable codes.
inline constexpr condition no_condition{};

/// Why a response gives no usable code: the errors of the category "trackingmore.response".
///
/// They have no `condition` and are never retried: a response the library cannot read is
/// reported as such, so that it never passes for a success.
enum class response_errc {
  not_json = 1,        ///< The body text is not JSON (an HTML error page, an empty or cut body).
  not_object,          ///< The body, or an entry of a batch's failure list, is not a JSON object.
  no_meta,             ///< v2, v4: the body has no `meta` object.
  no_code,             ///< The code (`meta.code`; v3 `code`; an item's code) is missing.
  code_not_integer,    ///< The code is a string, a float, a bool, null, an array or an object.
  code_out_of_range,   ///< The code is an integer outside the range of `int`.
  failures_not_array,  ///< A batch's failure list (v2 `data.errors`, v4 `data.error`) is no array.
  items_failed,        ///< The call succeeded but some items of the batch failed.
  code_is_zero,        ///< The code is 0, which no version documents: never a success.
  no_response          ///< The HTTP status is 0: no response came at all.
};

/// Why an HTTP client got no complete response, where no `std::errc` says it: the errors of the
/// category "trackingmore.transport". The optional headers for HTTP clients (`status/httplib.hpp`,
/// `status/curl.hpp`, `status/asio.hpp`) give these, and a `std::errc` for a fault one names
/// (`timed_out`, `connection_refused`, `connection_reset`, `connection_aborted`, ...).
///
/// They have no `condition` group; the retry advice is each one's own, below, and those advised
/// `after_delay` are `condition::retryable`.
enum class transport_errc {
  /// The connection closed inside a response: its headers, or its body short of the
  /// Content-Length or before the last chunk. `after_delay`.
  response_cut = 1,
  host_not_found_try_again,  ///< The host name does not resolve for now. `after_delay`.
  host_not_found,            ///< The host name does not exist. `after_fixing_request`.
  bad_url,                   ///< The URL is malformed. `after_fixing_request`.
  unsupported_protocol,  ///< The client does not speak the URL's scheme. `after_fixing_request`.
  tls_failed,  ///< The TLS handshake failed, or the server's certificate did not verify. `never`.
  malformed_response,  ///< The answer breaks HTTP's grammar or the client's limits. `never`.
  client_failed  ///< The client failed on its own (an option, a callback, redirects). `never`.
};

/// The documented wait after every 429, in seconds: "wait 120 secs" (TrackingMore's rate-limit
/// article; v2's 429 row says "wait two minute").
inline constexpr unsigned rate_limit_wait_s = 120;

/// One documented response code of one API version (or, from `classify`, the library's reading of
/// an undocumented one).
struct code_info {
  int code;                  ///< The wire value of `meta.code` (v3: the top-level `code`).
  api_version version;       ///< The API version that documents it.
  std::string_view name;     ///< Its enumerator name in `vN::errc`; empty when undocumented.
  std::string_view type;     ///< The documented type, verbatim; empty when undocumented.
  std::string_view message;  ///< The documented English message; empty when undocumented.
  int http_status;           ///< The status the documented type names (v4 documents it too).
  trackingmore::http_class http_class;  ///< The class of `http_status`.
  retry_advice retry;                   ///< What a client should do about it.
  unsigned retry_after_s;               ///< The documented wait before a retry (120 for 429).
  trackingmore::condition condition;    ///< Its group, or `no_condition`.

  /// True for every code but the success ones (v2 200, 201; v3 200; v4 200).
  constexpr bool failed() const noexcept { return retry != retry_advice::not_applicable; }
};

/// A read-only view of one version's table, for code that picks the version at run time.
struct code_table {
  const code_info* first;  ///< The first row.
  std::size_t count;       ///< The number of rows.

  /// The first row.
  constexpr const code_info* begin() const noexcept { return first; }
  /// One past the last row.
  constexpr const code_info* end() const noexcept { return first + count; }
  /// The number of rows.
  constexpr std::size_t size() const noexcept { return count; }
  /// Row `i`, for `i < size()`.
  constexpr const code_info& operator[](std::size_t i) const noexcept { return first[i]; }
};

/// The enumerator name of `v` ("v2", "v3", "v4"); empty for a value that names no version.
constexpr std::string_view name_of(api_version v) noexcept {
  using namespace std::string_view_literals;
  switch (v) {
    case api_version::v2: return "v2"sv;
    case api_version::v3: return "v3"sv;
    case api_version::v4: return "v4"sv;
  }
  return {};
}

/// Implementation details: not part of the API.
namespace detail {
/// `names[value - first]`, or empty for a value outside the enumeration.
template <class Enum, std::size_t N>
constexpr std::string_view enumerator_name(const std::string_view (&names)[N], Enum value,
                                           int first) noexcept {
  const auto i = static_cast<std::size_t>(static_cast<int>(value) - first);
  return i < N ? names[i] : std::string_view{};
}
}  // namespace detail

/// The enumerator name of `c` ("client_error", ...); empty for a value that names no class.
constexpr std::string_view name_of(http_class c) noexcept {
  using namespace std::string_view_literals;
  constexpr std::string_view names[] = {"informational"sv, "success"sv, "redirection"sv,
                                        "client_error"sv, "server_error"sv};
  return detail::enumerator_name(names, c, 1);
}

/// The enumerator name of `r` ("after_delay", ...); empty for a value that names no advice.
constexpr std::string_view name_of(retry_advice r) noexcept {
  using namespace std::string_view_literals;
  constexpr std::string_view names[] = {"not_applicable"sv, "after_delay"sv,
                                        "after_fixing_request"sv, "after_account_action"sv,
                                        "never"sv};
  return detail::enumerator_name(names, r, 0);
}

/// The enumerator name of `c` ("rate_limited", ...); empty for `no_condition` and other values.
constexpr std::string_view name_of(condition c) noexcept {
  using namespace std::string_view_literals;
  constexpr std::string_view names[] = {"authentication_failed"sv,
                                        "access_denied"sv,
                                        "payment_required"sv,
                                        "rate_limited"sv,
                                        "invalid_request"sv,
                                        "limit_exceeded"sv,
                                        "tracking_exists"sv,
                                        "tracking_not_found"sv,
                                        "courier_not_detected"sv,
                                        "not_found"sv,
                                        "timeout"sv,
                                        "server_error"sv,
                                        "retryable"sv};
  return detail::enumerator_name(names, c, 1);
}

// ================================================================================================
// 2. The codes
// ================================================================================================
//
// Each version's rows are written once, in the documentation's order, as
//   X(enumerator, code, type, retry advice, condition, "message")
// where the type is one of that version's documented types below, and the advice and condition are
// the library's classification (docs/semantics.md says why). Everything else in a row follows from
// these, in `TRACKINGMORE_STATUS_ROW`: the version from the list, the HTTP status and its class
// from the type, and the 120 s wait from `rate_limited`.

// The row macros are variadic and leave a comma after the last enumerator, both C++11 features a
// C++17 header uses by design, so -Weverything's C++98 compatibility notes need not say so.
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wc++98-compat-pedantic"
#endif

namespace detail {

// Every text of the tables is an `sv` literal: a string_view made from a plain literal counts its
// characters one constexpr step at a time, which was over a third of what including the header
// cost (docs/benchmarks.md). A using-declaration in `detail` keeps it from the public namespaces.
using std::literals::string_view_literals::operator""sv;

/// A documented type ("Bad Request") and the HTTP status it names.
struct response_type {
  std::string_view text;
  int http_status;
  trackingmore::http_class http_class;
};

/// @cond
#define TRACKINGMORE_STATUS_TYPE(name, text, status) \
  inline constexpr response_type name{text##sv, (status), static_cast<http_class>((status) / 100)};

/// @endcond

// v2's "Meta.type" column.
namespace v2_types {
TRACKINGMORE_STATUS_TYPE(success, "Success", 200)
TRACKINGMORE_STATUS_TYPE(created, "Created", 201)
TRACKINGMORE_STATUS_TYPE(no_content, "No Content", 204)
TRACKINGMORE_STATUS_TYPE(bad_request, "Bad Request", 400)
TRACKINGMORE_STATUS_TYPE(unauthorized, "Unauthorized", 401)
TRACKINGMORE_STATUS_TYPE(payment_required, "Payment Required", 402)
TRACKINGMORE_STATUS_TYPE(forbidden, "Forbidden", 403)
TRACKINGMORE_STATUS_TYPE(not_found, "Not Found", 404)
TRACKINGMORE_STATUS_TYPE(method_not_allowed, "Method Not Allowed", 405)
TRACKINGMORE_STATUS_TYPE(conflict, "Conflict", 409)
TRACKINGMORE_STATUS_TYPE(too_many_requests, "Too Many Requests", 429)
TRACKINGMORE_STATUS_TYPE(server_error, "Server error", 500)
TRACKINGMORE_STATUS_TYPE(service_unavailable, "Service Unavailable", 503)
}  // namespace v2_types

// v3's "Type" column.
namespace v3_types {
TRACKINGMORE_STATUS_TYPE(success, "Success", 200)
TRACKINGMORE_STATUS_TYPE(no_content, "No Content", 204)
TRACKINGMORE_STATUS_TYPE(bad_request, "Bad Request", 400)
TRACKINGMORE_STATUS_TYPE(unauthorized, "Unauthorized", 401)
TRACKINGMORE_STATUS_TYPE(payment_required, "PaymentRequired", 402)
TRACKINGMORE_STATUS_TYPE(not_found, "Not Found", 404)
TRACKINGMORE_STATUS_TYPE(time_out, "Time Out", 408)
// "Out limited" names no HTTP status; its one code, 413, is Content Too Large, which fits.
TRACKINGMORE_STATUS_TYPE(out_limited, "Out limited", 413)
TRACKINGMORE_STATUS_TYPE(server_error, "Server Error", 500)
}  // namespace v3_types

// v4's "Type" column; v4 also documents each row's HTTP status, always the one its type names.
namespace v4_types {
TRACKINGMORE_STATUS_TYPE(success, "Success", 200)
TRACKINGMORE_STATUS_TYPE(bad_request, "BadRequest", 400)
TRACKINGMORE_STATUS_TYPE(unauthorized, "Unauthorized", 401)
TRACKINGMORE_STATUS_TYPE(forbidden, "Forbidden", 403)
TRACKINGMORE_STATUS_TYPE(not_found, "NotFound", 404)
TRACKINGMORE_STATUS_TYPE(too_many_requests, "TooManyRequests", 429)
TRACKINGMORE_STATUS_TYPE(server_error, "ServerError", 500)
}  // namespace v4_types

constexpr http_class class_of(int http_status) noexcept {
  return http_status >= 100 && http_status <= 599 ? static_cast<http_class>(http_status / 100)
                                                  : http_class{};
}

}  // namespace detail

// The "API Status Code" page. 202 and 4031-4033 are typed as successes ("Bad Request" for a
// success, "No Content" for failures the caller must act on): the types are kept, the advice and
// condition say what the codes mean. 500 has no message: its type stands in.
#define TRACKINGMORE_STATUS_V2_CODES(X)                                                            \
  X(success, 200, success, not_applicable, no_condition,                                           \
    "The request was successful (some API calls may return 201 instead).")                         \
  X(created, 201, created, not_applicable, no_condition,                                           \
    "The request was successful and a resource was created.")                                      \
  X(over_limit, 202, bad_request, after_fixing_request, condition::limit_exceeded,                 \
    "The request was successful but exceeding the limit.")                                         \
  X(unauthorized, 401, unauthorized, after_account_action, condition::authentication_failed,       \
    "Authentication failed or user does not have permissions for the requested operation.")        \
  X(invalid_api_key, 4001, unauthorized, after_account_action, condition::authentication_failed,   \
    "Invalid API key.")                                                                            \
  X(api_key_deleted, 4002, unauthorized, after_account_action, condition::authentication_failed,   \
    "API key has been deleted.")                                                                   \
  X(bad_request, 4012, bad_request, after_fixing_request, condition::invalid_request,              \
    "The request could not be understood or was missing required parameters.")                     \
  X(tracking_number_required, 4013, bad_request, after_fixing_request, condition::invalid_request, \
    "Tracking_number is required.")                                                                \
  X(invalid_tracking_number, 4014, bad_request, after_fixing_request, condition::invalid_request,  \
    "The value of `tracking_number` is invalid.")                                                  \
  X(invalid_carrier_code, 4015, bad_request, after_fixing_request, condition::invalid_request,     \
    "The value of `carrier_code` is invalid.")                                                     \
  X(tracking_exists, 4016, bad_request, never, condition::tracking_exists,                         \
    "Tracking already exists.")                                                                    \
  X(tracking_not_found, 4017, bad_request, after_fixing_request, condition::tracking_not_found,    \
    "Tracking does not exist.")                                                                    \
  X(activation_required, 4018, bad_request, after_account_action, condition::access_denied,        \
    "Due to overload risks this feature requires custom activation. Contact "                      \
    "service@trackingmore.org for more information.")                                              \
  X(insufficient_balance, 4019, bad_request, after_account_action, condition::payment_required,    \
    "Your balance is insufficient, please recharge in time")                                       \
  X(batch_limit_exceeded, 4020, bad_request, after_fixing_request, condition::limit_exceeded,      \
    "Up to 200 at a time")                                                                         \
  X(quota_exhausted, 4021, bad_request, after_account_action, condition::payment_required,         \
    "Remaining quota is deficient, or the 7-day free trial has expired. To continue using "        \
    "API, please recharge first.")                                                                 \
  X(empty_response, 4031, no_content, after_fixing_request, condition::tracking_not_found,         \
    "The request was successful but the response is empty. Please try POST /trackings/post "       \
    "and then GET /trackings/get")                                                                 \
  X(carrier_not_detected, 4032, no_content, after_fixing_request, condition::courier_not_detected, \
    "Cannot detect courier. Assign your shipment a courier instead of by auto detection.")         \
  X(invalid_status, 4033, no_content, after_fixing_request, condition::invalid_request,            \
    "The value of `package status` is invalid.")                                                   \
  X(payment_required, 402, payment_required, after_account_action, condition::payment_required,    \
    "Payment required.")                                                                           \
  X(forbidden, 403, forbidden, after_account_action, condition::access_denied, "Access denied.")   \
  X(not_found, 404, not_found, after_fixing_request, condition::not_found,                         \
    "Resource was not found.")                                                                     \
  X(method_not_allowed, 405, method_not_allowed, after_fixing_request, condition::invalid_request, \
    "Requested method is not supported for the specified resource.")                               \
  X(conflict, 409, conflict, never, condition::invalid_request,                                    \
    "The request could not be completed due to a conflict.")                                       \
  X(too_many_requests, 429, too_many_requests, after_delay, condition::rate_limited,               \
    "Exceeded API limits. Pause requests, wait two minute, and try again.")                        \
  X(server_error, 500, server_error, after_delay, condition::server_error, "Server error")         \
  X(service_unavailable, 503, service_unavailable, after_delay, condition::server_error,           \
    "The service is temporary unavailable (e.g. scheduled Platform Maintenance). Try again "       \
    "later.")
// The v3 SDKs' "Typical Server Responses". 403 is typed "Bad Request" with 404's text: a missing
// page, not a refusal. 429 is typed "Bad Request", yet a rate limit.
#define TRACKINGMORE_STATUS_V3_CODES(X)                                                           \
  X(success, 200, success, not_applicable, no_condition, "Request response is successful")        \
  X(paid_plan_required, 203, payment_required, after_account_action, condition::payment_required, \
    "API service is only available for paid account Please subscribe paid plan to unlock API "    \
    "services")                                                                                   \
  X(no_content, 204, no_content, after_fixing_request, condition::tracking_not_found,             \
    "Request was successful, but no data returned Tracking NO. or target data possibly do "       \
    "not exist")                                                                                  \
  X(bad_request, 400, bad_request, after_fixing_request, condition::invalid_request,              \
    "Request type error Please check the API documentation for the request type of this API")     \
  X(unauthorized, 401, unauthorized, after_account_action, condition::authentication_failed,      \
    "Authentication failed or has no permission Please check and ensure your API Key is "         \
    "correct")                                                                                    \
  X(forbidden, 403, bad_request, after_fixing_request, condition::not_found,                      \
    "Page does not exist Please check and ensure your link is correct")                           \
  X(not_found, 404, not_found, after_fixing_request, condition::not_found,                        \
    "Page does not exist Please check and ensure your link is correct")                           \
  X(timeout, 408, time_out, after_delay, condition::timeout,                                      \
    "Request timeout The official website did not return data, please try again later")           \
  X(parameter_too_long, 411, bad_request, after_fixing_request, condition::invalid_request,       \
    "Specified request parameter length exceeds length limit Please check and ensure that "       \
    "the request parameters are of the required length")                                          \
  X(invalid_parameter_format, 412, bad_request, after_fixing_request, condition::invalid_request, \
    "Specified request parameter format doesn't meet requirements Please check and ensure "       \
    "that the request parameters are in the required format")                                     \
  X(too_many_parameters, 413, out_limited, after_fixing_request, condition::limit_exceeded,       \
    "The number of request parameters exceeds the limit Please check the API documentation "      \
    "for the limit of this API")                                                                  \
  X(unparsable_parameters, 417, bad_request, after_fixing_request, condition::invalid_request,    \
    "Missing request parameters or request parameters cannot be parsed Please check and "         \
    "ensure that the request parameters are complete and correctly formatted")                    \
  X(special_fields_required, 421, bad_request, after_fixing_request, condition::invalid_request,  \
    "Some of required parameters are empty Some couriers need special parameters to track "       \
    "logistics information (Special Couriers)")                                                   \
  X(invalid_courier_code, 422, bad_request, after_fixing_request, condition::invalid_request,     \
    "Unidentifiable courier code Please check and ensure that the courier code are "              \
    "correct(Courier code)")                                                                      \
  X(tracking_exists, 423, bad_request, never, condition::tracking_exists,                         \
    "Tracking No. already exists")                                                                \
  X(tracking_not_found, 424, bad_request, after_fixing_request, condition::tracking_not_found,    \
    "Tracking No. no exists Please use 「Create trckings」 API first to create trackings")        \
  X(too_many_requests, 429, bad_request, after_delay, condition::rate_limited,                    \
    "Exceeded API request limits, please try again later Please check the API documentation "     \
    "for the limit of this API")                                                                  \
  X(server_error_511, 511, server_error, after_delay, condition::server_error,                    \
    "Server error Please contact us: service@trackingmore.org.")                                  \
  X(server_error_512, 512, server_error, after_delay, condition::server_error,                    \
    "Server error Please contact us: service@trackingmore.org.")                                  \
  X(server_error_513, 513, server_error, after_delay, condition::server_error,                    \
    "Server error Please contact us: service@trackingmore.org.")
// The v4 SDKs' "Response Code", the current API.
#define TRACKINGMORE_STATUS_V4_CODES(X)                                                            \
  X(success, 200, success, not_applicable, no_condition, "Request response is successful")         \
  X(bad_request, 400, bad_request, after_fixing_request, condition::invalid_request,               \
    "Request type error. Please check the API documentation for the request type of this API.")    \
  X(tracking_exists, 4101, bad_request, never, condition::tracking_exists,                         \
    "Tracking No. already exists.")                                                                \
  X(tracking_not_found, 4102, bad_request, after_fixing_request, condition::tracking_not_found,    \
    "Tracking No. no exists. Please use 「Create a tracking」 API first to create shipment.")      \
  X(batch_limit_exceeded, 4103, bad_request, after_fixing_request, condition::limit_exceeded,      \
    "You have exceeded the shipment quantity of API call. The maximum quantity is 40 "             \
    "shipments per call.")                                                                         \
  X(invalid_tracking_number, 4110, bad_request, after_fixing_request, condition::invalid_request,  \
    "The value of tracking_number is invalid.")                                                    \
  X(tracking_number_required, 4111, bad_request, after_fixing_request, condition::invalid_request, \
    "Tracking_number is required.")                                                                \
  X(invalid_tracking_id, 4112, bad_request, after_fixing_request, condition::invalid_request,      \
    "Invalid Tracking ID.")                                                                        \
  X(retrack_not_allowed, 4113, bad_request, never, condition::invalid_request,                     \
    "Retrack is not allowed. You can only retrack an expired tracking.")                           \
  X(invalid_courier_code, 4120, bad_request, after_fixing_request, condition::invalid_request,     \
    "The value of courier_code is invalid.")                                                       \
  X(courier_not_detected, 4121, bad_request, after_fixing_request,                                 \
    condition::courier_not_detected, "Cannot detect courier.")                                     \
  X(invalid_special_fields, 4122, bad_request, after_fixing_request, condition::invalid_request,   \
    "Missing or invalid value of the special required fields for this courier.")                   \
  X(invalid_field_format, 4130, bad_request, after_fixing_request, condition::invalid_request,     \
    "The format of Field name is invalid.")                                                        \
  X(invalid_awb_number, 4160, bad_request, after_fixing_request, condition::invalid_request,       \
    "The awb_number is required or invaild format.")                                               \
  X(awb_airline_unsupported, 4161, bad_request, after_fixing_request, condition::invalid_request,  \
    "The awb airline does not support yet.")                                                       \
  X(awb_batch_limit_exceeded, 4162, bad_request, after_fixing_request, condition::limit_exceeded,  \
    "A batch supports only 20 awb_numbers.")                                                       \
  X(awb_delete_failed, 4163, bad_request, after_fixing_request, condition::invalid_request,        \
    "Failed to delete air waybill number.")                                                        \
  X(awb_create_failed, 4164, bad_request, after_fixing_request, condition::invalid_request,        \
    "Failed to create air waybill number.")                                                        \
  X(awb_not_created, 4165, bad_request, after_fixing_request, condition::tracking_not_found,       \
    "Query failed: Air waybill number not created.")                                               \
  X(awb_delete_not_created, 4166, bad_request, after_fixing_request,                               \
    condition::tracking_not_found, "Failed to delete an uncreated air waybill number.")            \
  X(awb_exists, 4167, bad_request, never, condition::tracking_exists,                              \
    "The air waybill number already exists, no need to create it again.")                          \
  X(awb_create_limit_exceeded, 4168, bad_request, after_fixing_request, condition::limit_exceeded, \
    "You have exceeded the number of API calls created. The maximum quantity created each "        \
    "time is 20 air waybill numbers.")                                                             \
  X(quota_exceeded, 4190, bad_request, after_account_action, condition::payment_required,          \
    "You are reaching the maximum quota limitation, please upgrade your current plan.")            \
  X(unauthorized, 401, unauthorized, after_account_action, condition::authentication_failed,       \
    "Authentication failed or has no permission. Please check and ensure your API Key is "         \
    "correct.")                                                                                    \
  X(forbidden, 403, forbidden, after_account_action, condition::access_denied,                     \
    "Access prohibited. The request has been refused or access is not allowed.")                   \
  X(not_found, 404, not_found, after_fixing_request, condition::not_found,                         \
    "Page does not exist. Please check and ensure your link is correct.")                          \
  X(too_many_requests, 429, too_many_requests, after_delay, condition::rate_limited,               \
    "Exceeded API request limits, please try again later. Please check the API documentation "     \
    "for the limit of this API.")                                                                  \
  X(server_error_511, 511, server_error, after_delay, condition::server_error,                     \
    "Server error. Please contact us: service@trackingmore.org.")                                  \
  X(server_error_512, 512, server_error, after_delay, condition::server_error,                     \
    "Server error. Please contact us: service@trackingmore.org.")                                  \
  X(server_error_513, 513, server_error, after_delay, condition::server_error,                     \
    "Server error. Please contact us: service@trackingmore.org.")
// One row of `vN::codes`, from one row of a list above.
#define TRACKINGMORE_STATUS_LITERAL(text) text##sv
#define TRACKINGMORE_STATUS_ROW(version, enumerator, code, type, advice, group, message) \
  {code,                                                                                 \
   api_version::version,                                                                 \
   TRACKINGMORE_STATUS_LITERAL(#enumerator),                                             \
   version##_types::type.text,                                                           \
   message##sv,                                                                          \
   version##_types::type.http_status,                                                    \
   version##_types::type.http_class,                                                     \
   retry_advice::advice,                                                                 \
   static_cast<int>(group) == rate_limited_value ? rate_limit_wait_s : 0u,               \
   group},
#define TRACKINGMORE_STATUS_V2_ROW(...) TRACKINGMORE_STATUS_ROW(v2, __VA_ARGS__)
#define TRACKINGMORE_STATUS_V3_ROW(...) TRACKINGMORE_STATUS_ROW(v3, __VA_ARGS__)
#define TRACKINGMORE_STATUS_V4_ROW(...) TRACKINGMORE_STATUS_ROW(v4, __VA_ARGS__)
#define TRACKINGMORE_STATUS_ENUMERATOR(enumerator, code, ...) enumerator = code,

namespace detail {
// Rows compare ints, not enums: clang resolves each comparison of enums as an overloaded operator
// (over a million instructions each, 70 times).
inline constexpr int rate_limited_value = static_cast<int>(condition::rate_limited);

inline constexpr code_info v2_rows[] = {TRACKINGMORE_STATUS_V2_CODES(TRACKINGMORE_STATUS_V2_ROW)};
inline constexpr code_info v3_rows[] = {TRACKINGMORE_STATUS_V3_CODES(TRACKINGMORE_STATUS_V3_ROW)};
inline constexpr code_info v4_rows[] = {TRACKINGMORE_STATUS_V4_CODES(TRACKINGMORE_STATUS_V4_ROW)};
}  // namespace detail

/// API v2 (`https://api.trackingmore.com/v2`): the "API Status Code" page.
namespace v2 {
/// Every documented v2 `meta.code`; the value is the wire code. Each enumerator is documented on
/// the "API v2 codes" page (its type and message: `find(code)`).
enum class errc : int { TRACKINGMORE_STATUS_V2_CODES(TRACKINGMORE_STATUS_ENUMERATOR) };
/// Every documented v2 code, in the documentation's order.
inline constexpr code_table codes{detail::v2_rows, std::size(detail::v2_rows)};
}  // namespace v2

/// API v3 (`https://api.trackingmore.com/v3`): the v3 SDKs' "Typical Server Responses".
namespace v3 {
/// Every documented v3 `code`; the value is the wire code. Each enumerator is documented on the
/// "API v3 codes" page (its type and message: `find(code)`).
enum class errc : int { TRACKINGMORE_STATUS_V3_CODES(TRACKINGMORE_STATUS_ENUMERATOR) };
/// Every documented v3 code, in the documentation's order.
inline constexpr code_table codes{detail::v3_rows, std::size(detail::v3_rows)};
}  // namespace v3

/// API v4 (`https://api.trackingmore.com/v4`), the current API: the v4 SDKs' "Response Code".
namespace v4 {
/// Every documented v4 `meta.code`; the value is the wire code. Each enumerator is documented on
/// the "API v4 codes" page (its type and message: `find(code)`).
enum class errc : int { TRACKINGMORE_STATUS_V4_CODES(TRACKINGMORE_STATUS_ENUMERATOR) };
/// Every documented v4 code, in the documentation's order.
inline constexpr code_table codes{detail::v4_rows, std::size(detail::v4_rows)};
}  // namespace v4

namespace detail {
/// One Polish message, keyed by its code.
struct keyed_message {
  v2::errc key;
  std::string_view text;
};

// The Polish page (status_code.php?lang=pl), link labels removed. It follows the older English
// wording for 4020, 4021 and 4033. Its 4018 shows Cloudflare's "[email protected]" placeholder:
// the address is the English page's. 500 has no message, as in English.
inline constexpr keyed_message v2_messages_pl[] = {
    {v2::errc::success,
     "Żądanie zakończyło się powodzeniem (niektóre wywołania interfejsu API "
     "mogą wrócić 201 zamiast)."sv},
    {v2::errc::created, "Żądanie zakończyło się powodzeniem i został utworzony zasób."sv},
    {v2::errc::over_limit, "Żądanie zakończyło się powodzeniem, ale przekroczenie limitu."sv},
    {v2::errc::unauthorized,
     "Uwierzytelnianie nie powiodło się lub użytkownik nie ma uprawnień dla "
     "żądanej operacji."sv},
    {v2::errc::invalid_api_key, "Nieprawidłowy klucz API."sv},
    {v2::errc::api_key_deleted, "Klucz API został usunięty."sv},
    {v2::errc::bad_request, "Wniosek nie może być rozumiane lub brakuje wymaganych parametrów."sv},
    {v2::errc::tracking_number_required, "Tracking_number jest wymagane."sv},
    {v2::errc::invalid_tracking_number, "Wartość 'tracking_number' jest nieprawidłowy."sv},
    {v2::errc::invalid_carrier_code, "Wartość 'carrier_code' jest nieprawidłowy."sv},
    {v2::errc::tracking_exists, "Śledzenie już istnieje."sv},
    {v2::errc::tracking_not_found, "Śledzenia nie istnieje."sv},
    {v2::errc::activation_required,
     "Ze względu na ryzyko Przeciążenie tej funkcji wymaga aktywacji niestandardowego. Aby "
     "uzyskać więcej informacji, skontaktuj się z service@trackingmore.org."sv},
    {v2::errc::insufficient_balance,
     "Twoje saldo jest niewystarczające, należy naładować w czasie"sv},
    {v2::errc::batch_limit_exceeded, "Ograniczenie do 200 w czasie"sv},
    {v2::errc::quota_exhausted,
     "Pozostałe saldo nie jest wystarczająco, więc nie można wywołać "
     "interfejsu API danych żądania."sv},
    {v2::errc::empty_response,
     "Żądanie zakończyło się powodzeniem, ale odpowiedź jest pusty. Proszę "
     "spróbować POST /trackings/post a następnie GET /trackings/get"sv},
    {v2::errc::carrier_not_detected,
     "Nie można wykryć kuriera. Przypisz przesyłki Kurier zamiast automatycznego wykrywania."sv},
    {v2::errc::invalid_status, "Wartość 'status' jest nieprawidłowy."sv},
    {v2::errc::payment_required, "Płatność wymagana."sv},
    {v2::errc::forbidden, "Odmowa dostępu."sv},
    {v2::errc::not_found, "Nie można odnaleźć zasobu."sv},
    {v2::errc::method_not_allowed, "Żądana metoda nie jest obsługiwana dla określonego zasobu."sv},
    {v2::errc::conflict, "Nie można ukończyć żądania z powodu konfliktu."sv},
    {v2::errc::too_many_requests,
     "Przekroczone limity interfejsów API. Wstrzymanie żądania, poczekaj "
     "dwie minuty i spróbuj ponownie."sv},
    {v2::errc::server_error, ""sv},
    {v2::errc::service_unavailable,
     "Serwis jest tymczasowej niedostępne (np. zaplanowane platformy "
     "konserwacji). Spróbuj ponownie później."sv},
};
}  // namespace detail

TRACKINGMORE_STATUS_NAMESPACE_END

#undef TRACKINGMORE_STATUS_ENUMERATOR
#undef TRACKINGMORE_STATUS_V4_ROW
#undef TRACKINGMORE_STATUS_V3_ROW
#undef TRACKINGMORE_STATUS_V2_ROW
#undef TRACKINGMORE_STATUS_ROW
#undef TRACKINGMORE_STATUS_LITERAL
#undef TRACKINGMORE_STATUS_TYPE
#undef TRACKINGMORE_STATUS_V4_CODES
#undef TRACKINGMORE_STATUS_V3_CODES
#undef TRACKINGMORE_STATUS_V2_CODES

#ifdef __clang__
#pragma clang diagnostic pop
#endif

/// @cond
template <>
struct std::is_error_code_enum<trackingmore::v2::errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::v3::errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::v4::errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::response_errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::transport_errc> : std::true_type {};
template <>
struct std::is_error_condition_enum<trackingmore::condition> : std::true_type {};
/// @endcond

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

// ================================================================================================
// 3. Lookup and classification
// ================================================================================================

namespace detail {

/// A collision-free hash from code to row: `find` is one multiply, one load and one compare.
///
/// A linear scan or a binary search costs several times a `switch`; this matches it. The multiplier
/// is the first odd number up from 2^32 / golden ratio that gives every code of every table a slot
/// of its own. It is written down rather than searched for by each translation unit, which was a
/// fifth of what including the header cost; `check_table` proves it.
struct code_index {
  static constexpr unsigned slot_bits = 7;  // 128 slots for at most 30 codes
  static constexpr std::uint32_t multiplier = 0x9E377A13u;
  code_table table;
  std::uint8_t slots[std::size_t{1} << slot_bits];  // row + 1; 0 is empty

  static constexpr std::size_t slot_of(int code) noexcept {
    return (static_cast<std::uint32_t>(code) * multiplier) >> (32 - slot_bits);
  }

  /// The row of `code`, or `table.size()` when the table does not document it. Callers test the
  /// index rather than a pointer: g++ cannot compare an object's address with nullptr in a
  /// constant expression under `-fsanitize=undefined` (`-fno-delete-null-pointer-checks`).
  constexpr std::size_t row_of(int code) const noexcept {
    const std::uint8_t slot = slots[slot_of(code)];
    return slot != 0 && table.first[slot - 1u].code == code ? slot - 1u : table.count;
  }

  constexpr const code_info* find(int code) const noexcept {
    const std::size_t row = row_of(code);
    return row < table.count ? table.first + row : nullptr;
  }
};

constexpr code_index make_index(code_table table) noexcept {
  code_index index{table, {}};
  for (std::size_t i = 0; i < table.count; ++i) {
    index.slots[code_index::slot_of(table.first[i].code)] = static_cast<std::uint8_t>(i + 1);
  }
  return index;  // a row that shares a slot is overwritten: `check_table` catches it
}

template <const code_table& Table>
inline constexpr code_index index_of = make_index(Table);

inline constexpr code_index no_codes{{nullptr, 0}, {}};

/// The index of `version`'s table; an empty one for a value that names no version.
constexpr const code_index& index_for(api_version version) noexcept {
  switch (version) {
    case api_version::v2: return index_of<v2::codes>;
    case api_version::v3: return index_of<v3::codes>;
    case api_version::v4: return index_of<v4::codes>;
  }
  return no_codes;
}

/// Checks, in one pass, what the rows cannot state by construction; the comment on each check
/// names its rule.
///
/// The tests evaluate it at compile time (`tests/semantics_test.cpp`); a file that includes the
/// header does not, since proving constant data again in every translation unit was a tenth of
/// what including the header cost.
constexpr bool check_table(const code_index& index) noexcept {
  if (index.table.size() > 254) return false;  // slots store row + 1 in a byte
  for (const code_info& c : index.table) {
    // Codes are unique, and each has a slot of its own (else pick the next odd multiplier that
    // gives every code one).
    if (index.table.first + index.row_of(c.code) != &c) return false;
    if (c.failed() && c.message.empty()) return false;              // every failure has a message
    if (c.http_class == http_class{}) return false;                 // every status is a real one
    if (c.failed() == (c.condition == no_condition)) return false;  // failures, only, have a group
    if (c.retry_after_s != 0 && c.retry != retry_advice::after_delay) return false;  // 429 waits
  }
  return true;
}

}  // namespace detail

/// The table of `version`; empty for a value that names no version.
constexpr code_table codes_of(api_version version) noexcept {
  return detail::index_for(version).table;
}

/// The row of `code` in `version`'s table, or nullptr when that version does not document it.
///
/// Example:
/// ```
/// const trackingmore::code_info* row = trackingmore::find(trackingmore::api_version::v2, 4032);
/// // row->name == "carrier_not_detected", row->http_status == 204
/// ```
constexpr const code_info* find(api_version version, int code) noexcept {
  return detail::index_for(version).find(code);
}

namespace v2 {
/// The v2 row of `code`, or nullptr when v2 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }
}  // namespace v2
namespace v3 {
/// The v3 row of `code`, or nullptr when v3 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }
}  // namespace v3
namespace v4 {
/// The v4 row of `code`, or nullptr when v4 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }
}  // namespace v4

/// How the library treats any `code` of `version`: its documented row, or else a row (with empty
/// name, type and message) that follows RFC 9110's rule that an unknown status is treated like
/// the x00 of its class, extended to TrackingMore's four-digit codes:
/// - 200..299: success;
/// - 400..499 and 4000..4999: `invalid_request`, `after_fixing_request` (HTTP 400);
/// - 500..599 and 5000..5999: `server_error`, `after_delay` (HTTP 500);
/// - anything else: a failure with no condition, advised `never`; its HTTP status is the x00 of
///   its class for 100..199 and 300..399, and 0 for the rest (0 included: no version documents
///   it, and a client that defaults a missing code to 0 must not see success).
///
/// A `version` that names no version documents nothing and reads nothing: every code is a failure
/// with no condition, advised `never`.
constexpr code_info classify(api_version version, int code) noexcept {
  const detail::code_index& index = detail::index_for(version);
  const std::size_t row = index.row_of(code);
  if (row < index.table.count) return index.table.first[row];
  const int digit = name_of(version).empty()       ? -1
                    : code >= 100 && code <= 599   ? code / 100
                    : code >= 4000 && code <= 5999 ? code / 1000
                                                   : 0;
  // One initialisation, no assignments: clang resolves each enum assignment as an overloaded
  // operator, which cost more than the rest of this function.
  const retry_advice retry = digit == 2   ? retry_advice::not_applicable
                             : digit == 4 ? retry_advice::after_fixing_request
                             : digit == 5 ? retry_advice::after_delay
                                          : retry_advice::never;
  const trackingmore::condition group = digit == 4   ? condition::invalid_request
                                        : digit == 5 ? condition::server_error
                                                     : no_condition;
  const int http_status = digit > 0 ? digit * 100 : 0;
  return {code, version, {}, {}, {}, http_status, detail::class_of(http_status), retry, 0, group};
}

namespace v2 {
/// The Polish message of `code` from the Polish status-code page; empty when v2 does not document
/// `code`. 500, which has no message, gives its type, as `message()` does.
constexpr std::string_view message_pl(int code) noexcept {
  for (const detail::keyed_message& m : detail::v2_messages_pl) {
    if (static_cast<int>(m.key) == code) return m.text.empty() ? find(code)->type : m.text;
  }
  return {};
}
}  // namespace v2

// ================================================================================================
// 4. HTTP statuses
// ================================================================================================

namespace detail {
// Plain literals: each `sv` literal would be an overloaded call to resolve in every including file.
constexpr const char* reason_text(int status) noexcept {
  switch (status) {
    case 100: return "Continue";
    case 101: return "Switching Protocols";
    case 102: return "Processing";
    case 103: return "Early Hints";
    case 200: return "OK";
    case 201: return "Created";
    case 202: return "Accepted";
    case 203: return "Non-Authoritative Information";
    case 204: return "No Content";
    case 205: return "Reset Content";
    case 206: return "Partial Content";
    case 207: return "Multi-Status";
    case 208: return "Already Reported";
    case 226: return "IM Used";
    case 300: return "Multiple Choices";
    case 301: return "Moved Permanently";
    case 302: return "Found";
    case 303: return "See Other";
    case 304: return "Not Modified";
    case 305: return "Use Proxy";
    case 307: return "Temporary Redirect";
    case 308: return "Permanent Redirect";
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 402: return "Payment Required";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 406: return "Not Acceptable";
    case 407: return "Proxy Authentication Required";
    case 408: return "Request Timeout";
    case 409: return "Conflict";
    case 410: return "Gone";
    case 411: return "Length Required";
    case 412: return "Precondition Failed";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 417: return "Expectation Failed";
    case 421: return "Misdirected Request";
    case 422: return "Unprocessable Content";
    case 423: return "Locked";
    case 424: return "Failed Dependency";
    case 425: return "Too Early";
    case 426: return "Upgrade Required";
    case 428: return "Precondition Required";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 451: return "Unavailable For Legal Reasons";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 502: return "Bad Gateway";
    case 503: return "Service Unavailable";
    case 504: return "Gateway Timeout";
    case 505: return "HTTP Version Not Supported";
    case 506: return "Variant Also Negotiates";
    case 507: return "Insufficient Storage";
    case 508: return "Loop Detected";
    case 510: return "Not Extended";
    case 511: return "Network Authentication Required";
    case 520: return "Web Server Returned an Unknown Error";
    case 521: return "Web Server Is Down";
    case 522: return "Connection Timed Out";
    case 523: return "Origin Is Unreachable";
    case 524: return "A Timeout Occurred";
    case 525: return "SSL Handshake Failed";
    case 526: return "Invalid SSL Certificate";
    default: return nullptr;
  }
}

/// The retry advice of HTTP `status`, whose first digit is `digit` (0 outside 100..599).
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): `digit` is derived from `status`
constexpr retry_advice http_retry(int status, int digit) noexcept {
  switch (status) {
    case 401:
    case 402:
    case 403:
    case 511: return retry_advice::after_account_action;  // 511: log in to the network first
    case 408:
    case 429: return retry_advice::after_delay;
    case 409:
    case 451:
    case 501:
    case 505:
    case 506:
    case 510: return retry_advice::never;
    default: break;
  }
  switch (digit) {
    case 2: return retry_advice::not_applicable;
    case 4: return retry_advice::after_fixing_request;
    case 5: return retry_advice::after_delay;
    default: return retry_advice::never;
  }
}

/// The first digit of HTTP `status`; 0 outside 100..599.
constexpr int http_digit(int status) noexcept {
  return status >= 100 && status <= 599 ? status / 100 : 0;
}

/// The condition of HTTP `status`, whose first digit is `digit` (0 outside 100..599).
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): `digit` is derived from `status`
constexpr condition http_group(int status, int digit) noexcept {
  switch (status) {
    case 401: return condition::authentication_failed;
    case 402: return condition::payment_required;
    case 403:
    case 451:
    case 511: return condition::access_denied;
    case 404:
    case 410: return condition::not_found;
    case 408: return condition::timeout;
    case 413: return condition::limit_exceeded;
    case 429: return condition::rate_limited;
    default: break;
  }
  switch (digit) {
    case 4: return condition::invalid_request;
    case 5: return condition::server_error;
    default: return no_condition;
  }
}

}  // namespace detail

/// HTTP statuses as the library reads them: the transport's answer, before any body.
///
/// TrackingMore's codes and HTTP's statuses share numbers with different meanings (v2 202, v3 403,
/// v3/v4 511-513), and the CDN in front of the API answers with its own pages (403, 429, 5xx,
/// 520-527), so an HTTP status is never read as a code of an API version.
namespace http {

/// How the library reads one HTTP status.
struct status_info {
  int status;                           ///< The HTTP status.
  std::string_view reason;              ///< Its reason phrase; empty when none is known.
  trackingmore::http_class http_class;  ///< Its class; none outside 100..599.
  retry_advice retry;                   ///< What a client should do about it.
  unsigned retry_after_s;               ///< The documented wait before a retry (120 for 429).
  trackingmore::condition condition;    ///< Its group, or `no_condition`.

  /// True for every status but 200..299.
  constexpr bool failed() const noexcept { return retry != retry_advice::not_applicable; }
};

/// The reason phrase of `status`: that of every status of the IANA HTTP Status Code Registry (RFC
/// 9110's names; neither the unused 306 and 418 nor temporary entries), and Cloudflare's 520-526;
/// empty for any other value.
constexpr std::string_view reason_phrase(int status) noexcept {
  const char* text = detail::reason_text(status);
  return text == nullptr ? std::string_view{} : std::string_view{text};
}

/// How the library reads any HTTP `status`:
/// - 200..299: success;
/// - 401 `authentication_failed`, 402 `payment_required`, 403 `access_denied`: all
///   `after_account_action`; so is 511 `access_denied`, a captive portal's "log in to the network
///   first" (TrackingMore's own 511 comes with HTTP 500);
/// - 404 and 410 `not_found`, 413 `limit_exceeded`, every other 4xx `invalid_request`: all
///   `after_fixing_request`, except 409 `never`, and 451 `access_denied` `never` (a legal block);
/// - 408 `timeout` and 429 `rate_limited` (with TrackingMore's 120 s): `after_delay`;
/// - every other 5xx `server_error`, `after_delay`, except 501, 505, 506 and 510, `never` (what the
///   server cannot do for this request, however often it is sent);
/// - 1xx, 3xx and any value outside 100..599: a failure with no condition, `never`.
constexpr status_info classify(int status) noexcept {
  const int digit = detail::http_digit(status);
  return {status,
          reason_phrase(status),
          detail::class_of(status),
          detail::http_retry(status, digit),
          status == 429 ? rate_limit_wait_s : 0u,
          detail::http_group(status, digit)};
}

}  // namespace http

// ================================================================================================
// 5. std::error_code integration
// ================================================================================================

namespace detail {

/// What a code of one of the library's categories is: a code of an API version, an HTTP status, a
/// `response_errc` or a `transport_errc`. The version values are `api_version`'s.
enum class domain { none = 0, v2 = 2, v3 = 3, v4 = 4, http, response, transport };

/// What the helpers need of any code of the library's categories.
struct reading {
  retry_advice retry;
  unsigned retry_after_s;
  trackingmore::condition condition;
};

/// The advice for a `transport_errc` of `value`.
constexpr retry_advice transport_retry(int value) noexcept {
  switch (static_cast<transport_errc>(value)) {
    case transport_errc::response_cut:
    case transport_errc::host_not_found_try_again: return retry_advice::after_delay;
    case transport_errc::host_not_found:
    case transport_errc::bad_url:
    case transport_errc::unsupported_protocol: return retry_advice::after_fixing_request;
    case transport_errc::tls_failed:
    case transport_errc::malformed_response:
    case transport_errc::client_failed: break;
  }
  return retry_advice::never;
}

/// The library's reading of `value` in `d`: a response error is never retried and has no group,
/// nor has a transport error.
constexpr reading read(domain d, int value) noexcept {
  if (d == domain::http) {
    const http::status_info info = http::classify(value);
    return {info.retry, info.retry_after_s, info.condition};
  }
  if (d == domain::response) return {retry_advice::never, 0, no_condition};
  if (d == domain::transport) return {transport_retry(value), 0, no_condition};
  const code_info info = classify(static_cast<api_version>(d), value);
  return {info.retry, info.retry_after_s, info.condition};
}

/// Whether a code read as `r` belongs to the condition numbered `value`: its own group, and
/// `retryable` for every failure advised `after_delay` (a transport error too, which has no group).
constexpr bool is_in(const reading& r, int value) noexcept {
  const int group = static_cast<int>(r.condition);
  return (group != 0 && group == value) ||
         (value == static_cast<int>(condition::retryable) &&
          static_cast<int>(r.retry) == static_cast<int>(retry_advice::after_delay));
}

/// Appends `value` in decimal to `text`, formatted by hand to need nothing beyond <system_error>.
inline void append_decimal(std::string& text, int value) {
  char digits[16];
  char* first = digits + sizeof digits;
  auto magnitude = static_cast<unsigned>(value);
  if (value < 0) magnitude = 0u - magnitude;
  do {
    *--first = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (value < 0) *--first = '-';
  text.append(first, static_cast<std::size_t>(digits + sizeof digits - first));
}

// A header-only category has its vtable in every translation unit, and a never-destroyed holder
// has a destructor that does nothing: both by design, so -Weverything need not say so.
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wweak-vtables"
#pragma clang diagnostic ignored "-Wglobal-constructors"
#pragma clang diagnostic ignored "-Wexit-time-destructors"
#endif

/// The category of `condition`, named "trackingmore".
class TRACKINGMORE_STATUS_SYMBOL_VISIBLE condition_category final : public std::error_category {
 public:
  constexpr condition_category() noexcept = default;
  const char* name() const noexcept override { return "trackingmore"; }
  std::string message(int value) const override;
  bool equivalent(const std::error_code& code, int value) const noexcept override;
};

/// The category of one domain's codes: "trackingmore.v2", "trackingmore.v3", "trackingmore.v4",
/// "trackingmore.http", "trackingmore.response" or "trackingmore.transport"; one object per domain.
class TRACKINGMORE_STATUS_SYMBOL_VISIBLE code_category final : public std::error_category {
 public:
  constexpr explicit code_category(detail::domain d) noexcept : domain_(d) {}
  constexpr detail::domain domain() const noexcept { return domain_; }
  const char* name() const noexcept override;
  std::string message(int value) const override;
  std::error_condition default_error_condition(int value) const noexcept override;
  bool equivalent(int value, const std::error_condition& wanted) const noexcept override;

 private:
  detail::domain domain_;
};

/// Constant-initialised and never destroyed, so usable from static constructors and after `main`
/// (the technique of libstdc++'s own categories).
template <class T>
union never_destroyed {
  T object;
  template <class... Args>
  constexpr explicit never_destroyed(Args... args) noexcept : object(args...) {}
  ~never_destroyed() {}  // NOLINT(modernize-use-equals-default): `= default` would be deleted
  never_destroyed(const never_destroyed&) = delete;
  never_destroyed& operator=(const never_destroyed&) = delete;
};

// Inline variables with default visibility: one object per program, even across shared libraries.
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> v2_category{
    domain::v2};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> v3_category{
    domain::v3};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> v4_category{
    domain::v4};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> http_category{
    domain::http};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> response_category{
    domain::response};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<code_category> transport_category{
    domain::transport};
TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<condition_category> conditions{};

#ifdef __clang__
#pragma clang diagnostic pop
#endif

}  // namespace detail

/// The category of `condition`, named "trackingmore".
inline const std::error_category& condition_category() noexcept {
  return detail::conditions.object;
}

/// The error_condition of `c`, found by ADL so that `ec == condition::rate_limited` works.
inline std::error_condition make_error_condition(condition c) noexcept {
  return {static_cast<int>(c), condition_category()};
}

/// The category of `response_errc`, named "trackingmore.response".
inline const std::error_category& response_category() noexcept {
  return detail::response_category.object;
}

/// The error_code of `e`, found by ADL so that `ec == response_errc::not_json` works.
inline std::error_code make_error_code(response_errc e) noexcept {
  return {static_cast<int>(e), response_category()};
}

/// The category of `transport_errc`, named "trackingmore.transport".
inline const std::error_category& transport_category() noexcept {
  return detail::transport_category.object;
}

/// The error_code of `e`, found by ADL so that `ec == transport_errc::response_cut` works.
inline std::error_code make_error_code(transport_errc e) noexcept {
  return {static_cast<int>(e), transport_category()};
}

/// The category of `version`'s codes ("trackingmore.vN"); for a value that names no version,
/// `std::generic_category()`, the category of the `std::errc::invalid_argument` that
/// `to_error_code` gives it.
inline const std::error_category& category(api_version version) noexcept {
  switch (version) {
    case api_version::v2: return detail::v2_category.object;
    case api_version::v3: return detail::v3_category.object;
    case api_version::v4: return detail::v4_category.object;
  }
  return std::generic_category();
}

/// The error_code of any `code` of `version`: a value-initialised (falsy) error_code for success,
/// the code itself in `category(version)` for any other failure, documented or not.
///
/// 0 is no code (a client that defaults a missing code to 0 must not see success):
/// `response_errc::code_is_zero`. A value that names no version gives
/// `std::errc::invalid_argument`.
///
/// Example:
/// ```
/// std::error_code ec = trackingmore::to_error_code(trackingmore::api_version::v4, 4101);
/// // ec.message() == "Tracking No. already exists."
/// // ec == trackingmore::condition::tracking_exists, retry_advice_of(ec) == retry_advice::never
/// ```
inline std::error_code to_error_code(api_version version, int code) noexcept {
  if (name_of(version).empty()) return std::make_error_code(std::errc::invalid_argument);
  if (!classify(version, code).failed()) return {};
  if (code == 0) return make_error_code(response_errc::code_is_zero);
  return {code, category(version)};
}

namespace v2 {
/// The category of v2 codes, named "trackingmore.v2".
inline const std::error_category& category() noexcept { return detail::v2_category.object; }
/// The error_code of any v2 `meta.code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v2, code);
}
/// The error_code of `e`: empty for `success` and `created`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept {
  return to_error_code(static_cast<int>(e));
}
}  // namespace v2

namespace v3 {
/// The category of v3 codes, named "trackingmore.v3".
inline const std::error_category& category() noexcept { return detail::v3_category.object; }
/// The error_code of any v3 `code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v3, code);
}
/// The error_code of `e`: empty for `success`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept {
  return to_error_code(static_cast<int>(e));
}
}  // namespace v3

namespace v4 {
/// The category of v4 codes, named "trackingmore.v4".
inline const std::error_category& category() noexcept { return detail::v4_category.object; }
/// The error_code of any v4 `meta.code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v4, code);
}
/// The error_code of `e`: empty for `success`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept {
  return to_error_code(static_cast<int>(e));
}
}  // namespace v4

namespace http {
/// The category of HTTP statuses, named "trackingmore.http".
inline const std::error_category& category() noexcept { return detail::http_category.object; }

/// The error_code of an HTTP `status`: empty for 200..299, the status in `category()` for any
/// other value, and `response_errc::no_response` for 0, what several clients report when no
/// response came at all. Its message is "HTTP 503 Service Unavailable".
inline std::error_code to_error_code(int status) noexcept {
  // The advice alone says success: the reason phrase `classify` also finds costs more than the
  // rest.
  if (detail::http_retry(status, detail::http_digit(status)) == retry_advice::not_applicable) {
    return {};
  }
  if (status == 0) return make_error_code(response_errc::no_response);
  return {status, category()};
}
}  // namespace http

namespace detail {

inline const code_category* const known_categories[] = {
    &v2_category.object,   &v3_category.object,       &v4_category.object,
    &http_category.object, &response_category.object, &transport_category.object};

/// The library's category `c` is, by address: the test every code passes first.
inline const code_category* known_category(const std::error_category& c) noexcept {
  for (const code_category* k : known_categories) {
    if (&c == k) return k;
  }
  return nullptr;
}

/// The library's category `c` is, recognising a duplicate category object by its name.
inline const code_category* category_of(const std::error_category& c) noexcept {
  if (const code_category* k = known_category(c)) return k;
  // One name() call and one short compare for foreign categories: every success
  // (`std::error_code{}`, of the system category) comes this way.
  const std::string_view name = c.name();
  constexpr std::string_view prefix = "trackingmore."sv;
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return nullptr;
  for (const code_category* k : known_categories) {
    if (name == k->name()) return k;
  }
  return nullptr;
}

/// The reading of a failure of the library's categories; false when `ec` is of another category,
/// or empty: a zero error_code means success in every category, and most responses are successes.
inline bool read_code(const std::error_code& ec, reading& r) noexcept {
  if (!ec) return false;
  const code_category* c = category_of(ec.category());
  if (c == nullptr) return false;
  r = read(c->domain(), ec.value());
  return true;
}

inline const char* code_category::name() const noexcept {
  switch (domain_) {
    case domain::v2: return "trackingmore.v2";
    case domain::v3: return "trackingmore.v3";
    case domain::http: return "trackingmore.http";
    case domain::response: return "trackingmore.response";
    case domain::transport: return "trackingmore.transport";
    case domain::v4:
    case domain::none: break;
  }
  return "trackingmore.v4";
}

inline std::string code_category::message(int value) const {
  switch (domain_) {
    case domain::http: {
      std::string text = "HTTP ";
      append_decimal(text, value);
      if (const char* reason = reason_text(value)) (text += ' ') += reason;
      return text;
    }
    case domain::response:
      switch (static_cast<response_errc>(value)) {
        case response_errc::not_json: return "the response body is not JSON";
        case response_errc::not_object: return "the response body is not a JSON object";
        case response_errc::no_meta: return "the response body has no meta object";
        case response_errc::no_code: return "the response body has no code";
        case response_errc::code_not_integer: return "the response code is not an integer";
        case response_errc::code_out_of_range: return "the response code is out of range";
        case response_errc::failures_not_array: return "the batch's failure list is not an array";
        case response_errc::items_failed: return "some items of the batch failed";
        case response_errc::code_is_zero: return "the response code is 0, which is no code";
        case response_errc::no_response: return "no HTTP response (status 0)";
      }
      return "unknown TrackingMore response error";
    case domain::transport:
      switch (static_cast<transport_errc>(value)) {
        case transport_errc::response_cut: return "the connection closed inside the response";
        case transport_errc::host_not_found_try_again: return "the host name does not resolve now";
        case transport_errc::host_not_found: return "the host name does not exist";
        case transport_errc::bad_url: return "the URL is malformed";
        case transport_errc::unsupported_protocol: return "the URL's protocol is not supported";
        case transport_errc::tls_failed: return "TLS failed (handshake or certificate)";
        case transport_errc::malformed_response: return "the response is not valid HTTP";
        case transport_errc::client_failed: return "the HTTP client failed";
      }
      return "unknown transport error";
    case domain::v2:
    case domain::v3:
    case domain::v4:
    case domain::none: break;
  }
  const auto version = static_cast<api_version>(domain_);
  const std::string_view documented = trackingmore::classify(version, value).message;
  if (!documented.empty()) return {documented.data(), documented.size()};
  const std::string_view version_name = name_of(version);
  std::string text = "undocumented TrackingMore ";
  text.append(version_name.data(), version_name.size());
  text += " code ";
  append_decimal(text, value);
  return text;
}

inline std::error_condition code_category::default_error_condition(int value) const noexcept {
  const reading r = read(domain_, value);
  if (r.condition == no_condition) return {value, *this};
  return make_error_condition(r.condition);
}

// `ec == condition::X` asks this first: one lookup answers it, where the default would build the
// default_error_condition and, when that is not X, leave the answer to the condition category.
// A condition category of another version of the library (named "trackingmore" too) gets this
// code's reading, by the table of the version that made the code.
inline bool code_category::equivalent(int value,
                                      const std::error_condition& wanted) const noexcept {
  if (&wanted.category() != &conditions.object &&
      std::string_view(wanted.category().name()) != conditions.object.name()) {
    return error_category::equivalent(value, wanted);
  }
  return is_in(read(domain_, value), wanted.value());
}

inline std::string condition_category::message(int value) const {
  const std::string_view enumerator = name_of(static_cast<trackingmore::condition>(value));
  std::string text(enumerator.data(), enumerator.size());
  if (text.empty()) return "unknown TrackingMore condition";
  for (char& c : text) {
    if (c == '_') c = ' ';
  }
  return text;
}

// Asked when the code's category said no: a code of another TrackingMore category object (a
// duplicate from another shared library) is recognised by name here.
inline bool condition_category::equivalent(const std::error_code& code, int value) const noexcept {
  reading r{};
  return read_code(code, r) && is_in(r, value);
}

}  // namespace detail

/// `ec == std::error_condition(c)`, answered with one lookup for a code of the library and at once
/// for success; the standard's operator, which ADL finds second, asks two categories in turn.
inline bool operator==(const std::error_code& ec, condition c) noexcept {
  if (const detail::code_category* k = detail::known_category(ec.category())) {
    return detail::is_in(detail::read(k->domain(), ec.value()), static_cast<int>(c));
  }
  // The success every call returns, `std::error_code{}`: its category says no, and so does ours.
  if (!ec && ec.category() == std::system_category()) return false;
  return ec == make_error_condition(c);
}
/// `!(ec == c)`.
inline bool operator!=(const std::error_code& ec, condition c) noexcept { return !(ec == c); }
/// `ec == c`.
inline bool operator==(condition c, const std::error_code& ec) noexcept { return ec == c; }
/// `!(ec == c)`.
inline bool operator!=(condition c, const std::error_code& ec) noexcept { return !(ec == c); }

namespace detail {

/// Whether `E` is one of the library's error-code enums.
template <class E>
constexpr bool is_code_enum =
    std::is_same_v<E, v2::errc> || std::is_same_v<E, v3::errc> || std::is_same_v<E, v4::errc> ||
    std::is_same_v<E, response_errc> || std::is_same_v<E, transport_errc>;

/// `ec == expected` for an `expected` the library made, also when `ec` comes from a duplicate of
/// `expected`'s category: each Windows DLL has category objects of its own.
inline bool same_code(const std::error_code& ec, const std::error_code& expected) noexcept {
  if (ec.value() != expected.value()) return false;
  if (ec.category() == expected.category()) return true;
  const code_category* k = known_category(expected.category());
  return k != nullptr && category_of(ec.category()) == k;
}

/// The result type of the exact-code operators, for a `Code` that is `std::error_code` and an `E`
/// of the library's code enums. `Code` is deduced, never converted to: an enum of another version
/// on the left finds no operator rather than an ambiguous pair.
template <class Code, class E>
using exact_code_result =
    std::enable_if_t<std::is_same_v<Code, std::error_code> && is_code_enum<E>, bool>;

}  // namespace detail

/// `ec == make_error_code(e)` for the library's code enums (`vN::errc`, `response_errc`), true
/// for a code made in another DLL too, where the standard's operator compares category addresses.
template <class Code, class E>
auto operator==(const Code& ec, E e) noexcept -> detail::exact_code_result<Code, E> {
  return detail::same_code(ec, make_error_code(e));
}
/// `!(ec == e)`.
template <class Code, class E>
auto operator!=(const Code& ec, E e) noexcept -> detail::exact_code_result<Code, E> {
  return !(ec == e);
}
/// `ec == e`.
template <class Code, class E>
auto operator==(E e, const Code& ec) noexcept -> detail::exact_code_result<Code, E> {
  return ec == e;
}
/// `!(ec == e)`.
template <class Code, class E>
auto operator!=(E e, const Code& ec) noexcept -> detail::exact_code_result<Code, E> {
  return !(ec == e);
}

// ADL looks for `ec == v4::errc::x`'s operator in namespace v4, the enum's.
namespace v2 {
using trackingmore::operator==;
using trackingmore::operator!=;
}  // namespace v2
namespace v3 {
using trackingmore::operator==;
using trackingmore::operator!=;
}  // namespace v3
namespace v4 {
using trackingmore::operator==;
using trackingmore::operator!=;
}  // namespace v4

// ================================================================================================
// 6. Helpers on any error_code
// ================================================================================================

/// The row of an error_code of an API version, or nullptr for an undocumented code, success
/// (`std::error_code{}`), HTTP statuses, response and transport errors and other categories.
inline const code_info* find(const std::error_code& ec) noexcept {
  const detail::code_category* c = detail::category_of(ec.category());
  if (c == nullptr) return nullptr;
  return find(static_cast<api_version>(c->domain()), ec.value());
}

/// The advice the library gives `ec`: `not_applicable` for success (`!ec`), the code's advice for
/// a code of the library's categories (an API version's, an HTTP status, `never` for a
/// `response_errc`, a `transport_errc`'s own), and `never` for a failure of any other category.
inline retry_advice retry_advice_of(const std::error_code& ec) noexcept {
  if (!ec) return retry_advice::not_applicable;
  detail::reading r{};
  return detail::read_code(ec, r) ? r.retry : retry_advice::never;
}

/// True when the failure `ec` may succeed if sent again later (`ec == condition::retryable`).
inline bool is_retryable(const std::error_code& ec) noexcept {
  detail::reading r{};
  return detail::read_code(ec, r) &&
         static_cast<int>(r.retry) == static_cast<int>(retry_advice::after_delay);
}

/// The documented wait before retrying `ec`: 120 for every 429 (of any API version, and HTTP's),
/// 0 otherwise.
inline unsigned retry_after_seconds(const std::error_code& ec) noexcept {
  detail::reading r{};
  return detail::read_code(ec, r) ? r.retry_after_s : 0;
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_HPP
