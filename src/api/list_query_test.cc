#include "api/list_query.h"

#include <gtest/gtest.h>

#include "core/time_format.h"
#include "http/query_string.h"

namespace mporders::api {
namespace {

constexpr EpochMillis kNow = 1700000000000;  // 2023-11-14T22:13:20Z

Result<ListQuery> Parse(std::string_view query, ListKind kind = ListKind::kAll) {
  auto params = http::ParseQueryString(query);
  EXPECT_TRUE(params.has_value());
  return ParseListQuery(*params, kind, "seller-1", kNow, ApiOptions{});
}

std::string ErrorField(std::string_view query) {
  auto parsed = Parse(query);
  EXPECT_FALSE(parsed.ok()) << query;
  EXPECT_EQ(parsed.status().code(), ErrorCode::kInvalidRequestParam);
  return parsed.status().field();
}

TEST(ListQueryTest, DefaultsFollowTheSpec) {
  auto query = Parse("");
  ASSERT_TRUE(query.ok());
  const auto& filter = query->request.filter;
  EXPECT_EQ(query->request.limit, 100);
  EXPECT_EQ(filter.seller_id, "seller-1");
  EXPECT_EQ(*filter.created_end, kNow);
  EXPECT_EQ(*filter.created_start, kNow - 7 * kMillisPerDay);
  EXPECT_EQ(*filter.ship_node_type, "SellerFulfilled");
  EXPECT_FALSE(filter.status.has_value());
  EXPECT_FALSE(query->request.after.has_value());
  EXPECT_TRUE(query->request.count_total);
}

TEST(ListQueryTest, ReleasedMeansCreated) {
  auto query = Parse("status=Shipped", ListKind::kReleased);
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(*query->request.filter.status, LineStatus::kCreated);
}

TEST(ListQueryTest, ParsesEveryFilter) {
  auto query = Parse(
      "sku=S1&customerOrderId=C1&purchaseOrderId=P1&status=acknowledged&createdStartDate=2023-11-01"
      "&createdEndDate=2023-11-10T10:00:00Z&fromExpectedShipDate=2023-11-02&toExpectedShipDate=2023-11-03"
      "&lastModifiedStartDate=2023-11-04&lastModifiedEndDate=2023-11-05&limit=200&shipNodeType=wfsfulfilled"
      "&shippingProgramType=TWO_DAY&orderType=replacement&productInfo=TRUE&replacementInfo=false");
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  const auto& f = query->request.filter;
  EXPECT_EQ(*f.sku, "S1");
  EXPECT_EQ(*f.customer_order_id, "C1");
  EXPECT_EQ(*f.purchase_order_id, "P1");
  EXPECT_EQ(*f.status, LineStatus::kAcknowledged);
  EXPECT_EQ(*f.created_start, *ParseDateTime("2023-11-01"));
  EXPECT_EQ(*f.created_end, *ParseDateTime("2023-11-10T10:00:00Z"));
  EXPECT_EQ(*f.expected_ship_start, *ParseDateTime("2023-11-02"));
  EXPECT_EQ(*f.expected_ship_end, *ParseDateTime("2023-11-03"));
  EXPECT_EQ(*f.last_modified_start, *ParseDateTime("2023-11-04"));
  EXPECT_EQ(*f.last_modified_end, *ParseDateTime("2023-11-05"));
  EXPECT_EQ(query->request.limit, 200);
  EXPECT_EQ(*f.ship_node_type, "WFSFulfilled");
  EXPECT_EQ(*f.shipping_program_type, "TWO_DAY");
  EXPECT_EQ(*f.order_type, "REPLACEMENT");
  EXPECT_TRUE(query->view.product_info);
  EXPECT_FALSE(query->view.replacement_info);
}

TEST(ListQueryTest, InvalidValuesNameTheirParameter) {
  EXPECT_EQ(ErrorField("limit=0"), "limit");
  EXPECT_EQ(ErrorField("limit=201"), "limit");
  EXPECT_EQ(ErrorField("limit=ten"), "limit");
  EXPECT_EQ(ErrorField("createdStartDate=yesterday"), "createdStartDate");
  EXPECT_EQ(ErrorField("createdEndDate=2023-13-01"), "createdEndDate");
  EXPECT_EQ(ErrorField("status=Lost"), "status");
  EXPECT_EQ(ErrorField("shipNodeType=Drone"), "shipNodeType");
  EXPECT_EQ(ErrorField("orderType=GIFT"), "orderType");
  EXPECT_EQ(ErrorField("productInfo=maybe"), "productInfo");
  EXPECT_EQ(ErrorField("createdStartDate=2023-11-10&createdEndDate=2023-11-01"), "createdStartDate");
  EXPECT_EQ(ErrorField("fromExpectedShipDate=2023-11-10&toExpectedShipDate=2023-11-01"),
            "fromExpectedShipDate");
  EXPECT_EQ(ErrorField("sellerId=someone-else"), "sellerId");
  EXPECT_EQ(ErrorField("cursorKey=garbage!"), "cursorKey");
}

// Found by fuzzing (fuzz/regressions/list_query/epoch-beyond-year-9999): the
// date was accepted, but the nextCursor repeating it did not parse.
TEST(ListQueryTest, EpochDatesBeyondYear9999AreRefused) {
  EXPECT_EQ(ErrorField("fromExpectedShipDate=202297777769999999"), "fromExpectedShipDate");
  EXPECT_EQ(ErrorField("createdEndDate=253402300800000"), "createdEndDate");  // year 10000
  auto query = Parse("toExpectedShipDate=253402300799999");  // 9999-12-31T23:59:59.999Z
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  auto next = Parse(std::string_view(BuildNextCursor(*query, 5, 1, PageKey{kNow, "P"})).substr(1));
  EXPECT_TRUE(next.ok()) << next.status().ToString();
}

TEST(ListQueryTest, OldStartDatesAreClampedToTheRetentionWindow) {
  auto query = Parse("createdStartDate=2001-01-01");
  ASSERT_TRUE(query.ok());
  EXPECT_EQ(*query->request.filter.created_start, kNow - 180 * kMillisPerDay);
}

TEST(ListQueryTest, CursorRoundTripCarriesFiltersFrozenDatesAndPosition) {
  auto first = Parse("status=Created&limit=10&sku=A%20B");
  ASSERT_TRUE(first.ok());
  std::string cursor = BuildNextCursor(*first, 31, 10, PageKey{kNow - 5000, "P-10"});
  EXPECT_EQ(cursor.rfind("?limit=10&hasMoreElements=true&soIndex=31&poIndex=10&partnerId=seller-1&sellerId=seller-1", 0), 0u)
      << cursor;
  auto next = Parse(std::string_view(cursor).substr(1));
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->request.after, (PageKey{kNow - 5000, "P-10"}));
  EXPECT_EQ(next->known_total, 31);
  EXPECT_FALSE(next->request.count_total);
  EXPECT_EQ(next->returned_before, 10);
  EXPECT_EQ(*next->request.filter.status, LineStatus::kCreated);
  EXPECT_EQ(*next->request.filter.sku, "A B");
  EXPECT_EQ(next->request.filter.created_end, first->request.filter.created_end);
  EXPECT_EQ(next->request.filter.created_start, first->request.filter.created_start);
}

TEST(ListQueryTest, CursorAsNextCursorParameterIsExpanded) {
  auto first = Parse("limit=5");
  ASSERT_TRUE(first.ok());
  std::string cursor = BuildNextCursor(*first, 8, 5, PageKey{kNow - 1, "P"});
  std::string encoded;
  for (char c : cursor) {
    if (c == '&') encoded += "%26";
    else if (c == '=') encoded += "%3D";
    else if (c == '?') encoded += "%3F";
    else encoded += c;
  }
  auto next = Parse("nextCursor=" + encoded);
  ASSERT_TRUE(next.ok()) << next.status().ToString();
  EXPECT_EQ(next->request.after, (PageKey{kNow - 1, "P"}));
  EXPECT_EQ(next->request.limit, 5);
}

TEST(ListQueryTest, MalformedCursorsAreRefusedWhicheverPartIsWrong) {
  // A nextCursor that holds no position is not a cursor: never the first page.
  EXPECT_EQ(ErrorField("nextCursor=garbage"), "nextCursor");
  EXPECT_EQ(ErrorField("nextCursor=%3Flimit%3D5"), "nextCursor");
  // Position counters are whole numbers >= 0, with or without a cursorKey.
  const std::string key = "&cursorKey=" + std::string("MTcwMDAwMDAwMDAwMHxQ");  // "1700000000000|P"
  EXPECT_EQ(ErrorField("soIndex=abc" + key), "soIndex");
  EXPECT_EQ(ErrorField("soIndex=-1" + key), "soIndex");
  EXPECT_EQ(ErrorField("poIndex=1x" + key), "poIndex");
  EXPECT_EQ(ErrorField("hasMoreElements=perhaps" + key), "hasMoreElements");
  EXPECT_EQ(ErrorField("soIndex=abc"), "soIndex");
  EXPECT_EQ(ErrorField("soIndex=-1"), "soIndex");
  // Cursor parameters without the cursor's position.
  EXPECT_EQ(ErrorField("soIndex=10"), "cursorKey");
  EXPECT_EQ(ErrorField("hasMoreElements=true&poIndex=3"), "cursorKey");
  EXPECT_EQ(ErrorField("cursorKey="), "cursorKey");
  auto good = Parse("soIndex=10&poIndex=5&hasMoreElements=true" + key);
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_EQ(good->known_total, 10);
}

TEST(ListQueryTest, RepeatedParametersAreRefusedByName) {
  EXPECT_EQ(ErrorField("limit=5&limit=10"), "limit");
  EXPECT_EQ(ErrorField("status=Created&sku=A&status=Shipped"), "status");
  // A cursor plus the same parameter beside it is ambiguous too.
  auto first = Parse("limit=5");
  ASSERT_TRUE(first.ok());
  std::string cursor = BuildNextCursor(*first, 8, 5, PageKey{kNow - 1, "P"});
  std::string encoded;
  for (char c : cursor) {
    if (c == '&') encoded += "%26";
    else if (c == '=') encoded += "%3D";
    else if (c == '?') encoded += "%3F";
    else encoded += c;
  }
  EXPECT_EQ(ErrorField("nextCursor=" + encoded + "&limit=50"), "limit");
}

TEST(ListQueryTest, OffsetWhosePlusBecameASpaceIsAccepted) {
  auto query = Parse("createdStartDate=2023-11-10T00:00:00+06:00");
  ASSERT_TRUE(query.ok()) << query.status().ToString();
  EXPECT_EQ(*query->request.filter.created_start, *ParseDateTime("2023-11-09T18:00:00Z"));
}

}  // namespace
}  // namespace mporders::api
