// ListOrders against a reference implementation of OrderFilter, on varied
// orders, for every filter, filter combinations and keyset pagination.

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::AddLine;
using store_testing::MakeStoredOrder;
using store_testing::TempDir;

constexpr EpochMillis kT0 = 1700000000000;
constexpr EpochMillis kHour = 3600 * 1000;
constexpr EpochMillis kMinute = 60 * 1000;

const char* const kSkus[] = {"A", "B", "C", "D", "E"};
const LineStatus kStatuses[] = {LineStatus::kCreated,   LineStatus::kAcknowledged,
                                LineStatus::kShipped,   LineStatus::kDelivered,
                                LineStatus::kCancelled, LineStatus::kRefund};
const char* const kPrograms[] = {"", "TWO_DAY", "THREE_DAY"};
const char* const kShipNodeTypes[] = {"SellerFulfilled", "WFSFulfilled", "3PLFulfilled"};

// The filter's meaning, written the obvious way.
bool Matches(const OrderFilter& f, const StoredOrder& s) {
  const Order& o = s.order;
  if (s.seller_id != f.seller_id) return false;
  if (f.purchase_order_id && o.purchase_order_id != *f.purchase_order_id) return false;
  if (f.customer_order_id && o.customer_order_id != *f.customer_order_id) return false;
  if (f.created_start && o.order_date < *f.created_start) return false;
  if (f.created_end && o.order_date >= *f.created_end) return false;
  const EpochMillis ship = o.shipping_info.estimated_ship_date;
  if (f.expected_ship_start && ship < *f.expected_ship_start) return false;
  if (f.expected_ship_end && ship >= *f.expected_ship_end) return false;
  if (f.last_modified_start && s.last_modified < *f.last_modified_start) return false;
  if (f.last_modified_end && s.last_modified >= *f.last_modified_end) return false;
  const std::string node_type =
      o.ship_node && o.ship_node->type ? *o.ship_node->type : "SellerFulfilled";
  if (f.ship_node_type && node_type != *f.ship_node_type) return false;
  if (f.order_type && o.order_type.value_or("REGULAR") != *f.order_type) return false;
  auto any_line = [&](auto predicate) {
    return std::any_of(o.order_lines.begin(), o.order_lines.end(), predicate);
  };
  if (f.sku && !any_line([&](const OrderLine& l) { return l.item.sku == *f.sku; })) return false;
  if (f.status && !any_line([&](const OrderLine& l) {
        return std::any_of(l.statuses.begin(), l.statuses.end(),
                           [&](const OrderLineStatus& b) { return b.status == *f.status; });
      })) {
    return false;
  }
  if (f.shipping_program_type && !any_line([&](const OrderLine& l) {
        return l.fulfillment && l.fulfillment->shipping_program_type == f.shipping_program_type;
      })) {
    return false;
  }
  return true;
}

bool ListsBefore(const StoredOrder& a, const StoredOrder& b) {
  return std::tie(a.order.order_date, a.order.purchase_order_id) >
         std::tie(b.order.order_date, b.order.purchase_order_id);
}

// Varied orders: shared dates (ties on order_date), shared customer order
// ids, one to three lines, every status, optional programs, absent and
// explicit ship node and order types.
std::vector<StoredOrder> MakeDataset(const std::string& seller_id, int count, int salt) {
  std::vector<StoredOrder> orders;
  for (int i = 0; i < count; ++i) {
    const int k = i * 7 + salt;
    StoredOrder s = MakeStoredOrder(seller_id, "P" + std::to_string((i * 37 + salt) % 1000),
                                    kT0 + (k % 40) * kHour);
    Order& o = s.order;
    o.customer_order_id = "C" + std::to_string(k % 30);
    o.order_lines.clear();
    for (int line = 0; line <= k % 3; ++line) {
      AddLine(o, kSkus[(k + line * 3) % 5], kStatuses[(k / 2 + line) % 6],
              kPrograms[(k + line) % 3]);
    }
    switch (k % 4) {
      case 0:
        o.ship_node.reset();
        break;
      case 1:
        o.ship_node->type.reset();
        break;
      default:
        o.ship_node->type = kShipNodeTypes[k % 3];
    }
    if (k % 5 == 1) o.order_type = "REPLACEMENT";
    if (k % 5 == 2) o.order_type = "REGULAR";
    o.shipping_info.estimated_ship_date = o.order_date + (k % 5) * 6 * kHour;
    s.last_modified = kT0 + ((k * 13) % 100) * kMinute;
    orders.push_back(std::move(s));
  }
  return orders;
}

