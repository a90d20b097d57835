/// @file
/// The library's values as text for logs: `fmt::format("{}", x)` (fmt 9 and later), `std::format`
/// where the standard library has `<format>`, and `out << x`, all with the same text, for
/// `api_version`, `http_class`, `retry_advice`, `condition` (their names), `code_info`
/// ("v4 4101 tracking_exists: Tracking No. already exists."), `retry_decision` ("retry after
/// 120000 ms (after_delay)", "no retry (never)") and `described(ec)`, an `error_code` with its
/// message ("trackingmore.v4:4101 Tracking No. already exists.", "success" for an empty one).
/// The format specification is a string's (`{:>20}`).
///
/// fmt: when `<fmt/format.h>` can be included (`TRACKINGMORE_STATUS_FMT` is then 1), with
/// `fmt::format("{}", ec)` for a plain `std::error_code` too ("trackingmore.v4:4101": fmt 10 and
/// later give it in `<fmt/std.h>`, which this header includes; for fmt 9 this header gives the
/// same). `std::format`: `TRACKINGMORE_STATUS_STD_FORMAT` is 1 when the standard library has it
/// (C++20; libc++ 16 with `-fexperimental-library`); a program may not give `std::error_code` a
/// `std::formatter` of its own, so there it is `std::format("{}", tk::described(ec))`.
///
/// Optional: the core header does not include this one. Define either macro as 0 to leave its
/// part out.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_FORMAT_HPP
#define TRACKINGMORE_STATUS_FORMAT_HPP

#include <trackingmore/status.hpp>
#include <trackingmore/status/retry.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <system_error>
#if __has_include(<version>)
#include <version>
#endif

#ifndef TRACKINGMORE_STATUS_FMT
#if __has_include(<fmt/format.h>)
/// 1 when this header gives fmt formatters.
#define TRACKINGMORE_STATUS_FMT 1
#else
#define TRACKINGMORE_STATUS_FMT 0
#endif
#endif

#ifndef TRACKINGMORE_STATUS_STD_FORMAT
// libc++ 16 has <format> behind -fexperimental-library, before it defines __cpp_lib_format.
#if defined(__cpp_lib_format) || (__cplusplus >= 202002L && defined(_LIBCPP_VERSION) && \
                                  !defined(_LIBCPP_HAS_NO_INCOMPLETE_FORMAT))
/// 1 when this header gives `std::formatter`s.
#define TRACKINGMORE_STATUS_STD_FORMAT 1
#else
#define TRACKINGMORE_STATUS_STD_FORMAT 0
#endif
#endif

#if TRACKINGMORE_STATUS_FMT
#include <fmt/format.h>
#if FMT_VERSION >= 100000
#include <fmt/std.h>  // fmt::formatter<std::error_code>
#endif
#endif
#if TRACKINGMORE_STATUS_STD_FORMAT
#include <format>
#endif

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// An error_code formatted with its category, value and message; see `described`.
struct described_code {
  std::error_code code;  ///< The code.
};

/// `ec`, to be formatted as "trackingmore.v4:4101 Tracking No. already exists." (category name,
/// value, message), or "success" when `!ec`.
inline described_code described(const std::error_code& ec) noexcept { return {ec}; }

namespace detail {

/// The name of `value`, or "type(number)" for a value that names none.
template <class Enum>
std::string enum_text(std::string_view type, Enum value) {
  const std::string_view name = name_of(value);
  if (!name.empty()) return std::string(name);
  return std::string(type) + '(' + std::to_string(static_cast<int>(value)) + ')';
}

/// The text of each formatted type, written once for fmt, std::format and `operator<<`.
inline std::string text_of(api_version v) { return enum_text("api_version", v); }
inline std::string text_of(http_class c) { return enum_text("http_class", c); }
inline std::string text_of(retry_advice r) { return enum_text("retry_advice", r); }
inline std::string text_of(condition c) {
  return c == no_condition ? "no_condition" : enum_text("condition", c);
}
inline std::string text_of(const code_info& c) {
  std::string text = text_of(c.version) + ' ' + std::to_string(c.code) + ' ';
  text += c.name.empty() ? std::string_view("undocumented") : c.name;
  if (!c.message.empty()) (text += ": ") += c.message;
  return text;
}
inline std::string text_of(const retry_decision& d) {
  if (!d.retry) return "no retry (" + text_of(d.advice) + ')';
  return "retry after " + std::to_string(d.delay.count()) + " ms (" + text_of(d.advice) + ')';
}
inline std::string text_of(const described_code& d) {
  if (!d.code) return "success";
  return std::string(d.code.category().name()) + ':' + std::to_string(d.code.value()) + ' ' +
         d.code.message();
}

#if TRACKINGMORE_STATUS_FMT
/// A fmt formatter of `T`'s `text_of`, which takes a string's format specification.
template <class T>
struct fmt_formatter : fmt::formatter<fmt::string_view> {
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = text_of(value);
    return fmt::formatter<fmt::string_view>::format(fmt::string_view(text.data(), text.size()),
                                                    ctx);
  }
};
#endif

