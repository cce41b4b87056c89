// POST acknowledge, shipping, cancel and refund over HTTP: the lifecycle
// rules, their errors, all-or-nothing writes and exact money.

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kContentError[] = "INVALID_REQUEST_CONTENT.GMP_ORDER_API";

// Cents of a JSON amount (the server writes amounts as decimal numbers).
std::int64_t Cents(const boost::json::value& amount) {
  return std::llround(amount.to_number<double>() * 100);
}

// Seller A's orders (one line "1" unless stated):
//   W-CREATED    3 Created; PRODUCT 15.00 + tax 1.20
//   W-ACK1..3    1 Created each
//   W-ACKED      3 Acknowledged
//   W-MULTI      line 1: 2 Acknowledged, line 2: 1 Acknowledged
//   W-MIXED      line 1: 1 Shipped, line 2: 1 Created
//   W-CANCELLED  1 Created + 1 Cancelled
//   W-SHIPPED    1 Acknowledged + 1 Shipped; PRODUCT 10.00 + tax 0.80, SHIPPING 2.00
//   W-DIME       1 Shipped; PRODUCT 0.30, no tax
//   W-DELIVERED  1 Delivered
//   W-WFS        1 Acknowledged, WFSFulfilled
// Seller B: B-1, 1 Created.
class WriteOrdersTest : public ApiTest {
 protected:
  void BeforeServe() override {
    std::int64_t date = NowSeconds() - kHour;
    std::vector<OrderSpec> orders;
    orders.push_back(Order("W-CREATED", date, {Line("1", "SKU-C", 3)}));
    orders.back().lines[0].product_amount = "15.00";
    orders.back().lines[0].tax_amount = "1.20";
    for (std::string po : {"W-ACK1", "W-ACK2", "W-ACK3"}) orders.push_back(Order(po, date));
    orders.push_back(Order("W-ACKED", date, {Line("1", "SKU-A", 3, {Bucket("Acknowledged", 3)})}));
    orders.push_back(Order("W-MULTI", date,
                           {Line("1", "SKU-M1", 2, {Bucket("Acknowledged", 2)}),
                            Line("2", "SKU-M2", 1, {Bucket("Acknowledged", 1)})}));
    orders.push_back(Order(
        "W-MIXED", date, {Line("1", "SKU-X1", 1, {Bucket("Shipped", 1)}), Line("2", "SKU-X2", 1)}));
    orders.push_back(Order(
        "W-CANCELLED", date,
        {Line("1", "SKU-Z", 2,
              {Bucket("Created", 1), Bucket("Cancelled", 1, "SELLER_CANCEL_PRICING_ERROR")})}));
    orders.push_back(
        Order("W-SHIPPED", date,
              {Line("1", "SKU-S", 2, {Bucket("Acknowledged", 1), Bucket("Shipped", 1)})}));
    orders.back().lines[0].product_amount = "10.00";
    orders.back().lines[0].tax_amount = "0.80";
    orders.back().lines[0].shipping_amount = "2.00";
    orders.push_back(Order("W-DIME", date, {Line("1", "SKU-D", 1, {Bucket("Shipped", 1)})}));
    orders.back().lines[0].product_amount = "0.30";
    orders.back().lines[0].tax_amount = "";
    orders.push_back(Order("W-DELIVERED", date, {Line("1", "SKU-V", 1, {Bucket("Delivered", 1)})}));
    orders.push_back(Order("W-WFS", date, {Line("1", "SKU-W", 1, {Bucket("Acknowledged", 1)})}));
    orders.back().ship_node_type = "WFSFulfilled";
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB, {Order("B-1", date)}, dir_.path()), 0);
  }

  // GET /v3/orders/{po} as seller A; null when it is not 200.
  boost::json::value GetOrder(const std::string& po) {
    auto response = Get("/v3/orders/" + po, token_a_);
    EXPECT_EQ(response.status, 200u) << response.body;
    return response.status == 200 ? response.Json() : boost::json::value();
  }

  HttpResponse PostTo(const std::string& po, const std::string& action, const std::string& body) {
    return Post("/v3/orders/" + po + "/" + action, token_a_, body);
  }

  // Expects a 400 INVALID_REQUEST_CONTENT whose description contains `text`
  // and whose field is `field` (either may be empty: not checked).
  void ExpectRejected(const HttpResponse& response, const std::string& text,
                      const std::string& field = "") {
    ExpectWalmartError(response, 400, kContentError);
    if (response.status != 400) return;
    auto json = response.Json();
    const auto& error = json.at("errors").as_array()[0].as_object();
    if (!text.empty()) {
      EXPECT_NE(std::string(error.at("description").as_string()).find(text), std::string::npos)
          << response.body;
    }
    if (!field.empty()) {
      ASSERT_TRUE(error.contains("field")) << response.body;
      EXPECT_EQ(error.at("field").as_string(), field);
    }
  }
};