struct Backend {
  bool file;
  std::int64_t window_sort_cap;  // 0: windows never drive; large: they always may
  bool postgres = false;         // PgStore on the test server instead of SQLite
};

class ListOrdersTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam().postgres) {
      bool skip = false;
      store_ = store_testing::OpenEmptyStore(store_testing::Engine::kPostgres, dir_, skip);
      if (skip) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
      ASSERT_NE(store_, nullptr);
    } else {
      SqliteStoreOptions options;
      options.window_sort_cap = GetParam().window_sort_cap;
      auto store =
          SqliteStore::Open(GetParam().file ? dir_.File("orders.db") : ":memory:", options);
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      store_ = std::move(*store);
    }
    orders_ = MakeDataset("s1", 150, 0);
    other_ = MakeDataset("s2", 40, 3);
    ASSERT_TRUE(store_->InsertOrders(orders_).ok());
    ASSERT_TRUE(store_->InsertOrders(other_).ok());
  }

  std::vector<std::string> Expected(const OrderFilter& filter) const {
    std::vector<StoredOrder> matches;
    for (const StoredOrder& s : orders_) {
      if (Matches(filter, s)) matches.push_back(s);
    }
    std::sort(matches.begin(), matches.end(), ListsBefore);
    std::vector<std::string> ids;
    for (const StoredOrder& s : matches) ids.push_back(s.order.purchase_order_id);
    return ids;
  }

  // Reads every page of `limit` orders; checks each page's count and flags.
  std::vector<std::string> ListAll(const OrderFilter& filter, int limit, size_t expected_total) {
    std::vector<std::string> ids;
    ListRequest request;
    request.filter = filter;
    request.limit = limit;
    for (int pages = 0; pages < 1000; ++pages) {
      Result<OrderPage> page = store_->ListOrders(request);
      EXPECT_TRUE(page.ok()) << page.status().ToString();
      if (!page.ok()) break;
      if (request.count_total) {
        EXPECT_EQ(page->total_count, static_cast<std::int64_t>(expected_total));
      } else {
        EXPECT_EQ(page->total_count, -1);
      }
      EXPECT_LE(page->orders.size(), static_cast<size_t>(limit));
      for (const StoredOrder& s : page->orders) {
        EXPECT_EQ(s.seller_id, filter.seller_id);
        ids.push_back(s.order.purchase_order_id);
      }
      if (!page->has_more) break;
      EXPECT_EQ(page->orders.size(), static_cast<size_t>(limit));
      const Order& last = page->orders.back().order;
      request.after = PageKey{last.order_date, last.purchase_order_id};
      request.count_total = false;
    }
    return ids;
  }

  void ExpectListMatches(const OrderFilter& filter, const std::string& label) {
    const std::vector<std::string> expected = Expected(filter);
    EXPECT_EQ(ListAll(filter, 1000, expected.size()), expected) << label << " (one page)";
    EXPECT_EQ(ListAll(filter, 7, expected.size()), expected) << label << " (pages of 7)";
  }

  OrderFilter Seller() const {
    OrderFilter filter;
    filter.seller_id = "s1";
    return filter;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  std::vector<StoredOrder> orders_;
  std::vector<StoredOrder> other_;
};

INSTANTIATE_TEST_SUITE_P(Backends, ListOrdersTest,
                         ::testing::Values(Backend{true, 1000}, Backend{false, 1000},
                                           Backend{false, 0}, Backend{false, 0, true}),
                         [](const auto& info) {
                           if (info.param.postgres) return std::string("Postgres");
                           return std::string(info.param.file ? "File" : "Memory") +
                                  (info.param.window_sort_cap > 0 ? "Windows" : "DateOrder");
                         });

