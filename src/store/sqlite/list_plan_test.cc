// The list queries SQLite runs: each shape must search an index range in
// list order, never scan a whole table or index and never sort, except the
// window drivers, which sort a probe-bounded number of rows.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::AddLine;
using store_testing::MakeStoredOrder;

constexpr EpochMillis kT0 = 1700000000000;
constexpr EpochMillis kHour = 3600 * 1000;

std::string Join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& line : lines) out += "  " + line + "\n";
  return out;
}

bool Contains(const std::vector<std::string>& lines, const std::string& text) {
  for (const std::string& line : lines) {
    if (line.find(text) != std::string::npos) return true;
  }
  return false;
}

// No full scan of a table or index, no sort. (Reading the rows a count's
// subquery yields, "SCAN (subquery-N)", scans no table.)
void ExpectIndexedInListOrder(const std::vector<std::string>& plan, const std::string& label) {
  for (const std::string& line : plan) {
    if (line.rfind("SCAN (subquery", 0) == 0) continue;
    EXPECT_NE(line.rfind("SCAN ", 0), 0u) << label << " scans:\n" << Join(plan);
    EXPECT_EQ(line.find("TEMP B-TREE"), std::string::npos) << label << " sorts:\n" << Join(plan);
  }
}

class ListPlanTest : public ::testing::Test {
 protected:
  void SetUp() override {
    SqliteStoreOptions options;
    options.window_sort_cap = 5;
    auto store = SqliteStore::Open(":memory:", options);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    // Enough orders that a last-modified window can exceed the cap.
    std::vector<StoredOrder> orders;
    for (int i = 0; i < 20; ++i) {
      StoredOrder s = MakeStoredOrder("s1", "P" + std::to_string(i), kT0 + i * kHour);
      AddLine(s.order, "SKU-2", LineStatus::kShipped, "TWO_DAY");
      s.last_modified = kT0 + i;
      orders.push_back(s);
    }
    ASSERT_TRUE(store_->InsertOrders(orders).ok());
  }

  ListQueryPlan Plan(const OrderFilter& filter, bool with_after = true) {
    ListRequest request;
    request.filter = filter;
    request.filter.seller_id = "s1";
    request.limit = 100;
    if (with_after) request.after = PageKey{kT0 + 10 * kHour, "P10"};
    Result<ListQueryPlan> plan = store_->ExplainList(request);
    EXPECT_TRUE(plan.ok()) << plan.status().ToString();
    return plan.ok() ? *plan : ListQueryPlan{};
  }

  std::unique_ptr<SqliteStore> store_;
};

OrderFilter DateWindow() {
  OrderFilter filter;
  filter.created_start = kT0;
  filter.created_end = kT0 + 100 * kHour;
  return filter;
}

TEST_F(ListPlanTest, SellerAndDateWindow) {
  for (bool deep : {false, true}) {
    ListQueryPlan plan = Plan(DateWindow(), deep);
    EXPECT_EQ(plan.driver, "order_date");
    // The page visits no order row: the index carries every column it reads.
    EXPECT_TRUE(Contains(plan.page, "USING COVERING INDEX orders_by_date")) << Join(plan.page);
    ExpectIndexedInListOrder(plan.page, "date page");
    EXPECT_TRUE(Contains(plan.count, "USING COVERING INDEX orders_by_date")) << Join(plan.count);
    ExpectIndexedInListOrder(plan.count, "date count");
  }
}

TEST_F(ListPlanTest, SellerStatusAndDateWindow) {
  OrderFilter filter = DateWindow();
  filter.status = LineStatus::kShipped;
  // The API fills in shipNodeType: the side table answers it itself.
  filter.ship_node_type = "SellerFulfilled";
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "status");
  EXPECT_TRUE(Contains(plan.page, "USING PRIMARY KEY (seller_id=? AND status=? AND order_date>?"))
      << Join(plan.page);
  ExpectIndexedInListOrder(plan.page, "status page");
  // Each listed order's stamp comes from one seek in orders_by_date, not from
  // the primary key's index and then the table.
  EXPECT_TRUE(Contains(plan.page,
                       "SEARCH o USING COVERING INDEX orders_by_date (seller_id=? AND "
                       "order_date=? AND purchase_order_id=?)"))
      << Join(plan.page);
  ExpectIndexedInListOrder(plan.count, "status count");
  // Counting reads the side table alone, never the orders table (alias o).
  EXPECT_FALSE(Contains(plan.count, "SEARCH o ")) << Join(plan.count);
  EXPECT_FALSE(Contains(plan.count, "sqlite_autoindex_orders")) << Join(plan.count);
}

TEST_F(ListPlanTest, SellerAndSku) {
  OrderFilter filter;
  filter.sku = "SKU-2";
  filter.status = LineStatus::kShipped;
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "sku");
  EXPECT_TRUE(Contains(plan.page, "USING PRIMARY KEY (seller_id=? AND sku=?")) << Join(plan.page);
  ExpectIndexedInListOrder(plan.page, "sku page");
  ExpectIndexedInListOrder(plan.count, "sku count");
}

TEST_F(ListPlanTest, SellerAndCustomerOrderId) {
  OrderFilter filter = DateWindow();
  filter.customer_order_id = "CP3";
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "customer_order");
  EXPECT_TRUE(Contains(plan.page, "orders_by_customer_order")) << Join(plan.page);
  ExpectIndexedInListOrder(plan.page, "customer order page");
  ExpectIndexedInListOrder(plan.count, "customer order count");
}

TEST_F(ListPlanTest, SellerAndPurchaseOrderId) {
  OrderFilter filter;
  filter.purchase_order_id = "P3";
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "purchase_order");
  ExpectIndexedInListOrder(plan.page, "purchase order page");
}

TEST_F(ListPlanTest, SellerAndShippingProgram) {
  OrderFilter filter = DateWindow();
  filter.shipping_program_type = "TWO_DAY";
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "shipping_program");
  ExpectIndexedInListOrder(plan.page, "program page");
  ExpectIndexedInListOrder(plan.count, "program count");
}

TEST_F(ListPlanTest, WideLastModifiedWindowKeepsTheDateOrder) {
  OrderFilter filter;
  filter.last_modified_start = kT0;  // all 20 orders, over the cap of 5
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "order_date");
  ExpectIndexedInListOrder(plan.page, "last modified page");
  ExpectIndexedInListOrder(plan.count, "last modified count");
}

TEST_F(ListPlanTest, NarrowLastModifiedWindowDrivesAndSortsFewRows) {
  OrderFilter filter;
  filter.last_modified_start = kT0 + 17;  // 3 orders, under the cap of 5
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "last_modified");
  EXPECT_TRUE(Contains(plan.page, "orders_by_last_modified")) << Join(plan.page);
  for (const std::string& line : plan.page) {
    EXPECT_NE(line.rfind("SCAN d", 0), 0u) << Join(plan.page);
  }
}

TEST_F(ListPlanTest, NarrowExpectedShipWindowDrives) {
  OrderFilter filter;
  filter.expected_ship_start = kT0 + 40 * kHour;  // est = order date + 1 day: 3 orders
  ListQueryPlan plan = Plan(filter);
  EXPECT_EQ(plan.driver, "expected_ship_date");
  EXPECT_TRUE(Contains(plan.page, "orders_by_est_ship_date")) << Join(plan.page);
}

}  // namespace
}  // namespace mporders
