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
  constexpr std::array<std::string_view, 5> names{"informational", "success", "redirection",
                                                  "client_error", "server_error"};
  const auto i = static_cast<std::size_t>(c) - 1;
  return i < names.size() ? names[i] : std::string_view{};
}

/// The enumerator name of `r` ("after_delay", ...); empty for a value that names no advice.
constexpr std::string_view name_of(retry_advice r) noexcept {
  constexpr std::array<std::string_view, 5> names{
      "not_applicable", "after_delay", "after_fixing_request", "after_account_action", "never"};
  const auto i = static_cast<std::size_t>(r);
  return i < names.size() ? names[i] : std::string_view{};
}

/// The enumerator name of `c` ("rate_limited", ...); empty for `no_condition` and other values.
constexpr std::string_view name_of(condition c) noexcept {
  constexpr std::array<std::string_view, 13> names{"authentication_failed",
                                                   "access_denied",
                                                   "payment_required",
                                                   "rate_limited",
                                                   "invalid_request",
                                                   "limit_exceeded",
                                                   "tracking_exists",
                                                   "tracking_not_found",
                                                   "courier_not_detected",
                                                   "not_found",
                                                   "timeout",
                                                   "server_error",
                                                   "retryable"};
  const auto i = static_cast<std::size_t>(c) - 1;
  return i < names.size() ? names[i] : std::string_view{};
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

/// A documented row, before the fields that follow from it are filled in by `make_table`.
template <class Errc>
struct row {
  Errc code{};
  std::string_view name, type, message;
  trackingmore::condition condition{};
  retry_advice retry{};
  int http_status = 0;  // 0: the status named by `type`
};

constexpr http_class class_of(int http_status) noexcept {
  return http_status >= 100 && http_status <= 599 ? static_cast<http_class>(http_status / 100)
                                                  : http_class{};
}

// v2 and v3 document no HTTP status; their types are reason phrases, spelt as each version spells
// them.
constexpr int status_named_by(std::string_view type, int code) noexcept {
  struct phrase {
    std::string_view text;
    int status;
  };
  constexpr std::array<phrase, 17> phrases{{{"Success", 200},
                                            {"Created", 201},
                                            {"No Content", 204},
                                            {"Bad Request", 400},
                                            {"Unauthorized", 401},
                                            {"Payment Required", 402},
                                            {"PaymentRequired", 402},
                                            {"Forbidden", 403},
                                            {"Not Found", 404},
                                            {"Method Not Allowed", 405},
                                            {"Time Out", 408},
                                            {"Conflict", 409},
                                            {"Too Many Requests", 429},
                                            {"Server error", 500},
                                            {"Server Error", 500},
                                            {"Service Unavailable", 503}}};
  for (const phrase& p : phrases) {
    if (p.text == type) return p.status;
  }
  return code;  // a type that names no status (v3 "Out limited")
}

/// Rate limits are documented once for every version: "wait 120 secs".
inline constexpr unsigned rate_limit_wait_s = 120;

template <class Errc, std::size_t N>
constexpr std::array<code_info, N> make_table(api_version version, const row<Errc> (&rows)[N]) {
  std::array<code_info, N> table{};
  for (std::size_t i = 0; i < N; ++i) {
    const row<Errc>& r = rows[i];
    const int code = static_cast<int>(r.code);
    const int status = r.http_status != 0 ? r.http_status : status_named_by(r.type, code);
    table[i] = {code,
                version,
                r.name,
                r.type,
                r.message,
                status,
                class_of(status),
                r.retry,
                r.condition == condition::rate_limited ? rate_limit_wait_s : 0,
                r.condition};
  }
  return table;
}

/// A collision-free hash from code to row: `find` is one multiply, one load and one compare.
///
/// A linear scan or a binary search costs several times a `switch`; this matches it.
struct code_index {
  // 128 slots for at most 27 codes: a multiplier is found fast.
  static constexpr unsigned slot_bits = 7;
  std::uint32_t multiplier;
  std::array<std::uint8_t, std::size_t{1} << slot_bits> slots;  // row + 1; 0 is empty

  constexpr std::size_t slot_of(int code) const noexcept {
    return (static_cast<std::uint32_t>(code) * multiplier) >> (32 - slot_bits);
  }
};

template <std::size_t N>
constexpr code_index make_index(const std::array<code_info, N>& table) noexcept {
  static_assert(N < 255, "slots store row + 1 in a byte");
  for (std::uint32_t multiplier = 0x9E3779B1u; multiplier != 0x9E3779B1u + 20000u;
       multiplier += 2) {
    code_index index{multiplier, {}};
    bool collision = false;
    for (std::size_t i = 0; i < N && !collision; ++i) {
      std::uint8_t& slot = index.slots[index.slot_of(table[i].code)];
      collision = slot != 0;
      slot = static_cast<std::uint8_t>(i + 1);
    }
    if (!collision) return index;
  }
  return code_index{0, {}};  // caught by the static_assert below each table
}

template <const auto& Table>
inline constexpr code_index index_of = make_index(Table);

/// The index of `code`'s row in `Table`, or `Table.size()` when it has none.
///
/// Compile-time lookups go through this index, never by testing `find`'s pointer: g++ cannot
/// compare an element's address with nullptr in a constant expression under
/// -fno-delete-null-pointer-checks, which -fsanitize=null (part of -fsanitize=undefined) implies.
template <const auto& Table>
constexpr std::size_t row_of(int code) noexcept {
  const std::uint8_t slot = index_of<Table>.slots[index_of<Table>.slot_of(code)];
  return slot != 0 && Table[slot - 1u].code == code ? slot - 1u : Table.size();
}

template <const auto& Table>
constexpr const code_info* find_in(int code) noexcept {
  const std::size_t row = row_of<Table>(code);
  return row < Table.size() ? &Table[row] : nullptr;
}

/// Checks the invariants every table keeps; each failure names the broken rule.
template <std::size_t N>
constexpr bool check_table(const std::array<code_info, N>& table) noexcept {
  for (std::size_t i = 0; i < N; ++i) {
    const code_info& c = table[i];
    for (std::size_t j = 0; j < i; ++j) {
      if (table[j].code == c.code) return false;  // codes are unique
    }
    if (c.failed() && c.message.empty()) return false;          // every failure has a message
    if (c.http_class != class_of(c.http_status)) return false;  // class follows status
    if (c.http_class == http_class{}) return false;             // every status is a real one
    if (c.retry_after_s != 0 && c.retry != retry_advice::after_delay) return false;
    if (c.failed() == (c.condition == no_condition)) return false;  // failures, only, have a group
  }
  return true;
}

// A header-only category has its vtable in every translation unit, and a never-destroyed holder
// registers a destructor that does nothing: both by design, so -Weverything need not say so.
#ifdef __clang__
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wweak-vtables"
#pragma clang diagnostic ignored "-Wglobal-constructors"
#pragma clang diagnostic ignored "-Wexit-time-destructors"
#endif

/// The category of one API version's codes; one object per version (see `category_object`).
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
inline constexpr std::array<code_info, 27> codes = detail::make_table<errc>(
    api_version::v2,
    {
        {errc::success, "success", "Success",
         "The request was successful (some API calls may return 201 instead).", no_condition,
         retry_advice::not_applicable},
        {errc::created, "created", "Created",
         "The request was successful and a resource was created.", no_condition,
         retry_advice::not_applicable},
        {errc::over_limit, "over_limit", "Bad Request",
         "The request was successful but exceeding the limit.", condition::limit_exceeded,
         retry_advice::after_fixing_request},
        {errc::unauthorized, "unauthorized", "Unauthorized",
         "Authentication failed or user does not have permissions for the requested operation.",
         condition::authentication_failed, retry_advice::after_account_action},
        {errc::invalid_api_key, "invalid_api_key", "Unauthorized", "Invalid API key.",
         condition::authentication_failed, retry_advice::after_account_action},
        {errc::api_key_deleted, "api_key_deleted", "Unauthorized", "API key has been deleted.",
         condition::authentication_failed, retry_advice::after_account_action},
        {errc::bad_request, "bad_request", "Bad Request",
         "The request could not be understood or was missing required parameters.",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::tracking_number_required, "tracking_number_required", "Bad Request",
         "Tracking_number is required.", condition::invalid_request,
         retry_advice::after_fixing_request},
        {errc::invalid_tracking_number, "invalid_tracking_number", "Bad Request",
         "The value of `tracking_number` is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request},
        {errc::invalid_carrier_code, "invalid_carrier_code", "Bad Request",
         "The value of `carrier_code` is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request},
        {errc::tracking_exists, "tracking_exists", "Bad Request", "Tracking already exists.",
         condition::tracking_exists, retry_advice::never},
        {errc::tracking_not_found, "tracking_not_found", "Bad Request", "Tracking does not exist.",
         condition::tracking_not_found, retry_advice::after_fixing_request},
        {errc::activation_required, "activation_required", "Bad Request",
         "Due to overload risks this feature requires custom activation. Contact "
         "service@trackingmore.org for more information.",
         condition::access_denied, retry_advice::after_account_action},
        {errc::insufficient_balance, "insufficient_balance", "Bad Request",
         "Your balance is insufficient, please recharge in time", condition::payment_required,
         retry_advice::after_account_action},
        {errc::batch_limit_exceeded, "batch_limit_exceeded", "Bad Request", "Up to 200 at a time",
         condition::limit_exceeded, retry_advice::after_fixing_request},
        {errc::quota_exhausted, "quota_exhausted", "Bad Request",
         "Remaining quota is deficient, or the 7-day free trial has expired. To continue using "
         "API, please recharge first.",
         condition::payment_required, retry_advice::after_account_action},
        // Typed "No Content" (so HTTP 204, class success), yet failures the caller must act on.
        {errc::empty_response, "empty_response", "No Content",
         "The request was successful but the response is empty. Please try POST /trackings/post "
         "and then GET /trackings/get",
         condition::tracking_not_found, retry_advice::after_fixing_request},
        {errc::carrier_not_detected, "carrier_not_detected", "No Content",
         "Cannot detect courier. Assign your shipment a courier instead of by auto detection.",
         condition::courier_not_detected, retry_advice::after_fixing_request},
        {errc::invalid_status, "invalid_status", "No Content",
         "The value of `package status` is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request},
        {errc::payment_required, "payment_required", "Payment Required", "Payment required.",
         condition::payment_required, retry_advice::after_account_action},
        {errc::forbidden, "forbidden", "Forbidden", "Access denied.", condition::access_denied,
         retry_advice::after_account_action},
        {errc::not_found, "not_found", "Not Found", "Resource was not found.", condition::not_found,
         retry_advice::after_fixing_request},
        {errc::method_not_allowed, "method_not_allowed", "Method Not Allowed",
         "Requested method is not supported for the specified resource.",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::conflict, "conflict", "Conflict",
         "The request could not be completed due to a conflict.", condition::invalid_request,
         retry_advice::never},
        {errc::too_many_requests, "too_many_requests", "Too Many Requests",
         "Exceeded API limits. Pause requests, wait two minute, and try again.",
         condition::rate_limited, retry_advice::after_delay},
        // The page gives 500 no message: its type stands in.
        {errc::server_error, "server_error", "Server error", "Server error",
         condition::server_error, retry_advice::after_delay},
        {errc::service_unavailable, "service_unavailable", "Service Unavailable",
         "The service is temporary unavailable (e.g. scheduled Platform Maintenance). Try again "
         "later.",
         condition::server_error, retry_advice::after_delay},
    });
static_assert(detail::check_table(codes) && detail::index_of<codes>.multiplier != 0);

/// The v2 row of `code`, or nullptr when v2 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::find_in<codes>(code); }

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
inline constexpr std::array<code_info, 20> codes = detail::make_table<errc>(
    api_version::v3,
    {
        {errc::success, "success", "Success", "Request response is successful", no_condition,
         retry_advice::not_applicable},
        {errc::paid_plan_required, "paid_plan_required", "PaymentRequired",
         "API service is only available for paid account Please subscribe paid plan to unlock API "
         "services",
         condition::payment_required, retry_advice::after_account_action},
        {errc::no_content, "no_content", "No Content",
         "Request was successful, but no data returned Tracking NO. or target data possibly do not "
         "exist",
         condition::tracking_not_found, retry_advice::after_fixing_request},
        {errc::bad_request, "bad_request", "Bad Request",
         "Request type error Please check the API documentation for the request type of this API",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::unauthorized, "unauthorized", "Unauthorized",
         "Authentication failed or has no permission Please check and ensure your API Key is "
         "correct",
         condition::authentication_failed, retry_advice::after_account_action},
        // Typed "Bad Request" with 404's text: a missing page, not a refusal.
        {errc::forbidden, "forbidden", "Bad Request",
         "Page does not exist Please check and ensure your link is correct", condition::not_found,
         retry_advice::after_fixing_request},
        {errc::not_found, "not_found", "Not Found",
         "Page does not exist Please check and ensure your link is correct", condition::not_found,
         retry_advice::after_fixing_request},
        {errc::timeout, "timeout", "Time Out",
         "Request timeout The official website did not return data, please try again later",
         condition::timeout, retry_advice::after_delay},
        {errc::parameter_too_long, "parameter_too_long", "Bad Request",
         "Specified request parameter length exceeds length limit Please check and ensure that the "
         "request parameters are of the required length",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::invalid_parameter_format, "invalid_parameter_format", "Bad Request",
         "Specified request parameter format doesn't meet requirements Please check and ensure "
         "that the request parameters are in the required format",
         condition::invalid_request, retry_advice::after_fixing_request},
        // "Out limited" names no HTTP status, so the status is the code itself.
        {errc::too_many_parameters, "too_many_parameters", "Out limited",
         "The number of request parameters exceeds the limit Please check the API documentation "
         "for the limit of this API",
         condition::limit_exceeded, retry_advice::after_fixing_request},
        {errc::unparsable_parameters, "unparsable_parameters", "Bad Request",
         "Missing request parameters or request parameters cannot be parsed Please check and "
         "ensure that the request parameters are complete and correctly formatted",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::special_fields_required, "special_fields_required", "Bad Request",
         "Some of required parameters are empty Some couriers need special parameters to track "
         "logistics information (Special Couriers)",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::invalid_courier_code, "invalid_courier_code", "Bad Request",
         "Unidentifiable courier code Please check and ensure that the courier code are "
         "correct(Courier code)",
         condition::invalid_request, retry_advice::after_fixing_request},
        {errc::tracking_exists, "tracking_exists", "Bad Request", "Tracking No. already exists",
         condition::tracking_exists, retry_advice::never},
        {errc::tracking_not_found, "tracking_not_found", "Bad Request",
         "Tracking No. no exists Please use 「Create trckings」 API first to create trackings",
         condition::tracking_not_found, retry_advice::after_fixing_request},
        // Typed "Bad Request" (HTTP 400), yet a rate limit.
        {errc::too_many_requests, "too_many_requests", "Bad Request",
         "Exceeded API request limits, please try again later Please check the API documentation "
         "for the limit of this API",
         condition::rate_limited, retry_advice::after_delay},
        {errc::server_error_511, "server_error_511", "Server Error",
         "Server error Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay},
        {errc::server_error_512, "server_error_512", "Server Error",
         "Server error Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay},
        {errc::server_error_513, "server_error_513", "Server Error",
         "Server error Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay},
    });
static_assert(detail::check_table(codes) && detail::index_of<codes>.multiplier != 0);

/// The v3 row of `code`, or nullptr when v3 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::find_in<codes>(code); }

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
inline constexpr std::array<code_info, 23> codes = detail::make_table<errc>(
    api_version::v4,
    {
        {errc::success, "success", "Success", "Request response is successful", no_condition,
         retry_advice::not_applicable, 200},
        {errc::bad_request, "bad_request", "BadRequest",
         "Request type error. Please check the API documentation for the request type of this API.",
         condition::invalid_request, retry_advice::after_fixing_request, 400},
        {errc::tracking_exists, "tracking_exists", "BadRequest", "Tracking No. already exists.",
         condition::tracking_exists, retry_advice::never, 400},
        {errc::tracking_not_found, "tracking_not_found", "BadRequest",
         "Tracking No. no exists. Please use 「Create a tracking」 API first to create shipment.",
         condition::tracking_not_found, retry_advice::after_fixing_request, 400},
        {errc::batch_limit_exceeded, "batch_limit_exceeded", "BadRequest",
         "You have exceeded the shipment quantity of API call. The maximum quantity is 40 "
         "shipments per call.",
         condition::limit_exceeded, retry_advice::after_fixing_request, 400},
        {errc::invalid_tracking_number, "invalid_tracking_number", "BadRequest",
         "The value of tracking_number is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::tracking_number_required, "tracking_number_required", "BadRequest",
         "Tracking_number is required.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::invalid_tracking_id, "invalid_tracking_id", "BadRequest", "Invalid Tracking ID.",
         condition::invalid_request, retry_advice::after_fixing_request, 400},
        {errc::retrack_not_allowed, "retrack_not_allowed", "BadRequest",
         "Retrack is not allowed. You can only retrack an expired tracking.",
         condition::invalid_request, retry_advice::never, 400},
        {errc::invalid_courier_code, "invalid_courier_code", "BadRequest",
         "The value of courier_code is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::courier_not_detected, "courier_not_detected", "BadRequest", "Cannot detect courier.",
         condition::courier_not_detected, retry_advice::after_fixing_request, 400},
        {errc::invalid_special_fields, "invalid_special_fields", "BadRequest",
         "Missing or invalid value of the special required fields for this courier.",
         condition::invalid_request, retry_advice::after_fixing_request, 400},
        {errc::invalid_field_format, "invalid_field_format", "BadRequest",
         "The format of Field name is invalid.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::invalid_awb_number, "invalid_awb_number", "BadRequest",
         "The awb_number is required or invaild format.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::awb_airline_unsupported, "awb_airline_unsupported", "BadRequest",
         "The awb airline does not support yet.", condition::invalid_request,
         retry_advice::after_fixing_request, 400},
        {errc::quota_exceeded, "quota_exceeded", "BadRequest",
         "You are reaching the maximum quota limitation, please upgrade your current plan.",
         condition::payment_required, retry_advice::after_account_action, 400},
        {errc::unauthorized, "unauthorized", "Unauthorized",
         "Authentication failed or has no permission. Please check and ensure your API Key is "
         "correct.",
         condition::authentication_failed, retry_advice::after_account_action, 401},
        {errc::forbidden, "forbidden", "Forbidden",
         "Access prohibited. The request has been refused or access is not allowed.",
         condition::access_denied, retry_advice::after_account_action, 403},
        {errc::not_found, "not_found", "NotFound",
         "Page does not exist. Please check and ensure your link is correct.", condition::not_found,
         retry_advice::after_fixing_request, 404},
        {errc::too_many_requests, "too_many_requests", "TooManyRequests",
         "Exceeded API request limits, please try again later. Please check the API documentation "
         "for the limit of this API.",
         condition::rate_limited, retry_advice::after_delay, 429},
        {errc::server_error_511, "server_error_511", "ServerError",
         "Server error. Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay, 500},
        {errc::server_error_512, "server_error_512", "ServerError",
         "Server error. Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay, 500},
        {errc::server_error_513, "server_error_513", "ServerError",
         "Server error. Please contact us: service@trackingmore.org.", condition::server_error,
         retry_advice::after_delay, 500},
    });
static_assert(detail::check_table(codes) && detail::index_of<codes>.multiplier != 0);

/// The v4 row of `code`, or nullptr when v4 does not document it.
constexpr const code_info* find(int code) noexcept { return detail::find_in<codes>(code); }

/// The category of v4 codes, named "trackingmore.v4".
inline const std::error_category& category() noexcept { return detail::v4_category.object; }

/// The error_code of `e`: empty for `success`, so that `!ec` means success.
inline std::error_code make_error_code(errc e) noexcept;

/// The error_code of any v4 `meta.code`: empty for success, the code in `category()` otherwise.
inline std::error_code to_error_code(int code) noexcept;

}  // namespace v4

/// The table of `version`; empty for a value that names no version.
constexpr code_table codes_of(api_version version) noexcept {
  switch (version) {
    case api_version::v2: return {v2::codes.data(), v2::codes.size()};
    case api_version::v3: return {v3::codes.data(), v3::codes.size()};
    case api_version::v4: return {v4::codes.data(), v4::codes.size()};
  }
  return {nullptr, 0};
}

namespace detail {
/// The index of `code`'s row in `version`'s table, or the table's size when it has none.
constexpr std::size_t row_of(api_version version, int code) noexcept {
  switch (version) {
    case api_version::v2: return row_of<v2::codes>(code);
    case api_version::v3: return row_of<v3::codes>(code);
    case api_version::v4: return row_of<v4::codes>(code);
  }
  return 0;
}
}  // namespace detail

/// The row of `code` in `version`'s table, or nullptr when that version does not document it.
constexpr const code_info* find(api_version version, int code) noexcept {
  const code_table table = codes_of(version);
  const std::size_t row = detail::row_of(version, code);
  return row < table.size() ? table.begin() + row : nullptr;
}

/// How the library treats any `code` of `version`: its documented row, or else a row (with empty
/// name, type and message) that follows RFC 9110's rule that an unknown status is treated like
/// the x00 of its class, extended to TrackingMore's four-digit codes:
/// - 0 and 200..299: success;
/// - 400..499 and 4000..4999: `invalid_request`, `after_fixing_request` (HTTP 400);
/// - 500..599 and 5000..5999: `server_error`, `after_delay` (HTTP 500);
/// - anything else (negatives, 1..199, 300..399, 600..3999, 6000 and up): a failure with no
///   condition, advised `never`, HTTP status 0.
constexpr code_info classify(api_version version, int code) noexcept {
  const code_table table = codes_of(version);
  if (const std::size_t row = detail::row_of(version, code); row < table.size()) {
    return table.begin()[row];
  }
  code_info info{code, version, {}, {}, {}, 0, http_class{}, retry_advice::never, 0, no_condition};
  const int digit = code >= 100 && code <= 599     ? code / 100
                    : code >= 4000 && code <= 5999 ? code / 1000
                                                   : 0;
  if (code == 0 || digit == 2) {
    info.retry = retry_advice::not_applicable;
  } else if (digit == 4) {
    info.condition = condition::invalid_request;
    info.retry = retry_advice::after_fixing_request;
  } else if (digit == 5) {
    info.condition = condition::server_error;
    info.retry = retry_advice::after_delay;
  }
  if (digit != 0) {
    info.http_status = digit * 100;
    info.http_class = static_cast<http_class>(digit);
  }
  return info;
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
  const std::array<const version_category*, 3> known{&v2_category.object, &v3_category.object,
                                                     &v4_category.object};
  for (const version_category* k : known) {
    if (&c == k) return k;
  }
  const std::string_view name = c.name();
  for (const version_category* k : known) {
    if (name == k->name()) return k;
  }
  return nullptr;
}

/// `classify` for an error_code of a TrackingMore version; false when `ec` is of another category.
inline bool classify_code(const std::error_code& ec, code_info& info) noexcept {
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
  if (!info.message.empty()) return std::string(info.message);
  // "undocumented TrackingMore v4 code 502", formatted by hand: nothing beyond <system_error>.
  char digits[16];
  char* first = digits + sizeof digits;
  auto magnitude = static_cast<unsigned>(code);
  if (code < 0) magnitude = 0u - magnitude;
  do {
    *--first = static_cast<char>('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude != 0);
  if (code < 0) *--first = '-';
  std::string text = "undocumented TrackingMore ";
  text += name_of(version_);
  text += " code ";
  text.append(first, digits + sizeof digits);
  return text;
}

inline std::error_condition version_category::default_error_condition(int code) const noexcept {
  const code_info info = trackingmore::classify(version_, code);
  if (info.condition == no_condition) return {code, *this};
  return make_error_condition(info.condition);
}

inline std::string condition_category::message(int value) const {
  std::string text(name_of(static_cast<trackingmore::condition>(value)));
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
inline constexpr std::array<std::string_view, 27> v2_messages_pl{
    "Żądanie zakończyło się powodzeniem (niektóre wywołania interfejsu API mogą wrócić 201 "
    "zamiast).",
    "Żądanie zakończyło się powodzeniem i został utworzony zasób.",
    "Żądanie zakończyło się powodzeniem, ale przekroczenie limitu.",
    "Uwierzytelnianie nie powiodło się lub użytkownik nie ma uprawnień dla żądanej operacji.",
    "Nieprawidłowy klucz API.",
    "Klucz API został usunięty.",
    "Wniosek nie może być rozumiane lub brakuje wymaganych parametrów.",
    "Tracking_number jest wymagane.",
    "Wartość 'tracking_number' jest nieprawidłowy.",
    "Wartość 'carrier_code' jest nieprawidłowy.",
    "Śledzenie już istnieje.",
    "Śledzenia nie istnieje.",
    "Ze względu na ryzyko Przeciążenie tej funkcji wymaga aktywacji niestandardowego. Aby uzyskać "
    "więcej informacji, skontaktuj się z service@trackingmore.org.",
    "Twoje saldo jest niewystarczające, należy naładować w czasie",
    "Ograniczenie do 200 w czasie",
    "Pozostałe saldo nie jest wystarczająco, więc nie można wywołać interfejsu API danych żądania.",
    "Żądanie zakończyło się powodzeniem, ale odpowiedź jest pusty. Proszę spróbować POST "
    "/trackings/post a następnie GET /trackings/get",
    "Nie można wykryć kuriera. Przypisz przesyłki Kurier zamiast automatycznego wykrywania.",
    "Wartość 'status' jest nieprawidłowy.",
    "Płatność wymagana.",
    "Odmowa dostępu.",
    "Nie można odnaleźć zasobu.",
    "Żądana metoda nie jest obsługiwana dla określonego zasobu.",
    "Nie można ukończyć żądania z powodu konfliktu.",
    "Przekroczone limity interfejsów API. Wstrzymanie żądania, poczekaj dwie minuty i spróbuj "
    "ponownie.",
    "Server error",
    "Serwis jest tymczasowej niedostępne (np. zaplanowane platformy konserwacji). Spróbuj ponownie "
    "później."};
static_assert(v2_messages_pl.size() == v2::codes.size());
}  // namespace detail

constexpr std::string_view v2::message_pl(int code) noexcept {
  const std::size_t row = detail::row_of<codes>(code);
  return row < codes.size() ? detail::v2_messages_pl[row] : std::string_view{};
}

}  // namespace trackingmore

#endif  // TRACKINGMORE_STATUS_HPP