TEST_P(ListOrdersTest, AllOrdersOfTheSellerInListOrder) {
  const std::vector<std::string> expected = Expected(Seller());
  ASSERT_EQ(expected.size(), orders_.size());
  EXPECT_EQ(ListAll(Seller(), 1000, expected.size()), expected);
  EXPECT_EQ(ListAll(Seller(), 10, expected.size()), expected);
}

TEST_P(ListOrdersTest, EachFilterAlone) {
  struct Case {
    std::string label;
    OrderFilter filter;
  };
  std::vector<Case> cases;
  auto add = [&](std::string label, auto set) {
    OrderFilter filter = Seller();
    set(filter);
    cases.push_back({std::move(label), filter});
  };
  add("sku", [](OrderFilter& f) { f.sku = "C"; });
  add("customerOrderId", [](OrderFilter& f) { f.customer_order_id = "C7"; });
  add("purchaseOrderId",
      [&](OrderFilter& f) { f.purchase_order_id = orders_[17].order.purchase_order_id; });
  add("status", [](OrderFilter& f) { f.status = LineStatus::kShipped; });
  add("createdStart", [](OrderFilter& f) { f.created_start = kT0 + 30 * kHour; });
  add("createdEnd", [](OrderFilter& f) { f.created_end = kT0 + 5 * kHour; });
  add("createdWindow", [](OrderFilter& f) {
    f.created_start = kT0 + 10 * kHour;
    f.created_end = kT0 + 20 * kHour;
  });
  add("expectedShipWindow", [](OrderFilter& f) {
    f.expected_ship_start = kT0 + 30 * kHour;
    f.expected_ship_end = kT0 + 40 * kHour;
  });
  add("lastModifiedWindow", [](OrderFilter& f) {
    f.last_modified_start = kT0 + 20 * kMinute;
    f.last_modified_end = kT0 + 30 * kMinute;
  });
  add("lastModifiedStart", [](OrderFilter& f) { f.last_modified_start = kT0 + 90 * kMinute; });
  add("shipNodeType default", [](OrderFilter& f) { f.ship_node_type = "SellerFulfilled"; });
  add("shipNodeType WFS", [](OrderFilter& f) { f.ship_node_type = "WFSFulfilled"; });
  add("shippingProgramType", [](OrderFilter& f) { f.shipping_program_type = "TWO_DAY"; });
  add("orderType default", [](OrderFilter& f) { f.order_type = "REGULAR"; });
  add("orderType replacement", [](OrderFilter& f) { f.order_type = "REPLACEMENT"; });
  for (const Case& c : cases) {
    const std::vector<std::string> expected = Expected(c.filter);
    // Each case selects some orders but not all, so it really filters.
    EXPECT_FALSE(expected.empty()) << c.label;
    EXPECT_LT(expected.size(), orders_.size()) << c.label;
    ExpectListMatches(c.filter, c.label);
  }
}

TEST_P(ListOrdersTest, AbsentShipNodeTypeAndOrderTypeCountAsDefaults) {
  OrderFilter seller_fulfilled = Seller();
  seller_fulfilled.ship_node_type = "SellerFulfilled";
  const std::vector<std::string> ids = Expected(seller_fulfilled);
  // The dataset has orders without shipNode and with a shipNode without type.
  const bool has_absent = std::any_of(orders_.begin(), orders_.end(), [&](const StoredOrder& s) {
    return !s.order.ship_node && std::count(ids.begin(), ids.end(), s.order.purchase_order_id);
  });
  EXPECT_TRUE(has_absent);
  ExpectListMatches(seller_fulfilled, "SellerFulfilled");

  OrderFilter regular = Seller();
  regular.order_type = "REGULAR";
  ExpectListMatches(regular, "REGULAR");
}

