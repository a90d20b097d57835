/// @file
/// Every documented TrackingMore API response code (v2, v3, v4) as constexpr tables, integrated
/// with `std::error_code` and `std::error_condition`.
///
/// Data: `trackingmore-codes.md` (TrackingMore's status-code page for v2, the v3 SDK READMEs, the
/// v4 SDK READMEs). Texts are verbatim, typos included, with page link labels removed.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_HPP
#define TRACKINGMORE_STATUS_HPP

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

/// Library version, as major * 10000 + minor * 100 + patch.
#define TRACKINGMORE_STATUS_VERSION 10000

#if defined(__GNUC__) || defined(__clang__)
/// Keeps a category one object across shared libraries built with `-fvisibility=hidden`.
#define TRACKINGMORE_SYMBOL_VISIBLE __attribute__((__visibility__("default")))
#else
/// Keeps a category one object across shared libraries built with `-fvisibility=hidden`.
#define TRACKINGMORE_SYMBOL_VISIBLE
#endif

/// The TrackingMore status library.
namespace trackingmore {

/// A version of the TrackingMore REST API.
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

/// API v2 (`https://api.trackingmore.com/v2`): the "API Status Code" page.
namespace v2 {
enum class errc : int;
}
/// API v3 (`https://api.trackingmore.com/v3`): the v3 SDKs' "Typical Server Responses".
namespace v3 {
enum class errc : int;
}
/// API v4 (`https://api.trackingmore.com/v4`), the current API: the v4 SDKs' "Response Code".
namespace v4 {
enum class errc : int;
}
}  // namespace trackingmore

// Declared before any use, so every conversion to error_code and error_condition sees them.
/// @cond
template <>
struct std::is_error_code_enum<trackingmore::v2::errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::v3::errc> : std::true_type {};
template <>
struct std::is_error_code_enum<trackingmore::v4::errc> : std::true_type {};
template <>
struct std::is_error_condition_enum<trackingmore::condition> : std::true_type {};
/// @endcond

namespace trackingmore {

// Every text below is an `sv` literal: a string_view made from a plain literal counts its
// characters one constexpr step at a time, which was over a third of what including the header
// cost (docs/benchmarks.md).
using namespace std::string_view_literals;

/// No condition: the value of `code_info::condition` for success and for unclassifiable codes.
inline constexpr condition no_condition{};

/// One documented response code of one API version (or, from `classify`, the library's reading of
/// an undocumented one).
struct code_info {
  int code;                  ///< The wire value of `meta.code` (v3: the top-level `code`).
  api_version version;       ///< The API version that documents it.
  std::string_view name;     ///< Its enumerator name in `vN::errc`; empty when undocumented.
  std::string_view type;     ///< The documented type, verbatim; empty when undocumented.
  std::string_view message;  ///< The documented English message; empty when undocumented.
  int http_status;           ///< v4: documented; v2, v3: the status the type names; 0 when unknown.
  trackingmore::http_class http_class;  ///< The class of `http_status`.
  retry_advice retry;                   ///< What a client should do about it.
  unsigned retry_after_s;               ///< The documented wait before a retry (120 for 429).
  trackingmore::condition condition;    ///< Its group, or `no_condition`.

  /// True for every code but the success ones (v2 200, 201; v3 200; v4 200).
  constexpr bool failed() const noexcept { return retry != retry_advice::not_applicable; }
};

/// The enumerator name of `v` ("v2", "v3", "v4"); empty for a value that names no version.
constexpr std::string_view name_of(api_version v) noexcept {
  switch (v) {
    case api_version::v2: return "v2";
    case api_version::v3: return "v3";
    case api_version::v4: return "v4";
  }
  return {};
}

/// The enumerator name of `c` ("client_error", ...); empty for a value that names no class.
constexpr std::string_view name_of(http_class c) noexcept {
  constexpr std::string_view names[] = {"informational"sv, "success"sv, "redirection"sv,
                                        "client_error"sv, "server_error"sv};
  const auto i = static_cast<std::size_t>(c) - 1;
  return i < std::size(names) ? names[i] : std::string_view{};
}

/// The enumerator name of `r` ("after_delay", ...); empty for a value that names no advice.
constexpr std::string_view name_of(retry_advice r) noexcept {
  constexpr std::string_view names[] = {"not_applicable"sv, "after_delay"sv,
                                        "after_fixing_request"sv, "after_account_action"sv,
                                        "never"sv};
  const auto i = static_cast<std::size_t>(r);
  return i < std::size(names) ? names[i] : std::string_view{};
}

/// The enumerator name of `c` ("rate_limited", ...); empty for `no_condition` and other values.
constexpr std::string_view name_of(condition c) noexcept {
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
  const auto i = static_cast<std::size_t>(c) - 1;
  return i < std::size(names) ? names[i] : std::string_view{};
}

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
};