// --- acknowledge ------------------------------------------------------------

TEST_F(WriteOrdersTest, AcknowledgeMovesCreatedToAcknowledgedAndReturnsTheOrder) {
  std::int64_t before = NowMillis();
  auto response = PostTo("W-CREATED", "acknowledge", "");
  std::int64_t after = NowMillis();
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json();
  ASSERT_EQ(json.as_object().size(), 1u);
  EXPECT_EQ(OrderOf(json).at("purchaseOrderId").as_string(), "W-CREATED");
  const auto& line = LineOf(json, "1");
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 3);
  EXPECT_EQ(QuantityIn(line, "Created"), 0);
  std::int64_t status_date = line.at("statusDate").to_number<std::int64_t>();
  EXPECT_GE(status_date, before);
  EXPECT_LE(status_date, after);
  EXPECT_EQ(GetOrder("W-CREATED"), json);

  // Acknowledging again succeeds and changes nothing.
  auto again = PostTo("W-CREATED", "acknowledge", "");
  ASSERT_EQ(again.status, 200u) << again.body;
  EXPECT_EQ(again.Json(), json);
}

TEST_F(WriteOrdersTest, AcknowledgeAcceptsEmptyBodyEmptyObjectAndNoContentType) {
  auto empty = PostTo("W-ACK1", "acknowledge", "");
  EXPECT_EQ(empty.status, 200u) << empty.body;
  auto object = PostTo("W-ACK2", "acknowledge", "{}");
  EXPECT_EQ(object.status, 200u) << object.body;
  HttpClient client(server_->port());
  auto bare = client.Request("POST", "/v3/orders/W-ACK3/acknowledge", WalmartHeaders(token_a_));
  EXPECT_EQ(bare.status, 200u) << bare.body;
  for (std::string po : {"W-ACK1", "W-ACK2", "W-ACK3"}) {
    auto order = GetOrder(po);
    EXPECT_EQ(QuantityIn(LineOf(order, "1"), "Acknowledged"), 1) << po;
  }
}

TEST_F(WriteOrdersTest, AcknowledgeFailsWhenAnyQtyIsInAHigherStatus) {
  for (std::string po : {"W-MIXED", "W-CANCELLED", "W-SHIPPED"}) {
    SCOPED_TRACE(po);
    auto before = GetOrder(po);
    ExpectRejected(PostTo(po, "acknowledge", ""), "Some or all qty in higher status");
    EXPECT_EQ(GetOrder(po), before);
  }
}

TEST_F(WriteOrdersTest, WalmartFulfilledOrdersCannotBeChangedBySeller) {
  auto before = GetOrder("W-WFS");
  ExpectRejected(PostTo("W-WFS", "acknowledge", ""), "WFS");
  ExpectRejected(PostTo("W-WFS", "shipping", ShipBody({Package("1", 1, "TRK-W")})), "WFS");
  ExpectRejected(PostTo("W-WFS", "cancel", CancelBody("1", 1)), "WFS");
  EXPECT_EQ(GetOrder("W-WFS"), before);
}

TEST_F(WriteOrdersTest, UnknownOrAnotherSellersOrderIs404ForEveryWrite) {
  for (std::string po : {"NO-SUCH-PO", "B-1"}) {
    SCOPED_TRACE(po);
    ExpectWalmartError(PostTo(po, "acknowledge", ""), 404, "NOT_FOUND.GMP_ORDER_API");
    ExpectWalmartError(PostTo(po, "shipping", ShipBody({Package("1", 1, "TRK-404")})), 404,
                       "NOT_FOUND.GMP_ORDER_API");
    ExpectWalmartError(PostTo(po, "cancel", CancelBody("1", 1)), 404, "NOT_FOUND.GMP_ORDER_API");
    ExpectWalmartError(PostTo(po, "refund", RefundBody(po, "1", "-1.00")), 404,
                       "NOT_FOUND.GMP_ORDER_API");
  }
  // Seller B's order is untouched.
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  auto order = Get("/v3/orders/B-1", token_b);
  ASSERT_EQ(order.status, 200u) << order.body;
  EXPECT_EQ(QuantityIn(LineOf(order.Json(), "1"), "Created"), 1);
  EXPECT_EQ(
      LineOf(order.Json(), "1").at("orderLineStatuses").at("orderLineStatus").as_array().size(),
      1u);
}

