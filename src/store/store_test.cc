#include "store/store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>
#include <vector>

#include "codec/order_json.h"
#include "store/open/store_open.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::AddLine;
using store_testing::MakeStoredOrder;
using store_testing::TempDir;

constexpr EpochMillis kDay = kMillisPerDay;
constexpr EpochMillis kT0 = 1700000000000;

// ctest points MPORDERS_TEST_DATA at tests/data.
std::string ReadTestData(const std::string& name) {
  const char* dir = std::getenv("MPORDERS_TEST_DATA");
  const std::filesystem::path path =
      std::filesystem::path(dir != nullptr ? dir : "tests/data") / name;
  std::ifstream in(path);
  if (!in) ADD_FAILURE() << "cannot read " << path << " (set MPORDERS_TEST_DATA)";
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// --- Store::Open --------------------------------------------------------------------

TEST(StoreOpenTest, CreatesParentDirectoriesOfTheDatabaseFile) {
  TempDir dir;
  const std::string path = dir.File("nested/deeper/orders.db");
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite:" + path);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_TRUE(std::filesystem::exists(path));
}

TEST(StoreOpenTest, OpensAnInMemoryDatabase) {
  Result<std::unique_ptr<Store>> store = OpenStore("sqlite::memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  EXPECT_EQ((*store)->CountOrders("s1").value(), 0);
}

TEST(StoreOpenTest, InMemoryDatabasesAreSeparate) {
  auto a = OpenStore("sqlite::memory:");
  auto b = OpenStore("sqlite::memory:");
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE((*a)->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  EXPECT_EQ((*b)->CountOrders("s1").value(), 0);
}

TEST(StoreOpenTest, RejectsUnknownSchemes) {
  for (const std::string url : {"mysql://localhost/db", "orders.db", "", "sqlite:"}) {
    Result<std::unique_ptr<Store>> store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.status().code(), ErrorCode::kInvalidRequestParam) << url;
  }
}

TEST(StoreOpenTest, PostgresUrlsOpenThePostgresEngine) {
  // Nothing listens on port 1: the PostgreSQL engine tries to connect and
  // reports the server unavailable, where an unknown URL would be refused.
  for (const std::string url : {"postgresql://nobody@127.0.0.1:1/none?connect_timeout=2",
                                "postgres://nobody@127.0.0.1:1/none?connect_timeout=2"}) {
    Result<std::unique_ptr<Store>> store = OpenStore(url);
    ASSERT_FALSE(store.ok()) << url;
    EXPECT_EQ(store.status().code(), ErrorCode::kUnavailable) << url;
  }
}

TEST(StoreOpenTest, DataSurvivesReopening) {
  TempDir dir;
  const std::string url = "sqlite:" + dir.File("orders.db");
  {
    auto store = OpenStore(url);
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
    ASSERT_TRUE((*store)->PutSeller({"s1", "Seller One", kT0}).ok());
  }
  auto store = OpenStore(url);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  Result<StoredOrder> order = (*store)->GetOrder("s1", "P1");
  ASSERT_TRUE(order.ok()) << order.status().ToString();
  EXPECT_EQ(order->order, MakeStoredOrder("s1", "P1", kT0).order);
  EXPECT_EQ((*store)->GetSeller("s1")->name, "Seller One");
}

// --- every backend -------------------------------------------------------------------

// Runs each test on a database file and on an in-memory database.
class StoreTest : public ::testing::TestWithParam<store_testing::Engine> {
 protected:
  void SetUp() override {
    bool skip = false;
    store_ = store_testing::OpenEmptyStore(GetParam(), dir_, skip);
    if (skip) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    ASSERT_NE(store_, nullptr);
  }

  std::vector<std::string> ListIds(const std::string& seller_id) {
    ListRequest request;
    request.filter.seller_id = seller_id;
    Result<OrderPage> page = store_->ListOrders(request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const StoredOrder& o : page->orders) ids.push_back(o.order.purchase_order_id);
    }
    return ids;
  }

  std::vector<std::string> ListIdsWithStatus(const std::string& seller_id, LineStatus status) {
    ListRequest request;
    request.filter.seller_id = seller_id;
    request.filter.status = status;
    Result<OrderPage> page = store_->ListOrders(request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> ids;
    if (page.ok()) {
      for (const StoredOrder& o : page->orders) ids.push_back(o.order.purchase_order_id);
    }
    return ids;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest,
                         ::testing::Values(store_testing::Engine::kSqliteFile,
                                           store_testing::Engine::kSqliteMemory,
                                           store_testing::Engine::kPostgres),
                         [](const auto& info) { return store_testing::EngineName(info.param); });

TEST_P(StoreTest, GetReturnsWhatWasInserted) {
  StoredOrder stored = MakeStoredOrder("s1", "P1", kT0);
  stored.last_modified = kT0 + 5;
  stored.version = 3;
  ASSERT_TRUE(store_->InsertOrders({stored}).ok());

  Result<StoredOrder> got = store_->GetOrder("s1", "P1");
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->seller_id, "s1");
  EXPECT_EQ(got->order, stored.order);
  EXPECT_EQ(got->last_modified, kT0 + 5);
  EXPECT_EQ(got->version, 3);
}

TEST_P(StoreTest, SeedDocumentRoundTripsWithItsUnknownMembers) {
  Result<Order> seed = DecodeOrderJson(ReadTestData("seed_order.json"));
  ASSERT_TRUE(seed.ok()) << seed.status().ToString();
  StoredOrder stored{"s1", *seed, kT0, 1};
  ASSERT_TRUE(store_->InsertOrders({stored}).ok());

  Result<StoredOrder> got = store_->GetOrder("s1", seed->purchase_order_id);
  ASSERT_TRUE(got.ok()) << got.status().ToString();
  EXPECT_EQ(got->order, *seed);
}

TEST_P(StoreTest, UnknownOrderIsNotFound) {
  Result<StoredOrder> got = store_->GetOrder("s1", "nope");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreTest, AnotherSellersOrderIsInvisible) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s2", "P2", kT0)}).ok());

  EXPECT_EQ(store_->GetOrder("s2", "P1").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetOrder("s1", "P2").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(ListIds("s1"), std::vector<std::string>{"P1"});
  EXPECT_EQ(ListIds("s2"), std::vector<std::string>{"P2"});
  EXPECT_TRUE(ListIds("s3").empty());
  // Every seller has its own purchase order id space.
  EXPECT_TRUE(store_->InsertOrders({MakeStoredOrder("s2", "P1", kT0)}).ok());
  EXPECT_EQ(store_->CountOrders("s1").value(), 1);
  EXPECT_EQ(store_->CountOrders("s2").value(), 2);
}

TEST_P(StoreTest, DuplicateInsertFailsTheWholeBatch) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());

  Status status = store_->InsertOrders(
      {MakeStoredOrder("s1", "P2", kT0), MakeStoredOrder("s1", "P1", kT0 + 1)});
  EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_NE(status.description().find("P1"), std::string::npos);
  EXPECT_EQ(store_->GetOrder("s1", "P2").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(store_->GetOrder("s1", "P1")->order.order_date, kT0);
  EXPECT_EQ(ListIds("s1"), std::vector<std::string>{"P1"});
  EXPECT_EQ(ListIdsWithStatus("s1", LineStatus::kCreated), std::vector<std::string>{"P1"});
}

TEST_P(StoreTest, DuplicateWithinOneBatchFailsTheBatch) {
  Status status = store_->InsertOrders(
      {MakeStoredOrder("s1", "P1", kT0), MakeStoredOrder("s1", "P1", kT0 + 1)});
  EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->CountOrders("s1").value(), 0);
}

