/// @file
/// The response rules of the JSON adapters, written once over any JSON library: which of the HTTP
/// status and the body wins, what counts as a code, a batch's failure list, an item's fields,
/// triage, and which texts are read as JSON at all. Each adapter (`nlohmann_json.hpp`,
/// `boost_json.hpp`, `rapidjson.hpp`, `jsoncpp.hpp`, `simdjson.hpp`) only reads the members of its
/// library's document, through a reader (see `detail::response_rules`); it includes this header,
/// which needs no JSON library. The rules, for users, are on the Semantics page.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_JSON_RULES_HPP
#define TRACKINGMORE_STATUS_JSON_RULES_HPP

#include <trackingmore/status.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>
#include <vector>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// One failed item of a batch call.
struct item_failure {
  std::error_code code;         ///< Its code in the version's category, or a `response_errc`.
  std::string tracking_number;  ///< Empty when absent or not a string.
  std::string courier_code;     ///< v2 `carrier_code`, v4 `courier_code`; empty when absent.
  std::string message;          ///< v2 `message`, v4 `errorMessage`; empty when absent.
};

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

/// The deepest nesting of arrays and objects a parse helper accepts: a deeper text is not JSON to
/// the adapters (`response_errc::not_json`), whatever its library could parse.
inline constexpr std::size_t json_max_depth = 256;

namespace detail {

// ------------------------------------------------------------------------------------------------
// Which texts are JSON: one check every parse helper runs before its library parses, so that every
// library accepts exactly the same texts (the libraries differ on BOMs, invalid UTF-8, lone
// surrogates, trailing bytes, depth and numbers beyond their types).
// ------------------------------------------------------------------------------------------------

/// A strict RFC 8259 check of one JSON text, without recursion, plus the adapters' policy: nesting
/// at most `json_max_depth`; strings valid UTF-8 (no overlong forms, no surrogates, nothing beyond
/// U+10FFFF) whose `\\u` escapes pair their surrogates; an integer (no fraction, no exponent)
/// within 64 bits (from -2^63 to 2^64 - 1); any other number below 1.797693134862315e308 in
/// magnitude, its exponent (if any) from -99999 to 308.
class json_text_check {
 public:
  explicit json_text_check(std::string_view text) noexcept
      : p_(text.data()), end_(text.data() + text.size()) {}

  // One loop over the grammar, its states kept by the loop and the stack: split, it would need a
  // state machine of its own.
  // NOLINTNEXTLINE(readability-function-cognitive-complexity): see above
  bool valid() noexcept {
    bool in_object[json_max_depth] = {};
    std::size_t depth = 0;
    for (;;) {
      // A value.
      skip_space();
      if (p_ == end_) return false;
      const char c = *p_;
      if (c == '{' || c == '[') {
        if (depth == json_max_depth) return false;
        in_object[depth++] = c == '{';
        ++p_;
        skip_space();
        if (p_ != end_ && *p_ == (c == '{' ? '}' : ']')) {
          ++p_;
          --depth;
        } else {
          if (c == '{' && !key()) return false;
          continue;
        }
      } else if (c == '"') {
        if (!string()) return false;
      } else if (c == '-' || is_digit(c)) {
        if (!number()) return false;
      } else if (!literal("true") && !literal("false") && !literal("null")) {
        return false;
      }
      // What follows a value: a comma and the next member or element, or the end of containers.
      for (;;) {
        skip_space();
        if (depth == 0) return p_ == end_;
        if (p_ == end_) return false;
        if (*p_ == ',') {
          ++p_;
          if (in_object[depth - 1] && !key()) return false;
          break;
        }
        if (*p_ != (in_object[depth - 1] ? '}' : ']')) return false;
        ++p_;
        --depth;
      }
    }
  }

 private:
  static bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

  void skip_space() noexcept {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
  }

  bool literal(std::string_view word) noexcept {
    if (static_cast<std::size_t>(end_ - p_) < word.size() ||
        std::string_view(p_, word.size()) != word) {
      return false;
    }
    p_ += word.size();
    return true;
  }

  // A member's name and its colon.
  bool key() noexcept {
    skip_space();
    if (p_ == end_ || *p_ != '"' || !string()) return false;
    skip_space();
    if (p_ == end_ || *p_ != ':') return false;
    ++p_;
    return true;
  }

