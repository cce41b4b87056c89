// The words every SqliteStore on one database shares, and the order stamps
// built on them: two openings of one file stand in for two processes.

#include "store/sqlite/shared_state.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite/shared_words.h"
#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"

namespace mporders::sqlite {
namespace {

using store_testing::MakeStoredOrder;
using store_testing::TempDir;

constexpr EpochMillis kT0 = 1700000000000;

TEST(SharedWordsTest, TwoOpeningsOfOneFileSeeEachOthersChanges) {
  TempDir dir;
  auto first = SharedWords::Open(dir.File("words"), 4);
  auto second = SharedWords::Open(dir.File("words"), 4);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ((*first)->Load(3), 0u);
  (*first)->Add(3, 2);
  EXPECT_EQ((*second)->Load(3), 2u);
  EXPECT_EQ((*second)->Load(2), 0u);
  (*second)->Add(0, 5);
  EXPECT_EQ((*first)->Load(0), 5u);
  EXPECT_EQ(std::filesystem::file_size(dir.File("words")), 32u);
}

TEST(SharedWordsTest, ReopeningKeepsTheWordsAndOnlyEverGrowsTheFile) {
  TempDir dir;
  {
    auto words = SharedWords::Open(dir.File("words"), 4);
    ASSERT_TRUE(words.ok());
    (*words)->Add(1, 7);
  }
  auto fewer = SharedWords::Open(dir.File("words"), 2);
  ASSERT_TRUE(fewer.ok());
  EXPECT_EQ((*fewer)->Load(1), 7u);
  EXPECT_EQ(std::filesystem::file_size(dir.File("words")), 32u);
  auto more = SharedWords::Open(dir.File("words"), 8);
  ASSERT_TRUE(more.ok());
  EXPECT_EQ((*more)->Load(1), 7u);
  EXPECT_EQ((*more)->Load(7), 0u);
  EXPECT_EQ(std::filesystem::file_size(dir.File("words")), 64u);
}

TEST(SharedWordsTest, AFileThatCannotBeCreatedIsAnErrorNamingIt) {
  TempDir dir;
  auto nowhere = SharedWords::Open(dir.File("no/such/dir/words"), 4);
  ASSERT_FALSE(nowhere.ok());
  EXPECT_NE(nowhere.status().description().find("no/such/dir/words"), std::string::npos)
      << nowhere.status().description();
}

class OrderStampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto first = SharedWords::Open(dir_.File("counters"), SharedState::kWords);
    auto second = SharedWords::Open(dir_.File("counters"), SharedState::kWords);
    ASSERT_TRUE(first.ok() && second.ok());
    writer_ = std::make_unique<SharedState>(std::move(*first));
    reader_ = std::make_unique<SharedState>(std::move(*second));
  }

  // Marks the seller's order `po` as being changed, as an order write does.
  SharedState::OrderChange Change(const std::string& po) {
    return writer_->ChangeOrders(std::vector<StoredOrder>{MakeStoredOrder("seller", po, kT0)});
  }

  std::optional<OrderStamp> Stamp(const std::string& po) const {
    return reader_->OrderStampOf("seller", po);
  }

  TempDir dir_;
  std::unique_ptr<SharedState> writer_;
  std::unique_ptr<SharedState> reader_;
};

TEST_F(OrderStampTest, AChangeHidesTheStampWhileInFlightAndMovesItAfter) {
  const std::optional<OrderStamp> before = Stamp("PO-1");
  ASSERT_TRUE(before.has_value());
  {
    SharedState::OrderChange change = Change("PO-1");
    // Also what a process that died in the middle of a change leaves
    // behind, for good: the order is read from the database from then on.
    EXPECT_FALSE(Stamp("PO-1").has_value()) << "a change in flight: read the order";
  }
  const std::optional<OrderStamp> after = Stamp("PO-1");
  ASSERT_TRUE(after.has_value());
  EXPECT_NE(*after, *before);
  EXPECT_EQ(Stamp("PO-1"), after) << "nothing changed since";
}