// --- shipping ---------------------------------------------------------------

TEST_F(WriteOrdersTest, ShippingPartOfALineThenTheRestMakesTwoPackages) {
  std::int64_t before = NowMillis();
  auto first = PostTo("W-ACKED", "shipping", ShipBody({Package("1", 1, "TRK-A")}));
  ASSERT_EQ(first.status, 200u) << first.body;
  {
    auto json = first.Json();
    const auto& line = LineOf(json, "1");
    EXPECT_EQ(QuantityIn(line, "Acknowledged"), 2);
    auto shipped = BucketsOf(line, "Shipped");
    ASSERT_EQ(shipped.size(), 1u);
    EXPECT_EQ(shipped[0].at("statusQuantity").at("amount").as_string(), "1");
    const auto& tracking = shipped[0].at("trackingInfo").as_object();
    EXPECT_EQ(tracking.at("trackingNumber").as_string(), "TRK-A");
    EXPECT_EQ(tracking.at("carrierName").at("carrier").as_string(), "UPS");
    EXPECT_EQ(tracking.at("methodCode").as_string(), "Standard");
    EXPECT_EQ(tracking.at("trackingURL").as_string(), "https://example.com/track/TRK-A");
    EXPECT_GE(line.at("statusDate").to_number<std::int64_t>(), before);
    EXPECT_EQ(GetOrder("W-ACKED"), json);
  }

  PackageSpec rest = Package("1", 2, "TRK-B", "FedEx", "Express");
  auto second = PostTo("W-ACKED", "shipping", ShipBody({rest}));
  ASSERT_EQ(second.status, 200u) << second.body;
  auto json = second.Json();
  const auto& line = LineOf(json, "1");
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0);
  auto shipped = BucketsOf(line, "Shipped");
  ASSERT_EQ(shipped.size(), 2u);
  EXPECT_EQ(shipped[0].at("trackingInfo").at("trackingNumber").as_string(), "TRK-A");
  EXPECT_EQ(shipped[0].at("statusQuantity").at("amount").as_string(), "1");
  EXPECT_EQ(shipped[1].at("trackingInfo").at("trackingNumber").as_string(), "TRK-B");
  EXPECT_EQ(shipped[1].at("trackingInfo").at("carrierName").at("carrier").as_string(), "FedEx");
  EXPECT_EQ(shipped[1].at("trackingInfo").at("methodCode").as_string(), "Express");
  EXPECT_EQ(shipped[1].at("statusQuantity").at("amount").as_string(), "2");
  EXPECT_EQ(GetOrder("W-ACKED"), json);
}

TEST_F(WriteOrdersTest, ShippingSeveralLinesInOneCall) {
  auto response =
      PostTo("W-MULTI", "shipping", ShipBody({Package("1", 2, "TRK-M"), Package("2", 1, "TRK-M")}));
  ASSERT_EQ(response.status, 200u) << response.body;
  auto order = GetOrder("W-MULTI");
  for (std::string number : {"1", "2"}) {
    const auto& line = LineOf(order, number);
    EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0) << number;
    auto shipped = BucketsOf(line, "Shipped");
    ASSERT_EQ(shipped.size(), 1u) << number;
    EXPECT_EQ(shipped[0].at("trackingInfo").at("trackingNumber").as_string(), "TRK-M");
  }
  EXPECT_EQ(QuantityIn(LineOf(order, "1"), "Shipped"), 2);
  EXPECT_EQ(QuantityIn(LineOf(order, "2"), "Shipped"), 1);
}