// More orders than one statement carries on PostgreSQL (many rows per INSERT):
// every one goes in with its side rows, and a duplicate late in the batch
// still fails all of it and is named.
TEST_P(StoreTest, ALargeBatchGoesInWholeOrNotAtAll) {
  std::vector<StoredOrder> batch;
  for (int i = 0; i < 2500; ++i) {
    batch.push_back(MakeStoredOrder("s1", "P" + std::to_string(10000 + i), kT0 + i));
  }
  ASSERT_TRUE(store_->InsertOrders(batch).ok());
  EXPECT_EQ(store_->CountOrders("s1").value(), 2500);
  ListRequest created;  // counted through the status side table
  created.filter.seller_id = "s1";
  created.filter.status = LineStatus::kCreated;
  EXPECT_EQ(store_->ListOrders(created)->total_count, 2500);
  EXPECT_EQ(store_->GetOrder("s1", "P12499")->order.order_date, kT0 + 2499);

  std::vector<StoredOrder> late_duplicate;
  for (int i = 0; i < 2500; ++i) {
    late_duplicate.push_back(MakeStoredOrder("s1", "Q" + std::to_string(10000 + i), kT0 + i));
  }
  late_duplicate.push_back(MakeStoredOrder("s1", "P12400", kT0));
  Status status = store_->InsertOrders(late_duplicate);
  EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_NE(status.description().find("P12400"), std::string::npos) << status.description();
  EXPECT_EQ(store_->CountOrders("s1").value(), 2500);
  EXPECT_EQ(store_->GetOrder("s1", "Q10000").status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreTest, InsertRejectsOrdersWithoutIdentity) {
  StoredOrder no_seller = MakeStoredOrder("", "P1", kT0);
  EXPECT_EQ(store_->InsertOrders({no_seller}).code(), ErrorCode::kInvalidRequestContent);
  StoredOrder no_po = MakeStoredOrder("s1", "", kT0);
  EXPECT_EQ(store_->InsertOrders({no_po}).code(), ErrorCode::kInvalidRequestContent);
  EXPECT_TRUE(store_->InsertOrders({}).ok());
}

TEST_P(StoreTest, UpsertInsertsAndReplaces) {
  StoredOrder original = MakeStoredOrder("s1", "P1", kT0);
  ASSERT_TRUE(store_->UpsertOrders({original}).ok());
  EXPECT_EQ(store_->GetOrder("s1", "P1")->version, 1);

  StoredOrder replacement = original;
  replacement.order.order_lines[0].statuses[0].status = LineStatus::kShipped;
  replacement.order.order_lines[0].item.sku = "SKU-NEW";
  replacement.last_modified = kT0 + 9;
  ASSERT_TRUE(store_->UpsertOrders({replacement, MakeStoredOrder("s1", "P2", kT0)}).ok());

  Result<StoredOrder> got = store_->GetOrder("s1", "P1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->order, replacement.order);
  EXPECT_EQ(got->last_modified, kT0 + 9);
  EXPECT_EQ(got->version, 2);
  // The side tables follow the replaced document.
  EXPECT_EQ(ListIdsWithStatus("s1", LineStatus::kShipped), std::vector<std::string>{"P1"});
  EXPECT_EQ(ListIdsWithStatus("s1", LineStatus::kCreated), std::vector<std::string>{"P2"});
  ListRequest by_old_sku;
  by_old_sku.filter.seller_id = "s1";
  by_old_sku.filter.sku = "SKU-1";
  ASSERT_EQ(store_->ListOrders(by_old_sku)->orders.size(), 1u);
  EXPECT_EQ(store_->ListOrders(by_old_sku)->orders[0].order.purchase_order_id, "P2");
}

TEST_P(StoreTest, ReplacingTheShipNodeTypeMovesEverySideRow) {
  StoredOrder original = MakeStoredOrder("s1", "P1", kT0);
  AddLine(original.order, "SKU-2", LineStatus::kShipped, "TWO_DAY");
  ASSERT_TRUE(store_->InsertOrders({original}).ok());
  StoredOrder replacement = original;
  replacement.order.ship_node->type = "WFSFulfilled";
  ASSERT_TRUE(store_->UpsertOrders({replacement}).ok());

  for (const char* node_type : {"SellerFulfilled", "WFSFulfilled"}) {
    ListRequest by_status;
    by_status.filter.seller_id = "s1";
    by_status.filter.status = LineStatus::kShipped;
    by_status.filter.ship_node_type = node_type;
    ListRequest by_program = by_status;
    by_program.filter.status.reset();
    by_program.filter.shipping_program_type = "TWO_DAY";
    const size_t expected = std::string(node_type) == "WFSFulfilled" ? 1 : 0;
    EXPECT_EQ(store_->ListOrders(by_status)->orders.size(), expected) << node_type;
    EXPECT_EQ(store_->ListOrders(by_status)->total_count, static_cast<std::int64_t>(expected));
    EXPECT_EQ(store_->ListOrders(by_program)->orders.size(), expected) << node_type;
  }
}

TEST_P(StoreTest, UpdateSavesWhatTheFunctionLeaves) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());

  Result<StoredOrder> saved = store_->UpdateOrder("s1", "P1", [](StoredOrder& o) {
    o.order.order_lines[0].statuses[0].status = LineStatus::kAcknowledged;
    o.last_modified = kT0 + 100;
    return Status::Ok();
  });
  ASSERT_TRUE(saved.ok()) << saved.status().ToString();
  EXPECT_EQ(saved->version, 2);
  EXPECT_EQ(saved->last_modified, kT0 + 100);

  Result<StoredOrder> got = store_->GetOrder("s1", "P1");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->order, saved->order);
  EXPECT_EQ(got->version, 2);
  EXPECT_EQ(got->last_modified, kT0 + 100);
  EXPECT_EQ(ListIdsWithStatus("s1", LineStatus::kAcknowledged), std::vector<std::string>{"P1"});
  EXPECT_TRUE(ListIdsWithStatus("s1", LineStatus::kCreated).empty());

  ListRequest modified;
  modified.filter.seller_id = "s1";
  modified.filter.last_modified_start = kT0 + 100;
  EXPECT_EQ(store_->ListOrders(modified)->orders.size(), 1u);
}