/// Implementation details: not part of the API.
namespace detail {

constexpr http_class class_of(int http_status) noexcept {
  return http_status >= 100 && http_status <= 599 ? static_cast<http_class>(http_status / 100)
                                                  : http_class{};
}

/// A collision-free hash from code to row: `find` is one multiply, one load and one compare.
///
/// A linear scan or a binary search costs several times a `switch`; this matches it. The multiplier
/// is the first odd number up from 2^32 / golden ratio that gives every code of every table a slot
/// of its own. It is written down rather than searched for by each translation unit, which was a
/// fifth of what including the header cost; `check_table` proves it.
struct code_index {
  static constexpr unsigned slot_bits = 7;  // 128 slots for at most 27 codes
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

template <const auto& Table>
inline constexpr code_index index_of = make_index({Table.data(), Table.size()});

/// Checks the invariants every table keeps, in one pass; the comment on each check names its rule.
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
    if (c.failed() && c.message.empty()) return false;          // every failure has a message
    if (c.http_class != class_of(c.http_status)) return false;  // class follows status
    if (c.http_class == http_class{}) return false;             // every status is a real one
    if (c.retry_after_s != 0 && c.retry != retry_advice::after_delay) return false;
    if (c.failed() == (c.condition == no_condition)) return false;  // failures, only, have a group
    if (c.version != index.table.first->version) return false;      // one version per table
    // Rate limits are documented once for every version: "wait 120 secs".
    if ((c.condition == condition::rate_limited) != (c.retry_after_s == 120)) return false;
  }
  return true;
}

// A header-only category has its vtable in every translation unit, and a never-destroyed holder
// has a destructor that does nothing: both by design, so -Weverything need not say so.
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wweak-vtables"
#pragma clang diagnostic ignored "-Wglobal-constructors"
#pragma clang diagnostic ignored "-Wexit-time-destructors"
#endif

/// The category of one API version's codes; one object per version (`v2_category`, ...).
class TRACKINGMORE_SYMBOL_VISIBLE version_category final : public std::error_category {
 public:
  constexpr explicit version_category(api_version version) noexcept : version_(version) {}
  constexpr api_version version() const noexcept { return version_; }
  const char* name() const noexcept override;
  std::string message(int code) const override;
  std::error_condition default_error_condition(int code) const noexcept override;

 private:
  api_version version_;
};

/// The category of `condition`, named "trackingmore".
class TRACKINGMORE_SYMBOL_VISIBLE condition_category final : public std::error_category {
 public:
  constexpr condition_category() noexcept = default;
  const char* name() const noexcept override { return "trackingmore"; }
  std::string message(int value) const override;
  bool equivalent(const std::error_code& code, int value) const noexcept override;
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
TRACKINGMORE_SYMBOL_VISIBLE inline const never_destroyed<version_category> v2_category{
    api_version::v2};
TRACKINGMORE_SYMBOL_VISIBLE inline const never_destroyed<version_category> v3_category{
    api_version::v3};
TRACKINGMORE_SYMBOL_VISIBLE inline const never_destroyed<version_category> v4_category{
    api_version::v4};
TRACKINGMORE_SYMBOL_VISIBLE inline const never_destroyed<condition_category> conditions{};

#ifdef __clang__
#pragma clang diagnostic pop
#endif

}  // namespace detail

