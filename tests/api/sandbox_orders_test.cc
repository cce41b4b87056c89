// Control API: orders arriving, carrier delivery, customer cancellation,
// auto-cancel and reset, seen through the seller's Walmart API.

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxOrdersTest : public SandboxTest {
 protected:
  // Acknowledges and ships `quantity` units of line 1 through the seller API.
  void AcknowledgeAndShip(const std::string& po, std::int64_t quantity,
                          const std::string& tracking = "1Z999AA10123456784") {
    ASSERT_EQ(Post("/v3/orders/" + po + "/acknowledge", token_a_, "").status, 200u);
    auto shipped = Post("/v3/orders/" + po + "/shipping", token_a_,
                        ShipBody({Package("1", quantity, tracking)}));
    ASSERT_EQ(shipped.status, 200u) << shipped.body;
  }
};

TEST_F(SandboxOrdersTest, GeneratedOrdersArriveCreatedWithTheirShape) {
  auto ids = CreateOrders(
      R"({"count":3,"seed":11,"lines":2,"quantity":4,"orderType":"REPLACEMENT",
          "shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(ids.size(), 3u);
  for (const auto& po : ids) {
    auto response = Get("/v3/orders/" + po + "?replacementInfo=true", token_a_);
    ASSERT_EQ(response.status, 200u) << response.body;
    auto json = response.Json();
    EXPECT_EQ(OrderOf(json).at("orderType").as_string(), "REPLACEMENT");
    for (const char* line : {"1", "2"}) {
      EXPECT_EQ(QuantityIn(LineOf(json, line), "Created"), 4);
    }
  }
  // Listed by the default window of the seller API (they are dated now).
  auto list = Get("/v3/orders", token_a_);
  ASSERT_EQ(list.status, 200u);
  EXPECT_EQ(PurchaseOrderIds(list.Json()).size(), 3u);
  // The same seed and index give the same purchase order: a clash is refused
  // as a whole, and nothing is added.
  auto again = Control("POST", "seller-a/orders", R"({"count":2,"seed":11,"firstIndex":2})");
  ExpectWalmartError(again, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", token_a_).Json()).size(), 3u);
}

TEST_F(SandboxOrdersTest, WfsOrdersSkipCreated) {
  auto ids = CreateOrders(R"({"shipNodeType":"WFSFulfilled"})");
  auto json = GetOrder(ids[0]).Json();
  EXPECT_EQ(QuantityIn(LineOf(json, "1"), "Created"), 0);
  EXPECT_GT(QuantityIn(LineOf(json, "1"), "Acknowledged"), 0);
}

TEST_F(SandboxOrdersTest, AFullWalmartOrderIsStoredAsGiven) {
  const std::int64_t now = NowSeconds();
  auto spec = Order("PO-FULL-1", now, {Line("1", "SKU-9", 3), Line("2", "SKU-8", 1)});
  auto created = Control("POST", "seller-a/orders", OrderJson(spec));
  ASSERT_EQ(created.status, 201u) << created.body;
  auto json = GetOrder("PO-FULL-1").Json();
  EXPECT_EQ(LineOf(json, "1").at("item").at("sku").as_string(), "SKU-9");
  EXPECT_EQ(QuantityIn(LineOf(json, "1"), "Created"), 3);

  // Quantities that do not add up break the order invariants: 400, nothing stored.
  auto broken = Order("PO-BROKEN", now, {Line("1", "SKU-1", 2, {Bucket("Created", 1)})});
  ExpectWalmartError(Control("POST", "seller-a/orders", OrderJson(broken)), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_EQ(GetOrder("PO-BROKEN").status, 404u);
  ExpectWalmartError(Control("POST", "seller-a/orders", R"({"count":0})"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectWalmartError(Control("POST", "seller-a/orders", R"({"cuont":1})"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectWalmartError(Control("POST", "seller-a/orders", "not json"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
}

TEST_F(SandboxOrdersTest, ARefusedOrderLeavesNoSellerBehind) {
  // One purchase order id twice in one call, for a seller that does not
  // exist yet: the insert is refused as a whole.
  const std::string order = OrderJson(Order("PO-TWICE-1", NowSeconds(), {Line("1", "SKU-9", 1)}));
  ExpectWalmartError(
      Control("POST", "seller-new/orders", R"({"orders":[)" + order + "," + order + "]}"), 400,
      "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  std::string sellers;
  ASSERT_EQ(RunCli({"sellers", "list", "--db", db_}, &sellers), 0);
  EXPECT_NE(sellers.find("seller-a"), std::string::npos) << sellers;
  EXPECT_EQ(sellers.find("seller-new"), std::string::npos) << sellers;
}

TEST_F(SandboxOrdersTest, CarrierDeliversPerLineQuantityThenRefundWorks) {
  auto ids = CreateOrders(R"({"lines":1,"quantity":3,"shipNodeType":"SellerFulfilled"})");
  const std::string po = ids[0];
  AcknowledgeAndShip(po, 2);

  auto too_many = Control("POST", "seller-a/orders/" + po + "/deliver",
                          R"({"lines":[{"lineNumber":"1","quantity":3}]})");
  ExpectWalmartError(too_many, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(po).Json(), "1"), "Shipped"), 2);

  auto delivered = Control("POST", "seller-a/orders/" + po + "/deliver",
                           R"({"lines":[{"lineNumber":"1","quantity":1}]})");
  ASSERT_EQ(delivered.status, 200u) << delivered.body;
  auto line = LineOf(GetOrder(po).Json(), "1");
  EXPECT_EQ(QuantityIn(line, "Delivered"), 1);
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 1);
  EXPECT_EQ(BucketsOf(line, "Delivered")[0].at("trackingInfo").at("trackingNumber").as_string(),
            "1Z999AA10123456784");

  // "The carrier delivered, now refund": the seller API accepts it.
  auto refund = Post("/v3/orders/" + po + "/refund", token_a_, FullRefundBody(po, "1"));
  EXPECT_EQ(refund.status, 200u) << refund.body;
  // Nothing Shipped on an unknown order: 404 like the seller API.
  EXPECT_EQ(Control("POST", "seller-a/orders/nope/deliver").status, 404u);
}

TEST_F(SandboxOrdersTest, DeliverEverythingShippedBeforeATime) {
  auto ids = CreateOrders(R"({"count":2,"lines":1,"quantity":1,"shipNodeType":"SellerFulfilled"})");
  AcknowledgeAndShip(ids[0], 1, "TRK-A");
  AcknowledgeAndShip(ids[1], 1, "TRK-B");
  // The ship bodies carry shipDateTime = now: a bound in the past delivers nothing.
  auto none = Control("POST", "seller-a/deliver", R"({"shippedBefore":"2001-01-01T00:00:00Z"})");
  ASSERT_EQ(none.status, 200u) << none.body;
  EXPECT_EQ(none.Json().at("orders").as_int64(), 0);
  auto all = Control("POST", "seller-a/deliver", "");
  ASSERT_EQ(all.status, 200u) << all.body;
  EXPECT_EQ(all.Json().at("orders").as_int64(), 2);
  EXPECT_EQ(all.Json().at("units").as_int64(), 2);
  for (const auto& po : ids)
    EXPECT_EQ(QuantityIn(LineOf(GetOrder(po).Json(), "1"), "Delivered"), 1);
}

TEST_F(SandboxOrdersTest, CustomerCancellationSetsIntentAndSellerCancels) {
  auto ids = CreateOrders(R"({"lines":2,"quantity":1,"shipNodeType":"SellerFulfilled"})");
  const std::string po = ids[0];
  auto requested =
      Control("POST", "seller-a/orders/" + po + "/customer-cancel", R"({"lineNumbers":["2"]})");
  ASSERT_EQ(requested.status, 200u) << requested.body;
  auto json = GetOrder(po).Json();
  EXPECT_FALSE(LineOf(json, "1").contains("intentToCancel"));
  EXPECT_EQ(LineOf(json, "2").at("intentToCancel").as_string(), "Y");
  auto cancelled = Post("/v3/orders/" + po + "/cancel", token_a_,
                        CancelBody("2", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"));
  ASSERT_EQ(cancelled.status, 200u) << cancelled.body;
  // A customer cannot cancel what is already cancelled.
  ExpectWalmartError(
      Control("POST", "seller-a/orders/" + po + "/customer-cancel", R"({"lineNumbers":["2"]})"),
      400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
}

TEST_F(SandboxOrdersTest, LateOrdersAreAutoCancelledWithWalmartsReason) {
  auto late =
      CreateOrders(R"({"count":2,"lines":1,"quantity":2,"shipNodeType":"SellerFulfilled"})");
  AcknowledgeAndShip(late[1], 2);  // shipped in time: left alone
  // Estimated ship dates are 1-2 days out; six days later they are past ESD + 4 days.
  auto advanced = Control("POST", "seller-a/clock/advance", R"({"days":6,"autoCancel":false})");
  ASSERT_EQ(advanced.status, 200u) << advanced.body;
  EXPECT_FALSE(advanced.Json().as_object().contains("autoCancelled"));
  RenewToken();
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(late[0]).Json(), "1"), "Created"), 2);

  auto swept = Control("POST", "seller-a/auto-cancel", "");
  ASSERT_EQ(swept.status, 200u) << swept.body;
  EXPECT_EQ(swept.Json().at("orders").as_int64(), 1);
  EXPECT_EQ(swept.Json().at("units").as_int64(), 2);
  auto line = LineOf(GetOrder(late[0]).Json(), "1");
  ASSERT_EQ(BucketsOf(line, "Cancelled").size(), 1u);
  EXPECT_EQ(BucketsOf(line, "Cancelled")[0].at("cancellationReason").as_string(),
            "Auto-cancelled due to expiry");
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(late[1]).Json(), "1"), "Shipped"), 2);
  // A second run finds nothing more to do.
  EXPECT_EQ(Control("POST", "seller-a/auto-cancel", "").Json().at("orders").as_int64(), 0);
}

TEST_F(SandboxOrdersTest, AcknowledgementDeadlineCancelsUnacknowledgedOrders) {
  auto ids = CreateOrders(R"({"count":2,"lines":1,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(Post("/v3/orders/" + ids[1] + "/acknowledge", token_a_, "").status, 200u);
  ASSERT_EQ(Control("POST", "seller-a/clock/advance", R"({"hours":5,"autoCancel":false})").status,
            200u);
  RenewToken();
  auto swept = Control("POST", "seller-a/auto-cancel", R"({"acknowledgeHours":4})");
  ASSERT_EQ(swept.status, 200u) << swept.body;
  EXPECT_EQ(swept.Json().at("orders").as_int64(), 1);
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(ids[0]).Json(), "1"), "Created"), 0);
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(ids[1]).Json(), "1"), "Cancelled"), 0);
}