TEST_P(ListOrdersTest, RandomFilterCombinations) {
  std::mt19937 random(20240501);
  auto chance = [&](int percent) { return static_cast<int>(random() % 100) < percent; };
  int non_empty = 0;
  for (int round = 0; round < 150; ++round) {
    OrderFilter f = Seller();
    if (chance(30)) f.sku = kSkus[random() % 5];
    if (chance(10)) {
      // Not `"C" + std::to_string(...)`: GCC 12 flags the inlined string
      // concatenation with a false -Wrestrict (GCC bug 105329).
      char id[16];
      std::snprintf(id, sizeof id, "C%u", static_cast<unsigned>(random() % 30));
      f.customer_order_id = id;
    }
    if (chance(5)) f.purchase_order_id = orders_[random() % orders_.size()].order.purchase_order_id;
    if (chance(40)) f.status = kStatuses[random() % 6];
    if (chance(50)) f.created_start = kT0 + static_cast<EpochMillis>(random() % 20) * kHour;
    if (chance(50)) f.created_end = kT0 + static_cast<EpochMillis>(20 + random() % 21) * kHour;
    if (chance(20)) f.expected_ship_start = kT0 + static_cast<EpochMillis>(random() % 40) * kHour;
    if (chance(20)) f.expected_ship_end = kT0 + static_cast<EpochMillis>(random() % 60) * kHour;
    if (chance(25)) f.last_modified_start = kT0 + static_cast<EpochMillis>(random() % 60) * kMinute;
    if (chance(25))
      f.last_modified_end = kT0 + static_cast<EpochMillis>(40 + random() % 61) * kMinute;
    if (chance(40)) f.ship_node_type = kShipNodeTypes[random() % 3];
    if (chance(20)) f.shipping_program_type = kPrograms[1 + random() % 2];
    if (chance(20)) f.order_type = chance(50) ? "REGULAR" : "REPLACEMENT";
    const std::vector<std::string> expected = Expected(f);
    if (!expected.empty()) ++non_empty;
    EXPECT_EQ(ListAll(f, 5, expected.size()), expected) << "round " << round;
  }
  EXPECT_GT(non_empty, 30);
}

TEST_P(ListOrdersTest, OrdersOfTheSameDateAreOrderedByPurchaseOrderIdDescending) {
  OrderFilter filter = Seller();
  filter.created_start = kT0 + 3 * kHour;
  filter.created_end = kT0 + 4 * kHour;
  const std::vector<std::string> ids = ListAll(filter, 2, Expected(filter).size());
  ASSERT_GE(ids.size(), 3u);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
}

TEST_P(ListOrdersTest, TotalCountStopsAfterTheCap) {
  ListRequest request;
  request.filter = Seller();
  request.limit = 3;
  request.count_cap = 20;
  Result<OrderPage> page = store_->ListOrders(request);
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->total_count, 21);
  EXPECT_EQ(page->orders.size(), 3u);
  EXPECT_TRUE(page->has_more);

  request.count_cap = 150;
  EXPECT_EQ(store_->ListOrders(request)->total_count, 150);
  request.count_cap = 149;
  EXPECT_EQ(store_->ListOrders(request)->total_count, 150);
  request.count_cap = 148;
  EXPECT_EQ(store_->ListOrders(request)->total_count, 149);

  // The count ignores the page position.
  request.count_cap = 1000;
  request.after = PageKey{kT0 + 10 * kHour, ""};
  EXPECT_EQ(store_->ListOrders(request)->total_count, 150);

  request.count_total = false;
  EXPECT_EQ(store_->ListOrders(request)->total_count, -1);
}

// A status or program filter counts another table's rows than the orders
// (PostgreSQL counts that side table alone): the cap holds there too.
TEST_P(ListOrdersTest, TotalCountOfAStatusOrProgramListStopsAfterTheCap) {
  for (int program = 0; program < 2; ++program) {
    ListRequest request;
    request.filter = Seller();
    if (program) {
      request.filter.shipping_program_type = "TWO_DAY";
    } else {
      request.filter.status = LineStatus::kShipped;
    }
    request.filter.ship_node_type = "SellerFulfilled";
    request.limit = 2;
    const std::int64_t matches = static_cast<std::int64_t>(Expected(request.filter).size());
    ASSERT_GT(matches, 4) << program;
    request.count_cap = matches;
    EXPECT_EQ(store_->ListOrders(request)->total_count, matches) << program;
    request.count_cap = matches - 1;
    EXPECT_EQ(store_->ListOrders(request)->total_count, matches) << program;
    request.count_cap = matches - 2;
    EXPECT_EQ(store_->ListOrders(request)->total_count, matches - 1) << program;
    request.count_cap = 0;
    EXPECT_EQ(store_->ListOrders(request)->total_count, 1) << program;
  }
}