  // Four hex digits after `\u`.
  bool hex4(unsigned& unit) noexcept {
    if (end_ - p_ < 4) return false;
    unit = 0;
    for (int i = 0; i < 4; ++i, ++p_) {
      const char c = *p_;
      const int digit = is_digit(c)            ? c - '0'
                        : c >= 'a' && c <= 'f' ? c - 'a' + 10
                        : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                               : -1;
      if (digit < 0) return false;
      unit = unit * 16 + static_cast<unsigned>(digit);
    }
    return true;
  }

  // One UTF-8 sequence of two to four bytes, its lead byte at p_ (RFC 3629's table).
  bool utf8_sequence() noexcept {
    const auto byte = [this](std::ptrdiff_t i) { return static_cast<unsigned char>(p_[i]); };
    const unsigned lead = byte(0);
    const std::ptrdiff_t length = lead >= 0xC2 && lead <= 0xDF   ? 2
                                  : lead >= 0xE0 && lead <= 0xEF ? 3
                                  : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                                 : 0;
    if (length == 0 || end_ - p_ < length) return false;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const unsigned low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    const unsigned high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    if (byte(1) < low || byte(1) > high) return false;
    for (std::ptrdiff_t i = 2; i < length; ++i) {
      if ((byte(i) & 0xC0) != 0x80) return false;
    }
    p_ += length;
    return true;
  }

  // Whether none of the eight bytes at p is a quote, a backslash, a control character or
  // non-ASCII (a byte is zero in `v` when the "has zero byte" trick sets its high bit).
  static bool plain8(const char* p) noexcept {
    std::uint64_t w = 0;
    std::memcpy(&w, p, sizeof w);
    constexpr std::uint64_t ones = 0x0101010101010101u;
    constexpr std::uint64_t highs = 0x8080808080808080u;
    const auto has_zero = [](std::uint64_t v) { return (v - ones) & ~v & highs; };
    const std::uint64_t below_space = (w - ones * 0x20) & ~w & highs;
    return ((w & highs) | below_space | has_zero(w ^ (ones * '"')) | has_zero(w ^ (ones * '\\'))) ==
           0;
  }

  // NOLINTNEXTLINE(readability-function-cognitive-complexity): RFC 8259's string grammar, in order
  bool string() noexcept {
    ++p_;  // the opening quote
    while (p_ != end_) {
      // Most bytes are plain ASCII: skipped eight at a time, then one at a time, with a local
      // pointer, which the compiler keeps in a register (p_ could alias the text, read as chars).
      const char* p = p_;
      while (end_ - p >= 8 && plain8(p)) p += 8;
      while (p != end_ && static_cast<unsigned char>(*p) >= 0x20 &&
             static_cast<unsigned char>(*p) < 0x80 && *p != '"' && *p != '\\') {
        ++p;
      }
      p_ = p;
      if (p_ == end_) return false;
      const auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (!utf8_sequence()) return false;
        continue;
      }
      ++p_;  // the backslash
      if (p_ == end_) return false;
      const char escape = *p_++;
      if (escape == 'u') {
        unsigned unit = 0;
        if (!hex4(unit)) return false;
        if (unit >= 0xDC00 && unit <= 0xDFFF) return false;  // a low surrogate first
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
          p_ += 2;
          if (!hex4(unit) || unit < 0xDC00 || unit > 0xDFFF) return false;
        }
      } else if (std::string_view(R"("\/bfnrt)").find(escape) == std::string_view::npos) {
        return false;
      }
    }
    return false;
  }

  // Whether the decimal digits `digits` (no leading zero) reach `limit` (as long, no leading zero).
  static bool reaches(std::string_view digits, std::string_view limit) noexcept {
    return digits.size() != limit.size() ? digits.size() > limit.size() : digits >= limit;
  }

  // NOLINTNEXTLINE(readability-function-cognitive-complexity): RFC 8259's number grammar, in order
  bool number() noexcept {
    const bool negative = *p_ == '-';
    if (negative) ++p_;
    const char* const integer = p_;
    if (p_ == end_ || !is_digit(*p_)) return false;
    if (*p_ == '0') {
      ++p_;
    } else {
      while (p_ != end_ && is_digit(*p_)) ++p_;
    }
    const std::string_view integer_digits(integer, static_cast<std::size_t>(p_ - integer));
    std::string_view fraction_digits;
    if (p_ != end_ && *p_ == '.') {
      const char* const fraction = ++p_;
      while (p_ != end_ && is_digit(*p_)) ++p_;
      if (p_ == fraction) return false;
      fraction_digits = std::string_view(fraction, static_cast<std::size_t>(p_ - fraction));
    }
    long exponent = 0;
    bool has_exponent = false;
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      has_exponent = true;
      ++p_;
      bool exponent_negative = false;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) exponent_negative = *p_++ == '-';
      const char* const digits = p_;
      while (p_ != end_ && is_digit(*p_)) {
        exponent = exponent * 10 + (*p_ - '0');
        // Far beyond any double's, and Boost.JSON fails on one past 2^31 (even 0e-4333333333300).
        if (exponent > 99999) return false;
        ++p_;
      }
      if (p_ == digits) return false;
      if (exponent_negative) exponent = -exponent;
      if (exponent > 308) return false;  // RapidJSON fails on one, even 0e309
    }
    if (fraction_digits.empty() && !has_exponent) {
      // An integer: within int64_t when negative, uint64_t otherwise (what every library keeps
      // as an integer; simdjson rejects a text with a longer one).
      return !reaches(integer_digits, negative ? "9223372036854775809" : "18446744073709551616");
    }
    // Any other number: its first significant digit's power of ten must stay below 308, or at
    // 308 its digits below 1797693134862315 (just under DBL_MAX, where libraries round to
    // infinity or fail).
    char significant[16] = {};
    std::size_t count = 0;
    long power = -1;  // the power of ten of the first significant digit
    long position = static_cast<long>(integer_digits.size());
    for (const std::string_view part : {integer_digits, fraction_digits}) {
      for (const char d : part) {
        --position;
        if (count == 0 && d == '0') continue;
        if (count == 0) power = position;
        if (count < sizeof significant) significant[count++] = d;
      }
    }
    if (count == 0) return true;  // zero
    const long magnitude = power + exponent;
    if (magnitude != 308) return magnitude < 308;
    for (std::size_t i = count; i < sizeof significant; ++i) significant[i] = '0';
    return std::string_view(significant, sizeof significant) < "1797693134862315";
  }

  const char* p_;
  const char* end_;
};

