// The token check's access cache on SQLite: the cache itself, and two
// stores on one file standing in for two server processes (the generation
// lives in a file beside the database, so two stores in one process share
// it exactly as two processes do).

#include "store/sqlite/access_cache.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

#include "store/sqlite/connection.h"
#include "store/sqlite/shared_state.h"
#include "store/sqlite/shared_words.h"
#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"

namespace mporders::sqlite {
namespace {

using namespace std::chrono_literals;
using store_testing::TempDir;
using Clock = SellerAccessCache::Clock;

constexpr EpochMillis kT0 = 1700000000000;

TEST(SellerAccessCacheTest, AnEntryHoldsForItsGenerationAndTtlOnly) {
  SellerAccessCache cache(1s, 16);
  const Clock::time_point t0 = Clock::now();
  EXPECT_FALSE(cache.IsAllowed("c1", "s1", 7, t0));
  cache.RememberAllowed("c1", "s1", 7, t0);
  EXPECT_TRUE(cache.IsAllowed("c1", "s1", 7, t0 + 999ms));
  EXPECT_FALSE(cache.IsAllowed("c1", "s1", 8, t0 + 1ms)) << "the accounts changed since";
  EXPECT_FALSE(cache.IsAllowed("c1", "s1", 7, t0 + 1s)) << "expired";
  EXPECT_FALSE(cache.IsAllowed("c1", "s2", 7, t0)) << "another seller";
  EXPECT_FALSE(cache.IsAllowed("c2", "s1", 7, t0)) << "another client";
}

TEST(SellerAccessCacheTest, KeysDoNotRunTogether) {
  SellerAccessCache cache(1s, 16);
  const Clock::time_point t0 = Clock::now();
  cache.RememberAllowed("ab", "c", 1, t0);
  EXPECT_FALSE(cache.IsAllowed("a", "bc", 1, t0));
}

TEST(SellerAccessCacheTest, AFullCacheStartsOverInsteadOfGrowing) {
  SellerAccessCache cache(1s, 2);
  const Clock::time_point t0 = Clock::now();
  cache.RememberAllowed("c1", "s", 1, t0);
  cache.RememberAllowed("c2", "s", 1, t0);
  cache.RememberAllowed("c2", "s", 1, t0);  // already there: nothing dropped
  EXPECT_TRUE(cache.IsAllowed("c1", "s", 1, t0));
  cache.RememberAllowed("c3", "s", 1, t0);
  EXPECT_FALSE(cache.IsAllowed("c1", "s", 1, t0));
  EXPECT_TRUE(cache.IsAllowed("c3", "s", 1, t0));
}

TEST(SellerAccessCacheTest, ZeroTtlKeepsNothing) {
  SellerAccessCache cache(0s, 16);
  const Clock::time_point t0 = Clock::now();
  cache.RememberAllowed("c1", "s1", 1, t0);
  EXPECT_FALSE(cache.IsAllowed("c1", "s1", 1, t0));
}

ClientRecord Client(const std::string& client_id, const std::string& seller_id) {
  ClientRecord client;
  client.client_id = client_id;
  client.seller_id = seller_id;
  client.kind = seller_id.empty() ? ClientKind::kProvider : ClientKind::kSeller;
  client.secret_hash = "hash";
  client.secret_salt = "salt";
  client.created_at = kT0;
  return client;
}

// Two stores on one database file: every access is first checked (and so
// remembered) on `reader_`, then changed through `changer_`.
class SharedAccessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // A long TTL: only the generation can make the reader look again.
    SqliteStoreOptions options;
    options.access_cache_ttl = std::chrono::hours(1);
    auto reader = SqliteStore::Open(dir_.File("orders.db"), options);
    auto changer = SqliteStore::Open(dir_.File("orders.db"), options);
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    ASSERT_TRUE(changer.ok()) << changer.status().ToString();
    reader_ = std::move(*reader);
    changer_ = std::move(*changer);
    for (const char* seller : {"s1", "s2"}) {
      ASSERT_TRUE(changer_->PutSeller({seller, seller, kT0}).ok());
    }
    ASSERT_TRUE(changer_->AddClient(Client("own", "s1")).ok());
    ASSERT_TRUE(changer_->AddClient(Client("provider", "")).ok());
    ASSERT_TRUE(changer_->GrantSeller("provider", "s1", kT0).ok());
    ASSERT_TRUE(changer_->GrantSeller("provider", "s2", kT0).ok());
    for (int i = 0; i < 2; ++i) {  // the second round is answered from the cache
      ASSERT_EQ(Access("own", "s1"), SellerAccess::kAllowed);
      ASSERT_EQ(Access("provider", "s1"), SellerAccess::kAllowed);
      ASSERT_EQ(Access("provider", "s2"), SellerAccess::kAllowed);
    }
  }

  SellerAccess Access(const std::string& client_id, const std::string& seller_id) {
    auto access = reader_->CheckSellerAccess(client_id, seller_id);
    EXPECT_TRUE(access.ok()) << access.status().ToString();
    return access.ok() ? *access : SellerAccess::kNoClient;
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> reader_;
  std::unique_ptr<SqliteStore> changer_;
};

TEST_F(SharedAccessTest, ARevocationByAnotherStoreShowsOnTheNextCheck) {
  ASSERT_TRUE(changer_->RevokeClient("own", kT0 + 1).ok());
  EXPECT_EQ(Access("own", "s1"), SellerAccess::kRevoked);
  EXPECT_EQ(Access("provider", "s1"), SellerAccess::kAllowed);
}

TEST_F(SharedAccessTest, ARemovedGrantShowsOnTheNextCheck) {
  ASSERT_TRUE(changer_->UngrantSeller("provider", "s1").ok());
  EXPECT_EQ(Access("provider", "s1"), SellerAccess::kNotAllowed);
  EXPECT_EQ(Access("provider", "s2"), SellerAccess::kAllowed);
  ASSERT_TRUE(changer_->RevokeClient("provider", kT0 + 1).ok());
  EXPECT_EQ(Access("provider", "s2"), SellerAccess::kRevoked);
}

TEST_F(SharedAccessTest, ARefusalIsNeverRemembered) {
  EXPECT_EQ(Access("provider", "s3"), SellerAccess::kNotAllowed);
  ASSERT_TRUE(changer_->PutSeller({"s3", "s3", kT0}).ok());
  ASSERT_TRUE(changer_->GrantSeller("provider", "s3", kT0).ok());
  EXPECT_EQ(Access("provider", "s3"), SellerAccess::kAllowed);
}

TEST_F(SharedAccessTest, WithoutTheGenerationTheCacheWouldAnswerStale) {
  // The check above really is answered from the cache: a change the
  // generation does not hear of (made with SQL, behind the store's back)
  // goes unseen until the generation moves.
  ConnectionOptions options;
  options.busy_timeout_ms = 5000;
  auto raw = Connection::Open(dir_.File("orders.db"), options);
  ASSERT_TRUE(raw.ok()) << raw.status().ToString();
  ASSERT_TRUE((*raw)->Exec("UPDATE clients SET revoked_at = 1 WHERE client_id = 'own'").ok());
  EXPECT_EQ(Access("own", "s1"), SellerAccess::kAllowed);
  auto words = SharedWords::Open(dir_.File("orders.db-counters"), SharedState::kWords);
  ASSERT_TRUE(words.ok()) << words.status().ToString();
  SharedState(std::move(*words)).AccountsChanged();
  EXPECT_EQ(Access("own", "s1"), SellerAccess::kRevoked);
}

}  // namespace
}  // namespace mporders::sqlite
