// GET /v3/orders and GET /v3/orders/released over HTTP: the list shape, the
// sort order, every filter, parameter errors, empty results, the order-count
// cap, and cursor pagination (also while orders are added or change).

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

using Ids = std::vector<std::string>;

// Seller A's orders (orderDate relative to `base_`, a whole second):
//   P1001  -10 min  SKU-RED   Created 2                      ESD +1 d
//   P1002  -20 min  SKU-BLUE  Acknowledged 1                 ESD +3 d
//   P1003  -20 min  SKU-RED   Shipped 1                      ESD +2 d
//   P1004  -2 d     REPLACEMENT; line 1 SKU-GREEN Created 1 + Cancelled 1,
//                   line 2 SKU-BLUE Delivered 1, TWO_DAY     ESD -1 d
//   P1005  -3 d     WFSFulfilled, Acknowledged
//   P1006  -8 d     SKU-OLD   Created (outside the default window)
//   P1007  -1 h     3PLFulfilled, Created
// Seller B: P2001 -30 min SKU-RED Created.
class ListOrdersTest : public ApiTest {
 protected:
  void BeforeServe() override {
    base_ = NowSeconds();
    auto make = [](const std::string& po, std::int64_t order_date, std::int64_t ship_date,
                   LineSpec line) {
      OrderSpec order = Order(po, order_date, {std::move(line)});
      order.customer_order_id = "CUST-" + po.substr(4);
      order.estimated_ship_date = ship_date;
      return order;
    };
    std::vector<OrderSpec> orders;
    orders.push_back(make("P1001", base_ - 10 * kMinute, base_ + kDay, Line("1", "SKU-RED", 2)));
    orders.push_back(make("P1002", base_ - 20 * kMinute, base_ + 3 * kDay,
                          Line("1", "SKU-BLUE", 1, {Bucket("Acknowledged", 1)})));
    orders.push_back(make("P1003", base_ - 20 * kMinute, base_ + 2 * kDay,
                          Line("1", "SKU-RED", 1, {Bucket("Shipped", 1)})));
    OrderSpec replacement =
        make("P1004", base_ - 2 * kDay, base_ - kDay,
             Line("1", "SKU-GREEN", 2,
                  {Bucket("Created", 1), Bucket("Cancelled", 1, "SELLER_CANCEL_OUT_OF_STOCK")}));
    replacement.order_type = "REPLACEMENT";
    replacement.lines.push_back(Line("2", "SKU-BLUE", 1, {Bucket("Delivered", 1)}));
    replacement.lines.back().shipping_program_type = "TWO_DAY";
    orders.push_back(replacement);
    orders.push_back(
        make("P1005", base_ - 3 * kDay, 0, Line("1", "SKU-WFS", 1, {Bucket("Acknowledged", 1)})));
    orders.back().ship_node_type = "WFSFulfilled";
    orders.push_back(make("P1006", base_ - 8 * kDay, 0, Line("1", "SKU-OLD", 1)));
    orders.push_back(make("P1007", base_ - kHour, 0, Line("1", "SKU-3PL", 1)));
    orders.back().ship_node_type = "3PLFulfilled";
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB,
                           {Order("P2001", base_ - 30 * kMinute, {Line("1", "SKU-RED", 1)})},
                           dir_.path()),
              0);
  }

  // The purchaseOrderIds a list call returns: empty for the 404 "no orders"
  // answer; any other failure is reported.
  Ids List(const std::string& target) {
    auto response = Get(target, token_a_);
    if (response.status == 404) {
      EXPECT_EQ(response.Json().at("errors").as_array()[0].at("code").as_string(),
                "NOT_FOUND.GMP_ORDER_API");
      return {};
    }
    EXPECT_EQ(response.status, 200u) << target << "\n" << response.body;
    if (response.status != 200) return {"<error " + std::to_string(response.status) + ">"};
    return PurchaseOrderIds(response.Json());
  }

  // Expects a 400 INVALID_REQUEST_PARAM naming `field`.
  void ExpectBadParam(const std::string& target, const std::string& field) {
    SCOPED_TRACE(target);
    auto response = Get(target, token_a_);
    ExpectWalmartError(response, 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
    if (response.status == 400) {
      EXPECT_EQ(response.Json().at("errors").as_array()[0].at("field").as_string(), field);
    }
  }

  std::int64_t base_ = 0;
};