TEST_P(ListOrdersTest, HasMoreIsExactAtThePageBoundary) {
  OrderFilter filter = Seller();
  filter.sku = "A";
  const size_t matches = Expected(filter).size();
  ASSERT_GT(matches, 2u);
  ListRequest request;
  request.filter = filter;
  request.limit = static_cast<int>(matches);
  EXPECT_FALSE(store_->ListOrders(request)->has_more);
  request.limit = static_cast<int>(matches) - 1;
  EXPECT_TRUE(store_->ListOrders(request)->has_more);

  request.limit = 0;
  Result<OrderPage> empty = store_->ListOrders(request);
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->orders.empty());
  EXPECT_TRUE(empty->has_more);
  EXPECT_EQ(empty->total_count, static_cast<std::int64_t>(matches));

  request.limit = -1;
  EXPECT_EQ(store_->ListOrders(request).status().code(), ErrorCode::kInvalidRequestParam);
}

TEST_P(ListOrdersTest, PagingSurvivesInsertsAndUpdatesBetweenPages) {
  OrderFilter filter = Seller();
  std::vector<std::string> seen;
  std::set<std::string> inserted_behind;  // inserted after the current position
  ListRequest request;
  request.filter = filter;
  request.limit = 9;
  request.count_total = false;
  int next_id = 0;
  for (int round = 0; round < 100; ++round) {
    Result<OrderPage> page = store_->ListOrders(request);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    for (const StoredOrder& s : page->orders) seen.push_back(s.order.purchase_order_id);
    if (!page->has_more) break;
    const Order& last = page->orders.back().order;
    request.after = PageKey{last.order_date, last.purchase_order_id};

    // One order ahead of the position (already passed: must not appear) and
    // one behind it (still to come: must appear).
    StoredOrder ahead = MakeStoredOrder("s1", "N" + std::to_string(next_id++), kT0 + 100 * kHour);
    StoredOrder behind =
        MakeStoredOrder("s1", "N" + std::to_string(next_id++), last.order_date - 1);
    ASSERT_TRUE(store_->InsertOrders({ahead, behind}).ok());
    inserted_behind.insert(behind.order.purchase_order_id);
    // An update of an order not yet listed does not move it.
    ASSERT_TRUE(store_
                    ->UpdateOrder("s1", orders_[round % orders_.size()].order.purchase_order_id,
                                  [](StoredOrder& s) {
                                    s.last_modified += 1;
                                    return Status::Ok();
                                  })
                    .ok());
  }
  std::set<std::string> unique(seen.begin(), seen.end());
  EXPECT_EQ(unique.size(), seen.size()) << "an order was listed twice";
  for (const StoredOrder& s : orders_) {
    EXPECT_TRUE(unique.count(s.order.purchase_order_id)) << s.order.purchase_order_id << " missed";
  }
  for (const std::string& id : inserted_behind) {
    EXPECT_TRUE(unique.count(id)) << id << " inserted behind the position but missed";
  }
  EXPECT_EQ(seen.size(), orders_.size() + inserted_behind.size());
}

