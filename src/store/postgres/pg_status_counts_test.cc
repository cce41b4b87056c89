// The per-hour status counts on PostgreSQL (schema/postgres/0006): writes
// append deltas, CompactStatusCounts moves them into the counts, and a
// status list's totalCount equals the orders its pages hold before, during
// and after compactions, also while two stores (two server processes)
// write and compact at once.

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::MakeStoredOrder;

constexpr EpochMillis kHour = 3'600'000;
constexpr EpochMillis kT0 = 1700000000000 - 1700000000000 % kHour;

std::string Id(int i) {
  std::string id = "SC-";
  id += std::to_string(i);
  return id;
}

class PgStatusCountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> url = store_testing::FreshPostgresUrl();
    if (!url) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    url_ = *url;
    store_ = Open(std::chrono::milliseconds(0));
    ASSERT_NE(store_, nullptr);
    auto db = pg::Connection::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
    std::vector<StoredOrder> orders;
    for (int i = 0; i < 60; ++i) {
      orders.push_back(MakeStoredOrder("s1", Id(i), kT0 + (i % 9) * kHour + (i % 4) * 7 * 60'000));
    }
    ASSERT_TRUE(store_->InsertOrders(orders).ok());
  }

  std::unique_ptr<PgStore> Open(std::chrono::milliseconds compaction_interval) {
    PgStoreOptions options;
    options.status_count_compaction_interval = compaction_interval;
    auto store = PgStore::Open(url_, options);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::int64_t Scalar(const std::string& sql) {
    auto rows = db_->Exec(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return rows.ok() ? rows->Int64(0, 0) : -1;
  }

  static OrderFilter Window(LineStatus status, EpochMillis start, EpochMillis end) {
    OrderFilter filter;
    filter.seller_id = "s1";
    filter.status = status;
    filter.ship_node_type = "SellerFulfilled";
    filter.created_start = start;
    filter.created_end = end;
    return filter;
  }

  // totalCount of the first page, and the orders all pages hold.
  static std::pair<std::int64_t, std::int64_t> CountedAndListed(Store& store,
                                                                const OrderFilter& filter) {
    ListRequest request;
    request.filter = filter;
    request.limit = 1000;
    Result<OrderPage> page = store.ListOrders(request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return {-1, -1};
    EXPECT_FALSE(page->has_more);
    return {page->total_count, static_cast<std::int64_t>(page->orders.size())};
  }

  // Every status window agrees with its listed orders; returns the matches
  // of the widest Shipped one.
  std::int64_t ExpectCountsMatchLists(Store& store, const std::string& when) {
    std::int64_t shipped = -1;
    for (LineStatus status : {LineStatus::kCreated, LineStatus::kShipped}) {
      for (const auto& [start, end] : {std::pair{kT0 - kHour, kT0 + 20 * kHour},
                                       std::pair{kT0 + 13 * 60'000, kT0 + 5 * kHour + 1},
                                       std::pair{kT0 + 2 * kHour, kT0 + 4 * kHour}}) {
        auto [counted, listed] = CountedAndListed(store, Window(status, start, end));
        EXPECT_EQ(counted, listed) << when << ": " << LineStatusName(status) << " from " << start
                                   << " to " << end;
        if (status == LineStatus::kShipped && shipped < 0) shipped = listed;
      }
    }
    return shipped;
  }

  static Status Ship(Store& store, const std::string& id) {
    return store
        .UpdateOrder("s1", id,
                     [](StoredOrder& s) {
                       s.order.order_lines[0].statuses[0].status = LineStatus::kShipped;
                       s.last_modified += 1;
                       return Status::Ok();
                     })
        .status();
  }

  std::string url_;
  std::unique_ptr<PgStore> store_;
  std::unique_ptr<pg::Connection> db_;
};

TEST_F(PgStatusCountsTest, CountsAreExactBeforeAndAfterEachCompaction) {
  EXPECT_GT(Scalar("SELECT count(*) FROM order_status_hour_deltas"), 0);
  ExpectCountsMatchLists(*store_, "inserted, not compacted");
  ASSERT_TRUE(store_->CompactStatusCounts().ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM order_status_hour_deltas"), 0);
  EXPECT_EQ(Scalar("SELECT sum(orders) FROM order_status_hour_counts WHERE status = 'Created'"),
            60);
  EXPECT_EQ(ExpectCountsMatchLists(*store_, "compacted"), 0);

  for (int i = 0; i < 60; i += 3) ASSERT_TRUE(Ship(*store_, Id(i)).ok());
  EXPECT_EQ(ExpectCountsMatchLists(*store_, "shipped, not compacted"), 20);
  ASSERT_TRUE(store_->CompactStatusCounts().ok());
  EXPECT_EQ(ExpectCountsMatchLists(*store_, "shipped, compacted"), 20);

  // The counts come from the summary: a (wrong) change to it shows.
  ASSERT_GE(Scalar("WITH c AS (UPDATE order_status_hour_counts SET orders = orders + 1000"
                   " WHERE seller_id = 's1' AND status = 'Shipped' AND hour = " +
                   std::to_string(kT0 / kHour + 3) + " RETURNING 1) SELECT count(*) FROM c"),
            1);
  EXPECT_EQ(CountedAndListed(*store_, Window(LineStatus::kShipped, kT0, kT0 + 20 * kHour)).first,
            1020);
}

TEST_F(PgStatusCountsTest, TwoStoresWritingAndCompactingAtOnceCountEveryChangeOnce) {
  // Two processes on one database, each compacting every few milliseconds
  // while both ship orders.
  std::unique_ptr<PgStore> first = Open(std::chrono::milliseconds(3));
  std::unique_ptr<PgStore> second = Open(std::chrono::milliseconds(3));
  ASSERT_NE(first, nullptr);
  ASSERT_NE(second, nullptr);
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) {
    writers.emplace_back([&, w] {
      PgStore& store = w % 2 == 0 ? *first : *second;
      for (int i = w; i < 60; i += 4) {
        if (!Ship(store, Id(i)).ok()) ++failures;
      }
    });
  }
  for (int round = 0; round < 20; ++round) ExpectCountsMatchLists(*store_, "while writing");
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(ExpectCountsMatchLists(*store_, "written"), 60);
  first.reset();
  second.reset();
  ASSERT_TRUE(store_->CompactStatusCounts().ok());
  EXPECT_EQ(Scalar("SELECT count(*) FROM order_status_hour_deltas"), 0);
  EXPECT_EQ(ExpectCountsMatchLists(*store_, "compacted"), 60);
  EXPECT_EQ(Scalar("SELECT sum(orders) FROM order_status_hour_counts WHERE status = 'Shipped'"),
            60);
  EXPECT_EQ(Scalar("SELECT sum(orders) FROM order_status_hour_counts WHERE status = 'Created'"),
            0);
}

}  // namespace
}  // namespace mporders
