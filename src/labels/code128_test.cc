#include "labels/code128.h"

#include <gtest/gtest.h>

namespace mporders::labels {
namespace {

// Code 128: 11 modules per symbol character (data, plus the start and check
// characters) and a 13-module stop pattern.
int ExpectedModules(int data_characters) { return 11 * (data_characters + 2) + 13; }

void ExpectWellFormed(const Code128& code) {
  ASSERT_FALSE(code.bars.empty());
  EXPECT_EQ(code.bars.front().start, 0);  // starts with a bar
  int end = 0;
  for (const Code128::Bar& bar : code.bars) {
    EXPECT_GE(bar.start, end) << "bars overlap or are out of order";
    EXPECT_GE(bar.width, 1);
    EXPECT_LE(bar.width, 4);
    end = bar.start + bar.width;
  }
  EXPECT_EQ(end, code.modules);  // the stop pattern ends with a bar
}

TEST(Code128Test, EncodesTextInCodeSetB) {
  Result<Code128> code = EncodeCode128("ABC");
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  // Start B, three characters, check character, stop.
  EXPECT_EQ(code->modules, ExpectedModules(3));
  EXPECT_EQ(code->bars.size(), 3u * 5 + 4);
  ExpectWellFormed(*code);
}

TEST(Code128Test, PacksDigitPairsInCodeSetC) {
  Result<Code128> code = EncodeCode128("499903935503");
  ASSERT_TRUE(code.ok()) << code.status().ToString();
  // Start C, six digit pairs, check character, stop.
  EXPECT_EQ(code->modules, ExpectedModules(6));
  ExpectWellFormed(*code);
}

TEST(Code128Test, RefusesEmptyAndNonAsciiText) {
  Result<Code128> empty = EncodeCode128("");
  ASSERT_FALSE(empty.ok());
  EXPECT_EQ(empty.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(empty.status().field(), "trackingNumber");

  Result<Code128> accented = EncodeCode128("GUÍA123");
  ASSERT_FALSE(accented.ok());
  EXPECT_EQ(accented.status().code(), ErrorCode::kInvalidRequestContent);
}

TEST(Code128Test, ReportsZintsLengthLimitAsInvalidContent) {
  Result<Code128> code = EncodeCode128(std::string(300, 'A'));
  ASSERT_FALSE(code.ok());
  EXPECT_EQ(code.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_NE(code.status().description().find("libzint"), std::string::npos);
}

}  // namespace
}  // namespace mporders::labels