TEST_P(StoreTest, FailedUpdateChangesNothing) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  const StoredOrder before = *store_->GetOrder("s1", "P1");

  Result<StoredOrder> result = store_->UpdateOrder("s1", "P1", [](StoredOrder& o) {
    o.order.order_lines[0].statuses[0].status = LineStatus::kCancelled;
    o.last_modified = kT0 + 100;
    return Status::InvalidContent("not allowed", "orderLines");
  });
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(result.status().description(), "not allowed");

  Result<StoredOrder> after = store_->GetOrder("s1", "P1");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->order, before.order);
  EXPECT_EQ(after->version, before.version);
  EXPECT_EQ(after->last_modified, before.last_modified);
  EXPECT_TRUE(ListIdsWithStatus("s1", LineStatus::kCancelled).empty());
  EXPECT_EQ(ListIdsWithStatus("s1", LineStatus::kCreated), std::vector<std::string>{"P1"});
}

TEST_P(StoreTest, UpdateThatThrowsChangesNothing) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  Result<StoredOrder> result = store_->UpdateOrder("s1", "P1", [](StoredOrder& o) -> Status {
    o.order.customer_order_id = "changed";
    throw std::runtime_error("boom");
  });
  EXPECT_EQ(result.status().code(), ErrorCode::kInternal);
  EXPECT_EQ(store_->GetOrder("s1", "P1")->order.customer_order_id, "CP1");
  // The writer is usable afterwards.
  EXPECT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P2", kT0)}).ok());
}

