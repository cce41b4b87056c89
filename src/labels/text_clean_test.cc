#include "labels/text_clean.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders::labels {
namespace {

const std::string kFffd = "\xEF\xBF\xBD";

TEST(CleanLabelTextTest, KeepsValidUtf8) {
  EXPECT_EQ(CleanLabelText("María José Peña Núñez"), "María José Peña Núñez");
  EXPECT_EQ(CleanLabelText("東京 🚚 Москва"), "東京 🚚 Москва");
}

TEST(CleanLabelTextTest, ReplacesEachInvalidByte) {
  EXPECT_EQ(CleanLabelText("a\xFFz"), "a" + kFffd + "z");
  // Overlong '/' and a UTF-16 surrogate are not UTF-8.
  EXPECT_EQ(CleanLabelText("\xC0\xAF"), kFffd + kFffd);
  EXPECT_EQ(CleanLabelText("\xED\xA0\x80"), kFffd + kFffd + kFffd);
  // Above U+10FFFF.
  EXPECT_EQ(CleanLabelText("\xF4\x90\x80\x80"), kFffd + kFffd + kFffd + kFffd);
  // A lead byte cut off at the end.
  EXPECT_EQ(CleanLabelText("ab\xE2\x82"), "ab" + kFffd + kFffd);
}

TEST(CleanLabelTextTest, ControlsBecomeSingleSpacesAndEdgesAreTrimmed) {
  EXPECT_EQ(CleanLabelText(std::string("  a\0b\t\r\nc \x7F d\xC2\x85 ", 17)), "a b c d");
  EXPECT_EQ(CleanLabelText("\n\t "), "");
}

TEST(CleanLabelTextTest, CutsAtTheCodePointLimitWithoutSplittingCharacters) {
  EXPECT_EQ(CleanLabelText("ñññññ", 3), "ñññ");
  EXPECT_EQ(CleanLabelText("abc def", 4), "abc");
  EXPECT_EQ(CleanLabelText(std::string(1'000'000, 'x')).size(), kMaxPrintedCodePoints);
}

TEST(CleanLabelTextTest, CountsAndCutsCodePoints) {
  EXPECT_EQ(CountCodePoints("Peña🚚"), 5u);
  EXPECT_EQ(PrefixCodePoints("Peña🚚", 4), "Peña");
  EXPECT_EQ(PrefixCodePoints("Peña🚚", 5), "Peña🚚");
  EXPECT_EQ(PrefixCodePoints("Peña", 0), "");
}

}  // namespace
}  // namespace mporders::labels
