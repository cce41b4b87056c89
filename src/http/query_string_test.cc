#include "http/query_string.h"

#include <gtest/gtest.h>

namespace mporders::http {
namespace {

TEST(QueryStringTest, DecodesPairsInOrder) {
  auto params = ParseQueryString("limit=10&createdStartDate=2023-07-17T00%3A00%3A00-06%3A00&a+b=c+d&flag");
  ASSERT_TRUE(params.has_value());
  ASSERT_EQ(params->size(), 4u);
  EXPECT_EQ((*params)[0], (std::pair<std::string, std::string>{"limit", "10"}));
  EXPECT_EQ((*params)[1].second, "2023-07-17T00:00:00-06:00");
  EXPECT_EQ((*params)[2], (std::pair<std::string, std::string>{"a b", "c d"}));
  EXPECT_EQ((*params)[3], (std::pair<std::string, std::string>{"flag", ""}));
}

TEST(QueryStringTest, RejectsMalformedEscapes) {
  EXPECT_FALSE(ParseQueryString("a=%2").has_value());
  EXPECT_FALSE(ParseQueryString("a=%zz").has_value());
  EXPECT_FALSE(ParseQueryString("a=%").has_value());
}

TEST(QueryStringTest, FindsTheFirstRepeatedName) {
  EXPECT_EQ(RepeatedName(ParseQueryString("a=1&b=2&c=3").value()), nullptr);
  const QueryParams repeated = ParseQueryString("a=1&b=2&a=3&b=4").value();
  ASSERT_NE(RepeatedName(repeated), nullptr);
  EXPECT_EQ(*RepeatedName(repeated), "a");
  // Decoded names are compared: grant%5Ftype is grant_type.
  const QueryParams encoded = ParseQueryString("grant_type=x&grant%5Ftype=y").value();
  ASSERT_NE(RepeatedName(encoded), nullptr);
  EXPECT_EQ(*RepeatedName(encoded), "grant_type");
  // A long query takes the indexed path and finds the same name.
  std::string long_query;
  for (int i = 0; i < 100; ++i) {
    long_query += 'p';
    long_query += std::to_string(i);
    long_query += "=v&";
  }
  EXPECT_EQ(RepeatedName(ParseQueryString(long_query).value()), nullptr);
  const QueryParams long_repeated = ParseQueryString(long_query + "z=1&p7=again&z=2").value();
  ASSERT_NE(RepeatedName(long_repeated), nullptr);
  EXPECT_EQ(*RepeatedName(long_repeated), "p7");
}

// Decoded values end up in error descriptions ("'<value>' is not one of
// ...") and cursors: bytes that are not UTF-8 would make those bodies invalid
// JSON, so such a query is malformed (fuzz/regressions/list_query/).
TEST(QueryStringTest, RejectsTextThatIsNotUtf8) {
  EXPECT_FALSE(ParseQueryString("status=%FF").has_value());
  EXPECT_FALSE(ParseQueryString("sku=%C3").has_value());
  EXPECT_FALSE(ParseQueryString("%ED%A0%80=1").has_value());
  EXPECT_FALSE(ParseQueryString("sku=caf\xE9").has_value());
  EXPECT_FALSE(PercentDecode("/v3/orders/%C0%AF", false).has_value());
  EXPECT_EQ(ParseQueryString("sku=caf%C3%A9")->front().second, "caf\xC3\xA9");
  EXPECT_EQ(PercentDecode("/v3/orders/\xE2\x82\xAC", false).value(), "/v3/orders/\xE2\x82\xAC");
}

TEST(QueryStringTest, PathDecodingKeepsPlus) {
  EXPECT_EQ(PercentDecode("/v3/orders/a+b%20c", false).value(), "/v3/orders/a+b c");
}

}  // namespace
}  // namespace mporders::http