TEST_P(StoreTest, UpdateMayNotChangeTheOrdersIdentity) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  Result<StoredOrder> result = store_->UpdateOrder("s1", "P1", [](StoredOrder& o) {
    o.order.purchase_order_id = "P9";
    return Status::Ok();
  });
  EXPECT_EQ(result.status().code(), ErrorCode::kInternal);
  EXPECT_TRUE(store_->GetOrder("s1", "P1").ok());
  EXPECT_EQ(store_->GetOrder("s1", "P9").status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreTest, UpdateOfAMissingOrderIsNotFound) {
  bool called = false;
  Result<StoredOrder> result = store_->UpdateOrder("s1", "P1", [&](StoredOrder&) {
    called = true;
    return Status::Ok();
  });
  EXPECT_EQ(result.status().code(), ErrorCode::kNotFound);
  EXPECT_FALSE(called);
}

TEST_P(StoreTest, ConcurrentUpdatesAreAppliedExactlyOnceEach) {
  StoredOrder stored = MakeStoredOrder("s1", "P1", kT0);
  stored.version = 0;
  ASSERT_TRUE(store_->InsertOrders({stored}).ok());

  constexpr int kThreads = 8;
  constexpr int kUpdatesPerThread = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kUpdatesPerThread; ++i) {
        Result<StoredOrder> saved = store_->UpdateOrder("s1", "P1", [&](StoredOrder& o) {
          // A read-modify-write that loses updates unless calls are serialised.
          o.order.order_lines[0].order_line_quantity.amount += 1;
          OrderLineStatus bucket;
          bucket.status = LineStatus::kAcknowledged;
          bucket.status_quantity.amount = t * 1000 + i;
          o.order.order_lines[0].statuses.push_back(bucket);
          return Status::Ok();
        });
        if (!saved.ok()) failures.fetch_add(1);
        // Readers run alongside the writers.
        if (!store_->GetOrder("s1", "P1").ok()) failures.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(failures.load(), 0);

  Result<StoredOrder> final_state = store_->GetOrder("s1", "P1");
  ASSERT_TRUE(final_state.ok());
  const OrderLine& line = final_state->order.order_lines[0];
  EXPECT_EQ(line.order_line_quantity.amount, 1 + kThreads * kUpdatesPerThread);
  EXPECT_EQ(final_state->version, kThreads * kUpdatesPerThread);
  ASSERT_EQ(line.statuses.size(), 1u + kThreads * kUpdatesPerThread);
  std::vector<std::int64_t> marks;
  for (size_t i = 1; i < line.statuses.size(); ++i) {
    marks.push_back(line.statuses[i].status_quantity.amount);
  }
  std::sort(marks.begin(), marks.end());
  EXPECT_EQ(std::adjacent_find(marks.begin(), marks.end()), marks.end());
}

