#include "api/market_routing.h"

#include <gtest/gtest.h>

namespace mporders::api {
namespace {

http::Request WithHeaders(std::initializer_list<std::pair<const char*, const char*>> headers) {
  http::Request request;
  for (const auto& [name, value] : headers) request.message.set(name, value);
  return request;
}

auth::TokenClaims ClaimsIn(MarketId market) {
  auth::TokenClaims claims;
  claims.client_id = "client";
  claims.seller_id = "S1";
  claims.market = market;
  return claims;
}

TEST(HeaderMarketTest, AbsentHeaderNamesNoMarket) {
  auto market = HeaderMarket(WithHeaders({}));
  ASSERT_TRUE(market.ok());
  EXPECT_FALSE(market->has_value());
}

TEST(HeaderMarketTest, CodesMatchInAnyCase) {
  auto market = HeaderMarket(WithHeaders({{"WM_MARKET", "cl"}, {"WM_GLOBAL_VERSION", "3.1"}}));
  ASSERT_TRUE(market.ok());
  EXPECT_EQ(*market, MarketId::kCl);
  EXPECT_EQ(*HeaderMarket(WithHeaders({{"wm_market", "Mx"}})).value(), MarketId::kMx);
}

TEST(HeaderMarketTest, UnknownMarketAndVersionAreBadHeaders) {
  auto unknown = HeaderMarket(WithHeaders({{"WM_MARKET", "FR"}}));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), ErrorCode::kInvalidRequestHeader);
  EXPECT_EQ(unknown.status().field(), "WM_MARKET");
  EXPECT_NE(unknown.status().description().find("'FR'"), std::string::npos);

  auto version = HeaderMarket(WithHeaders({{"WM_MARKET", "CA"}, {"WM_GLOBAL_VERSION", "2"}}));
  ASSERT_FALSE(version.ok());
  EXPECT_EQ(version.status().code(), ErrorCode::kInvalidRequestHeader);
  EXPECT_EQ(version.status().field(), "WM_GLOBAL_VERSION");
}

TEST(ResolveCallMarketTest, FallsBackToTheCredentialsMarket) {
  auto market = ResolveCallMarket(std::nullopt, std::nullopt, ClaimsIn(MarketId::kCl));
  ASSERT_TRUE(market.ok());
  EXPECT_EQ(*market, MarketId::kCl);
}

TEST(ResolveCallMarketTest, HeaderNamingTheSellersMarketIsAccepted) {
  auto market = ResolveCallMarket(std::nullopt, MarketId::kCa, ClaimsIn(MarketId::kCa));
  ASSERT_TRUE(market.ok());
  EXPECT_EQ(*market, MarketId::kCa);
}

TEST(ResolveCallMarketTest, AnotherMarketThanTheSellersIsForbidden) {
  auto by_header = ResolveCallMarket(std::nullopt, MarketId::kCl, ClaimsIn(MarketId::kUs));
  ASSERT_FALSE(by_header.ok());
  EXPECT_EQ(by_header.status().code(), ErrorCode::kForbidden);
  EXPECT_EQ(by_header.status().field(), "WM_MARKET");
  EXPECT_NE(by_header.status().description().find("Chile"), std::string::npos);
  EXPECT_NE(by_header.status().description().find("(US)"), std::string::npos);

  // The route's market wins over the header (the /v3/ca/ prefix decides).
  auto by_route = ResolveCallMarket(MarketId::kCa, MarketId::kUs, ClaimsIn(MarketId::kUs));
  ASSERT_FALSE(by_route.ok());
  EXPECT_EQ(by_route.status().code(), ErrorCode::kForbidden);
  EXPECT_NE(by_route.status().description().find("Canada"), std::string::npos);
  EXPECT_TRUE(ResolveCallMarket(MarketId::kCa, MarketId::kUs, ClaimsIn(MarketId::kCa)).ok());
}

}  // namespace
}  // namespace mporders::api