TEST_P(ListOrdersTest, SkippedDocumentsAreLeftUnreadAndEveryDocumentCarriesItsHash) {
  ListRequest request;
  request.filter = Seller();
  request.limit = 10;
  Result<OrderDocumentPage> full = store_->ListOrderDocuments(request);
  ASSERT_TRUE(full.ok()) << full.status().ToString();
  ASSERT_EQ(full->documents.size(), 10u);
  for (const OrderDocument& d : full->documents) {
    EXPECT_FALSE(d.doc_skipped);
    EXPECT_EQ(d.doc_hash, Store::DocumentHash(d.doc)) << d.purchase_order_id;
  }

  // Every other order is skipped; the store asks once per order of the page
  // (not for the row that only tells whether more follow), in list order.
  std::vector<std::string> asked;
  request.skip_document = [&](const OrderDocument& head) {
    EXPECT_TRUE(head.doc.empty());
    asked.push_back(head.purchase_order_id);
    return asked.size() % 2 == 0;
  };
  Result<OrderDocumentPage> page = store_->ListOrderDocuments(request);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->documents.size(), 10u);
  EXPECT_TRUE(page->has_more);
  ASSERT_EQ(asked.size(), 10u);
  for (size_t i = 0; i < 10; ++i) {
    const OrderDocument& d = page->documents[i];
    EXPECT_EQ(asked[i], d.purchase_order_id);
    EXPECT_EQ(d.purchase_order_id, full->documents[i].purchase_order_id);
    EXPECT_EQ(d.doc_hash, full->documents[i].doc_hash);
    EXPECT_EQ(d.version, full->documents[i].version);
    EXPECT_EQ(d.doc_skipped, i % 2 == 1) << i;
    EXPECT_EQ(d.doc, i % 2 == 1 ? "" : full->documents[i].doc) << i;
  }

  // A change of the document changes its hash, in lists and single reads.
  const std::string id = full->documents[0].purchase_order_id;
  ASSERT_TRUE(store_
                  ->UpdateOrder("s1", id,
                                [](StoredOrder& s) {
                                  s.order.customer_order_id += "-changed";
                                  return Status::Ok();
                                })
                  .ok());
  Result<OrderDocument> changed = store_->GetOrderDocument("s1", id);
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_NE(changed->doc_hash, full->documents[0].doc_hash);
  EXPECT_EQ(changed->doc_hash, Store::DocumentHash(changed->doc));
  request.skip_document = nullptr;
  Result<OrderDocumentPage> after = store_->ListOrderDocuments(request);
  ASSERT_TRUE(after.ok());
  ASSERT_EQ(after->documents[0].purchase_order_id, id);
  EXPECT_EQ(after->documents[0].doc_hash, changed->doc_hash);
}

// Edits the SQLite file directly, as a store written before the column.
TEST(ListOrderDocumentsTest, RowsWrittenBeforeTheHashColumnAreHashedWhenRead) {
  TempDir dir;
  auto opened = SqliteStore::Open(dir.File("orders.db"));
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  std::unique_ptr<Store> store = std::move(*opened);
  ASSERT_TRUE(store->InsertOrders(MakeDataset("s1", 20, 0)).ok());
  ListRequest request;
  request.filter.seller_id = "s1";
  request.limit = 5;
  Result<OrderDocumentPage> before = store->ListOrderDocuments(request);
  ASSERT_TRUE(before.ok());
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(dir.File("orders.db").c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, "UPDATE orders SET doc_hash = NULL", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
  }
  int asked = 0;
  request.skip_document = [&](const OrderDocument& head) {
    EXPECT_TRUE(head.doc.empty());
    ++asked;
    return true;
  };
  Result<OrderDocumentPage> page = store->ListOrderDocuments(request);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  ASSERT_EQ(page->documents.size(), 5u);
  EXPECT_EQ(asked, 5);
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(page->documents[i].doc_hash, before->documents[i].doc_hash);
    EXPECT_TRUE(page->documents[i].doc_skipped);
    EXPECT_TRUE(page->documents[i].doc.empty());
  }
  Result<OrderDocument> one = store->GetOrderDocument("s1", before->documents[0].purchase_order_id);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->doc_hash, before->documents[0].doc_hash);
}

TEST_P(ListOrdersTest, UnknownSellerListsNothing) {
  OrderFilter filter;
  filter.seller_id = "nobody";
  EXPECT_TRUE(ListAll(filter, 10, 0).empty());
  filter.seller_id = "";
  ListRequest request;
  request.filter = filter;
  EXPECT_EQ(store_->ListOrders(request).status().code(), ErrorCode::kInvalidRequestParam);
}

}  // namespace
}  // namespace mporders