// --- sellers, clients, settings ---------------------------------------------------------

TEST_P(StoreTest, SellersAreCreatedOnce) {
  ASSERT_TRUE(store_->PutSeller({"s2", "Second", kT0}).ok());
  ASSERT_TRUE(store_->PutSeller({"s1", "First", kT0 + 1}).ok());
  ASSERT_TRUE(store_->PutSeller({"s1", "Renamed", kT0 + 2}).ok());

  Result<Seller> s1 = store_->GetSeller("s1");
  ASSERT_TRUE(s1.ok());
  EXPECT_EQ(s1->name, "First");
  EXPECT_EQ(s1->created_at, kT0 + 1);
  EXPECT_EQ(store_->GetSeller("s3").status().code(), ErrorCode::kNotFound);

  Result<std::vector<Seller>> all = store_->ListSellers();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].seller_id, "s1");
  EXPECT_EQ((*all)[1].seller_id, "s2");
  EXPECT_EQ(store_->PutSeller({"", "x", kT0}).code(), ErrorCode::kInvalidRequestContent);
}

TEST_P(StoreTest, ClientsAreAddedFoundAndRevoked) {
  ASSERT_TRUE(store_->PutSeller({"s1", "First", kT0}).ok());
  ClientRecord client{"client-a", "s1", "aa11", "bb22", kT0, std::nullopt};
  ASSERT_TRUE(store_->AddClient(client).ok());
  ASSERT_TRUE(store_->AddClient({"client-b", "s1", "cc33", "dd44", kT0 + 1, std::nullopt}).ok());

  Result<ClientRecord> got = store_->GetClient("client-a");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->seller_id, "s1");
  EXPECT_EQ(got->secret_hash, "aa11");
  EXPECT_EQ(got->secret_salt, "bb22");
  EXPECT_EQ(got->created_at, kT0);
  EXPECT_FALSE(got->revoked_at.has_value());

  Status taken = store_->AddClient({"client-a", "s1", "ee", "ff", kT0, std::nullopt});
  EXPECT_EQ(taken.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GetClient("client-a")->secret_hash, "aa11");
  EXPECT_EQ(store_->GetClient("nobody").status().code(), ErrorCode::kNotFound);

  ASSERT_TRUE(store_->RevokeClient("client-a", kT0 + 50).ok());
  ASSERT_TRUE(store_->RevokeClient("client-a", kT0 + 60).ok());
  EXPECT_EQ(store_->GetClient("client-a")->revoked_at, std::optional<EpochMillis>(kT0 + 50));
  EXPECT_FALSE(store_->GetClient("client-b")->revoked_at.has_value());
  EXPECT_EQ(store_->RevokeClient("nobody", kT0).code(), ErrorCode::kNotFound);

  Result<std::vector<ClientRecord>> all = store_->ListClients();
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].client_id, "client-a");
  EXPECT_TRUE((*all)[0].revoked_at.has_value());
  EXPECT_EQ((*all)[1].client_id, "client-b");
}

TEST_P(StoreTest, ClientOfAnUnknownSellerIsRejected) {
  Status status = store_->AddClient({"client-a", "ghost", "aa", "bb", kT0, std::nullopt});
  EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(store_->GetClient("client-a").status().code(), ErrorCode::kNotFound);
}

TEST_P(StoreTest, FirstSettingValueWins) {
  Result<std::string> first = store_->GetOrCreateSetting("signing_key", "k1");
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(*first, "k1");
  Result<std::string> second = store_->GetOrCreateSetting("signing_key", "k2");
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*second, "k1");
  EXPECT_EQ(*store_->GetOrCreateSetting("other", "v"), "v");
}

TEST_P(StoreTest, ConcurrentSettingCreationAgreesOnOneValue) {
  std::vector<std::string> seen(8);
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      Result<std::string> value = store_->GetOrCreateSetting("key", "v" + std::to_string(t));
      seen[t] = value.ok() ? *value : "error";
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& value : seen) EXPECT_EQ(value, seen[0]);
  EXPECT_NE(seen[0], "error");
}

}  // namespace
}  // namespace mporders
