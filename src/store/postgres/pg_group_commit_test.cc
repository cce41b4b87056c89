// PgStore::UpdateOrder's group commit on a real PostgreSQL server: a
// deadlock with another transaction makes every update of the batch run
// again on its own, and two stores on one database (two server processes)
// updating the same orders at once lose nothing. What a batch does on every
// engine: group_commit_engines_test.cc.

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"
#include "store/test_threads.h"

namespace mporders {
namespace {

using store_testing::MakeStoredOrder;
using store_testing::Mark;
using store_testing::Marks;
using store_testing::MarkWith;
using store_testing::WaitUntil;

constexpr EpochMillis kT0 = 1700000000000;

class PgGroupCommitTest : public store_testing::HeldBatchTest<PgStore> {
 protected:
  void SetUp() override {
    std::optional<std::string> url = store_testing::FreshPostgresUrl();
    if (!url) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    url_ = *url;
    store_ = Open();
    ASSERT_NE(store_, nullptr);
    for (const std::string po : {"P0", "P1", "P2", "P3"}) {
      ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", po, kT0)}).ok());
    }
  }

  std::unique_ptr<PgStore> Open() {
    auto store = PgStore::Open(url_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::unique_ptr<pg::Connection> Connect() {
    auto db = pg::Connection::Open(url_);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    return db.ok() ? std::move(*db) : nullptr;
  }

  std::string url_;
};

// Another transaction locks P2 and then P1 while a batch holds P1 and waits
// for P2. PostgreSQL breaks the deadlock by failing the batch, which waited
// first; its updates then run again, each on its own, once the other
// transaction commits, and each is applied once.
TEST_F(PgGroupCommitTest, ADeadlockedBatchRunsEachUpdateAgainAlone) {
  // PostgreSQL checks a lock wait for a deadlock once, deadlock_timeout after
  // it began, and fails the transaction whose check finds the cycle. The
  // batch must be that one: its check comes 3 s into its wait (the cycle
  // closes well before, even on a loaded machine), and this test's own
  // transaction checks only after 20 s. FreshPostgresUrl ends with the
  // connection's options.
  store_.reset();
  url_ += "%20-cdeadlock_timeout%3D3s";
  store_ = Open();
  ASSERT_NE(store_, nullptr);
  std::unique_ptr<pg::Connection> other = Connect();
  std::unique_ptr<pg::Connection> observer = Connect();
  ASSERT_NE(other, nullptr);
  ASSERT_NE(observer, nullptr);
  constexpr char kLock[] =
      "SELECT version FROM orders WHERE seller_id = 's1' AND purchase_order_id = $1 FOR UPDATE";
  ASSERT_TRUE(other->ExecScript("SET deadlock_timeout = '20s'").ok());
  ASSERT_TRUE(other->ExecScript("BEGIN").ok());
  ASSERT_TRUE(other->Exec(kLock, pg::Params().Add("P2")).ok());

  HoldTheWriter();
  Queue("P1", MarkWith(1));
  Queue("P2", MarkWith(2));
  release_.Open();
  // The batch has locked P1 and waits for P2.
  WaitUntil([&] {
    auto waiting = observer->Exec(
        "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
        " AND datname = current_database() AND query LIKE '%FOR UPDATE OF o'");
    return waiting.ok() && waiting->Int64(0, 0) >= 1;
  });
  // Closes the cycle; PostgreSQL fails the batch and this lock is granted.
  Result<pg::Rows> locked = other->Exec(kLock, pg::Params().Add("P1"));
  ASSERT_TRUE(locked.ok()) << locked.status().ToString();
  ASSERT_TRUE(other->ExecScript("COMMIT").ok());
  ReleaseAndJoin();

  ASSERT_TRUE(ResultOf(0).ok()) << ResultOf(0).status().ToString();
  ASSERT_TRUE(ResultOf(1).ok()) << ResultOf(1).status().ToString();
  EXPECT_EQ(Marks(*store_->GetOrder("s1", "P1")), std::vector<std::int64_t>{1});
  EXPECT_EQ(Marks(*store_->GetOrder("s1", "P2")), std::vector<std::int64_t>{2});
  EXPECT_EQ(store_->GetOrder("s1", "P1")->version, 2);
  EXPECT_EQ(store_->GetOrder("s1", "P2")->version, 2);
}

// Two stores on one database stand for two server processes: each batches
// its own callers, and their batches lock overlapping orders. Every update
// is applied exactly once, in a version of its own.
TEST_F(PgGroupCommitTest, TwoStoresUpdatingTheSameOrdersLoseNothing) {
  std::unique_ptr<PgStore> second = Open();
  ASSERT_NE(second, nullptr);
  constexpr int kThreadsPerStore = 8;
  constexpr int kRounds = 10;
  const std::vector<std::string> shared = {"P1", "P2", "P3"};
  std::mutex seen_mutex;
  std::map<std::string, std::map<std::int64_t, std::int64_t>> version_to_mark;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 2 * kThreadsPerStore; ++t) {
    PgStore& store = t % 2 == 0 ? *store_ : *second;
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        // Threads walk the shared orders in different orders.
        const std::string& po = shared[static_cast<size_t>(t + i) % shared.size()];
        const std::int64_t mark = t * 1000 + i;
        Result<StoredOrder> saved = store.UpdateOrder("s1", po, [&](StoredOrder& o) {
          o.order.order_lines[0].order_line_quantity.amount += 1;
          Mark(o, mark);
          return Status::Ok();
        });
        if (!saved.ok() || saved->order.order_lines[0].order_line_quantity.amount !=
                               saved->version) {
          wrong.fetch_add(1);
          continue;
        }
        std::lock_guard<std::mutex> lock(seen_mutex);
        if (!version_to_mark[po].emplace(saved->version, mark).second) wrong.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);

  std::int64_t updates = 0;
  for (const std::string& po : shared) {
    Result<StoredOrder> order = store_->GetOrder("s1", po);
    ASSERT_TRUE(order.ok());
    const auto& seen = version_to_mark[po];
    updates += static_cast<std::int64_t>(seen.size());
    EXPECT_EQ(order->version, static_cast<std::int64_t>(seen.size()) + 1);
    std::vector<std::int64_t> marks_by_version;
    for (const auto& [version, mark] : seen) marks_by_version.push_back(mark);
    EXPECT_EQ(Marks(*order), marks_by_version);
  }
  EXPECT_EQ(updates, 2 * kThreadsPerStore * kRounds);
  // Both stores combined updates into shared transactions.
  EXPECT_LT(store_->UpdateBatchStats().batches + second->UpdateBatchStats().batches, updates);
}

}  // namespace
}  // namespace mporders
