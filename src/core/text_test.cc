#include "core/text.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders {
namespace {

using namespace std::string_literals;

TEST(SafeTextTest, KeepsWellFormedText) {
  for (const std::string& text : {""s, "plain ascii"s, "tab\tline\ncr\r"s, "caf\xC3\xA9"s,
                                 "\xE2\x82\xAC 5"s, "\xF0\x9F\x93\xA6 box"s, "\xEF\xBF\xBD"s}) {
    EXPECT_TRUE(IsSafeText(text)) << text;
    EXPECT_EQ(SafeText(text), text);
  }
}

TEST(SafeTextTest, ReplacesEachBadByte) {
  EXPECT_EQ(SafeText("\xff\xfe"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SafeText("a\xC3"), "a\xEF\xBF\xBD");          // truncated sequence
  EXPECT_EQ(SafeText("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong '/'
  EXPECT_EQ(SafeText("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(SafeText("\xF4\x90\x80\x80").size(), 12u);  // above U+10FFFF
  EXPECT_FALSE(IsSafeText("x\xff"));
}

TEST(SafeTextTest, ReplacesCharactersXmlCannotCarry) {
  EXPECT_EQ(SafeText("a\0b"s), "a\xEF\xBF\xBD" "b");
  EXPECT_EQ(SafeText("\x01\x1f"), "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_EQ(SafeText("\xEF\xBF\xBE"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // U+FFFE
}

}  // namespace
}  // namespace mporders