namespace mporders {
namespace {

// Every order the filter matches, by walking its pages (which never use the
// per-hour counts).
std::int64_t Walked(Store& store, const OrderFilter& filter) {
  ListRequest request;
  request.filter = filter;
  request.limit = 500;
  request.count_total = false;
  std::int64_t n = 0;
  for (;;) {
    Result<OrderPage> page = store.ListOrders(request);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return -1;
    n += static_cast<std::int64_t>(page->orders.size());
    if (!page->has_more) return n;
    const Order& last = page->orders.back().order;
    request.after = PageKey{last.order_date, last.purchase_order_id};
  }
}

std::int64_t Counted(Store& store, const OrderFilter& filter) {
  ListRequest request;
  request.filter = filter;
  request.limit = 1;
  Result<OrderPage> page = store.ListOrders(request);
  EXPECT_TRUE(page.ok()) << page.status().ToString();
  return page.ok() ? page->total_count : -1;
}

// totalCount of created-date windows, of any or one shipNode type and any
// or one status (answered from per-hour counts kept by the store) equals the
// orders the window lists, for windows on and off hour boundaries, before and
// after orders arrive, change status, change date and go.
TEST_P(ListOrdersTest, CreatedWindowCountsFollowInsertsDateChangesAndRemovals) {
  const std::vector<std::pair<EpochMillis, std::optional<EpochMillis>>> windows = {
      {kT0, std::nullopt},
      {kT0 - kHour, kT0 + 200 * kHour},
      {kT0 + 7 * kMinute, kT0 + 5 * kHour + 13 * kMinute},
      {kT0 + kHour, kT0 + 2 * kHour},                       // one whole hour
      {kT0 + 3 * kHour + 1, kT0 + 4 * kHour - 1},             // inside one hour
      {kT0 + 30 * kHour + 59 * kMinute, std::nullopt},
      {1, kT0 + 10 * kHour},
  };
  auto check = [&](const std::string& when) {
    for (const auto& [start, end] : windows) {
      for (const std::optional<std::string>& node_type :
           {std::optional<std::string>(), std::optional<std::string>("SellerFulfilled"),
            std::optional<std::string>("WFSFulfilled")}) {
        for (const std::optional<LineStatus> status :
             {std::optional<LineStatus>(), std::optional<LineStatus>(LineStatus::kCreated),
              std::optional<LineStatus>(LineStatus::kShipped)}) {
          OrderFilter filter = Seller();
          filter.created_start = start;
          filter.created_end = end;
          filter.ship_node_type = node_type;
          filter.status = status;
          EXPECT_EQ(Counted(*store_, filter), Walked(*store_, filter))
              << when << ": window from " << start << (end ? " to " + std::to_string(*end) : "")
              << ", " << node_type.value_or("any") << " ship node, "
              << (status ? LineStatusName(*status) : "any") << " status";
        }
      }
    }
  };
  check("seeded");

  // Arrivals, some exactly on an hour boundary.
  std::vector<StoredOrder> arrivals;
  for (int i = 0; i < 30; ++i) {
    arrivals.push_back(MakeStoredOrder("s1", "HC-" + std::to_string(i),
                                       kT0 + (i % 7) * kHour + (i % 2 == 0 ? 0 : 17 * kMinute)));
  }
  ASSERT_TRUE(store_->InsertOrders(arrivals).ok());
  check("after inserts");

  // Shipments: some orders leave Created, some keep a Created line too.
  for (int i = 0; i < 12; ++i) {
    ASSERT_TRUE(store_
                    ->UpdateOrder("s1", arrivals[static_cast<std::size_t>(i)]
                                            .order.purchase_order_id,
                                  [i](StoredOrder& s) {
                                    s.order.order_lines[0].statuses[0].status = LineStatus::kShipped;
                                    if (i % 3 == 0) AddLine(s.order, "SKU-HC", LineStatus::kCreated);
                                    s.last_modified += 1;
                                    return Status::Ok();
                                  })
                    .ok());
  }
  check("after shipments");

  // Imports that move orders to other hours (and one to the same hour).
  std::vector<StoredOrder> moved(arrivals.begin(), arrivals.begin() + 10);
  for (std::size_t i = 0; i < moved.size(); ++i) {
    moved[i].order.order_date += (i == 0 ? kMinute : static_cast<EpochMillis>(i) * 5 * kHour);
  }
  ASSERT_TRUE(store_->UpsertOrders(moved).ok());
  check("after date changes");

  // The seller's state replaced by a few orders (the others removed).
  std::vector<StoredOrder> kept(arrivals.begin() + 20, arrivals.end());
  ASSERT_TRUE(store_->ReplaceSellerState("s1", kept, 0).ok());
  check("after removals");
  OrderFilter all = Seller();
  all.created_start = 1;
  EXPECT_EQ(Counted(*store_, all), static_cast<std::int64_t>(kept.size()));
}

}  // namespace
}  // namespace mporders
