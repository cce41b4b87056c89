#include "core/time_format.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders {
namespace {

// 2021-06-15T22:33:27.000Z, the instant of the seed XML sample.
constexpr EpochMillis kSeedInstant = 1623796407000;

TEST(FormatIsoMillisTest, FormatsUtcWithMillis) {
  EXPECT_EQ(FormatIsoMillis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(FormatIsoMillis(kSeedInstant), "2021-06-15T22:33:27.000Z");
  EXPECT_EQ(FormatIsoMillis(1623835855623), "2021-06-16T09:30:55.623Z");
  EXPECT_EQ(FormatIsoMillis(951782400000), "2000-02-29T00:00:00.000Z");
  EXPECT_EQ(FormatIsoMillis(1689724338247), "2023-07-18T23:52:18.247Z");
}

TEST(FormatIsoMillisTest, InstantsBefore1970UseFloorDivision) {
  EXPECT_EQ(FormatIsoMillis(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(FormatIsoMillis(-kMillisPerDay), "1969-12-31T00:00:00.000Z");
}

TEST(ParseDateTimeTest, DateOnlyIsMidnightUtc) {
  EXPECT_EQ(ParseDateTime("1970-01-01"), 0);
  EXPECT_EQ(ParseDateTime("2013-08-16"), 1376611200000);
  EXPECT_EQ(ParseDateTime("2024-02-29"), 1709164800000);
}

TEST(ParseDateTimeTest, DateTimeForms) {
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27Z"), kSeedInstant);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.000Z"), kSeedInstant);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27"), kSeedInstant);
  EXPECT_EQ(ParseDateTime("2021-06-15t22:33:27z"), kSeedInstant);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33"), kSeedInstant - 27000);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33Z"), kSeedInstant - 27000);
  EXPECT_EQ(ParseDateTime("2020-03-16T10:30:15Z"), 1584354615000);
}

TEST(ParseDateTimeTest, FractionDigits) {
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.7Z"), kSeedInstant + 700);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.72Z"), kSeedInstant + 720);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.721Z"), kSeedInstant + 721);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.7219Z"), kSeedInstant + 721);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.721999999Z"), kSeedInstant + 721);
  EXPECT_EQ(ParseDateTime("2021-06-15T22:33:27.005"), kSeedInstant + 5);
}

TEST(ParseDateTimeTest, Offsets) {
  const EpochMillis utc = ParseDateTime("2023-07-17T06:00:00Z").value();
  EXPECT_EQ(ParseDateTime("2023-07-17T00:00:00-06:00"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T00:00:00-0600"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T00:00:00-06"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T12:00:00+06:00"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T12:00:00+0600"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T12:00:00+06"), utc);
  EXPECT_EQ(ParseDateTime("2023-07-17T06:00:00+00:00"), utc);
  EXPECT_EQ(ParseDateTime("2022-01-29T10:53:12.355-09:30"),
            ParseDateTime("2022-01-29T20:23:12.355Z"));
  EXPECT_EQ(ParseDateTime("2023-07-17T06:00-00:00"), utc);
}

TEST(ParseDateTimeTest, SpaceStandsForPlusFromFormDecoding) {
  EXPECT_EQ(ParseDateTime("2023-07-17T00:00:00 06:00"), ParseDateTime("2023-07-17T00:00:00+06:00"));
  EXPECT_EQ(ParseDateTime("2023-07-17T00:00:00 0600"), ParseDateTime("2023-07-16T18:00:00Z"));
}

TEST(ParseDateTimeTest, EpochIntegers) {
  EXPECT_EQ(ParseDateTime("1623796407000"), kSeedInstant);  // milliseconds
  EXPECT_EQ(ParseDateTime("1623796407"), kSeedInstant);     // seconds
  EXPECT_EQ(ParseDateTime("0"), 0);
  EXPECT_EQ(ParseDateTime("99999999999"), 99999999999LL * 1000);  // just below 10^11: seconds
  EXPECT_EQ(ParseDateTime("100000000000"), 100000000000LL);       // 10^11: milliseconds
}

TEST(ParseDateTimeTest, LeapYears) {
  EXPECT_TRUE(ParseDateTime("2024-02-29").has_value());
  EXPECT_TRUE(ParseDateTime("2000-02-29").has_value());
  EXPECT_FALSE(ParseDateTime("2023-02-29").has_value());
  EXPECT_FALSE(ParseDateTime("1900-02-29").has_value());
  EXPECT_FALSE(ParseDateTime("2024-02-30").has_value());
}

TEST(ParseDateTimeTest, RejectsMalformedOrOutOfRange) {
  const char* const kBad[] = {
      "",
      " 2021-06-15",
      "2021-06-15 ",
      "2021-6-15",
      "21-06-15",
      "2021/06/15",
      "2021-00-10",
      "2021-13-10",
      "2021-04-31",
      "2021-06-00",
      "2021-06-15T",
      "2021-06-15T22",
      "2021-06-15T24:00",
      "2021-06-15T23:60",
      "2021-06-15T23:59:61",
      "2021-06-15T22:33:27.",
      "2021-06-15T22:33.5",
      "2021-06-15T22:33:27ZZ",
      "2021-06-15T22:33:27+",
      "2021-06-15T22:33:27+6",
      "2021-06-15T22:33:27+06:",
      "2021-06-15T22:33:27+06:0",
      "2021-06-15T22:33:27+24:00",
      "2021-06-15T22:33:27+05:60",
      "2021-06-15T22:33:27+05:00:00",
      "2021-06-15T22:33:27 Z",
      "2021-06-15Z",
      "2021-06-15 22:33:27",
      "now",
      "1623796407000.5",
      "-1623796407",
      "+1623796407",
      "1234567890123456789",
      "12a4",
  };
  for (const char* text : kBad) {
    EXPECT_FALSE(ParseDateTime(text).has_value()) << "accepted: '" << text << "'";
  }
}

TEST(ParseDateTimeTest, LeapSecondIsAccepted) {
  EXPECT_EQ(ParseDateTime("2016-12-31T23:59:60Z"), ParseDateTime("2017-01-01T00:00:00Z"));
}

TEST(TimeFormatTest, RoundTripFormatThenParse) {
  const EpochMillis kInstants[] = {0,
                                   1,
                                   999,
                                   kSeedInstant,
                                   1623835855623,
                                   951868799999,      // 2000-02-29T23:59:59.999Z
                                   4102444800000,     // 2100-01-01
                                   253402300799999};  // 9999-12-31T23:59:59.999Z
  for (EpochMillis t : kInstants) {
    EXPECT_EQ(ParseDateTime(FormatIsoMillis(t)), t) << FormatIsoMillis(t);
  }
  // Every day across four years, including both ends of each month.
  for (EpochMillis day = 0; day < 4 * 366; ++day) {
    const EpochMillis t = DaysFromCivil(2019, 1, 1) * kMillisPerDay + day * kMillisPerDay + 12345;
    ASSERT_EQ(ParseDateTime(FormatIsoMillis(t)), t) << FormatIsoMillis(t);
  }
}

TEST(TimeFormatTest, DaysFromCivil) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1600, 1, 1), -135140);
}

}  // namespace
}  // namespace mporders
