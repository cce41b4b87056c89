#include "auth/tokens.h"

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "store/open/store_open.h"

namespace mporders::auth {
namespace {

class TokensTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("mporders-auth-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir_);
    auto store = OpenStore("sqlite:" + (dir_ / "auth.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto created = CreateClient(*store_, clock_, "seller-1", std::string("client-1"),
                                std::string("secret-123456"));
    ASSERT_TRUE(created.ok()) << created.status().ToString();
    auto tokens = TokenService::Create(*store_, clock_, 900);
    ASSERT_TRUE(tokens.ok());
    tokens_ = std::move(tokens).value();
  }
  void TearDown() override {
    tokens_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  ClientRecord Client() { return AuthenticateClient(*store_, "client-1", "secret-123456").value(); }

  std::filesystem::path dir_;
  ManualClock clock_{1700000000000};
  std::unique_ptr<Store> store_;
  std::unique_ptr<TokenService> tokens_;
};

TEST_F(TokensTest, AuthenticatesOnlyTheRightSecret) {
  EXPECT_TRUE(AuthenticateClient(*store_, "client-1", "secret-123456").ok());
  EXPECT_EQ(AuthenticateClient(*store_, "client-1", "secret-1234567").status().code(),
            ErrorCode::kUnauthorized);
  EXPECT_EQ(AuthenticateClient(*store_, "nobody", "secret-123456").status().code(),
            ErrorCode::kUnauthorized);
}

TEST_F(TokensTest, SecretIsStoredHashed) {
  auto record = store_->GetClient("client-1").value();
  EXPECT_EQ(record.secret_hash.find("secret-123456"), std::string::npos);
  EXPECT_EQ(record.secret_hash.rfind("pbkdf2-sha256$100000$", 0), 0u);
}

TEST_F(TokensTest, IssuedTokenVerifiesWithItsClaims) {
  auto issued = tokens_->Issue(Client());
  EXPECT_EQ(issued.expires_in_seconds, 900);
  auto claims = tokens_->Verify(issued.access_token);
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  EXPECT_EQ(claims->client_id, "client-1");
  EXPECT_EQ(claims->seller_id, "seller-1");
  EXPECT_EQ(claims->expires_at - claims->issued_at, 900000);
}

TEST_F(TokensTest, TokenExpiresAfterItsLifetime) {
  auto issued = tokens_->Issue(Client());
  clock_.Advance(899999);
  EXPECT_TRUE(tokens_->Verify(issued.access_token).ok());
  clock_.Advance(1);
  auto expired = tokens_->Verify(issued.access_token);
  EXPECT_EQ(expired.status().code(), ErrorCode::kUnauthorized);
  EXPECT_NE(expired.status().description().find("expired"), std::string::npos);
}

TEST_F(TokensTest, TamperedOrMalformedTokensAreRejected) {
  std::string token = tokens_->Issue(Client()).access_token;
  for (size_t i = 0; i < token.size(); i += 7) {
    std::string changed = token;
    changed[i] = changed[i] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(tokens_->Verify(changed).ok()) << i;
  }
  EXPECT_FALSE(tokens_->Verify("").ok());
  EXPECT_FALSE(tokens_->Verify("v1.a.b.c").ok());
  EXPECT_FALSE(tokens_->Verify(std::string(5000, 'a')).ok());
}

TEST_F(TokensTest, TamperedCopiesOfAVerifiedTokenAreRejected) {
  const std::string token = tokens_->Issue(Client()).access_token;
  ASSERT_TRUE(tokens_->Verify(token).ok());  // now remembered as verified
  for (size_t i = 0; i < token.size(); i += 5) {
    std::string changed = token;
    changed[i] = changed[i] == 'x' ? 'y' : 'x';
    EXPECT_FALSE(tokens_->Verify(changed).ok()) << i;
  }
  EXPECT_FALSE(tokens_->Verify(token + "x").ok());
  EXPECT_FALSE(tokens_->Verify(token.substr(0, token.size() - 1)).ok());
  EXPECT_TRUE(tokens_->Verify(token).ok());
}

TEST_F(TokensTest, AVerifiedTokenStillExpiresAndIsStillRevoked) {
  const std::string token = tokens_->Issue(Client()).access_token;
  ASSERT_TRUE(tokens_->Verify(token).ok());
  clock_.Advance(900000);
  EXPECT_NE(tokens_->Verify(token).status().description().find("expired"), std::string::npos);

  const std::string fresh = tokens_->Issue(Client()).access_token;
  ASSERT_TRUE(tokens_->Verify(fresh).ok());
  ASSERT_TRUE(store_->RevokeClient("client-1", clock_.NowMillis()).ok());
  EXPECT_NE(tokens_->Verify(fresh).status().description().find("revoked"), std::string::npos);
}

TEST_F(TokensTest, AnotherStoresKeyDoesNotVerify) {
  auto other_store = OpenStore("sqlite:" + (dir_ / "other.db").string()).value();
  auto other = TokenService::Create(*other_store, clock_, 900).value();
  std::string foreign = other->Issue(Client()).access_token;
  EXPECT_EQ(tokens_->Verify(foreign).status().code(), ErrorCode::kUnauthorized);
}

TEST_F(TokensTest, SigningKeyIsSharedThroughTheStore) {
  auto second = TokenService::Create(*store_, clock_, 900).value();
  EXPECT_TRUE(second->Verify(tokens_->Issue(Client()).access_token).ok());
}

TEST_F(TokensTest, RevocationStopsLiveTokens) {
  std::string token = tokens_->Issue(Client()).access_token;
  ASSERT_TRUE(store_->RevokeClient("client-1", clock_.NowMillis()).ok());
  EXPECT_EQ(tokens_->Verify(token).status().code(), ErrorCode::kUnauthorized);
  EXPECT_EQ(AuthenticateClient(*store_, "client-1", "secret-123456").status().code(),
            ErrorCode::kUnauthorized);
}

TEST_F(TokensTest, CreateClientValidatesInput) {
  EXPECT_FALSE(CreateClient(*store_, clock_, "", std::nullopt, std::nullopt).ok());
  EXPECT_FALSE(CreateClient(*store_, clock_, "s", std::nullopt, std::string("short")).ok());
  EXPECT_FALSE(CreateClient(*store_, clock_, "s", std::string("client-1"), std::nullopt).ok());
  auto generated = CreateClient(*store_, clock_, "s", std::nullopt, std::nullopt);
  ASSERT_TRUE(generated.ok());
  EXPECT_EQ(generated->client_id.size(), 36u);
  EXPECT_EQ(generated->client_secret.size(), 48u);
}

}  // namespace
}  // namespace mporders::auth