TEST_F(ListOrdersTest, ListsSellerFulfilledOrdersOfTheLastWeekNewestFirst) {
  auto response = Get("/v3/orders", token_a_);
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(response.Header("content-type"), "application/json");
  auto json = response.Json();
  ASSERT_EQ(json.as_object().size(), 1u);
  const auto& list = json.at("list").as_object();
  const auto& meta = list.at("meta").as_object();
  EXPECT_EQ(meta.at("totalCount").to_number<std::int64_t>(), 4);
  EXPECT_EQ(meta.at("limit").to_number<std::int64_t>(), 100);
  EXPECT_FALSE(meta.contains("nextCursor"));
  const auto& orders = list.at("elements").at("order").as_array();
  ASSERT_EQ(orders.size(), 4u);
  // orderDate descending; P1002 and P1003 share their orderDate, so the
  // higher purchaseOrderId comes first. Seller B's order is not visible.
  EXPECT_EQ(PurchaseOrderIds(json), (Ids{"P1001", "P1003", "P1002", "P1004"}));
  // Elements are bare orders, not {"order":...} envelopes.
  const auto& first = orders[0].as_object();
  EXPECT_FALSE(first.contains("order"));
  EXPECT_EQ(first.at("customerOrderId").as_string(), "CUST-1");
  EXPECT_EQ(first.at("orderDate").to_number<std::int64_t>(), base_ - 10 * kMinute);
  EXPECT_EQ(QuantityIn(LineOf(orders[0], "1"), "Created"), 2);
  EXPECT_EQ(orders[3].at("orderLines").at("orderLine").as_array().size(), 2u);
}

TEST_F(ListOrdersTest, OlderOrdersNeedAnEarlierCreatedStartDate) {
  EXPECT_EQ(List("/v3/orders?sku=SKU-OLD"), Ids{});
  EXPECT_EQ(List("/v3/orders?createdStartDate=" + IsoDate(base_ - 9 * kDay)),
            (Ids{"P1001", "P1003", "P1002", "P1004", "P1006"}));
}