namespace v2 {

/// Every documented v2 `meta.code`; the value is the wire code.
enum class errc : int {
  success = 200,                    ///< 200 Success.
  created = 201,                    ///< 201 Created.
  over_limit = 202,                 ///< 202 "Bad Request": succeeded but exceeded the limit.
  unauthorized = 401,               ///< 401 Unauthorized.
  invalid_api_key = 4001,           ///< 4001 Invalid API key.
  api_key_deleted = 4002,           ///< 4002 API key has been deleted.
  bad_request = 4012,               ///< 4012 Missing or misunderstood parameters.
  tracking_number_required = 4013,  ///< 4013 Tracking_number is required.
  invalid_tracking_number = 4014,   ///< 4014 Invalid `tracking_number`.
  invalid_carrier_code = 4015,      ///< 4015 Invalid `carrier_code`.
  tracking_exists = 4016,           ///< 4016 Tracking already exists.
  tracking_not_found = 4017,        ///< 4017 Tracking does not exist.
  activation_required = 4018,       ///< 4018 The feature requires custom activation.
  insufficient_balance = 4019,      ///< 4019 Balance insufficient.
  batch_limit_exceeded = 4020,      ///< 4020 Up to 200 at a time.
  quota_exhausted = 4021,           ///< 4021 Quota deficient or trial expired.
  empty_response = 4031,            ///< 4031 "No Content": create the tracking first.
  carrier_not_detected = 4032,      ///< 4032 "No Content": cannot detect courier.
  invalid_status = 4033,            ///< 4033 "No Content": invalid `package status`.
  payment_required = 402,           ///< 402 Payment required.
  forbidden = 403,                  ///< 403 Access denied.
  not_found = 404,                  ///< 404 Resource was not found.
  method_not_allowed = 405,         ///< 405 Method not supported.
  conflict = 409,                   ///< 409 Conflict.
  too_many_requests = 429,          ///< 429 Exceeded API limits: wait two minutes.
  server_error = 500,               ///< 500 Server error.
  service_unavailable = 503         ///< 503 Service temporarily unavailable.
};

/// Every documented v2 code, in the documentation's order.
inline constexpr std::array<code_info, 27> codes{{
    {200, api_version::v2, "success"sv, "Success"sv,
     "The request was successful (some API calls may return 201 instead)."sv, 200,
     http_class::success, retry_advice::not_applicable, 0, no_condition},
    {201, api_version::v2, "created"sv, "Created"sv,
     "The request was successful and a resource was created."sv, 201, http_class::success,
     retry_advice::not_applicable, 0, no_condition},
    {202, api_version::v2, "over_limit"sv, "Bad Request"sv,
     "The request was successful but exceeding the limit."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::limit_exceeded},
    {401, api_version::v2, "unauthorized"sv, "Unauthorized"sv,
     "Authentication failed or user does not have permissions for the requested operation."sv, 401,
     http_class::client_error, retry_advice::after_account_action, 0,
     condition::authentication_failed},
    {4001, api_version::v2, "invalid_api_key"sv, "Unauthorized"sv, "Invalid API key."sv, 401,
     http_class::client_error, retry_advice::after_account_action, 0,
     condition::authentication_failed},
    {4002, api_version::v2, "api_key_deleted"sv, "Unauthorized"sv, "API key has been deleted."sv,
     401, http_class::client_error, retry_advice::after_account_action, 0,
     condition::authentication_failed},
    {4012, api_version::v2, "bad_request"sv, "Bad Request"sv,
     "The request could not be understood or was missing required parameters."sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4013, api_version::v2, "tracking_number_required"sv, "Bad Request"sv,
     "Tracking_number is required."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4014, api_version::v2, "invalid_tracking_number"sv, "Bad Request"sv,
     "The value of `tracking_number` is invalid."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4015, api_version::v2, "invalid_carrier_code"sv, "Bad Request"sv,
     "The value of `carrier_code` is invalid."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4016, api_version::v2, "tracking_exists"sv, "Bad Request"sv, "Tracking already exists."sv, 400,
     http_class::client_error, retry_advice::never, 0, condition::tracking_exists},
    {4017, api_version::v2, "tracking_not_found"sv, "Bad Request"sv, "Tracking does not exist."sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::tracking_not_found},
    {4018, api_version::v2, "activation_required"sv, "Bad Request"sv,
     "Due to overload risks this feature requires custom activation. Contact "
     "service@trackingmore.org for more information."sv,
     400, http_class::client_error, retry_advice::after_account_action, 0,
     condition::access_denied},
    {4019, api_version::v2, "insufficient_balance"sv, "Bad Request"sv,
     "Your balance is insufficient, please recharge in time"sv, 400, http_class::client_error,
     retry_advice::after_account_action, 0, condition::payment_required},
    {4020, api_version::v2, "batch_limit_exceeded"sv, "Bad Request"sv, "Up to 200 at a time"sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::limit_exceeded},
    {4021, api_version::v2, "quota_exhausted"sv, "Bad Request"sv,
     "Remaining quota is deficient, or the 7-day free trial has expired. To continue using "
     "API, "
     "please recharge first."sv,
     400, http_class::client_error, retry_advice::after_account_action, 0,
     condition::payment_required},
    // Typed "No Content" (so HTTP 204, class success), yet failures the caller must act on.
    {4031, api_version::v2, "empty_response"sv, "No Content"sv,
     "The request was successful but the response is empty. Please try POST /trackings/post "
     "and then GET /trackings/get"sv,
     204, http_class::success, retry_advice::after_fixing_request, 0,
     condition::tracking_not_found},
    {4032, api_version::v2, "carrier_not_detected"sv, "No Content"sv,
     "Cannot detect courier. Assign your shipment a courier instead of by auto detection."sv, 204,
     http_class::success, retry_advice::after_fixing_request, 0, condition::courier_not_detected},
    {4033, api_version::v2, "invalid_status"sv, "No Content"sv,
     "The value of `package status` is invalid."sv, 204, http_class::success,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {402, api_version::v2, "payment_required"sv, "Payment Required"sv, "Payment required."sv, 402,
     http_class::client_error, retry_advice::after_account_action, 0, condition::payment_required},
    {403, api_version::v2, "forbidden"sv, "Forbidden"sv, "Access denied."sv, 403,
     http_class::client_error, retry_advice::after_account_action, 0, condition::access_denied},
    {404, api_version::v2, "not_found"sv, "Not Found"sv, "Resource was not found."sv, 404,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::not_found},
    {405, api_version::v2, "method_not_allowed"sv, "Method Not Allowed"sv,
     "Requested method is not supported for the specified resource."sv, 405,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::invalid_request},
    {409, api_version::v2, "conflict"sv, "Conflict"sv,
     "The request could not be completed due to a conflict."sv, 409, http_class::client_error,
     retry_advice::never, 0, condition::invalid_request},
    {429, api_version::v2, "too_many_requests"sv, "Too Many Requests"sv,
     "Exceeded API limits. Pause requests, wait two minute, and try again."sv, 429,
     http_class::client_error, retry_advice::after_delay, 120, condition::rate_limited},
    // The page gives 500 no message: its type stands in.
    {500, api_version::v2, "server_error"sv, "Server error"sv, "Server error"sv, 500,
     http_class::server_error, retry_advice::after_delay, 0, condition::server_error},
    {503, api_version::v2, "service_unavailable"sv, "Service Unavailable"sv,
     "The service is temporary unavailable (e.g. scheduled Platform Maintenance). Try again "
     "later."sv,
     503, http_class::server_error, retry_advice::after_delay, 0, condition::server_error},
}};

/// The v2 row of `code`, or nullptr when v2 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }

/// The category of v2 codes, named "trackingmore.v2".
inline const std::error_category& category() noexcept { return detail::v2_category.object; }

/// The error_code of `e`: empty for `success` and `created`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept;

/// The error_code of any v2 `meta.code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept;

/// The Polish message of `code` from the Polish status-code page; empty when v2 does not document
/// `code`.
///
/// The page's Cloudflare placeholder "[email protected]" in 4018 is restored to the address the
/// English page gives, and 500, which has no message, gives its type, as `message()` does.
constexpr std::string_view message_pl(int code) noexcept;

}  // namespace v2

namespace v3 {

/// Every documented v3 `code`; the value is the wire code.
enum class errc : int {
  success = 200,                   ///< 200 Success.
  paid_plan_required = 203,        ///< 203 Only available for paid accounts.
  no_content = 204,                ///< 204 No data returned: the tracking may not exist.
  bad_request = 400,               ///< 400 Request type error.
  unauthorized = 401,              ///< 401 Authentication failed or no permission.
  forbidden = 403,                 ///< 403 "Page does not exist" (typed Bad Request).
  not_found = 404,                 ///< 404 Page does not exist.
  timeout = 408,                   ///< 408 The courier's site did not answer in time.
  parameter_too_long = 411,        ///< 411 A parameter exceeds its length limit.
  invalid_parameter_format = 412,  ///< 412 A parameter has the wrong format.
  too_many_parameters = 413,       ///< 413 Too many request parameters.
  unparsable_parameters = 417,     ///< 417 Parameters missing or unparsable.
  special_fields_required = 421,   ///< 421 A courier's special parameters are empty.
  invalid_courier_code = 422,      ///< 422 Unidentifiable courier code.
  tracking_exists = 423,           ///< 423 Tracking No. already exists.
  tracking_not_found = 424,        ///< 424 Tracking No. does not exist.
  too_many_requests = 429,         ///< 429 Exceeded API request limits.
  server_error_511 = 511,          ///< 511 Server error.
  server_error_512 = 512,          ///< 512 Server error.
  server_error_513 = 513           ///< 513 Server error.
};

/// Every documented v3 code, in the documentation's order.
inline constexpr std::array<code_info, 20> codes{{
    {200, api_version::v3, "success"sv, "Success"sv, "Request response is successful"sv, 200,
     http_class::success, retry_advice::not_applicable, 0, no_condition},
    {203, api_version::v3, "paid_plan_required"sv, "PaymentRequired"sv,
     "API service is only available for paid account Please subscribe paid plan to unlock API "
     "services"sv,
     402, http_class::client_error, retry_advice::after_account_action, 0,
     condition::payment_required},
    {204, api_version::v3, "no_content"sv, "No Content"sv,
     "Request was successful, but no data returned Tracking NO. or target data possibly do not "
     "exist"sv,
     204, http_class::success, retry_advice::after_fixing_request, 0,
     condition::tracking_not_found},
    {400, api_version::v3, "bad_request"sv, "Bad Request"sv,
     "Request type error Please check the API documentation for the request type of this API"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {401, api_version::v3, "unauthorized"sv, "Unauthorized"sv,
     "Authentication failed or has no permission Please check and ensure your API Key is "
     "correct"sv,
     401, http_class::client_error, retry_advice::after_account_action, 0,
     condition::authentication_failed},
    // Typed "Bad Request" with 404's text: a missing page, not a refusal.
    {403, api_version::v3, "forbidden"sv, "Bad Request"sv,
     "Page does not exist Please check and ensure your link is correct"sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::not_found},
    {404, api_version::v3, "not_found"sv, "Not Found"sv,
     "Page does not exist Please check and ensure your link is correct"sv, 404,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::not_found},
    {408, api_version::v3, "timeout"sv, "Time Out"sv,
     "Request timeout The official website did not return data, please try again later"sv, 408,
     http_class::client_error, retry_advice::after_delay, 0, condition::timeout},
    {411, api_version::v3, "parameter_too_long"sv, "Bad Request"sv,
     "Specified request parameter length exceeds length limit Please check and ensure that the "
     "request parameters are of the required length"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {412, api_version::v3, "invalid_parameter_format"sv, "Bad Request"sv,
     "Specified request parameter format doesn't meet requirements Please check and ensure "
     "that "
     "the request parameters are in the required format"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    // "Out limited" names no HTTP status, so the status is the code itself.
    {413, api_version::v3, "too_many_parameters"sv, "Out limited"sv,
     "The number of request parameters exceeds the limit Please check the API documentation "
     "for the limit of this API"sv,
     413, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::limit_exceeded},
    {417, api_version::v3, "unparsable_parameters"sv, "Bad Request"sv,
     "Missing request parameters or request parameters cannot be parsed Please check and "
     "ensure that the request parameters are complete and correctly formatted"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {421, api_version::v3, "special_fields_required"sv, "Bad Request"sv,
     "Some of required parameters are empty Some couriers need special parameters to track "
     "logistics information (Special Couriers)"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {422, api_version::v3, "invalid_courier_code"sv, "Bad Request"sv,
     "Unidentifiable courier code Please check and ensure that the courier code are "
     "correct(Courier code)"sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {423, api_version::v3, "tracking_exists"sv, "Bad Request"sv, "Tracking No. already exists"sv,
     400, http_class::client_error, retry_advice::never, 0, condition::tracking_exists},
    {424, api_version::v3, "tracking_not_found"sv, "Bad Request"sv,
     "Tracking No. no exists Please use 「Create trckings」 API first to create trackings"sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::tracking_not_found},
    // Typed "Bad Request" (HTTP 400), yet a rate limit.
    {429, api_version::v3, "too_many_requests"sv, "Bad Request"sv,
     "Exceeded API request limits, please try again later Please check the API documentation "
     "for the limit of this API"sv,
     400, http_class::client_error, retry_advice::after_delay, 120, condition::rate_limited},
    {511, api_version::v3, "server_error_511"sv, "Server Error"sv,
     "Server error Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
    {512, api_version::v3, "server_error_512"sv, "Server Error"sv,
     "Server error Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
    {513, api_version::v3, "server_error_513"sv, "Server Error"sv,
     "Server error Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
}};

/// The v3 row of `code`, or nullptr when v3 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }

/// The category of v3 codes, named "trackingmore.v3".
inline const std::error_category& category() noexcept { return detail::v3_category.object; }

/// The error_code of `e`: empty for `success`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept;

/// The error_code of any v3 `code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept;

}  // namespace v3

namespace v4 {

/// Every documented v4 `meta.code`; the value is the wire code.
enum class errc : int {
  success = 200,                    ///< 200 Success.
  bad_request = 400,                ///< 400 Request type error.
  tracking_exists = 4101,           ///< 4101 Tracking No. already exists.
  tracking_not_found = 4102,        ///< 4102 Tracking No. does not exist.
  batch_limit_exceeded = 4103,      ///< 4103 More than 40 shipments in one call.
  invalid_tracking_number = 4110,   ///< 4110 Invalid tracking_number.
  tracking_number_required = 4111,  ///< 4111 Tracking_number is required.
  invalid_tracking_id = 4112,       ///< 4112 Invalid Tracking ID.
  retrack_not_allowed = 4113,       ///< 4113 Only an expired tracking can be retracked.
  invalid_courier_code = 4120,      ///< 4120 Invalid courier_code.
  courier_not_detected = 4121,      ///< 4121 Cannot detect courier.
  invalid_special_fields = 4122,    ///< 4122 A courier's special fields are missing or invalid.
  invalid_field_format = 4130,      ///< 4130 A field has an invalid format.
  invalid_awb_number = 4160,        ///< 4160 awb_number missing or invalid.
  awb_airline_unsupported = 4161,   ///< 4161 The AWB airline is not supported yet.
  quota_exceeded = 4190,            ///< 4190 Maximum quota reached: upgrade the plan.
  unauthorized = 401,               ///< 401 Authentication failed or no permission.
  forbidden = 403,                  ///< 403 Access prohibited.
  not_found = 404,                  ///< 404 Page does not exist.
  too_many_requests = 429,          ///< 429 Exceeded API request limits.
  server_error_511 = 511,           ///< 511 Server error (HTTP 500).
  server_error_512 = 512,           ///< 512 Server error (HTTP 500).
  server_error_513 = 513            ///< 513 Server error (HTTP 500).
};

/// Every documented v4 code, in the documentation's order.
inline constexpr std::array<code_info, 23> codes{{
    {200, api_version::v4, "success"sv, "Success"sv, "Request response is successful"sv, 200,
     http_class::success, retry_advice::not_applicable, 0, no_condition},
    {400, api_version::v4, "bad_request"sv, "BadRequest"sv,
     "Request type error. Please check the API documentation for the request type of this API."sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::invalid_request},
    {4101, api_version::v4, "tracking_exists"sv, "BadRequest"sv, "Tracking No. already exists."sv,
     400, http_class::client_error, retry_advice::never, 0, condition::tracking_exists},
    {4102, api_version::v4, "tracking_not_found"sv, "BadRequest"sv,
     "Tracking No. no exists. Please use 「Create a tracking」 API first to create shipment."sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::tracking_not_found},
    {4103, api_version::v4, "batch_limit_exceeded"sv, "BadRequest"sv,
     "You have exceeded the shipment quantity of API call. The maximum quantity is 40 "
     "shipments per call."sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::limit_exceeded},
    {4110, api_version::v4, "invalid_tracking_number"sv, "BadRequest"sv,
     "The value of tracking_number is invalid."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4111, api_version::v4, "tracking_number_required"sv, "BadRequest"sv,
     "Tracking_number is required."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4112, api_version::v4, "invalid_tracking_id"sv, "BadRequest"sv, "Invalid Tracking ID."sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4113, api_version::v4, "retrack_not_allowed"sv, "BadRequest"sv,
     "Retrack is not allowed. You can only retrack an expired tracking."sv, 400,
     http_class::client_error, retry_advice::never, 0, condition::invalid_request},
    {4120, api_version::v4, "invalid_courier_code"sv, "BadRequest"sv,
     "The value of courier_code is invalid."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4121, api_version::v4, "courier_not_detected"sv, "BadRequest"sv, "Cannot detect courier."sv,
     400, http_class::client_error, retry_advice::after_fixing_request, 0,
     condition::courier_not_detected},
    {4122, api_version::v4, "invalid_special_fields"sv, "BadRequest"sv,
     "Missing or invalid value of the special required fields for this courier."sv, 400,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4130, api_version::v4, "invalid_field_format"sv, "BadRequest"sv,
     "The format of Field name is invalid."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4160, api_version::v4, "invalid_awb_number"sv, "BadRequest"sv,
     "The awb_number is required or invaild format."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4161, api_version::v4, "awb_airline_unsupported"sv, "BadRequest"sv,
     "The awb airline does not support yet."sv, 400, http_class::client_error,
     retry_advice::after_fixing_request, 0, condition::invalid_request},
    {4190, api_version::v4, "quota_exceeded"sv, "BadRequest"sv,
     "You are reaching the maximum quota limitation, please upgrade your current plan."sv, 400,
     http_class::client_error, retry_advice::after_account_action, 0, condition::payment_required},
    {401, api_version::v4, "unauthorized"sv, "Unauthorized"sv,
     "Authentication failed or has no permission. Please check and ensure your API Key is "
     "correct."sv,
     401, http_class::client_error, retry_advice::after_account_action, 0,
     condition::authentication_failed},
    {403, api_version::v4, "forbidden"sv, "Forbidden"sv,
     "Access prohibited. The request has been refused or access is not allowed."sv, 403,
     http_class::client_error, retry_advice::after_account_action, 0, condition::access_denied},
    {404, api_version::v4, "not_found"sv, "NotFound"sv,
     "Page does not exist. Please check and ensure your link is correct."sv, 404,
     http_class::client_error, retry_advice::after_fixing_request, 0, condition::not_found},
    {429, api_version::v4, "too_many_requests"sv, "TooManyRequests"sv,
     "Exceeded API request limits, please try again later. Please check the API documentation "
     "for the limit of this API."sv,
     429, http_class::client_error, retry_advice::after_delay, 120, condition::rate_limited},
    {511, api_version::v4, "server_error_511"sv, "ServerError"sv,
     "Server error. Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
    {512, api_version::v4, "server_error_512"sv, "ServerError"sv,
     "Server error. Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
    {513, api_version::v4, "server_error_513"sv, "ServerError"sv,
     "Server error. Please contact us: service@trackingmore.org."sv, 500, http_class::server_error,
     retry_advice::after_delay, 0, condition::server_error},
}};

/// The v4 row of `code`, or nullptr when v4 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::index_of<codes>.find(code); }

/// The category of v4 codes, named "trackingmore.v4".
inline const std::error_category& category() noexcept { return detail::v4_category.object; }

/// The error_code of `e`: empty for `success`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept;

/// The error_code of any v4 `meta.code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept;

}  // namespace v4

namespace detail {
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
}  // namespace detail

/// The table of `version`; empty for a value that names no version.
constexpr code_table codes_of(api_version version) noexcept {
  return detail::index_for(version).table;
}

/// The row of `code` in `version`'s table, or nullptr when that version does not document it.
constexpr const code_info* find(api_version version, int code) noexcept {
  return detail::index_for(version).find(code);
}

/// How the library treats any `code` of `version`: its documented row, or else a row (with empty
/// name, type and message) that follows RFC 9110's rule that an unknown status is treated like
/// the x00 of its class, extended to TrackingMore's four-digit codes:
/// - 0 and 200..299: success;
/// - 400..499 and 4000..4999: `invalid_request`, `after_fixing_request` (HTTP 400);
/// - 500..599 and 5000..5999: `server_error`, `after_delay` (HTTP 500);
/// - anything else: a failure with no condition, advised `never`; its HTTP status is the x00 of
///   its class for 100..199 and 300..399, and 0 for the rest (negatives, 1..99, 600..3999, 6000
///   and up).
constexpr code_info classify(api_version version, int code) noexcept {
  const detail::code_index& index = detail::index_for(version);
  const std::size_t row = index.row_of(code);
  if (row < index.table.count) return index.table.first[row];
  const int digit = code >= 100 && code <= 599     ? code / 100
                    : code >= 4000 && code <= 5999 ? code / 1000
                                                   : 0;
  // One initialisation, no assignments: clang resolves each enum assignment as an overloaded
  // operator, which cost more than the rest of this function.
  const retry_advice retry = code == 0 || digit == 2 ? retry_advice::not_applicable
                             : digit == 4            ? retry_advice::after_fixing_request
                             : digit == 5            ? retry_advice::after_delay
                                                     : retry_advice::never;
  const trackingmore::condition group = digit == 4   ? condition::invalid_request
                                        : digit == 5 ? condition::server_error
                                                     : no_condition;
  return {code, version, {}, {}, {}, digit * 100, static_cast<http_class>(digit), retry, 0, group};
}

/// The category of `version`'s codes ("trackingmore.vN"); `v4::category()` for a value that names
/// no version.
inline const std::error_category& category(api_version version) noexcept {
  switch (version) {
    case api_version::v2: return v2::category();
    case api_version::v3: return v3::category();
    case api_version::v4: break;
  }
  return v4::category();
}

/// The category of `condition`, named "trackingmore".
inline const std::error_category& condition_category() noexcept {
  return detail::conditions.object;
}

/// The error_condition of `c`, found by ADL so that `ec == condition::rate_limited` works.
inline std::error_condition make_error_condition(condition c) noexcept {
  return {static_cast<int>(c), condition_category()};
}

/// The error_code of any `code` of `version`: a value-initialised (falsy) error_code for success,
/// the code itself in `category(version)` for any failure, documented or not.
///
/// A value that names no version gives `std::errc::invalid_argument`.
inline std::error_code to_error_code(api_version version, int code) noexcept {
  if (name_of(version).empty()) return std::make_error_code(std::errc::invalid_argument);
  if (!classify(version, code).failed()) return {};
  return {code, category(version)};
}

namespace detail {

/// The version whose category `c` is, recognising a duplicate category object by its name.
inline const version_category* version_category_of(const std::error_category& c) noexcept {
  const version_category* const known[] = {&v2_category.object, &v3_category.object,
                                           &v4_category.object};
  for (const version_category* k : known) {
    if (&c == k) return k;
  }
  // One name() call and one short compare: every success (`std::error_code{}`, of the system
  // category) comes this way, and comparing against each version's name cost five times a lookup.
  const std::string_view name = c.name();
  constexpr std::string_view prefix = "trackingmore.v"sv;
  if (name.size() != prefix.size() + 1 || name.compare(0, prefix.size(), prefix) != 0)
    return nullptr;
  const auto version = static_cast<std::size_t>(name.back() - '2');
  return version < std::size(known) ? known[version] : nullptr;
}

/// `classify` for an error_code of a TrackingMore version; false when `ec` is of another category,
/// or empty: a zero error_code means success in every category, and most responses are successes.
inline bool classify_code(const std::error_code& ec, code_info& info) noexcept {
  if (!ec) return false;
  const version_category* c = version_category_of(ec.category());
  if (c == nullptr) return false;
  info = trackingmore::classify(c->version(), ec.value());
  return true;
}

inline const char* version_category::name() const noexcept {
  switch (version_) {
    case api_version::v2: return "trackingmore.v2";
    case api_version::v3: return "trackingmore.v3";
    case api_version::v4: break;
  }
  return "trackingmore.v4";
}

inline std::string version_category::message(int code) const {
  const code_info info = trackingmore::classify(version_, code);
  if (!info.message.empty()) return {info.message.data(), info.message.size()};
  // "undocumented TrackingMore v4 code 502", formatted by hand to need nothing beyond
  // <system_error>.
  char digits[16];
  char* first = digits + sizeof digits;
  auto magnitude = static_cast<unsigned>(code);
  if (code < 0) magnitude = 0u - magnitude;
  do {
    *--first = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (code < 0) *--first = '-';
  const std::string_view version_name = name_of(version_);
  std::string text = "undocumented TrackingMore ";
  text.append(version_name.data(), version_name.size());
  text += " code ";
  text.append(first, static_cast<std::size_t>(digits + sizeof digits - first));
  return text;
}

inline std::error_condition version_category::default_error_condition(int code) const noexcept {
  const code_info info = trackingmore::classify(version_, code);
  if (info.condition == no_condition) return {code, *this};
  return make_error_condition(info.condition);
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

inline bool condition_category::equivalent(const std::error_code& code, int value) const noexcept {
  code_info info{};
  if (!classify_code(code, info) || !info.failed()) return false;
  const auto wanted = static_cast<trackingmore::condition>(value);
  return info.condition == wanted ||
         (wanted == condition::retryable && info.retry == retry_advice::after_delay);
}

}  // namespace detail

/// The row of a TrackingMore error_code, or nullptr for an undocumented code, success
/// (`std::error_code{}`) and other categories.
inline const code_info* find(const std::error_code& ec) noexcept {
  const detail::version_category* c = detail::version_category_of(ec.category());
  return c == nullptr ? nullptr : find(c->version(), ec.value());
}

/// True when the failure `ec` may succeed if sent again later (`ec == condition::retryable`).
inline bool is_retryable(const std::error_code& ec) noexcept {
  code_info info{};
  return detail::classify_code(ec, info) && info.retry == retry_advice::after_delay;
}

/// The documented wait before retrying `ec`: 120 for every 429, 0 otherwise.
inline unsigned retry_after_seconds(const std::error_code& ec) noexcept {
  const code_info* info = find(ec);
  return info == nullptr ? 0 : info->retry_after_s;
}

inline std::error_code v2::make_error_code(errc e) noexcept {
  return to_error_code(api_version::v2, static_cast<int>(e));
}
inline std::error_code v2::to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v2, code);
}
inline std::error_code v3::make_error_code(errc e) noexcept {
  return to_error_code(api_version::v3, static_cast<int>(e));
}
inline std::error_code v3::to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v3, code);
}
inline std::error_code v4::make_error_code(errc e) noexcept {
  return to_error_code(api_version::v4, static_cast<int>(e));
}
inline std::error_code v4::to_error_code(int code) noexcept {
  return trackingmore::to_error_code(api_version::v4, code);
}

namespace detail {
// The Polish page (status_code.php?lang=pl), row by row in v2::codes' order, link labels removed.
inline constexpr std::string_view v2_messages_pl[] = {
    "Żądanie zakończyło się powodzeniem (niektóre wywołania interfejsu API mogą wrócić 201 "
    "zamiast)."sv,
    "Żądanie zakończyło się powodzeniem i został utworzony zasób."sv,
    "Żądanie zakończyło się powodzeniem, ale przekroczenie limitu."sv,
    "Uwierzytelnianie nie powiodło się lub użytkownik nie ma uprawnień dla żądanej operacji."sv,
    "Nieprawidłowy klucz API."sv,
    "Klucz API został usunięty."sv,
    "Wniosek nie może być rozumiane lub brakuje wymaganych parametrów."sv,
    "Tracking_number jest wymagane."sv,
    "Wartość 'tracking_number' jest nieprawidłowy."sv,
    "Wartość 'carrier_code' jest nieprawidłowy."sv,
    "Śledzenie już istnieje."sv,
    "Śledzenia nie istnieje."sv,
    "Ze względu na ryzyko Przeciążenie tej funkcji wymaga aktywacji niestandardowego. Aby uzyskać "
    "więcej informacji, skontaktuj się z service@trackingmore.org."sv,
    "Twoje saldo jest niewystarczające, należy naładować w czasie"sv,
    "Ograniczenie do 200 w czasie"sv,
    "Pozostałe saldo nie jest wystarczająco, więc nie można wywołać interfejsu API danych żądania."sv,
    "Żądanie zakończyło się powodzeniem, ale odpowiedź jest pusty. Proszę spróbować POST "
    "/trackings/post a następnie GET /trackings/get"sv,
    "Nie można wykryć kuriera. Przypisz przesyłki Kurier zamiast automatycznego wykrywania."sv,
    "Wartość 'status' jest nieprawidłowy."sv,
    "Płatność wymagana."sv,
    "Odmowa dostępu."sv,
    "Nie można odnaleźć zasobu."sv,
    "Żądana metoda nie jest obsługiwana dla określonego zasobu."sv,
    "Nie można ukończyć żądania z powodu konfliktu."sv,
    "Przekroczone limity interfejsów API. Wstrzymanie żądania, poczekaj dwie minuty i spróbuj "
    "ponownie."sv,
    "Server error"sv,
    "Serwis jest tymczasowej niedostępne (np. zaplanowane platformy konserwacji). Spróbuj ponownie "
    "później."sv};
static_assert(std::size(v2_messages_pl) == v2::codes.size());
}  // namespace detail

constexpr std::string_view v2::message_pl(int code) noexcept {
  const std::size_t row = detail::index_of<codes>.row_of(code);
  return row < codes.size() ? detail::v2_messages_pl[row] : std::string_view{};
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_HPP
