#include "auth/verified_tokens.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders::auth {
namespace {

TokenClaims ClaimsOf(const std::string& client_id) {
  TokenClaims claims;
  claims.client_id = client_id;
  claims.seller_id = "seller-" + client_id;
  claims.market = MarketId::kCa;
  claims.issued_at = 1;
  claims.expires_at = 2;
  return claims;
}

TEST(VerifiedTokensTest, FindsOnlyTheExactTokenKept) {
  VerifiedTokens verified(64);
  verified.Keep("token-a", ClaimsOf("a"));
  const std::optional<TokenClaims> found = verified.Find("token-a");
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->client_id, "a");
  EXPECT_EQ(found->seller_id, "seller-a");
  EXPECT_EQ(found->market, MarketId::kCa);
  EXPECT_EQ(found->expires_at, 2);
  EXPECT_FALSE(verified.Find("token-A").has_value());
  EXPECT_FALSE(verified.Find("token-a ").has_value());
  EXPECT_FALSE(verified.Find("token-").has_value());
}

TEST(VerifiedTokensTest, StaysWithinItsCapacity) {
  VerifiedTokens verified(64);
  for (int i = 0; i < 1000; ++i) {
    std::string token = "token-";
    token += std::to_string(i);
    verified.Keep(token, ClaimsOf(std::to_string(i)));
  }
  EXPECT_LE(verified.size(), 64U);
  EXPECT_GT(verified.size(), 0U);
  // The latest one kept is found.
  EXPECT_TRUE(verified.Find("token-999").has_value());
}

}  // namespace
}  // namespace mporders::auth
