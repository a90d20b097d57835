// printable: text from a response body, escaped so that it can neither drive a terminal nor
// forge a line; every other character kept.
#include <trackingmore/status/printable.hpp>

#include <set>
#include <string>

#include "catch.hpp"

namespace tk = trackingmore;
using namespace std::string_literals;

namespace {

/// Whether `s` holds a byte a terminal or a log reader acts on: C0, DEL, or a C1 control in
/// UTF-8 (0xC2 0x80..0x9F).
bool has_control(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x20 || b == 0x7F) return true;
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("printable: a forged line and a colour sequence print as inert text") {
  const std::string hostile = "A\x1b[31mRED\x1b[0m\nFAKE LINE: success";
  CHECK(tk::printable(hostile) == R"(A\u001b[31mRED\u001b[0m\nFAKE LINE: success)");
  CHECK(!has_control(tk::printable(hostile)));
}

TEST_CASE("printable: every control character is escaped, by name or by number") {
  CHECK(tk::printable("\n\r\t\\") == R"(\n\r\t\\)");
  CHECK(tk::printable("a\0b"s) == R"(a\u0000b)");
  CHECK(tk::printable("\x01\x08\x0b\x0c\x1f\x7f") == R"(\u0001\u0008\u000b\u000c\u001f\u007f)");
  CHECK(tk::printable("\xc2\x80\xc2\x9b"
                      "2J\xc2\x9f") == R"(\u0080\u009b2J\u009f)");  // C1: CSI
  CHECK(tk::printable("one\xe2\x80\xa8two\xe2\x80\xa9") == R"(one\u2028two\u2029)");
  for (int byte = 0; byte < 0x20; ++byte) {
    CAPTURE(byte);
    CHECK(!has_control(tk::printable(std::string(1, static_cast<char>(byte)))));
  }
}

TEST_CASE("printable: the bidirectional controls are escaped, so no text reorders the line") {
  // A tracking number with RIGHT-TO-LEFT OVERRIDE (U+202E) shows the rest of its line reversed,
  // as Trojan Source (CVE-2021-42574) hides code: "...\u202e" + "sseccus" reads "success".
  CHECK(tk::printable("AB\xe2\x80\xae"
                      "sseccus") == R"(AB\u202esseccus)");
  // Every character of Unicode's Bidi_Control property, and only those among their neighbours.
  CHECK(tk::printable("\xd8\x9c") == R"(\u061c)");                        // ALM
  CHECK(tk::printable("\xe2\x80\x8e\xe2\x80\x8f") == R"(\u200e\u200f)");  // LRM, RLM
  CHECK(tk::printable("\xe2\x80\xaa\xe2\x80\xab\xe2\x80\xac\xe2\x80\xad\xe2\x80\xae") ==
        R"(\u202a\u202b\u202c\u202d\u202e)");  // LRE, RLE, PDF, LRO, RLO
  CHECK(tk::printable("\xe2\x81\xa6\xe2\x81\xa7\xe2\x81\xa8\xe2\x81\xa9") ==
        R"(\u2066\u2067\u2068\u2069)");  // LRI, RLI, FSI, PDI
  for (const std::string kept : {"\xd8\x9b", "\xe2\x80\x8d", "\xe2\x80\xaf", "\xe2\x81\xa5",
                                 "\xe2\x81\xaa"}) {  // U+061B, U+200D, U+202F, U+2065, U+206A
    CAPTURE(kept);
    CHECK(tk::printable(kept) == kept);
  }
}

TEST_CASE("printable: bytes that are not well-formed UTF-8 are escaped one by one") {
  CHECK(tk::printable("\xff") == R"(\xff)");
  CHECK(tk::printable("a\x9b"
                      "b") == R"(a\x9bb)");                           // a lone 8-bit CSI
  CHECK(tk::printable("\xc0\xaf") == R"(\xc0\xaf)");                  // overlong '/'
  CHECK(tk::printable("\xe0\x80\xaf") == R"(\xe0\x80\xaf)");          // overlong, 3 bytes
  CHECK(tk::printable("\xed\xa0\x80") == R"(\xed\xa0\x80)");          // a surrogate, U+D800
  CHECK(tk::printable("\xf4\x90\x80\x80") == R"(\xf4\x90\x80\x80)");  // U+110000
  CHECK(tk::printable("\xe2\x80") == R"(\xe2\x80)");                  // cut
  CHECK(tk::printable("\xc3") == R"(\xc3)");
}

TEST_CASE("printable: other text, UTF-8 included, is kept as it is") {
  for (const std::string text :
       {"", "9261290302951157303005", "usps", "Tracking No. already exists.",
        "「UTF-8」 ż \xc2\xa0 \xef\xbf\xbd \xf0\x9f\x93\xa6 \xf4\x8f\xbf\xbf", "a/b \"c\" ~"}) {
    CAPTURE(text);
    CHECK(tk::printable(text) == text);
  }
}

TEST_CASE("printable: every text of two bytes prints without a control, and differently") {
  std::set<std::string> printed;
  for (int first = 0; first < 256; ++first) {
    for (int second = 0; second < 256; ++second) {
      const std::string text{static_cast<char>(first), static_cast<char>(second)};
      const std::string p = tk::printable(text);
      if (has_control(p)) FAIL_CHECK("a control in the printing of " << first << ' ' << second);
      printed.insert(p);
    }
  }
  CHECK(printed.size() == 65536);
}

TEST_CASE("printable: two different texts never print the same") {
  const std::string texts[] = {"\n", "\\n", "\\\n", "\x1b", "\\u001b", "\xff", "\\xff", "\xc3\xbf"};
  std::set<std::string> printed;
  for (const std::string& t : texts) printed.insert(tk::printable(t));
  CHECK(printed.size() == std::size(texts));
}