TEST_F(WriteOrdersTest, OvershipIs400AndChangesNothing) {
  auto acked = GetOrder("W-ACKED");
  ExpectRejected(PostTo("W-ACKED", "shipping", ShipBody({Package("1", 4, "TRK-O")})),
                 "Qty OverShipped");
  // Two packages that only together exceed the line.
  ExpectRejected(PostTo("W-ACKED", "shipping",
                        ShipBody({Package("1", 2, "TRK-O1"), Package("1", 2, "TRK-O2")})),
                 "Qty OverShipped");
  EXPECT_EQ(GetOrder("W-ACKED"), acked);
  // A valid line does not ship when another line of the request fails.
  auto multi = GetOrder("W-MULTI");
  ExpectRejected(
      PostTo("W-MULTI", "shipping", ShipBody({Package("1", 1, "TRK-P"), Package("2", 2, "TRK-P")})),
      "Qty OverShipped");
  EXPECT_EQ(GetOrder("W-MULTI"), multi);
}

TEST_F(WriteOrdersTest, DuplicateLineNumbersAreRejected) {
  auto before = GetOrder("W-MULTI");
  std::string body = ShipBody({Package("1", 1, "TRK-D1"), Package("2", 1, "TRK-D2")});
  size_t line_two = body.find(R"("lineNumber":"2")");
  ASSERT_NE(line_two, std::string::npos);
  body.replace(line_two, 16, R"("lineNumber":"1")");
  ExpectRejected(PostTo("W-MULTI", "shipping", body), "");
  EXPECT_EQ(GetOrder("W-MULTI"), before);
}

TEST_F(WriteOrdersTest, ShippingCreatedQtyIsRejectedByDefault) {
  auto before = GetOrder("W-CREATED");
  ExpectRejected(PostTo("W-CREATED", "shipping", ShipBody({Package("1", 1, "TRK-C")})), "");
  EXPECT_EQ(GetOrder("W-CREATED"), before);
}

TEST_F(WriteOrdersTest, InvalidShippingRequestsAre400AndChangeNothing) {
  auto before = GetOrder("W-ACKED");
  const std::string valid = ShipBody({Package("1", 1, "TRK-1")});
  // `valid` with each (from, to) replacement applied.
  auto edit = [&](std::vector<std::pair<std::string, std::string>> replacements) {
    std::string body = valid;
    for (const auto& [from, to] : replacements) {
      size_t at = body.find(from);
      EXPECT_NE(at, std::string::npos) << from;
      if (at != std::string::npos) body.replace(at, from.size(), to);
    }
    return body;
  };
  const std::pair<std::string, std::string> other_carrier = {R"({"carrier":"UPS"})",
                                                             R"({"otherCarrier":"Local Courier"})"};
  const std::string url = R"(,"trackingURL":"https://example.com/track/TRK-1")";
  {
    SCOPED_TRACE("unknown carrier");
    ExpectRejected(PostTo("W-ACKED", "shipping", ShipBody({Package("1", 1, "TRK-1", "UPSS")})), "",
                   "carrier");
  }
  {
    SCOPED_TRACE("carrier in the wrong case");
    ExpectRejected(PostTo("W-ACKED", "shipping", ShipBody({Package("1", 1, "TRK-1", "ups")})), "",
                   "carrier");
  }
  {
    SCOPED_TRACE("otherCarrier without trackingURL");
    ExpectRejected(PostTo("W-ACKED", "shipping", edit({other_carrier, {url, ""}})), "");
  }
  {
    SCOPED_TRACE("bad methodCode");
    ExpectRejected(
        PostTo("W-ACKED", "shipping", ShipBody({Package("1", 1, "TRK-1", "UPS", "Teleport")})), "",
        "methodCode");
  }
  {
    SCOPED_TRACE("unknown line");
    ExpectRejected(PostTo("W-ACKED", "shipping", ShipBody({Package("9", 1, "TRK-1")})),
                   "does not exist");
  }
  {
    SCOPED_TRACE("missing trackingNumber");
    ExpectRejected(PostTo("W-ACKED", "shipping", edit({{R"(,"trackingNumber":"TRK-1")", ""}})), "");
  }
  {
    SCOPED_TRACE("status other than Shipped");
    ExpectRejected(
        PostTo("W-ACKED", "shipping", edit({{R"("status":"Shipped")", R"("status":"Delivered")"}})),
        "", "status");
  }
  {
    SCOPED_TRACE("zero quantity");
    ExpectRejected(PostTo("W-ACKED", "shipping", ShipBody({Package("1", 0, "TRK-1")})), "");
  }
  {
    SCOPED_TRACE("malformed JSON");
    ExpectRejected(PostTo("W-ACKED", "shipping", valid.substr(0, valid.size() / 2)), "");
  }
  {
    SCOPED_TRACE("no lines");
    ExpectRejected(
        PostTo("W-ACKED", "shipping", R"({"orderShipment":{"orderLines":{"orderLine":[]}}})"), "");
  }
  EXPECT_EQ(GetOrder("W-ACKED"), before);

  // The same otherCarrier with a trackingURL is accepted.
  auto other = PostTo("W-ACKED", "shipping", edit({other_carrier}));
  ASSERT_EQ(other.status, 200u) << other.body;
  auto shipped = BucketsOf(LineOf(other.Json(), "1"), "Shipped");
  ASSERT_EQ(shipped.size(), 1u);
  EXPECT_EQ(shipped[0].at("trackingInfo").at("carrierName").at("otherCarrier").as_string(),
            "Local Courier");
}

