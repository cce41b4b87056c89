// What a group commit batch does on every engine that batches UpdateOrder
// (SqliteStore, PgStore): its updates apply in queue order, each sees the
// ones before it, and a failure (an error, an exception, a missing order, a
// changed identity) stays with its own update; the side rows follow.

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"
#include "store/test_threads.h"

namespace mporders {
namespace {

using store_testing::Mark;
using store_testing::Marks;
using store_testing::MarkWith;

constexpr EpochMillis kT0 = 1700000000000;

// How each engine's store is opened for these tests.
std::unique_ptr<SqliteStore> OpenEngine(const store_testing::TempDir& dir, SqliteStore*) {
  auto store = SqliteStore::Open(dir.File("orders.db"));
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

std::unique_ptr<PgStore> OpenEngine(const store_testing::TempDir&, PgStore*) {
  std::optional<std::string> url = store_testing::FreshPostgresUrl();
  if (!url) return nullptr;
  auto store = PgStore::Open(*url);
  EXPECT_TRUE(store.ok()) << store.status().ToString();
  return store.ok() ? std::move(*store) : nullptr;
}

template <typename EngineStore>
class BatchTest : public store_testing::HeldBatchTest<EngineStore> {
 protected:
  void SetUp() override {
    this->store_ = OpenEngine(dir_, static_cast<EngineStore*>(nullptr));
    if (this->store_ == nullptr) {
      ASSERT_FALSE(::testing::Test::HasFailure());
      GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    }
    for (const std::string po : {"P0", "P1", "P2", "P3"}) {
      ASSERT_TRUE(this->store_->InsertOrders({store_testing::MakeStoredOrder("s1", po, kT0)}).ok());
    }
  }

  std::vector<std::string> AcknowledgedIds() {
    ListRequest request;
    request.filter.seller_id = "s1";
    request.filter.status = LineStatus::kAcknowledged;
    Result<OrderPage> page = this->store_->ListOrders(request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const StoredOrder& o : page->orders) ids.push_back(o.order.purchase_order_id);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  store_testing::TempDir dir_;
};

struct EngineNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteStore> ? "Sqlite" : "Postgres";
  }
};

using Engines = ::testing::Types<SqliteStore, PgStore>;
TYPED_TEST_SUITE(BatchTest, Engines, EngineNames);

TYPED_TEST(BatchTest, AFailingUpdateLeavesTheOthersOfItsBatchAlone) {
  this->HoldTheWriter();
  this->Queue("P1", MarkWith(1));    // 0: applies
  this->Queue("P1", [](StoredOrder& o) {  // 1: changes the order, then fails
    Mark(o, 666);
    o.order.customer_order_id = "changed";
    return Status::InvalidContent("refused", "orderLines");
  });
  this->Queue("P1", [](StoredOrder& o) -> Status {  // 2: sees 0, not 1
    if (Marks(o) != std::vector<std::int64_t>{1} || o.order.customer_order_id != "CP1") {
      return Status::Internal("saw the wrong state");
    }
    Mark(o, 2);
    return Status::Ok();
  });
  this->Queue("MISSING", MarkWith(3));         // 3: not found
  this->Queue("P2", [](StoredOrder& o) -> Status {  // 4: throws
    Mark(o, 666);
    throw std::runtime_error("boom");
  });
  this->Queue("P2", MarkWith(5));        // 5: applies
  this->Queue("P3", [](StoredOrder& o) {  // 6: changes the order's identity
    o.order.purchase_order_id = "P9";
    return Status::Ok();
  });
  this->ReleaseAndJoin();

  // One batch for the holder, one for everything queued behind it.
  EXPECT_EQ(this->store_->UpdateBatchStats().batches, 2);
  EXPECT_EQ(this->store_->UpdateBatchStats().largest_batch, 7);
  // The same two batches, a lone update and seven together, as the Store
  // interface reports them for /metrics.
  const auto sizes = this->store_->CommitBatches();
  ASSERT_TRUE(sizes.has_value());
  EXPECT_EQ(sizes->batches, 2);
  EXPECT_EQ(sizes->jobs, 8);
  ASSERT_GE(sizes->cumulative.size(), 4u);
  EXPECT_EQ(sizes->cumulative[0], (std::pair<std::int64_t, std::int64_t>{1, 1}));
  EXPECT_EQ(sizes->cumulative[2], (std::pair<std::int64_t, std::int64_t>{4, 1}));
  EXPECT_EQ(sizes->cumulative[3], (std::pair<std::int64_t, std::int64_t>{8, 2}));

  ASSERT_TRUE(this->ResultOf(0).ok()) << this->ResultOf(0).status().ToString();
  EXPECT_EQ(this->ResultOf(0)->version, 2);
  EXPECT_EQ(this->ResultOf(1).status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(this->ResultOf(1).status().description(), "refused");
  ASSERT_TRUE(this->ResultOf(2).ok()) << this->ResultOf(2).status().ToString();
  EXPECT_EQ(this->ResultOf(2)->version, 3);
  EXPECT_EQ(this->ResultOf(3).status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(this->ResultOf(4).status().code(), ErrorCode::kInternal);
  ASSERT_TRUE(this->ResultOf(5).ok()) << this->ResultOf(5).status().ToString();
  EXPECT_EQ(this->ResultOf(5)->version, 2);
  EXPECT_EQ(this->ResultOf(6).status().code(), ErrorCode::kInternal);

  Result<StoredOrder> p1 = this->store_->GetOrder("s1", "P1");
  ASSERT_TRUE(p1.ok());
  EXPECT_EQ(Marks(*p1), (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(p1->order.customer_order_id, "CP1");
  EXPECT_EQ(p1->version, 3);
  Result<StoredOrder> p2 = this->store_->GetOrder("s1", "P2");
  ASSERT_TRUE(p2.ok());
  EXPECT_EQ(Marks(*p2), std::vector<std::int64_t>{5});
  EXPECT_EQ(this->store_->GetOrder("s1", "P3")->version, 1);
  EXPECT_EQ(this->store_->GetOrder("s1", "P9").status().code(), ErrorCode::kNotFound);
  // The side rows moved with the batch: P1 and P2 now have Acknowledged
  // units and are listed by that status; P3 is not.
  EXPECT_EQ(this->AcknowledgedIds(), (std::vector<std::string>{"P1", "P2"}));
}

// UpdateOrderThen, as the server's I/O threads call it: it returns while the
// update waits for its batch, and the outcome arrives once, after the
// COMMIT, on the store's thread; updates queued that way and by waiting
// callers share one batch.
TYPED_TEST(BatchTest, UpdateOrderThenReturnsAtOnceAndTellsTheOutcomeAfterTheCommit) {
  this->HoldTheWriter();
  std::mutex mutex;
  std::condition_variable told;
  std::vector<Result<StoredOrder>> outcomes;
  std::vector<std::thread::id> threads;
  auto done = [&](Result<StoredOrder> outcome) {
    std::lock_guard<std::mutex> lock(mutex);
    outcomes.push_back(std::move(outcome));
    threads.push_back(std::this_thread::get_id());
    told.notify_all();
  };
  const std::string seller = "s1";
  const std::string p1 = "P1";
  const std::string missing = "MISSING";
  const Store::UpdateFn mark = MarkWith(7);
  this->store_->UpdateOrderThen(seller, p1, mark, done);
  this->store_->UpdateOrderThen(seller, missing, mark, done);
  EXPECT_EQ(this->store_->QueuedUpdates(), 2u);
  this->Queue("P1", MarkWith(8));  // a waiting caller, behind them
  {
    std::lock_guard<std::mutex> lock(mutex);
    EXPECT_TRUE(outcomes.empty()) << "told before the commit";
  }
  this->ReleaseAndJoin();
  std::unique_lock<std::mutex> lock(mutex);
  told.wait(lock, [&] { return outcomes.size() == 2; });

  ASSERT_TRUE(outcomes[0].ok()) << outcomes[0].status().ToString();
  EXPECT_EQ(outcomes[0]->version, 2);
  EXPECT_EQ(Marks(*outcomes[0]), std::vector<std::int64_t>{7});
  EXPECT_EQ(outcomes[1].status().code(), ErrorCode::kNotFound);
  EXPECT_NE(threads[0], std::this_thread::get_id());
  ASSERT_TRUE(this->ResultOf(0).ok()) << this->ResultOf(0).status().ToString();
  EXPECT_EQ(Marks(*this->ResultOf(0)), (std::vector<std::int64_t>{7, 8}));
  // The holder's batch, then one for the three queued behind it.
  EXPECT_EQ(this->store_->UpdateBatchStats().batches, 2);
  EXPECT_EQ(this->store_->UpdateBatchStats().largest_batch, 3);
  Result<StoredOrder> saved = this->store_->GetOrder("s1", "P1");
  ASSERT_TRUE(saved.ok());
  EXPECT_EQ(Marks(*saved), (std::vector<std::int64_t>{7, 8}));
}

}  // namespace
}  // namespace mporders