TEST_F(OrderStampTest, OnlyTheChangedOrdersBucketMoves) {
  // Find two orders in different buckets: a change of one leaves the other.
  std::string other;
  for (int i = 2; other.empty(); ++i) {
    const std::string candidate = "PO-" + std::to_string(i);
    const std::optional<OrderStamp> before = Stamp(candidate);
    { SharedState::OrderChange change = Change("PO-1"); }
    if (Stamp(candidate) == before) other = candidate;
  }
  const std::optional<OrderStamp> kept = Stamp(other);
  { SharedState::OrderChange change = Change("PO-1"); }
  EXPECT_EQ(Stamp(other), kept);
}

TEST_F(OrderStampTest, AChangeOfAllOrdersMovesEveryStamp) {
  const std::optional<OrderStamp> one = Stamp("PO-1");
  const std::optional<OrderStamp> two = Stamp("PO-2");
  {
    SharedState::OrderChange change = writer_->ChangeAllOrders();
    EXPECT_FALSE(Stamp("PO-1").has_value());
    EXPECT_FALSE(Stamp("PO-2").has_value());
  }
  EXPECT_NE(Stamp("PO-1"), one);
  EXPECT_NE(Stamp("PO-2"), two);
}

// Through the store: every kind of order write moves the written order's
// stamp as another store on the same file sees it.
class StoreStampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto writer = SqliteStore::Open(dir_.File("orders.db"));
    auto reader = SqliteStore::Open(dir_.File("orders.db"));
    ASSERT_TRUE(writer.ok() && reader.ok());
    writer_ = std::move(*writer);
    reader_ = std::move(*reader);
    ASSERT_TRUE(writer_->PutSeller({"s1", "s1", kT0}).ok());
    ASSERT_TRUE(writer_->InsertOrders({MakeStoredOrder("s1", "PO-1", kT0)}).ok());
  }

  OrderStamp Stamp() {
    std::optional<OrderStamp> stamp = reader_->OrderChangeStamp("s1", "PO-1");
    EXPECT_TRUE(stamp.has_value());
    return stamp.value_or(OrderStamp{});
  }

  TempDir dir_;
  std::unique_ptr<SqliteStore> writer_;
  std::unique_ptr<SqliteStore> reader_;
};

TEST_F(StoreStampTest, EveryOrderWriteMovesTheStamp) {
  OrderStamp stamp = Stamp();
  auto moved = [&] {
    const OrderStamp now = Stamp();
    const bool changed = now != stamp;
    stamp = now;
    return changed;
  };
  ASSERT_TRUE(writer_
                  ->UpdateOrder("s1", "PO-1",
                                [](StoredOrder& stored) {
                                  stored.order.customer_order_id = "changed";
                                  return Status::Ok();
                                })
                  .ok());
  EXPECT_TRUE(moved()) << "UpdateOrder";
  EXPECT_FALSE(moved()) << "no write";
  ASSERT_TRUE(writer_->UpsertOrders({MakeStoredOrder("s1", "PO-1", kT0 + 1)}).ok());
  EXPECT_TRUE(moved()) << "UpsertOrders";
  ASSERT_TRUE(writer_->ReplaceSellerState("s1", {}, 0).ok());
  EXPECT_TRUE(moved()) << "ReplaceSellerState";
  ASSERT_TRUE(writer_->InsertOrders({MakeStoredOrder("s1", "PO-1", kT0)}).ok());
  EXPECT_TRUE(moved()) << "InsertOrders";
  // A failed update moves it too: nothing tells a reader it changed nothing.
  EXPECT_FALSE(writer_->UpdateOrder("s1", "PO-1", [](StoredOrder&) {
                        return Status::InvalidContent("refused");
                      }).ok());
  EXPECT_TRUE(moved()) << "failed UpdateOrder";
}

}  // namespace
}  // namespace mporders::sqlite