class ShipUnacknowledgedTest : public WriteOrdersTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--allow-ship-unacknowledged"}; }
};

TEST_F(ShipUnacknowledgedTest, ShippingCreatedQtyIsAllowedWhenConfigured) {
  auto response = PostTo("W-CREATED", "shipping", ShipBody({Package("1", 1, "TRK-C")}));
  ASSERT_EQ(response.status, 200u) << response.body;
  auto order = GetOrder("W-CREATED");
  const auto& line = LineOf(order, "1");
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
  EXPECT_EQ(QuantityIn(line, "Created"), 2);
  // Overshipping is still refused.
  ExpectRejected(PostTo("W-CREATED", "shipping", ShipBody({Package("1", 3, "TRK-D")})),
                 "Qty OverShipped");
}

// --- cancel -----------------------------------------------------------------

TEST_F(WriteOrdersTest, PartialCancelSplitsTheLineByReason) {
  auto first = PostTo("W-CREATED", "cancel", CancelBody("1", 1, "SELLER_CANCEL_OUT_OF_STOCK"));
  ASSERT_EQ(first.status, 200u) << first.body;
  {
    auto json = first.Json();
    const auto& line = LineOf(json, "1");
    EXPECT_EQ(QuantityIn(line, "Created"), 2);
    auto cancelled = BucketsOf(line, "Cancelled");
    ASSERT_EQ(cancelled.size(), 1u);
    EXPECT_EQ(cancelled[0].at("statusQuantity").at("amount").as_string(), "1");
    EXPECT_EQ(cancelled[0].at("cancellationReason").as_string(), "SELLER_CANCEL_OUT_OF_STOCK");
    EXPECT_EQ(GetOrder("W-CREATED"), json);
  }
  auto second =
      PostTo("W-CREATED", "cancel", CancelBody("1", 2, "SELLER_CANCEL_PRICING_ERROR", "CANCELLED"));
  ASSERT_EQ(second.status, 200u) << second.body;
  auto order = GetOrder("W-CREATED");
  const auto& line = LineOf(order, "1");
  EXPECT_EQ(QuantityIn(line, "Created"), 0);
  EXPECT_EQ(QuantityIn(line, "Cancelled"), 3);
  auto cancelled = BucketsOf(line, "Cancelled");
  ASSERT_EQ(cancelled.size(), 2u);
  std::vector<std::string> reasons;
  for (const auto& bucket : cancelled)
    reasons.emplace_back(bucket.at("cancellationReason").as_string());
  std::sort(reasons.begin(), reasons.end());
  EXPECT_EQ(reasons, (std::vector<std::string>{"SELLER_CANCEL_OUT_OF_STOCK",
                                               "SELLER_CANCEL_PRICING_ERROR"}));
}

TEST_F(WriteOrdersTest, ShippedQtyCannotBeCancelled) {
  auto before = GetOrder("W-SHIPPED");
  ExpectRejected(PostTo("W-SHIPPED", "cancel", CancelBody("1", 2)), "", "statusQuantity");
  EXPECT_EQ(GetOrder("W-SHIPPED"), before);
  // The Acknowledged unit can go; then only the shipped one is left.
  auto open = PostTo("W-SHIPPED", "cancel", CancelBody("1", 1));
  ASSERT_EQ(open.status, 200u) << open.body;
  ExpectRejected(PostTo("W-SHIPPED", "cancel", CancelBody("1", 1)), "", "statusQuantity");
  auto order = GetOrder("W-SHIPPED");
  const auto& line = LineOf(order, "1");
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
  EXPECT_EQ(QuantityIn(line, "Cancelled"), 1);
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0);
}