TEST_F(ListOrdersTest, FiltersBySkuCustomerOrderIdAndPurchaseOrderId) {
  EXPECT_EQ(List("/v3/orders?sku=SKU-RED"), (Ids{"P1001", "P1003"}));
  // A SKU on the second line counts.
  EXPECT_EQ(List("/v3/orders?sku=SKU-BLUE"), (Ids{"P1002", "P1004"}));
  EXPECT_EQ(List("/v3/orders?sku=sku-red"), Ids{});  // SKUs are exact
  EXPECT_EQ(List("/v3/orders?customerOrderId=CUST-3"), Ids{"P1003"});
  EXPECT_EQ(List("/v3/orders?purchaseOrderId=P1004"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders?purchaseOrderId=P2001"), Ids{});  // seller B's
  EXPECT_EQ(List("/v3/orders?sku=SKU-RED&customerOrderId=CUST-1"), Ids{"P1001"});
}

TEST_F(ListOrdersTest, StatusFilterMatchesAnyBucketIgnoringCase) {
  EXPECT_EQ(List("/v3/orders?status=Created"), (Ids{"P1001", "P1004"}));
  EXPECT_EQ(List("/v3/orders?status=created"), (Ids{"P1001", "P1004"}));
  EXPECT_EQ(List("/v3/orders?status=ACKNOWLEDGED"), Ids{"P1002"});
  EXPECT_EQ(List("/v3/orders?status=Shipped"), Ids{"P1003"});
  EXPECT_EQ(List("/v3/orders?status=Delivered"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders?status=cancelled"), Ids{"P1004"});
}

TEST_F(ListOrdersTest, CreatedDatesStartInclusiveEndExclusiveInEveryForm) {
  // P1002/P1003 lie exactly on the start, P1001 exactly on the end.
  EXPECT_EQ(List("/v3/orders?createdStartDate=" + IsoSeconds(base_ - 20 * kMinute) +
                 "&createdEndDate=" + IsoSeconds(base_ - 10 * kMinute)),
            (Ids{"P1003", "P1002"}));
  EXPECT_EQ(List("/v3/orders?createdStartDate=" + IsoMillis(base_ - 20 * kMinute + 1)),
            Ids{"P1001"});
  EXPECT_EQ(List("/v3/orders?createdStartDate=" + std::to_string(base_ - 10 * kMinute)),
            Ids{"P1001"});
  // Offsets: encoded, negative, and a raw '+' that form decoding turns into a space.
  EXPECT_EQ(
      List("/v3/orders?createdStartDate=" + UrlEncode(IsoWithOffset(base_ - 20 * kMinute, 120)) +
           "&createdEndDate=" + IsoWithOffset(base_ - 10 * kMinute + kSecond, -300)),
      (Ids{"P1001", "P1003", "P1002"}));
  EXPECT_EQ(
      List("/v3/orders?createdStartDate=" + IsoWithOffset(base_ - 20 * kMinute + kSecond, 330)),
      Ids{"P1001"});
  // Date-only values are midnight UTC.
  EXPECT_EQ(List("/v3/orders?createdStartDate=" + IsoDate(base_ - 9 * kDay) +
                 "&createdEndDate=" + IsoDate(base_ - kDay)),
            (Ids{"P1004", "P1006"}));
}

TEST_F(ListOrdersTest, ExpectedShipDateWindow) {
  EXPECT_EQ(List("/v3/orders?fromExpectedShipDate=" + IsoSeconds(base_ + 2 * kDay) +
                 "&toExpectedShipDate=" + IsoSeconds(base_ + 3 * kDay)),
            Ids{"P1003"});
  EXPECT_EQ(List("/v3/orders?fromExpectedShipDate=" + IsoSeconds(base_ + kDay)),
            (Ids{"P1001", "P1003", "P1002"}));
  EXPECT_EQ(List("/v3/orders?toExpectedShipDate=" + IsoSeconds(base_)), Ids{"P1004"});
}

TEST_F(ListOrdersTest, LastModifiedMovesWhenAnOrderIsWritten) {
  // Imported orders were last modified at their orderDate.
  EXPECT_EQ(List("/v3/orders?lastModifiedStartDate=" + IsoSeconds(base_ - 20 * kMinute) +
                 "&lastModifiedEndDate=" + IsoSeconds(base_ - 10 * kMinute)),
            (Ids{"P1003", "P1002"}));
  std::int64_t before_write = NowMillis();
  std::string since = "/v3/orders?lastModifiedStartDate=" + IsoMillis(before_write);
  EXPECT_EQ(List(since), Ids{});
  auto ack = Post("/v3/orders/P1001/acknowledge", token_a_, "");
  ASSERT_EQ(ack.status, 200u) << ack.body;
  EXPECT_EQ(List(since), Ids{"P1001"});
  // A refund changes no status but still modifies the order.
  auto refund = Post("/v3/orders/P1003/refund", token_a_, RefundBody("P1003", "1", "-1.00"));
  ASSERT_EQ(refund.status, 200u) << refund.body;
  EXPECT_EQ(List(since), (Ids{"P1001", "P1003"}));
  EXPECT_EQ(List("/v3/orders?lastModifiedEndDate=" + IsoMillis(before_write)),
            (Ids{"P1002", "P1004"}));
}

TEST_F(ListOrdersTest, ShipNodeTypeDefaultsToSellerFulfilled) {
  EXPECT_EQ(List("/v3/orders?shipNodeType=SellerFulfilled"),
            (Ids{"P1001", "P1003", "P1002", "P1004"}));
  EXPECT_EQ(List("/v3/orders?shipNodeType=WFSFulfilled"), Ids{"P1005"});
  EXPECT_EQ(List("/v3/orders?shipNodeType=3plfulfilled"), Ids{"P1007"});
  EXPECT_EQ(List("/v3/orders/released"), (Ids{"P1001", "P1004"}));
  EXPECT_EQ(List("/v3/orders/released?shipNodeType=3PLFulfilled"), Ids{"P1007"});
}

TEST_F(ListOrdersTest, ShippingProgramTypeAndOrderTypeFilters) {
  EXPECT_EQ(List("/v3/orders?shippingProgramType=TWO_DAY"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders?orderType=REPLACEMENT"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders?orderType=regular"), (Ids{"P1001", "P1003", "P1002"}));
  EXPECT_EQ(List("/v3/orders/released?orderType=REPLACEMENT"), Ids{"P1004"});
}

TEST_F(ListOrdersTest, ElementsFollowProductInfoAndReplacementInfo) {
  auto plain = Get("/v3/orders?purchaseOrderId=P1004", token_a_);
  ASSERT_EQ(plain.status, 200u) << plain.body;
  auto plain_json = plain.Json();
  const auto& plain_order = plain_json.at("list").at("elements").at("order").as_array()[0];
  EXPECT_FALSE(plain_order.as_object().contains("orderType"));
  EXPECT_FALSE(plain_order.as_object().contains("originalCustomerOrderID"));
  EXPECT_FALSE(LineOf(plain_order, "1").at("item").as_object().contains("imageUrl"));
  EXPECT_FALSE(LineOf(plain_order, "1").at("item").as_object().contains("weight"));

  auto flagged =
      Get("/v3/orders?purchaseOrderId=P1004&productInfo=true&replacementInfo=TRUE", token_a_);
  ASSERT_EQ(flagged.status, 200u) << flagged.body;
  auto flagged_json = flagged.Json();
  const auto& order = flagged_json.at("list").at("elements").at("order").as_array()[0];
  EXPECT_EQ(order.at("orderType").as_string(), "REPLACEMENT");
  EXPECT_EQ(order.at("originalCustomerOrderID").as_string(), "ORIG-P1004");
  const auto& item = LineOf(order, "2").at("item").as_object();
  EXPECT_EQ(item.at("imageUrl").as_string(), "https://example.com/img/SKU-BLUE.jpg");
  EXPECT_EQ(item.at("weight").at("unit").as_string(), "Pounds");
}

TEST_F(ListOrdersTest, InvalidParametersAreRejectedNamingTheParameter) {
  ExpectBadParam("/v3/orders?limit=0", "limit");
  ExpectBadParam("/v3/orders?limit=201", "limit");
  ExpectBadParam("/v3/orders?limit=ten", "limit");
  ExpectBadParam("/v3/orders/released?limit=0", "limit");
  ExpectBadParam("/v3/orders?createdStartDate=2024-02-30", "createdStartDate");
  ExpectBadParam("/v3/orders?createdEndDate=yesterday", "createdEndDate");
  ExpectBadParam("/v3/orders?toExpectedShipDate=2024-01-01T25:00:00Z", "toExpectedShipDate");
  ExpectBadParam("/v3/orders?lastModifiedStartDate=01/02/2024", "lastModifiedStartDate");
  ExpectBadParam("/v3/orders?status=Pending", "status");
  ExpectBadParam("/v3/orders?shipNodeType=Walmart", "shipNodeType");
  ExpectBadParam("/v3/orders?orderType=GIFT", "orderType");
  ExpectBadParam("/v3/orders?productInfo=yes", "productInfo");
  ExpectBadParam("/v3/orders?createdStartDate=" + IsoSeconds(base_ - kDay) +
                     "&createdEndDate=" + IsoSeconds(base_ - 2 * kDay),
                 "createdStartDate");
  ExpectBadParam("/v3/orders?fromExpectedShipDate=" + IsoSeconds(base_ + 2 * kDay) +
                     "&toExpectedShipDate=" + IsoSeconds(base_ + kDay),
                 "fromExpectedShipDate");
  // The limit boundaries themselves are valid.
  EXPECT_EQ(List("/v3/orders?limit=200").size(), 4u);
  EXPECT_EQ(List("/v3/orders?limit=1").size(), 1u);
}

TEST_F(ListOrdersTest, EmptyResultIs404ByDefault) {
  auto response = Get("/v3/orders?sku=NO-SUCH-SKU", token_a_);
  ExpectWalmartError(response, 404, "NOT_FOUND.GMP_ORDER_API");
  auto released = Get("/v3/orders/released?purchaseOrderId=P1002", token_a_);  // Acknowledged only
  ExpectWalmartError(released, 404, "NOT_FOUND.GMP_ORDER_API");
}

TEST_F(ListOrdersTest, ReleasedListsOrdersWithCreatedQuantityWithAllTheirLines) {
  auto response = Get("/v3/orders/released", token_a_);
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json();
  EXPECT_EQ(PurchaseOrderIds(json), (Ids{"P1001", "P1004"}));
  EXPECT_EQ(json.at("list").at("meta").at("totalCount").to_number<std::int64_t>(), 2);
  // P1004 comes with its Delivered second line and its Cancelled bucket.
  const auto& p1004 = json.at("list").at("elements").at("order").as_array()[1];
  EXPECT_EQ(QuantityIn(LineOf(p1004, "1"), "Created"), 1);
  EXPECT_EQ(QuantityIn(LineOf(p1004, "1"), "Cancelled"), 1);
  EXPECT_EQ(QuantityIn(LineOf(p1004, "2"), "Delivered"), 1);
  // Filters apply on top of the Created condition.
  EXPECT_EQ(List("/v3/orders/released?sku=SKU-GREEN"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders/released?sku=SKU-BLUE"), Ids{"P1004"});
  EXPECT_EQ(List("/v3/orders/released?customerOrderId=CUST-1"), Ids{"P1001"});
}

class EmptyListAs200Test : public ListOrdersTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--empty-list", "200"}; }
};

TEST_F(EmptyListAs200Test, EmptyResultIs200WithAnEmptyOrderArray) {
  for (std::string target :
       {"/v3/orders?sku=NO-SUCH-SKU", "/v3/orders/released?purchaseOrderId=P1002"}) {
    SCOPED_TRACE(target);
    auto response = Get(target, token_a_);
    ASSERT_EQ(response.status, 200u) << response.body;
    auto json = response.Json();
    const auto& meta = json.at("list").at("meta").as_object();
    EXPECT_EQ(meta.at("totalCount").to_number<std::int64_t>(), 0);
    EXPECT_FALSE(meta.contains("nextCursor"));
    EXPECT_TRUE(json.at("list").at("elements").at("order").as_array().empty());
  }
  EXPECT_EQ(List("/v3/orders?sku=SKU-RED"), (Ids{"P1001", "P1003"}));
}

class OrderCapTest : public ListOrdersTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--max-orders-per-query", "3"}; }
};

TEST_F(OrderCapTest, QueryMatchingMoreThanTheCapIs400) {
  // Four orders match the default query, even though one page would hold them.
  auto response = Get("/v3/orders?limit=2", token_a_);
  ExpectWalmartError(response, 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  // Exactly at the cap and below it are fine.
  EXPECT_EQ(List("/v3/orders?orderType=REGULAR"), (Ids{"P1001", "P1003", "P1002"}));
  EXPECT_EQ(List("/v3/orders?sku=SKU-RED"), (Ids{"P1001", "P1003"}));
}

// 25 Created orders of seller A, P3001 (newest, 1 min old) to P3025 (25 min).
class PaginationTest : public ApiTest {
 protected:
  enum class CursorStyle { kAppended, kTrailingSlash, kParameter };

  void BeforeServe() override {
    base_ = NowSeconds();
    std::vector<OrderSpec> orders;
    for (int i = 1; i <= 25; ++i) orders.push_back(Numbered(i, base_ - i * kMinute));
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
  }

  static OrderSpec Numbered(int number, std::int64_t order_date) {
    return Order("P" + std::to_string(3000 + number), order_date);
  }

  static Ids Range(int first, int last) {
    Ids ids;
    for (int i = first; i <= last; ++i) ids.push_back("P" + std::to_string(3000 + i));
    return ids;
  }

  // The next request for `cursor` on `path` in the given style.
  static std::string NextTarget(const std::string& path, const std::string& cursor,
                                CursorStyle style) {
    switch (style) {
      case CursorStyle::kAppended:
        return path + cursor;
      case CursorStyle::kTrailingSlash:
        return path + "/" + cursor;
      case CursorStyle::kParameter:
        return path + "?nextCursor=" + UrlEncode(cursor);
    }
    return path;
  }

  struct Page {
    Ids ids;
    std::string next_cursor;  // empty on the last page
    std::int64_t total_count = -1;
  };

  Page FetchPage(const std::string& target, const std::string& token) {
    auto response = Get(target, token);
    EXPECT_EQ(response.status, 200u) << target << "\n" << response.body;
    if (response.status != 200) return {};
    auto json = response.Json();
    const auto& meta = json.at("list").at("meta").as_object();
    Page page{PurchaseOrderIds(json), "", meta.at("totalCount").to_number<std::int64_t>()};
    if (const auto* cursor = meta.if_contains("nextCursor")) page.next_cursor = cursor->as_string();
    return page;
  }

  // Follows cursors from `first_target` until the last page (at most 10 pages).
  std::vector<Page> FetchAll(const std::string& path, const std::string& first_query,
                             CursorStyle style) {
    std::vector<Page> pages = {FetchPage(path + first_query, token_a_)};
    while (!pages.back().next_cursor.empty() && pages.size() < 10) {
      pages.push_back(FetchPage(NextTarget(path, pages.back().next_cursor, style), token_a_));
    }
    return pages;
  }

  static Ids Concat(const std::vector<Page>& pages) {
    Ids all;
    for (const Page& page : pages) all.insert(all.end(), page.ids.begin(), page.ids.end());
    return all;
  }

  static bool HasDuplicates(Ids ids) {
    std::sort(ids.begin(), ids.end());
    return std::adjacent_find(ids.begin(), ids.end()) != ids.end();
  }

  void ExpectVisitsAllOnce(CursorStyle style) {
    auto pages = FetchAll("/v3/orders", "?limit=10", style);
    ASSERT_EQ(pages.size(), 3u);
    EXPECT_EQ(pages[0].ids.size(), 10u);
    EXPECT_EQ(pages[1].ids.size(), 10u);
    EXPECT_EQ(pages[2].ids.size(), 5u);
    EXPECT_TRUE(pages[2].next_cursor.empty());
    for (const Page& page : pages) EXPECT_EQ(page.total_count, 25);
    EXPECT_EQ(Concat(pages), Range(1, 25));
  }

  std::int64_t base_ = 0;
};

TEST_F(PaginationTest, CursorHasWalmartsParametersAndPagesVisitEveryOrderOnce) {
  auto first = FetchPage("/v3/orders?limit=10", token_a_);
  const std::string& cursor = first.next_cursor;
  ASSERT_FALSE(cursor.empty());
  EXPECT_EQ(cursor.front(), '?');
  for (std::string part :
       {"limit=10", "hasMoreElements=true", "soIndex=25", "poIndex=10", "partnerId=seller-a",
        "sellerId=seller-a", "shipNodeType=SellerFulfilled"}) {
    EXPECT_NE(cursor.find(part), std::string::npos) << part << " in " << cursor;
  }
  auto second = FetchPage("/v3/orders" + first.next_cursor, token_a_);
  EXPECT_NE(second.next_cursor.find("poIndex=20"), std::string::npos) << second.next_cursor;
  EXPECT_NE(second.next_cursor.find("soIndex=25"), std::string::npos) << second.next_cursor;
  ExpectVisitsAllOnce(CursorStyle::kAppended);
}

TEST_F(PaginationTest, CursorWorksAfterATrailingSlashAndAsNextCursorParameter) {
  {
    SCOPED_TRACE("trailing slash");
    ExpectVisitsAllOnce(CursorStyle::kTrailingSlash);
  }
  {
    SCOPED_TRACE("nextCursor parameter");
    ExpectVisitsAllOnce(CursorStyle::kParameter);
  }
  {
    SCOPED_TRACE("values percent-encoded by the client");
    std::string cursor = FetchPage("/v3/orders?limit=10", token_a_).next_cursor;
    std::string encoded;
    for (char c : cursor) encoded += c == ':' ? std::string("%3A") : std::string(1, c);
    ASSERT_NE(encoded, cursor);
    EXPECT_EQ(FetchPage("/v3/orders" + encoded, token_a_).ids, Range(11, 20));
  }
}

TEST_F(PaginationTest, ReleasedPagesTheSameWay) {
  auto pages = FetchAll("/v3/orders/released", "?limit=10", CursorStyle::kAppended);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_NE(pages[0].next_cursor.find("status=Created"), std::string::npos) << pages[0].next_cursor;
  EXPECT_EQ(Concat(pages), Range(1, 25));
}

TEST_F(PaginationTest, FiltersCarryOverToLaterPages) {
  // Only even orders are Acknowledged; paging status=Created must stay on odd ones.
  for (int i = 2; i <= 25; i += 2) {
    auto ack = Post("/v3/orders/P" + std::to_string(3000 + i) + "/acknowledge", token_a_, "");
    ASSERT_EQ(ack.status, 200u) << ack.body;
  }
  auto pages = FetchAll("/v3/orders", "?limit=5&status=Created", CursorStyle::kAppended);
  Ids odd;
  for (int i = 1; i <= 25; i += 2) odd.push_back("P" + std::to_string(3000 + i));
  EXPECT_EQ(pages.size(), 3u);
  EXPECT_EQ(Concat(pages), odd);
}

TEST_F(PaginationTest, OrdersImportedWhilePagingAreNotDuplicatedNorSkipped) {
  auto first = FetchPage("/v3/orders?limit=10", token_a_);
  ASSERT_EQ(first.ids, Range(1, 10));
  // One new order behind the cursor, one ahead of it (between P3015 and P3016).
  // The database is written by another process while the server runs.
  ASSERT_EQ(ImportOrders(db_, kSellerA,
                         {Numbered(901, base_ - 2 * kMinute - 30 * kSecond),
                          Numbered(900, base_ - 15 * kMinute - 30 * kSecond)},
                         dir_.path()),
            0);
  std::vector<Page> pages = {first};
  while (!pages.back().next_cursor.empty() && pages.size() < 10) {
    pages.push_back(FetchPage("/v3/orders" + pages.back().next_cursor, token_a_));
  }
  Ids all = Concat(pages);
  EXPECT_FALSE(HasDuplicates(all));
  Ids expected = Range(1, 15);
  expected.push_back("P3900");
  Ids rest = Range(16, 25);
  expected.insert(expected.end(), rest.begin(), rest.end());
  EXPECT_EQ(all, expected);
  // A new first page sees both.
  EXPECT_EQ(FetchPage("/v3/orders?limit=200", token_a_).total_count, 27);
}

TEST_F(PaginationTest, OrdersAcknowledgedWhilePagingReleasedDoNotShiftThePages) {
  auto first = FetchPage("/v3/orders/released?limit=10", token_a_);
  ASSERT_EQ(first.ids, Range(1, 10));
  // Six of the orders already returned (the last one, the cursor's own
  // position, among them) and two not yet returned leave the Created set;
  // with offset paging the next page would skip six orders.
  for (int i : {1, 2, 3, 4, 5, 10, 12, 13}) {
    auto ack = Post("/v3/orders/P" + std::to_string(3000 + i) + "/acknowledge", token_a_, "");
    ASSERT_EQ(ack.status, 200u) << ack.body;
  }
  std::vector<Page> pages = {first};
  while (!pages.back().next_cursor.empty() && pages.size() < 10) {
    pages.push_back(FetchPage("/v3/orders/released" + pages.back().next_cursor, token_a_));
  }
  Ids all = Concat(pages);
  EXPECT_FALSE(HasDuplicates(all));
  Ids expected = Range(1, 11);
  Ids rest = Range(14, 25);
  expected.insert(expected.end(), rest.begin(), rest.end());
  EXPECT_EQ(all, expected);
}

TEST_F(PaginationTest, OrdersSharingAnOrderDatePageByPurchaseOrderId) {
  std::vector<OrderSpec> tied;
  Ids expected;
  for (int i = 12; i >= 1; --i) {
    char id[8];
    std::snprintf(id, sizeof(id), "T%02d", i);
    tied.push_back(Order(id, base_ - 30 * kMinute, {Line("1", "SKU-TIE", 1)}));
    expected.push_back(id);
  }
  ASSERT_EQ(ImportOrders(db_, kSellerA, tied, dir_.path()), 0);
  auto pages = FetchAll("/v3/orders", "?sku=SKU-TIE&limit=5", CursorStyle::kAppended);
  ASSERT_EQ(pages.size(), 3u);
  EXPECT_EQ(pages[2].ids.size(), 2u);
  EXPECT_EQ(Concat(pages), expected);
}

TEST_F(PaginationTest, AnotherSellersCursorIsRejected) {
  auto first = FetchPage("/v3/orders?limit=10", token_a_);
  ASSERT_FALSE(first.next_cursor.empty());
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  auto foreign = Get("/v3/orders" + first.next_cursor, token_b);
  ExpectWalmartError(foreign, 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");

  std::string edited = first.next_cursor;
  for (std::string name : {"sellerId=seller-a", "partnerId=seller-a"}) {
    size_t at = edited.find(name);
    ASSERT_NE(at, std::string::npos);
    edited.replace(at, name.size(), name.substr(0, name.size() - 1) + "b");
  }
  auto forged = Get("/v3/orders" + edited, token_a_);
  ExpectWalmartError(forged, 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  auto field = forged.Json().at("errors").as_array()[0].at("field").as_string();
  EXPECT_TRUE(field == "sellerId" || field == "partnerId") << field;
}

}  // namespace
}  // namespace mporders::testing
