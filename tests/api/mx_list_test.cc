// Mexico's reads over real HTTP: offset paging on GET /v3/orders, cursor
// paging on GET /v3/orders/cursor, and their parameter rules.

#include <gtest/gtest.h>

#include <set>

#include "api/mx_fixture.h"

namespace mporders::testing {
namespace {

std::vector<std::string> Ids(const HttpResponse& response) {
  std::vector<std::string> ids;
  auto json = response.Json();
  for (const auto& order : json.at("order").as_array()) {
    ids.emplace_back(order.at("purchaseOrderId").as_string());
  }
  return ids;
}

class MxListTest : public MxApiTest {
 protected:
  void SetUp() override {
    MxApiTest::SetUp();
    if (HasFatalFailure()) return;
    std::vector<std::string> documents;
    // Five orders, one minute apart; the newest first in every list.
    for (int i = 1; i <= 5; ++i) {
      documents.push_back(
          MxOrderDocument("P20000000" + std::to_string(i), "C2000" + std::to_string(i), 100 - i));
    }
    PostMxOrders(documents);
  }
};

TEST_F(MxListTest, OffsetPages) {
  auto first = MxGet("/v3/orders?limit=2");
  ASSERT_EQ(first.status, 200u) << first.body;
  EXPECT_EQ(first.Json().at("meta").at("totalCount").as_int64(), 5);
  EXPECT_EQ(first.Json().at("meta").at("limit").as_int64(), 2);
  EXPECT_FALSE(first.Json().at("meta").as_object().contains("nextCursorMark"));
  EXPECT_EQ(Ids(first), (std::vector<std::string>{"P200000005", "P200000004"}));
  EXPECT_EQ(Ids(MxGet("/v3/orders?limit=2&offset=2")),
            (std::vector<std::string>{"P200000003", "P200000002"}));
  EXPECT_EQ(Ids(MxGet("/v3/orders?limit=2&offset=4")), (std::vector<std::string>{"P200000001"}));
  auto past = MxGet("/v3/orders?limit=2&offset=6");
  ASSERT_EQ(past.status, 200u) << past.body;
  EXPECT_TRUE(Ids(past).empty());
  EXPECT_EQ(Ids(MxGet("/v3/orders?customerOrderId=C20003")),
            (std::vector<std::string>{"P200000003"}));
  EXPECT_EQ(Ids(MxGet("/v3/orders?statusCodeFilter=Created")).size(), 5u);
  EXPECT_TRUE(Ids(MxGet("/v3/orders?statusCodeFilter=OnHold")).empty());
  EXPECT_TRUE(Ids(MxGet("/v3/orders?statusCodeFilter=Shipped")).empty());
}

TEST_F(MxListTest, OffsetParametersAreBounded) {
  ExpectMxError(MxGet("/v3/orders?limit=101"), 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders?limit=0"), 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders?offset=1001"), 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders?offset=-1"), 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders?statusCodeFilter=Refund"), 400,
                "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders?createdStartDate=yesterday"), 400,
                "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  EXPECT_EQ(MxGet("/v3/orders?limit=100&offset=1000").status, 200u);
}

TEST_F(MxListTest, CursorPages) {
  ExpectMxError(MxGet("/v3/orders/cursor"), 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(
      MxGet("/v3/orders/cursor?statusCodeFilter=Created&createdStartDate=2026-01-01T00:00:00.000Z"),
      400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  ExpectMxError(MxGet("/v3/orders/cursor?statusCodeFilter=Created&cursorMark=garbage"), 400,
                "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  std::vector<std::string> seen;
  std::string mark = "*";
  for (int page = 0; page < 5; ++page) {
    auto response = MxGet("/v3/orders/cursor?statusCodeFilter=Created&limit=2&cursorMark=" + mark);
    ASSERT_EQ(response.status, 200u) << response.body;
    auto meta = response.Json().at("meta");
    EXPECT_EQ(meta.at("totalCount").as_int64(), 5);
    for (const auto& id : Ids(response)) seen.push_back(id);
    mark = std::string(meta.at("nextCursorMark").as_string());
    if (mark.empty()) break;
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"P200000005", "P200000004", "P200000003", "P200000002",
                                            "P200000001"}));
}

TEST_F(MxListTest, WfsOrdersHaveNoPurchaseOrderId) {
  auto response = MxGet("/v3/orders/wfsorders");
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_TRUE(response.Json().at("order").as_array().empty());
  ExpectMxError(MxGet("/v3/orders/wfsorders?limit=201"), 400,
                "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  EXPECT_EQ(MxGet("/v3/orders/wfsorders?limit=200&statusCodeFilter=SentForFulfillment").status,
            200u);
}

}  // namespace
}  // namespace mporders::testing