TEST_F(WriteOrdersTest, InvalidCancelRequestsAre400AndChangeNothing) {
  auto before = GetOrder("W-CREATED");
  ExpectRejected(PostTo("W-CREATED", "cancel", CancelBody("1", 1, "CUSTOMER_CHANGED_MIND")), "",
                 "cancellationReason");
  ExpectRejected(
      PostTo("W-CREATED", "cancel", CancelBody("1", 1, "SELLER_CANCEL_OUT_OF_STOCK", "Canceled")),
      "", "status");
  ExpectRejected(
      PostTo("W-CREATED", "cancel", CancelBody("1", 1, "SELLER_CANCEL_OUT_OF_STOCK", "Shipped")),
      "", "status");
  ExpectRejected(PostTo("W-CREATED", "cancel", CancelBody("7", 1)), "does not exist");
  ExpectRejected(PostTo("W-CREATED", "cancel", CancelBody("1", 4)), "", "statusQuantity");
  ExpectRejected(PostTo("W-CREATED", "cancel", "{\"orderCancellation\":"), "");
  EXPECT_EQ(GetOrder("W-CREATED"), before);
}

// --- refund -----------------------------------------------------------------

TEST_F(WriteOrdersTest, PartialRefundAddsARefundBlockAndKeepsTheStatus) {
  auto before = GetOrder("W-SHIPPED");
  auto response = PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", "-2.00", "-0.16"));
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json();
  const auto& line = LineOf(json, "1");
  const auto& old_line = LineOf(before, "1");
  EXPECT_EQ(line.at("orderLineStatuses"), old_line.at("orderLineStatuses"));
  EXPECT_EQ(line.at("statusDate"), old_line.at("statusDate"));
  ASSERT_TRUE(line.contains("refund")) << response.body;
  const auto& refund = line.at("refund").as_object();
  EXPECT_FALSE(refund.at("refundId").as_string().empty());
  EXPECT_EQ(refund.at("refundComments").as_string(), "test refund");
  const auto& charges = refund.at("refundCharges").at("refundCharge").as_array();
  ASSERT_EQ(charges.size(), 1u);
  EXPECT_EQ(charges[0].at("refundReason").as_string(), "DamagedItem");
  const auto& charge = charges[0].at("charge").as_object();
  EXPECT_EQ(charge.at("chargeType").as_string(), "PRODUCT");
  EXPECT_EQ(Cents(charge.at("chargeAmount").at("amount")), -200);
  EXPECT_EQ(charge.at("chargeAmount").at("currency").as_string(), "USD");
  EXPECT_EQ(Cents(charge.at("tax").at("taxAmount").at("amount")), -16);
  EXPECT_EQ(GetOrder("W-SHIPPED"), json);

  // A second refund is appended to the same block.
  auto again = PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", "-1.00"));
  ASSERT_EQ(again.status, 200u) << again.body;
  auto again_json = again.Json();
  const auto& again_refund = LineOf(again_json, "1").at("refund");
  EXPECT_EQ(again_refund.at("refundId"), refund.at("refundId"));
  EXPECT_EQ(again_refund.at("refundCharges").at("refundCharge").as_array().size(), 2u);
}

TEST_F(WriteOrdersTest, RefundsStayWithinWhatWasCharged) {
  // PRODUCT 10.00 + tax 0.80, SHIPPING 2.00.
  auto before = GetOrder("W-SHIPPED");
  auto refund = [&](const std::string& amount, const std::string& tax,
                    const std::string& type = "PRODUCT") {
    return PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", amount, tax, type));
  };
  ExpectRejected(refund("-10.01", ""), "");
  ExpectRejected(refund("-1.00", "-0.81"), "");
  ExpectRejected(refund("-2.01", "", "SHIPPING"), "");
  ExpectRejected(refund("1.00", ""), "");
  ExpectRejected(refund("0", ""), "");
  ExpectRejected(refund("-1.00", "0.10"), "");
  ExpectRejected(refund("-1.00", "", "FEE"), "");
  ExpectRejected(PostTo("W-SHIPPED", "refund",
                        RefundBody("W-SHIPPED", "1", "-1.00", "", "PRODUCT", "Because")),
                 "", "refundReason");
  EXPECT_EQ(GetOrder("W-SHIPPED"), before);

  EXPECT_EQ(refund("-2.00", "", "SHIPPING").status, 200u);
  EXPECT_EQ(refund("-10.00", "-0.80").status, 200u);
  ExpectRejected(refund("-0.01", ""), "");
  ExpectRejected(refund("-0.01", "", "SHIPPING"), "");
}

