#include "api/ca_cursor.h"

#include <gtest/gtest.h>

#include <regex>

namespace mporders::api {
namespace {

constexpr std::string_view kUsCursor =
    "?limit=2&hasMoreElements=true&soIndex=3&poIndex=2&partnerId=ca%2Bs&sellerId=ca%2Bs"
    "&createdStartDate=2024-05-13T10:15:00.000Z&cursorKey=MTcxNjE5";

TEST(CaCursorTest, IsUrlSafeAsItStands) {
  const std::string token = EncodeCaCursor(kUsCursor);
  EXPECT_TRUE(std::regex_match(token, std::regex("[A-Za-z0-9_-]+"))) << token;
}

TEST(CaCursorTest, ExpandsAsNextCursorParameter) {
  auto params =
      ExpandCaCursor({{"nextCursor", EncodeCaCursor(kUsCursor)}, {"productInfo", "true"}});
  ASSERT_TRUE(params.ok());
  ASSERT_EQ(params->size(), 2u);
  EXPECT_EQ((*params)[0],
            (std::pair<std::string, std::string>{"nextCursor", std::string(kUsCursor)}));
  EXPECT_EQ((*params)[1], (std::pair<std::string, std::string>{"productInfo", "true"}));
}

// The spec requires createdStartDate on every call: sent beside the cursor,
// it (and any parameter the cursor holds) gives way to the cursor's value.
TEST(CaCursorTest, ParametersTheCursorHoldsGiveWayToIt) {
  auto params = ExpandCaCursor({{"createdStartDate", "2024-05-13"},
                                {"nextCursor", EncodeCaCursor(kUsCursor)},
                                {"limit", "50"},
                                {"productInfo", "true"}});
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(*params, (http::QueryParams{{"nextCursor", std::string(kUsCursor)},
                                        {"productInfo", "true"}}));
}

TEST(CaCursorTest, ExpandsWhenAppendedAlone) {
  auto params = ExpandCaCursor({{EncodeCaCursor(kUsCursor), ""}});
  ASSERT_TRUE(params.ok());
  ASSERT_EQ(params->size(), 1u);
  EXPECT_EQ((*params)[0].second, kUsCursor);
}

TEST(CaCursorTest, LeavesOtherQueriesAlone) {
  http::QueryParams plain = {{"createdStartDate", "2024-01-01"}, {"limit", "10"}};
  auto params = ExpandCaCursor(plain);
  ASSERT_TRUE(params.ok());
  EXPECT_EQ(*params, plain);
  // A lone flag that is no cursor stays what it is.
  http::QueryParams flag = {{"productInfo", ""}};
  EXPECT_EQ(*ExpandCaCursor(flag), flag);
}

TEST(CaCursorTest, RefusesForeignTokens) {
  for (std::string_view bad : {"not base64!", "bm90LWEtY3Vyc29y", ""}) {
    auto params = ExpandCaCursor({{"nextCursor", std::string(bad)}});
    ASSERT_FALSE(params.ok()) << bad;
    EXPECT_EQ(params.status().code(), ErrorCode::kInvalidRequestParam);
    EXPECT_EQ(params.status().field(), "nextCursor");
  }
}

}  // namespace
}  // namespace mporders::api
