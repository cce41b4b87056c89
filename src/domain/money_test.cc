#include "domain/money.h"

#include <limits>

#include <gtest/gtest.h>

namespace mporders {
namespace {

TEST(MinorDigitsTest, FollowsIso4217) {
  EXPECT_EQ(MinorDigits("USD"), 2);
  EXPECT_EQ(MinorDigits("CAD"), 2);
  EXPECT_EQ(MinorDigits("MXN"), 2);
  EXPECT_EQ(MinorDigits("CLP"), 0);
  EXPECT_EQ(MinorDigits("JPY"), 0);
  EXPECT_EQ(MinorDigits("KWD"), 3);
  EXPECT_EQ(MinorDigits("XYZ"), 2);  // unknown: the common case
}

TEST(MoneyAmountTextTest, ShortestTrimsTrailingZeros) {
  EXPECT_EQ(MoneyAmountText(1990, 2, MoneyStyle::kShortest), "19.9");
  EXPECT_EQ(MoneyAmountText(1900, 2, MoneyStyle::kShortest), "19");
  EXPECT_EQ(MoneyAmountText(-1, 2, MoneyStyle::kShortest), "-0.01");
  EXPECT_EQ(MoneyAmountText(1990, 0, MoneyStyle::kShortest), "1990");
}

TEST(MoneyAmountTextTest, FixedShowsTheCurrencysDigits) {
  EXPECT_EQ(MoneyAmountText(1990, 2, MoneyStyle::kFixed), "19.90");
  EXPECT_EQ(MoneyAmountText(5, 2, MoneyStyle::kFixed), "0.05");
  EXPECT_EQ(MoneyAmountText(1990, 0, MoneyStyle::kFixed), "1990");
  EXPECT_EQ(MoneyAmountText(-7, 3, MoneyStyle::kFixed), "-0.007");
}

TEST(MoneyAmountTextTest, ExtremesFit) {
  EXPECT_EQ(MoneyAmountText(std::numeric_limits<std::int64_t>::min(), 2, MoneyStyle::kFixed),
            "-92233720368547758.08");
  EXPECT_EQ(MoneyAmountText(std::numeric_limits<std::int64_t>::min(), 0, MoneyStyle::kFixed),
            "-9223372036854775808");
  EXPECT_EQ(MoneyAmountText(std::numeric_limits<std::int64_t>::max(), 3, MoneyStyle::kFixed),
            "9223372036854775.807");
}

TEST(MoneyTextTest, NamesTheCurrency) {
  EXPECT_EQ(MoneyText(Money{"CLP", -1990}), "CLP -1990");
  EXPECT_EQ(MoneyText(Money{"CAD", 1250}), "CAD 12.50");
}

}  // namespace
}  // namespace mporders
