#include "codec/json_number.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

#include "codec/order_json.h"

namespace mporders {
namespace {

std::int64_t Minor(std::string_view text) {
  const ParsedNumber n = ParseMoneyMinor(text, 2);
  EXPECT_TRUE(n.ok()) << text;
  return n.value;
}

TEST(MoneyTextTest, ParsesExactly) {
  EXPECT_EQ(Minor("5"), 500);
  EXPECT_EQ(Minor("0.34"), 34);
  EXPECT_EQ(Minor("0.8"), 80);
  EXPECT_EQ(Minor("0.1"), 10);
  EXPECT_EQ(Minor("0.01"), 1);
  EXPECT_EQ(Minor("100"), 10000);
  EXPECT_EQ(Minor("19.98"), 1998);
  EXPECT_EQ(Minor("-0.4"), -40);
  EXPECT_EQ(Minor("-5.00"), -500);
  EXPECT_EQ(Minor("-0.1"), -10);
  EXPECT_EQ(Minor("0"), 0);
  EXPECT_EQ(Minor("-0"), 0);
  EXPECT_EQ(Minor("0.000"), 0);
  EXPECT_EQ(Minor("798"), 79800);
  // 0.29 * 100 is 28.999999999999996 in binary floating point.
  EXPECT_EQ(Minor("0.29"), 29);
  EXPECT_EQ(Minor("1.005e2"), 10050);
  EXPECT_EQ(Minor("92233720368547758.07"), std::numeric_limits<std::int64_t>::max());
}

TEST(MoneyTextTest, ExponentFormsAreAcceptedWhenExact) {
  EXPECT_EQ(Minor("1e2"), 10000);
  EXPECT_EQ(Minor("1E2"), 10000);
  EXPECT_EQ(Minor("1e+2"), 10000);
  EXPECT_EQ(Minor("5e-1"), 50);
  EXPECT_EQ(Minor("34e-2"), 34);
  EXPECT_EQ(Minor("0.340"), 34);  // trailing zeros below the hundredths are exact
  EXPECT_EQ(Minor("0e999999999"), 0);
  EXPECT_EQ(ParseMoneyMinor("1e-3", 2).error, NumberError::kTooPrecise);
}

TEST(MoneyTextTest, RejectsMoreThanTwoDecimals) {
  EXPECT_EQ(ParseMoneyMinor("0.345", 2).error, NumberError::kTooPrecise);
  EXPECT_EQ(ParseMoneyMinor("0.001", 2).error, NumberError::kTooPrecise);
  EXPECT_EQ(ParseMoneyMinor("-5.001", 2).error, NumberError::kTooPrecise);
  EXPECT_EQ(ParseMoneyMinor("1.0000000000000000001", 2).error, NumberError::kTooPrecise);
  EXPECT_EQ(ParseMoneyMinor("5e-999999999999", 2).error, NumberError::kTooPrecise);
}

TEST(MoneyTextTest, RejectsOutOfRangeAndSyntax) {
  EXPECT_EQ(ParseMoneyMinor("92233720368547758.08", 2).error, NumberError::kOutOfRange);
  EXPECT_EQ(ParseMoneyMinor("1e20", 2).error, NumberError::kOutOfRange);
  EXPECT_EQ(ParseMoneyMinor("1e999999999999", 2).error, NumberError::kOutOfRange);
  for (const char* text :
       {"", "-", ".5", "5.", "+5", "1e", "1e+", "abc", "5 ", " 5", "0x10", "1.2.3", "NaN", "--1"}) {
    EXPECT_EQ(ParseMoneyMinor(text, 2).error, NumberError::kSyntax) << text;
  }
}

TEST(MoneyTextTest, FormatsShortestExactText) {
  EXPECT_EQ(FormatMoneyAmount(500, 2), "5");
  EXPECT_EQ(FormatMoneyAmount(34, 2), "0.34");
  EXPECT_EQ(FormatMoneyAmount(80, 2), "0.8");
  EXPECT_EQ(FormatMoneyAmount(1998, 2), "19.98");
  EXPECT_EQ(FormatMoneyAmount(-540, 2), "-5.4");
  EXPECT_EQ(FormatMoneyAmount(-500, 2), "-5");
  EXPECT_EQ(FormatMoneyAmount(-40, 2), "-0.4");
  EXPECT_EQ(FormatMoneyAmount(-1, 2), "-0.01");
  EXPECT_EQ(FormatMoneyAmount(0, 2), "0");
  EXPECT_EQ(FormatMoneyAmount(1, 2), "0.01");
  EXPECT_EQ(FormatMoneyAmount(10, 2), "0.1");
  EXPECT_EQ(FormatMoneyAmount(10000, 2), "100");
  EXPECT_EQ(FormatMoneyAmount(std::numeric_limits<std::int64_t>::max(), 2), "92233720368547758.07");
  EXPECT_EQ(FormatMoneyAmount(std::numeric_limits<std::int64_t>::min(), 2), "-92233720368547758.08");
}

TEST(MoneyTextTest, FormatThenParseRoundTrips) {
  for (std::int64_t minor = -2500; minor <= 2500; ++minor) {
    const ParsedNumber n = ParseMoneyMinor(FormatMoneyAmount(minor, 2), 2);
    ASSERT_TRUE(n.ok()) << minor;
    ASSERT_EQ(n.value, minor);
  }
}

TEST(IntegerTextTest, ParsesSignedIntegers) {
  EXPECT_EQ(ParseInteger("1623796407000").value, 1623796407000);
  EXPECT_EQ(ParseInteger("-3").value, -3);
  EXPECT_EQ(ParseInteger("007").value, 7);
  EXPECT_EQ(ParseInteger("9223372036854775807").value, std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(ParseInteger("9223372036854775808").error, NumberError::kOutOfRange);
  EXPECT_EQ(ParseInteger("99999999999999999999").error, NumberError::kOutOfRange);
  for (const char* text : {"", "-", "1.0", "1e3", "+1", " 1", "1 ", "x"}) {
    EXPECT_EQ(ParseInteger(text).error, NumberError::kSyntax) << text;
  }
}

}  // namespace
}  // namespace mporders

namespace mporders {
namespace {

TEST(MoneyDigitsTest, ZeroDecimalCurrencyParsesWholeUnits) {
  EXPECT_EQ(ParseMoneyMinor("1990", 0).value, 1990);
  EXPECT_EQ(ParseMoneyMinor("1990.00", 0).value, 1990);
  EXPECT_EQ(ParseMoneyMinor("-1.99e3", 0).value, -1990);
  EXPECT_EQ(ParseMoneyMinor("1990.5", 0).error, NumberError::kTooPrecise);
  EXPECT_EQ(ParseMoneyMinor("0.01", 0).error, NumberError::kTooPrecise);
}

TEST(MoneyDigitsTest, ZeroDecimalCurrencyFormatsWithoutPoint) {
  EXPECT_EQ(FormatMoneyAmount(1990, 0), "1990");
  EXPECT_EQ(FormatMoneyAmount(-1990, 0), "-1990");
  EXPECT_EQ(FormatMoneyAmount(0, 0), "0");
}

TEST(MoneyDigitsTest, ThreeDecimalCurrencyRoundTrips) {
  EXPECT_EQ(ParseMoneyMinor("1.234", 3).value, 1234);
  EXPECT_EQ(ParseMoneyMinor("1.2345", 3).error, NumberError::kTooPrecise);
  EXPECT_EQ(FormatMoneyAmount(1230, 3), "1.23");
}

}  // namespace
}  // namespace mporders