#if TRACKINGMORE_STATUS_STD_FORMAT
/// A std::formatter of `T`'s `text_of`, for any format context (libc++ checks one of its own).
template <class T>
struct std_formatter : std::formatter<std::string_view> {
  template <class FormatContext>
  auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out()) {
    return std::formatter<std::string_view>::format(text_of(value), ctx);
  }
};
#endif

}  // namespace detail

/// Writes `v`'s name ("v4").
inline std::ostream& operator<<(std::ostream& out, api_version v) {
  return out << detail::text_of(v);
}
/// Writes `c`'s name ("client_error").
inline std::ostream& operator<<(std::ostream& out, http_class c) {
  return out << detail::text_of(c);
}
/// Writes `r`'s name ("after_delay").
inline std::ostream& operator<<(std::ostream& out, retry_advice r) {
  return out << detail::text_of(r);
}
/// Writes `c`'s name ("rate_limited"; "no_condition").
inline std::ostream& operator<<(std::ostream& out, condition c) {
  return out << detail::text_of(c);
}
/// Writes "v4 4101 tracking_exists: Tracking No. already exists." ("undocumented" for the name of
/// a code no version documents, and no message).
inline std::ostream& operator<<(std::ostream& out, const code_info& c) {
  return out << detail::text_of(c);
}
/// Writes "retry after 120000 ms (after_delay)" or "no retry (never)".
inline std::ostream& operator<<(std::ostream& out, const retry_decision& d) {
  return out << detail::text_of(d);
}
/// Writes "trackingmore.v4:4101 Tracking No. already exists." or "success".
inline std::ostream& operator<<(std::ostream& out, const described_code& d) {
  return out << detail::text_of(d);
}

TRACKINGMORE_STATUS_NAMESPACE_END

/// @cond
#if TRACKINGMORE_STATUS_FMT
template <>
struct fmt::formatter<trackingmore::api_version>
    : trackingmore::detail::fmt_formatter<trackingmore::api_version> {};
template <>
struct fmt::formatter<trackingmore::http_class>
    : trackingmore::detail::fmt_formatter<trackingmore::http_class> {};
template <>
struct fmt::formatter<trackingmore::retry_advice>
    : trackingmore::detail::fmt_formatter<trackingmore::retry_advice> {};
template <>
struct fmt::formatter<trackingmore::condition>
    : trackingmore::detail::fmt_formatter<trackingmore::condition> {};
template <>
struct fmt::formatter<trackingmore::code_info>
    : trackingmore::detail::fmt_formatter<trackingmore::code_info> {};
template <>
struct fmt::formatter<trackingmore::retry_decision>
    : trackingmore::detail::fmt_formatter<trackingmore::retry_decision> {};
template <>
struct fmt::formatter<trackingmore::described_code>
    : trackingmore::detail::fmt_formatter<trackingmore::described_code> {};
#if FMT_VERSION < 100000
// fmt 10's own, for fmt 9: "category:value".
template <>
struct fmt::formatter<std::error_code> : fmt::formatter<fmt::string_view> {
  template <class FormatContext>
  auto format(const std::error_code& ec, FormatContext& ctx) const -> decltype(ctx.out()) {
    const std::string text = std::string(ec.category().name()) + ':' + std::to_string(ec.value());
    return fmt::formatter<fmt::string_view>::format(fmt::string_view(text.data(), text.size()),
                                                    ctx);
  }
};
#endif
#endif

#if TRACKINGMORE_STATUS_STD_FORMAT
template <>
struct std::formatter<trackingmore::api_version>
    : trackingmore::detail::std_formatter<trackingmore::api_version> {};
template <>
struct std::formatter<trackingmore::http_class>
    : trackingmore::detail::std_formatter<trackingmore::http_class> {};
template <>
struct std::formatter<trackingmore::retry_advice>
    : trackingmore::detail::std_formatter<trackingmore::retry_advice> {};
template <>
struct std::formatter<trackingmore::condition>
    : trackingmore::detail::std_formatter<trackingmore::condition> {};
template <>
struct std::formatter<trackingmore::code_info>
    : trackingmore::detail::std_formatter<trackingmore::code_info> {};
template <>
struct std::formatter<trackingmore::retry_decision>
    : trackingmore::detail::std_formatter<trackingmore::retry_decision> {};
template <>
struct std::formatter<trackingmore::described_code>
    : trackingmore::detail::std_formatter<trackingmore::described_code> {};
#endif
/// @endcond

#endif  // TRACKINGMORE_STATUS_FORMAT_HPP