TEST_F(SandboxOrdersTest, AdvancingTimeRunsAutoCancelByDefault) {
  auto ids = CreateOrders(R"({"lines":1,"shipNodeType":"SellerFulfilled"})");
  auto advanced = Control("POST", "seller-a/clock/advance", R"({"days":7})");
  ASSERT_EQ(advanced.status, 200u) << advanced.body;
  EXPECT_EQ(advanced.Json().at("autoCancelled").at("orders").as_int64(), 1);
  auto fresh = Get("/v3/orders/" + ids[0], FetchToken(server_->port(), kClientA, kSecret));
  EXPECT_EQ(QuantityIn(LineOf(fresh.Json(), "1"), "Created"), 0);
}

TEST_F(SandboxOrdersTest, ResetEmptiesOneSellerOnly) {
  auto ids = CreateOrders(R"({"count":2,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(
      Control("POST", "seller-b/orders", R"({"count":1,"shipNodeType":"SellerFulfilled"})").status,
      201u);
  ASSERT_EQ(Control("PUT", "seller-a/clock", R"({"now":"2030-01-01T00:00:00Z"})").status, 200u);
  ASSERT_EQ(Control("POST", "seller-a/faults", R"({"path":"/v3/orders*","status":500})").status,
            201u);
  auto reset = Control("POST", "seller-a/reset");
  ASSERT_EQ(reset.status, 200u) << reset.body;
  EXPECT_EQ(reset.Json().at("removedOrders").as_int64(), 2);
  EXPECT_EQ(reset.Json().at("removedFaultRules").as_int64(), 1);
  EXPECT_EQ(reset.Json().at("offsetMillis").as_int64(), 0);
  std::string token = FetchToken(server_->port(), kClientA, kSecret);  // clients survive a reset
  EXPECT_EQ(Get("/v3/orders/" + ids[0], token).status, 404u);
  EXPECT_EQ(Get("/v3/orders", token).status, 404u);  // empty list: Walmart's 404
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", token_b).Json()).size(), 1u);
}

TEST_F(SandboxOrdersTest, ClientsCanBeCreatedForANewSeller) {
  auto created = Control("POST", "seller-new/clients",
                         R"({"clientId":"new-client","clientSecret":"new-secret-1"})");
  ASSERT_EQ(created.status, 201u) << created.body;
  std::string token = FetchToken(server_->port(), "new-client", "new-secret-1");
  ASSERT_EQ(Control("POST", "seller-new/orders", R"({"count":1})").status, 201u);
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", token).Json()).size(), 1u);
}

}  // namespace
}  // namespace mporders::testing
