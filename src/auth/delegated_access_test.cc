#include "auth/delegated_access.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "auth/credentials.h"
#include "store/open/store_open.h"

namespace mporders::auth {
namespace {

ClientRecord SellerClient() {
  ClientRecord client;
  client.client_id = "own";
  client.seller_id = "s1";
  return client;
}

ClientRecord ProviderClient() {
  ClientRecord client;
  client.client_id = "provider";
  client.kind = ClientKind::kProvider;
  client.granted_sellers = {"s1", "s2"};
  return client;
}

TEST(SellerForTokenTest, SellerClientActsForItsSellerOnly) {
  EXPECT_EQ(SellerForToken(SellerClient(), "").value(), "s1");
  EXPECT_EQ(SellerForToken(SellerClient(), "s1").value(), "s1");
  auto other = SellerForToken(SellerClient(), "s2");
  EXPECT_EQ(other.status().code(), ErrorCode::kUnauthorized);
  EXPECT_NE(other.status().description().find("WM_PARTNER.ID"), std::string::npos);
}

TEST(SellerForTokenTest, ProviderClientNamesAGrantedSeller) {
  EXPECT_EQ(SellerForToken(ProviderClient(), "s1").value(), "s1");
  EXPECT_EQ(SellerForToken(ProviderClient(), "s2").value(), "s2");
  auto missing = SellerForToken(ProviderClient(), "");
  EXPECT_EQ(missing.status().code(), ErrorCode::kMissingRequestHeader);
  EXPECT_EQ(missing.status().field(), "WM_PARTNER.ID");
  EXPECT_EQ(SellerForToken(ProviderClient(), "s3").status().code(), ErrorCode::kUnauthorized);
  // Exact match: no prefix, no case folding.
  EXPECT_EQ(SellerForToken(ProviderClient(), "S1").status().code(), ErrorCode::kUnauthorized);
  EXPECT_EQ(SellerForToken(ProviderClient(), "s").status().code(), ErrorCode::kUnauthorized);
}

TEST(CheckCallSellerTest, AnotherSellerThanTheTokensIsForbidden) {
  TokenClaims claims;
  claims.seller_id = "s1";
  EXPECT_TRUE(CheckCallSeller(claims, "").ok());
  EXPECT_TRUE(CheckCallSeller(claims, "s1").ok());
  Status other = CheckCallSeller(claims, "s2");
  EXPECT_EQ(other.code(), ErrorCode::kForbidden);
  EXPECT_EQ(other.field(), "WM_PARTNER.ID");
}

// Provider tokens against a real store: bound to one seller, and refused as
// soon as the grant or the client goes.
class ProviderTokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mporders-delegated-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir_);
    store_ = OpenStore("sqlite:" + (dir_ / "auth.db").string()).value();
    for (const char* seller : {"s1", "s2"}) {
      ASSERT_TRUE(store_->PutSeller({seller, seller, clock_.NowMillis()}).ok());
    }
    ASSERT_TRUE(CreateProviderClient(*store_, clock_, std::string("provider"),
                                     std::string("provider-secret"))
                    .ok());
    ASSERT_TRUE(store_->GrantSeller("provider", "s1", clock_.NowMillis()).ok());
    ASSERT_TRUE(store_->GrantSeller("provider", "s2", clock_.NowMillis()).ok());
    tokens_ = TokenService::Create(*store_, clock_, 900).value();
  }
  void TearDown() override {
    tokens_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  std::string TokenFor(const std::string& seller) {
    auto client = AuthenticateClient(*store_, "provider", "provider-secret").value();
    EXPECT_EQ(client.kind, ClientKind::kProvider);
    return tokens_->Issue(client, SellerForToken(client, seller).value()).access_token;
  }

  std::filesystem::path dir_;
  ManualClock clock_{1700000000000};
  std::unique_ptr<Store> store_;
  std::unique_ptr<TokenService> tokens_;
};

TEST_F(ProviderTokensTest, EachTokenCarriesTheSellerItWasIssuedFor) {
  EXPECT_EQ(tokens_->Verify(TokenFor("s1")).value().seller_id, "s1");
  EXPECT_EQ(tokens_->Verify(TokenFor("s2")).value().seller_id, "s2");
  EXPECT_EQ(tokens_->Verify(TokenFor("s2")).value().client_id, "provider");
}

TEST_F(ProviderTokensTest, RemovingAGrantRefusesThatSellersLiveTokensOnly) {
  std::string s1 = TokenFor("s1");
  std::string s2 = TokenFor("s2");
  ASSERT_TRUE(store_->UngrantSeller("provider", "s1").ok());
  auto refused = tokens_->Verify(s1);
  EXPECT_EQ(refused.status().code(), ErrorCode::kUnauthorized);
  EXPECT_TRUE(tokens_->Verify(s2).ok());
  // Granting again brings the unexpired token back: the grant, not the
  // token, is what is checked.
  ASSERT_TRUE(store_->GrantSeller("provider", "s1", clock_.NowMillis()).ok());
  EXPECT_TRUE(tokens_->Verify(s1).ok());
}

TEST_F(ProviderTokensTest, RevokingTheProviderRefusesEveryToken) {
  std::string s1 = TokenFor("s1");
  std::string s2 = TokenFor("s2");
  ASSERT_TRUE(store_->RevokeClient("provider", clock_.NowMillis()).ok());
  EXPECT_EQ(tokens_->Verify(s1).status().code(), ErrorCode::kUnauthorized);
  EXPECT_EQ(tokens_->Verify(s2).status().code(), ErrorCode::kUnauthorized);
}

TEST_F(ProviderTokensTest, ProviderTokensExpireLikeAnyOther) {
  std::string token = TokenFor("s1");
  clock_.Advance(900 * kMillisPerSecond - 1);
  EXPECT_TRUE(tokens_->Verify(token).ok());
  clock_.Advance(1);
  EXPECT_EQ(tokens_->Verify(token).status().code(), ErrorCode::kUnauthorized);
}

}  // namespace
}  // namespace mporders::auth
