// Delegated access in the store: provider clients, their grants, the access
// check token verification makes on every call, and the 0002 migration of
// clients created before it.

#include <gtest/gtest.h>

#include <string>
#include <vector>

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

ClientRecord Provider(const std::string& client_id) {
  ClientRecord client;
  client.client_id = client_id;
  client.kind = ClientKind::kProvider;
  client.secret_hash = "hash";
  client.secret_salt = "salt";
  client.created_at = kT0;
  return client;
}

ClientRecord OwnClient(const std::string& client_id, const std::string& seller_id) {
  ClientRecord client;
  client.client_id = client_id;
  client.seller_id = seller_id;
  client.secret_hash = "hash";
  client.secret_salt = "salt";
  client.created_at = kT0;
  return client;
}

class StoreGrantsTest : public ::testing::TestWithParam<store_testing::Engine> {
 protected:
  void SetUp() override {
    bool skip = false;
    store_ = store_testing::OpenEmptyStore(GetParam(), dir_, skip);
    if (skip) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    ASSERT_NE(store_, nullptr);
    for (const char* seller : {"s1", "s2", "s3"}) {
      ASSERT_TRUE(store_->PutSeller({seller, seller, kT0}).ok());
    }
    ASSERT_TRUE(store_->AddClient(Provider("p1")).ok());
    ASSERT_TRUE(store_->AddClient(OwnClient("c1", "s1")).ok());
  }

  SellerAccess Access(const std::string& client_id, const std::string& seller_id) {
    auto access = store_->CheckSellerAccess(client_id, seller_id);
    EXPECT_TRUE(access.ok()) << access.status().ToString();
    return access.ok() ? *access : SellerAccess::kNoClient;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreGrantsTest,
                         ::testing::Values(store_testing::Engine::kSqliteFile,
                                           store_testing::Engine::kPostgres),
                         [](const auto& info) { return store_testing::EngineName(info.param); });

TEST_P(StoreGrantsTest, ProviderClientHasKindAndNoSellerUntilGranted) {
  auto provider = store_->GetClient("p1");
  ASSERT_TRUE(provider.ok()) << provider.status().ToString();
  EXPECT_EQ(provider->kind, ClientKind::kProvider);
  EXPECT_EQ(provider->seller_id, "");
  EXPECT_TRUE(provider->granted_sellers.empty());
  EXPECT_EQ(Access("p1", "s1"), SellerAccess::kNotAllowed);

  auto own = store_->GetClient("c1");
  ASSERT_TRUE(own.ok());
  EXPECT_EQ(own->kind, ClientKind::kSeller);
  EXPECT_EQ(own->seller_id, "s1");
}

TEST_P(StoreGrantsTest, GrantsAreListedAndChecked) {
  ASSERT_TRUE(store_->GrantSeller("p1", "s2", kT0 + 1).ok());
  ASSERT_TRUE(store_->GrantSeller("p1", "s1", kT0 + 2).ok());
  ASSERT_TRUE(store_->GrantSeller("p1", "s1", kT0 + 3).ok());  // again: no change, no error
  EXPECT_EQ(store_->GetClient("p1")->granted_sellers, (std::vector<std::string>{"s1", "s2"}));

  EXPECT_EQ(Access("p1", "s1"), SellerAccess::kAllowed);
  EXPECT_EQ(Access("p1", "s2"), SellerAccess::kAllowed);
  EXPECT_EQ(Access("p1", "s3"), SellerAccess::kNotAllowed);
  EXPECT_EQ(Access("c1", "s1"), SellerAccess::kAllowed);
  EXPECT_EQ(Access("c1", "s2"), SellerAccess::kNotAllowed);
  EXPECT_EQ(Access("nobody", "s1"), SellerAccess::kNoClient);

  auto all = store_->ListClients();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].client_id, "c1");
  EXPECT_TRUE((*all)[0].granted_sellers.empty());
  EXPECT_EQ((*all)[1].client_id, "p1");
  EXPECT_EQ((*all)[1].granted_sellers, (std::vector<std::string>{"s1", "s2"}));
}