/// The text a parse helper hands its library: `text` without a leading UTF-8 byte order mark
/// (which RFC 8259 lets a parser ignore, and some servers send), or nothing when the text fails
/// `json_text_check`: the helper then gives its "not JSON" value.
inline std::optional<std::string_view> json_text(std::string_view text) noexcept {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  if (text.substr(0, bom.size()) == bom) text.remove_prefix(bom.size());
  if (!json_text_check(text).valid()) return std::nullopt;
  return text;
}

/// Whether the `size` bytes at `name` are `key`: a member name against a name the rules look for.
/// A loop the compiler keeps inline, where a `memcmp` of a length it cannot see is a call, which
/// would cost a reader that must compare every member's name (see `response_rules`) more than
/// the rest of its read.
constexpr bool same_name(const char* name, std::size_t size, std::string_view key) noexcept {
  if (size != key.size()) return false;
  for (const char c : key) {
    if (*name++ != c) return false;
  }
  return true;
}

/// The wire code in a member, or the reason there is none.
struct code_read {
  int code;
  response_errc error;  // zero (no error) when `code` was read
};

/// An integer a reader found where a code belongs: a code when it fits `int`.
template <class Integer>
constexpr code_read code_from_integer(Integer value) noexcept {
  static_assert(std::is_integral_v<Integer>);
  constexpr int int_min = std::numeric_limits<int>::min();
  constexpr int int_max = std::numeric_limits<int>::max();
  bool fits = false;
  if constexpr (std::is_signed_v<Integer>) {
    fits = value >= int_min && value <= int_max;
  } else {
    fits = value <= static_cast<unsigned>(int_max);
  }
  return fits ? code_read{static_cast<int>(value), {}}
              : code_read{0, response_errc::code_out_of_range};
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

/// Whether the failure `code` of `version` is in a condition: 0, negative codes, 1xx, 3xx and
/// codes beyond every class are in none, and say nothing a client can act on.
constexpr bool placed(api_version version, int code) noexcept {
  return classify(version, code).condition != no_condition;
}

/// The response rules over the documents of one JSON library, read through `Reader`, a class with
/// these static members (each noexcept but `text`, which may copy):
/// - `node`: a cheap handle to one value of a document, or to none; `static_cast<bool>(node)`
///   says whether it names a value.
/// - `is_object(node)`, `is_array(node)`, `is_null(node)`: the type of a value.
/// - `member(node object, std::string_view key)`: the value of the member `key`, the last one when
///   the name repeats (as nlohmann/json keeps it); none when `object` is no object or has none.
/// - `code(node)`: `code_from_integer(i)` for a number written as an integer (no fraction, no
///   exponent), whatever its size; `response_errc::code_not_integer` for any other value.
/// - `text(node)`: a string value's text; empty for any other value.
/// - `for_each(node array, f)`: `f(element)` for each element of an array, in order; `size(node)`
///   their number.
/// The document itself is a `node` too: none stands for a text that is not JSON.
template <class Reader>
struct response_rules {
  using node = typename Reader::node;

  static code_read read_code(node object, std::string_view key) noexcept {
    if (!Reader::is_object(object)) return {0, response_errc::not_object};
    const node value = Reader::member(object, key);
    if (!value) return {0, response_errc::no_code};
    return Reader::code(value);
  }

  /// The response's own code: v2 and v4 `meta.code`, v3 the top-level `code`.
  static code_read read_response_code(api_version version, node body) noexcept {
    if (!body) return {0, response_errc::not_json};
    if (!Reader::is_object(body)) return {0, response_errc::not_object};
    if (version == api_version::v3) return read_code(body, "code");
    const node meta = Reader::member(body, "meta");
    if (!meta || !Reader::is_object(meta)) return {0, response_errc::no_meta};
    return read_code(meta, "code");
  }

  /// The failure list of a batch response: none when there is none (absent or null), and the
  /// failure list itself, array or not, otherwise.
  static node failure_list(api_version version, node body) noexcept {
    const failure_fields fields = failure_fields_of(version);
    if (fields.list.empty() || !body || !Reader::is_object(body)) return node{};
    const node data = Reader::member(body, "data");
    if (!data || !Reader::is_object(data)) return node{};
    const node list = Reader::member(data, fields.list);
    return !list || Reader::is_null(list) ? node{} : list;
  }

  static std::string string_member(node object, std::string_view key) {
    if (!Reader::is_object(object)) return {};
    const node value = Reader::member(object, key);
    if (!value) return {};
    const std::string_view text = Reader::text(value);
    return {text.data(), text.size()};
  }

  static std::error_code error_code_of(api_version version, int http_status, node body) noexcept {
    if (name_of(version).empty()) return std::make_error_code(std::errc::invalid_argument);
    const std::error_code from_status = http::to_error_code(http_status);
    const code_read got = read_response_code(version, body);
    if (got.error != response_errc{}) return from_status ? from_status : make_error_code(got.error);
    const std::error_code from_body = to_error_code(version, got.code);
    if (!from_body) return from_status;
    return from_status && !placed(version, got.code) ? from_status : from_body;
  }

  static std::vector<item_failure> item_failures(api_version version, node body) {
    std::vector<item_failure> failures;
    const node list = failure_list(version, body);
    if (!list || !Reader::is_array(list)) return failures;
    const failure_fields fields = failure_fields_of(version);
    failures.reserve(Reader::size(list));
    Reader::for_each(list, [&](node item) {
      const code_read got = read_code(item, fields.code);
      failures.push_back({got.error != response_errc{} ? make_error_code(got.error)
                                                       : to_error_code(version, got.code),
                          string_member(item, "tracking_number"),
                          string_member(item, fields.courier),
                          string_member(item, fields.message)});
    });
    return failures;
  }

  static std::error_code batch_error_code_of(api_version version, int http_status,
                                             node body) noexcept {
    if (const std::error_code ec = error_code_of(version, http_status, body)) return ec;
    const node list = failure_list(version, body);
    if (!list) return {};
    if (!Reader::is_array(list)) return make_error_code(response_errc::failures_not_array);
    return Reader::size(list) == 0 ? std::error_code{}
                                   : make_error_code(response_errc::items_failed);
  }

  static batch_triage triage(api_version version, node body) {
    batch_triage groups;
    // A call that failed as a whole (its own code a failure, or unreadable) was not done item by
    // item: its items are no answer about each one, and the call is what to send again.
    if (error_code_of(version, 200, body)) return groups;
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
};

}  // namespace detail
TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_JSON_RULES_HPP
