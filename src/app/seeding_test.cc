// SeedOrders on a real database file: which orders it inserts, and that it
// inserts them in ascending date order (read back in the file's row order).

#include "app/seeding.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "sim/order_generator.h"
#include "store/open/store_open.h"
#include "store/test_orders.h"

namespace mporders::app {
namespace {

using store_testing::TempDir;

constexpr EpochMillis kNow = 1'718'000'000'000;
constexpr std::uint64_t kSeed = 7;
// More than one insert batch (5000), so the order holds across batches.
constexpr std::int64_t kCount = 12'000;

struct Row {
  std::string purchase_order_id;
  EpochMillis order_date;
};

// The seller's orders in the order they were inserted (rowid order).
std::vector<Row> RowsInInsertOrder(const std::string& path) {
  std::vector<Row> rows;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << path;
    sqlite3_close(db);
    return rows;
  }
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db,
                     "SELECT purchase_order_id, order_date FROM orders WHERE seller_id = 'S'"
                     " ORDER BY rowid",
                     -1, &stmt, nullptr);
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    rows.push_back({reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)),
                    sqlite3_column_int64(stmt, 1)});
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return rows;
}

bool AscendingDates(const std::vector<Row>& rows, size_t from, size_t to) {
  for (size_t i = from + 1; i < to; ++i) {
    if (rows[i].order_date < rows[i - 1].order_date) return false;
  }
  return true;
}

class SeedingTest : public ::testing::Test {
 protected:
  std::unique_ptr<Store> OpenStore(const std::string& path) {
    auto store = mporders::OpenStore("sqlite:" + path);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  TempDir dir_;
  const OrderGenerator generator_{GeneratorOptions{kSeed, kNow, 180, ""}};
};

TEST_F(SeedingTest, InsertsTheGeneratedOrdersInAscendingDateOrder) {
  const std::string path = dir_.File("seed.db");
  {
    auto store = OpenStore(path);
    ASSERT_NE(store, nullptr);
    Result<std::int64_t> seeded = SeedOrders(*store, "S", kCount, kSeed, kNow, false);
    ASSERT_TRUE(seeded.ok()) << seeded.status().ToString();
    EXPECT_EQ(*seeded, kCount);
    // Exactly the generator's orders: a sample reads back identical.
    for (std::uint64_t index : {0ULL, 1ULL, 4999ULL, 5000ULL, 11'999ULL}) {
      const StoredOrder expected = generator_.MakeStored(index, "S");
      Result<StoredOrder> got = store->GetOrder("S", expected.order.purchase_order_id);
      ASSERT_TRUE(got.ok()) << got.status().ToString();
      EXPECT_EQ(got->order, expected.order);
      EXPECT_EQ(got->last_modified, expected.last_modified);
    }
  }
  const std::vector<Row> rows = RowsInInsertOrder(path);
  ASSERT_EQ(rows.size(), static_cast<size_t>(kCount));
  EXPECT_TRUE(AscendingDates(rows, 0, rows.size()));
  std::set<std::string> ids;
  for (const Row& row : rows) ids.insert(row.purchase_order_id);
  std::set<std::string> expected;
  for (std::int64_t i = 0; i < kCount; ++i) {
    expected.insert(generator_.Make(static_cast<std::uint64_t>(i)).purchase_order_id);
  }
  EXPECT_EQ(ids, expected);
  // The dates keep the generator's spread over the window, not a compressed range.
  EXPECT_LT(rows.front().order_date, kNow - 170 * kMillisPerDay);
  EXPECT_GT(rows.back().order_date, kNow - kMillisPerDay);
}

TEST_F(SeedingTest, SameSeedAndTimeGiveTheSameInsertOrder) {
  std::vector<std::vector<Row>> runs;
  for (const char* name : {"a.db", "b.db"}) {
    const std::string path = dir_.File(name);
    {
      auto store = OpenStore(path);
      ASSERT_NE(store, nullptr);
      ASSERT_TRUE(SeedOrders(*store, "S", 3000, kSeed, kNow, false).ok());
    }
    runs.push_back(RowsInInsertOrder(path));
  }
  ASSERT_EQ(runs[0].size(), 3000u);
  for (size_t i = 0; i < runs[0].size(); ++i) {
    ASSERT_EQ(runs[0][i].purchase_order_id, runs[1][i].purchase_order_id) << "row " << i;
  }
}

TEST_F(SeedingTest, SeedingAgainAddsNewOrdersInDateOrder) {
  const std::string path = dir_.File("twice.db");
  {
    auto store = OpenStore(path);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(SeedOrders(*store, "S", 2000, kSeed, kNow, false).ok());
    ASSERT_TRUE(SeedOrders(*store, "S", 3000, kSeed, kNow, false).ok());
    EXPECT_EQ(store->CountOrders("S").value(), 5000);
  }
  const std::vector<Row> rows = RowsInInsertOrder(path);
  ASSERT_EQ(rows.size(), 5000u);
  EXPECT_TRUE(AscendingDates(rows, 0, 2000));
  EXPECT_TRUE(AscendingDates(rows, 2000, 5000));
  // The second run holds indices 2000..4999.
  std::set<std::string> second;
  for (size_t i = 2000; i < rows.size(); ++i) second.insert(rows[i].purchase_order_id);
  EXPECT_EQ(second.count(generator_.Make(2000).purchase_order_id), 1u);
  EXPECT_EQ(second.count(generator_.Make(4999).purchase_order_id), 1u);
  EXPECT_EQ(second.count(generator_.Make(1999).purchase_order_id), 0u);
}

}  // namespace
}  // namespace mporders::app
