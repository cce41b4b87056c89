// Consumers in the store: clients holding a public key for signature
// authentication (auth/signature_auth.h), and the 0005 migration that adds
// the key to clients made before it.

#include <gtest/gtest.h>

#include <string>

#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_store.h"
#include "store/store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::TempDir;

constexpr EpochMillis kT0 = 1700000000000;
// The store keeps the text as given; only auth/ parses it.
constexpr char kPem[] = "-----BEGIN PUBLIC KEY-----\nMIIBIjAN\n-----END PUBLIC KEY-----\n";

ClientRecord Consumer(const std::string& client_id, const std::string& seller_id) {
  ClientRecord client;
  client.client_id = client_id;
  client.seller_id = seller_id;
  client.created_at = kT0;
  client.public_key_pem = kPem;  // key only: no secret
  return client;
}

class StoreConsumersTest : public ::testing::TestWithParam<store_testing::Engine> {
 protected:
  void SetUp() override {
    bool skip = false;
    store_ = store_testing::OpenEmptyStore(GetParam(), dir_, skip);
    if (skip) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    ASSERT_NE(store_, nullptr);
    ASSERT_TRUE(store_->PutSeller({"s1", "s1", kT0}).ok());
    ASSERT_TRUE(store_->PutSeller({"s2", "s2", kT0}).ok());
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreConsumersTest,
                         ::testing::Values(store_testing::Engine::kSqliteFile,
                                           store_testing::Engine::kPostgres),
                         [](const auto& info) { return store_testing::EngineName(info.param); });

TEST_P(StoreConsumersTest, APublicKeyIsStoredAndReadBackByGetAndList) {
  ASSERT_TRUE(store_->AddClient(Consumer("k1", "s1")).ok());
  ClientRecord with_secret = Consumer("k2", "s2");
  with_secret.secret_hash = "hash";
  with_secret.secret_salt = "salt";
  ASSERT_TRUE(store_->AddClient(with_secret).ok());
  ClientRecord secret_only = Consumer("c3", "s1");
  secret_only.public_key_pem.reset();
  secret_only.secret_hash = "hash3";
  secret_only.secret_salt = "salt3";
  ASSERT_TRUE(store_->AddClient(secret_only).ok());

  auto k1 = store_->GetClient("k1");
  ASSERT_TRUE(k1.ok()) << k1.status().ToString();
  EXPECT_EQ(k1->public_key_pem, std::optional<std::string>(kPem));
  EXPECT_EQ(k1->seller_id, "s1");
  EXPECT_EQ(k1->kind, ClientKind::kSeller);
  EXPECT_EQ(k1->secret_hash, "");
  EXPECT_EQ(store_->GetClient("k2")->secret_hash, "hash");
  EXPECT_EQ(store_->GetClient("k2")->public_key_pem, std::optional<std::string>(kPem));
  EXPECT_FALSE(store_->GetClient("c3")->public_key_pem.has_value());

  auto all = store_->ListClients();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 3u);
  EXPECT_FALSE((*all)[0].public_key_pem.has_value());  // c3
  EXPECT_EQ((*all)[1].public_key_pem, std::optional<std::string>(kPem));
  EXPECT_EQ((*all)[2].public_key_pem, std::optional<std::string>(kPem));
}

TEST_P(StoreConsumersTest, RevokingAConsumerShowsOnTheNextRead) {
  ASSERT_TRUE(store_->AddClient(Consumer("k1", "s1")).ok());
  ASSERT_FALSE(store_->GetClient("k1")->revoked_at.has_value());
  ASSERT_TRUE(store_->RevokeClient("k1", kT0 + 5).ok());
  EXPECT_EQ(store_->GetClient("k1")->revoked_at, std::optional<EpochMillis>(kT0 + 5));
  EXPECT_EQ(store_->CheckSellerAccess("k1", "s1").value(), SellerAccess::kRevoked);
}

TEST_P(StoreConsumersTest, AProviderClientCannotHoldAKeyAndATakenIdIsRefused) {
  ClientRecord provider = Consumer("p1", "");
  provider.kind = ClientKind::kProvider;
  EXPECT_EQ(store_->AddClient(provider).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GetClient("p1").status().code(), ErrorCode::kNotFound);

  ASSERT_TRUE(store_->AddClient(Consumer("k1", "s1")).ok());
  EXPECT_EQ(store_->AddClient(Consumer("k1", "s2")).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GetClient("k1")->seller_id, "s1");
  EXPECT_EQ(store_->AddClient(Consumer("k9", "ghost")).code(), ErrorCode::kInvalidRequestContent);
}

TEST(ConsumerKeysMigrationTest, ClientsMadeBeforeItKeepTheirDataAndHaveNoKey) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    // A database as the schema before 0005 left it.
    auto db = sqlite::Connection::Open(path, sqlite::ConnectionOptions{});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(ApplyMigrations(**db, sqlite::EmbeddedMigrations().first(3), kT0).ok());
    ASSERT_TRUE((*db)
                    ->Exec("INSERT INTO sellers VALUES ('s1', 'One', 1);"
                           "INSERT INTO clients (client_id, kind, seller_id, secret_hash,"
                           " secret_salt, created_at, revoked_at)"
                           " VALUES ('old-a', 'seller', 's1', 'h1', 'salt1', 2, NULL);")
                    .ok());
  }
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto a = (*store)->GetClient("old-a");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->secret_hash, "h1");
  EXPECT_EQ(a->seller_id, "s1");
  EXPECT_FALSE(a->public_key_pem.has_value());
  EXPECT_EQ((*store)->CheckSellerAccess("old-a", "s1").value(), SellerAccess::kAllowed);
}

}  // namespace
}  // namespace mporders
