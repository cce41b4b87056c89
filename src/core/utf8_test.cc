#include "core/utf8.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <string>

namespace mporders {
namespace {

TEST(Utf8Test, AcceptsWellFormedText) {
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_TRUE(IsValidUtf8("plain ASCII"));
  EXPECT_TRUE(
      IsValidUtf8("C\xC3\xA9"
                  "dar"));                                // U+00E9
  EXPECT_TRUE(IsValidUtf8("\xE2\x82\xAC"));               // U+20AC
  EXPECT_TRUE(IsValidUtf8("\xF0\x9F\x8C\xB2"));           // U+1F332
  EXPECT_TRUE(IsValidUtf8("\xF4\x8F\xBF\xBF"));           // U+10FFFF
  EXPECT_TRUE(IsValidUtf8(std::string_view("a\0b", 3)));  // NUL is a character
}

TEST(Utf8Test, RefusesMalformedText) {
  for (std::string_view bad :
       {"\xFF", "\x80", "R\xC3", "\xC3(", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xE2\x82", "\xF0\x9F\x8C"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << testing::PrintToString(std::string(bad));
  }
}

TEST(Utf8Test, DecodesCodePointsAndLengths) {
  struct Case {
    std::string_view bytes;
    std::size_t length;
    char32_t code_point;
  };
  for (const Case& c :
       {Case{std::string_view("\0", 1), 1, 0}, Case{"A", 1, 0x41}, Case{"\x7F", 1, 0x7F},
        Case{"\xC2\x80", 2, 0x80}, Case{"\xC3\xA9", 2, 0xE9}, Case{"\xDF\xBF", 2, 0x7FF},
        Case{"\xE0\xA0\x80", 3, 0x800}, Case{"\xE2\x82\xAC", 3, 0x20AC},
        Case{"\xED\x9F\xBF", 3, 0xD7FF}, Case{"\xEE\x80\x80", 3, 0xE000},
        Case{"\xEF\xBF\xBF", 3, 0xFFFF}, Case{"\xF0\x90\x80\x80", 4, 0x10000},
        Case{"\xF0\x9F\x8C\xB2", 4, 0x1F332}, Case{"\xF4\x8F\xBF\xBF", 4, 0x10FFFF}}) {
    const Utf8Char got = DecodeUtf8(c.bytes, 0);
    EXPECT_EQ(got.length, c.length) << testing::PrintToString(std::string(c.bytes));
    EXPECT_EQ(got.code_point, c.code_point) << testing::PrintToString(std::string(c.bytes));
  }
  // Mid-text: only the character at the index, not what follows it.
  EXPECT_EQ(DecodeUtf8("a\xC3\xA9z", 1).length, 2u);
  EXPECT_EQ(DecodeUtf8("a\xC3\xA9z", 2).length, 0u);  // a continuation byte
  EXPECT_EQ(DecodeUtf8("ab\xE2\x82", 2).length, 0u);  // cut short by the end
}

// Every code point round-trips through the encoder of RFC 3629, and every
// two-byte prefix the decoder accepts is one of those encodings' prefixes.
TEST(Utf8Test, DecodesEveryScalarValueAndNothingElse) {
  auto encode = [](char32_t cp) {
    std::string out;
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (cp < 0x800) {
      out += static_cast<char>(0xC0 | (cp >> 6));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
      out += static_cast<char>(0xE0 | (cp >> 12));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (cp >> 18));
      out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (cp & 0x3F));
    }
    return out;
  };
  for (char32_t cp = 0; cp <= 0x10FFFF; ++cp) {
    const std::string bytes = encode(cp);
    const Utf8Char got = DecodeUtf8(bytes, 0);
    const bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
    if (surrogate) {
      ASSERT_EQ(got.length, 0u) << std::hex << static_cast<std::uint32_t>(cp);
    } else {
      ASSERT_EQ(got.length, bytes.size()) << std::hex << static_cast<std::uint32_t>(cp);
      ASSERT_EQ(got.code_point, cp);
      ASSERT_TRUE(IsValidUtf8(bytes));
    }
  }
  // Lead bytes that start nothing: continuation bytes, C0/C1, F5..FF.
  for (int lead : {0x80, 0xBF, 0xC0, 0xC1, 0xF5, 0xF8, 0xFE, 0xFF}) {
    const std::string bytes = {static_cast<char>(lead), '\x80', '\x80', '\x80'};
    EXPECT_EQ(DecodeUtf8(bytes, 0).length, 0u) << lead;
  }
}

}  // namespace
}  // namespace mporders