TEST_F(WriteOrdersTest, RefundNeedsShippedQtyAndTheSamePurchaseOrderId) {
  auto created = GetOrder("W-CREATED");
  ExpectRejected(PostTo("W-CREATED", "refund", RefundBody("W-CREATED", "1", "-1.00")), "");
  EXPECT_EQ(GetOrder("W-CREATED"), created);

  auto shipped = GetOrder("W-SHIPPED");
  ExpectRejected(PostTo("W-SHIPPED", "refund", RefundBody("W-DIME", "1", "-1.00")), "",
                 "purchaseOrderId");
  ExpectRejected(PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "4", "-1.00")),
                 "does not exist");
  EXPECT_EQ(GetOrder("W-SHIPPED"), shipped);

  // Delivered quantity has been shipped: it can be refunded.
  auto delivered = PostTo("W-DELIVERED", "refund", RefundBody("W-DELIVERED", "1", "-1.00"));
  ASSERT_EQ(delivered.status, 200u) << delivered.body;
  EXPECT_EQ(QuantityIn(LineOf(delivered.Json(), "1"), "Delivered"), 1);
}

TEST_F(WriteOrdersTest, FullRefundRefundsWhateverIsLeft) {
  ASSERT_EQ(PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", "-2.00", "-0.10")).status,
            200u);
  auto response = PostTo("W-SHIPPED", "refund", FullRefundBody("W-SHIPPED", "1"));
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json();
  const auto& line = LineOf(json, "1");
  EXPECT_FALSE(line.at("returnOrderId").as_string().empty());
  std::int64_t product = 0, tax = 0, shipping = 0;
  for (const auto& entry : line.at("refund").at("refundCharges").at("refundCharge").as_array()) {
    const auto& charge = entry.at("charge").as_object();
    std::int64_t amount = Cents(charge.at("chargeAmount").at("amount"));
    (charge.at("chargeType").as_string() == "SHIPPING" ? shipping : product) += amount;
    if (const auto* charge_tax = charge.if_contains("tax"))
      tax += Cents(charge_tax->at("taxAmount").at("amount"));
  }
  EXPECT_EQ(product, -1000);
  EXPECT_EQ(tax, -80);
  EXPECT_EQ(shipping, -200);
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
  // Nothing is left.
  ExpectRejected(PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", "-0.01")), "");
  ExpectRejected(PostTo("W-SHIPPED", "refund", FullRefundBody("W-SHIPPED", "1")), "");
}

TEST_F(WriteOrdersTest, RefundMoneyIsExact) {
  // 0.1 has no exact binary form: three of them must exactly use up 0.30.
  for (int i = 0; i < 3; ++i) {
    auto response = PostTo("W-DIME", "refund", RefundBody("W-DIME", "1", "-0.1"));
    ASSERT_EQ(response.status, 200u) << i << ": " << response.body;
  }
  ExpectRejected(PostTo("W-DIME", "refund", RefundBody("W-DIME", "1", "-0.01")), "");
  auto order = GetOrder("W-DIME");
  // Sub-cent amounts are refused rather than rounded.
  ExpectRejected(PostTo("W-DIME", "refund", RefundBody("W-DIME", "1", "-0.001")), "");
  ExpectRejected(PostTo("W-SHIPPED", "refund", RefundBody("W-SHIPPED", "1", "-0.005")), "");
  EXPECT_EQ(GetOrder("W-DIME"), order);
  const auto& charges =
      LineOf(order, "1").at("refund").at("refundCharges").at("refundCharge").as_array();
  ASSERT_EQ(charges.size(), 3u);
  for (const auto& charge : charges)
    EXPECT_EQ(Cents(charge.at("charge").at("chargeAmount").at("amount")), -10);
}

}  // namespace
}  // namespace mporders::testing