TEST_P(StoreGrantsTest, UngrantAndRevokeTakeEffectOnTheNextCheck) {
  ASSERT_TRUE(store_->GrantSeller("p1", "s1", kT0).ok());
  ASSERT_TRUE(store_->GrantSeller("p1", "s2", kT0).ok());
  ASSERT_TRUE(store_->UngrantSeller("p1", "s1").ok());
  EXPECT_EQ(Access("p1", "s1"), SellerAccess::kNotAllowed);
  EXPECT_EQ(Access("p1", "s2"), SellerAccess::kAllowed);
  EXPECT_EQ(store_->UngrantSeller("p1", "s1").code(), ErrorCode::kNotFound);

  ASSERT_TRUE(store_->RevokeClient("p1", kT0 + 5).ok());
  EXPECT_EQ(Access("p1", "s2"), SellerAccess::kRevoked);
  ASSERT_TRUE(store_->RevokeClient("c1", kT0 + 5).ok());
  EXPECT_EQ(Access("c1", "s1"), SellerAccess::kRevoked);
}

TEST_P(StoreGrantsTest, GrantsAreRefusedForSellerClientsUnknownClientsAndUnknownSellers) {
  EXPECT_EQ(store_->GrantSeller("c1", "s2", kT0).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GrantSeller("nobody", "s2", kT0).code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GrantSeller("p1", "ghost", kT0).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_TRUE(store_->GetClient("p1")->granted_sellers.empty());
  EXPECT_EQ(Access("c1", "s2"), SellerAccess::kNotAllowed);
}

TEST_P(StoreGrantsTest, AClientIsEitherASellersOrAProvidersNeverBoth) {
  ClientRecord provider_with_seller = Provider("p2");
  provider_with_seller.seller_id = "s1";
  EXPECT_EQ(store_->AddClient(provider_with_seller).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->AddClient(OwnClient("c2", "")).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GetClient("p2").status().code(), ErrorCode::kNotFound);
}

TEST(DelegatedAccessMigrationTest, ClientsMadeBeforeItBecomeSellerClientsWithTheirData) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    // A database as the first schema version left it, with a live and a
    // revoked client.
    auto db = sqlite::Connection::Open(path, sqlite::ConnectionOptions{});
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    ASSERT_TRUE(ApplyMigrations(**db, sqlite::EmbeddedMigrations().first(1), kT0).ok());
    ASSERT_TRUE((*db)
                    ->Exec("INSERT INTO sellers VALUES ('s1', 'One', 1);"
                           "INSERT INTO clients VALUES ('old-a', 's1', 'h1', 'salt1', 2, NULL);"
                           "INSERT INTO clients VALUES ('old-b', 's1', 'h2', 'salt2', 3, 4);")
                    .ok());
  }
  auto store = SqliteStore::Open(path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto a = (*store)->GetClient("old-a");
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->kind, ClientKind::kSeller);
  EXPECT_EQ(a->seller_id, "s1");
  EXPECT_EQ(a->secret_hash, "h1");
  EXPECT_EQ(a->secret_salt, "salt1");
  EXPECT_EQ(a->created_at, 2);
  EXPECT_FALSE(a->revoked_at.has_value());
  EXPECT_EQ((*store)->CheckSellerAccess("old-a", "s1").value(), SellerAccess::kAllowed);
  EXPECT_EQ((*store)->CheckSellerAccess("old-b", "s1").value(), SellerAccess::kRevoked);
  // The rebuilt table still refuses clients of unknown sellers.
  EXPECT_EQ((*store)->AddClient(OwnClient("new", "ghost")).code(),
            ErrorCode::kInvalidRequestContent);
}

}  // namespace
}  // namespace mporders
