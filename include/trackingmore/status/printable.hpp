/// @file
/// Text from a response, made safe to print: `printable` escapes what could drive a terminal or
/// start a new line of output or of a log. The strings the JSON adapters give (an
/// `item_failure`'s tracking number, courier code and message) are the body's, unescaped.
///
/// Optional: the core header does not include this one, so a program that only classifies codes
/// does not pay for `<string>`.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_PRINTABLE_HPP
#define TRACKINGMORE_STATUS_PRINTABLE_HPP

#include <trackingmore/status.hpp>

#include <cstddef>
#include <string>
#include <string_view>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

namespace detail {

/// Whether `u` is escaped by number: a C0 or C1 control, DEL, a line or paragraph separator, or
/// a bidirectional control.
constexpr bool escaped_by_number(char32_t u) noexcept {
  return u < 0x20 || (u >= 0x7F && u <= 0x9F) || u == 0x2028 || u == 0x2029 || u == 0x061C ||
         u == 0x200E || u == 0x200F || (u >= 0x202A && u <= 0x202E) || (u >= 0x2066 && u <= 0x2069);
}

/// The length of the well-formed UTF-8 sequence (RFC 3629: no overlong form, no surrogate,
/// nothing above U+10FFFF) at the front of `s`, and its code point; length 0 when there is none.
struct utf8_sequence {
  std::size_t length;
  char32_t code_point;
};

constexpr utf8_sequence read_utf8(std::string_view s) noexcept {
  const auto byte = [&s](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned lead = byte(0);
  if (lead < 0x80) return {1, lead};
  // The length of the sequence, the bits of the lead byte kept, and the range of the second byte
  // (narrower than 0x80..0xBF where it rules out overlong forms, surrogates and U+110000 on).
  std::size_t length = 0;
  unsigned low = 0x80;
  unsigned high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return {0, 0};
  }
  if (s.size() < length) return {0, 0};
  char32_t code_point = lead & (0x7Fu >> length);
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned next = byte(i);
    if (next < (i == 1 ? low : 0x80u) || next > (i == 1 ? high : 0xBFu)) return {0, 0};
    code_point = code_point << 6 | (next & 0x3Fu);
  }
  return {length, code_point};
}

}  // namespace detail

/// `text` with every character that could drive a terminal or break a line escaped, so that a
/// string from a response body (a tracking number, a courier code, a message) prints as inert
/// characters on one line.
///
/// - a backslash becomes two; line feed, carriage return and tab become a backslash and `n`, `r`
///   or `t`;
/// - every other control character (U+0000..U+001F, U+007F, and U+0080..U+009F, the C1 controls,
///   among them CSI), U+2028 and U+2029, the line and paragraph separators, and the bidirectional
///   controls (Unicode's Bidi_Control: U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069,
///   which would reorder the rest of the line as Trojan Source does) become a backslash, `u` and
///   four hexadecimal digits (ESC is a backslash and `u001b`);
/// - each byte that does not begin a well-formed UTF-8 sequence becomes a backslash, `x` and two
///   hexadecimal digits (a backslash and `xff`);
/// - every other character, UTF-8 included, stays as it is.
///
/// The result is well-formed UTF-8 without a control character, and two different texts never
/// give the same result, since every backslash it holds begins an escape.
///
/// Example:
/// ```
/// std::printf("%s\n", trackingmore::printable(failure.tracking_number).c_str());
/// // on one line, each ESC and line feed of the body escaped
/// ```
inline std::string printable(std::string_view text) {
  constexpr std::string_view hex = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    const detail::utf8_sequence c = detail::read_utf8(text);
    if (c.length == 0) {
      const auto byte = static_cast<unsigned char>(text.front());
      out.append("\\x").append(1, hex[byte >> 4]).append(1, hex[byte & 0xFu]);
      text.remove_prefix(1);
      continue;
    }
    const char32_t u = c.code_point;
    if (u == '\\') {
      out += "\\\\";
    } else if (u == '\n') {
      out += "\\n";
    } else if (u == '\r') {
      out += "\\r";
    } else if (u == '\t') {
      out += "\\t";
    } else if (detail::escaped_by_number(u)) {
      out += "\\u";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(u >> shift) & 0xFu];
    } else {
      out.append(text.substr(0, c.length));
    }
    text.remove_prefix(c.length);
  }
  return out;
}

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_PRINTABLE_HPP
