// Mexico's API over real HTTP: an MX order from arrival to delivery, in the
// shapes of mx_mp_orders.json.

#include <gtest/gtest.h>

#include "api/mx_fixture.h"

namespace mporders::testing {
namespace {

namespace json = boost::json;

const json::object& Line(const json::object& order, std::size_t index) {
  return order.at("orderLines").as_array().at(index).as_object();
}

// (status, quantity, statusCode or "-") of each orderLineStatus entry.
std::vector<std::string> Statuses(const json::object& line) {
  std::vector<std::string> out;
  for (const auto& entry : line.at("orderLineStatus").as_array()) {
    const auto& s = entry.as_object();
    out.push_back(std::string(s.at("status").as_string()) + " " +
                  std::string(s.at("statusQuantity").at("amount").as_string()) + " " +
                  (s.contains("statusCode") ? std::string(s.at("statusCode").as_string()) : "-"));
  }
  return out;
}

const json::object* ShipmentWithTracking(const json::object& order, const std::string& tracking) {
  for (const auto& shipment : order.at("shipments").as_array()) {
    const auto& s = shipment.as_object();
    if (s.contains("trackingNumber") && s.at("trackingNumber").as_string() == tracking) return &s;
  }
  return nullptr;
}

std::string AckBody(const std::string& line, int quantity) {
  return R"({"orderAcknowledge":{"orderLines":{"orderLine":[{"lineNumber":")" + line +
         R"(","orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":")" +
         std::to_string(quantity) + R"("}}]}}]}}})";
}

class MxLifecycleTest : public MxApiTest {};

TEST_F(MxLifecycleTest, NewOrderHasWalmartsMxShape) {
  PostMxOrders({MxOrderDocument("P100000001", "20261204001", 60)});
  auto response = MxGet("/v3/orders");
  ASSERT_EQ(response.status, 200u) << response.body;
  auto body = response.Json().as_object();
  EXPECT_FALSE(body.contains("list"));
  EXPECT_EQ(body.at("meta").at("totalCount").as_int64(), 1);
  EXPECT_EQ(body.at("meta").at("limit").as_int64(), 10);
  const auto& order = body.at("order").as_array().at(0).as_object();
  EXPECT_EQ(order.at("purchaseOrderId").as_string(), "P100000001");
  EXPECT_EQ(order.at("totalLines").as_string(), "2");
  EXPECT_EQ(order.at("totalQuantity").as_string(), "5");
  EXPECT_EQ(order.at("rfc").as_string(), "LOPM800101AB1");
  EXPECT_EQ(order.at("cfdi").as_string(), "G01");
  EXPECT_EQ(order.at("paymentMethod").as_string(), "CREDIT");
  EXPECT_EQ(order.at("orderTotal").at("amount").as_string(), "35995");
  EXPECT_EQ(order.at("billingInfo").at("postalAddress").at("state").as_string(), "CDMX");
  EXPECT_EQ(order.at("shippingInfo").at("postalAddress").at("address3").as_string(),
            "Crédito Constructor");
  EXPECT_TRUE(order.at("orderDate").as_string().ends_with("-06:00"));

  const auto& line = Line(order, 0);
  EXPECT_EQ(line.at("primeLineNumber").as_string(), "1");
  EXPECT_EQ(line.at("coLineNumber").as_string(), "1");
  EXPECT_EQ(line.at("soPrimeLineSubLineNo").as_string(), "20261204001-1-1");
  EXPECT_EQ(line.at("item").at("unitPrice").at("amount").as_string(), "7199");
  EXPECT_EQ(line.at("orderLineQuantity").at("amount").as_string(), "3");
  const auto& charges = line.at("charges").as_array();
  ASSERT_EQ(charges.size(), 3u);
  EXPECT_EQ(charges[1].at("chargeType").as_string(), "DISCOUNT");
  EXPECT_EQ(charges[1].at("chargeAmount").at("amount").as_string(), "-30.17");
  EXPECT_FALSE(charges[2].as_object().contains("chargeAmount"));
  EXPECT_EQ(charges[2].at("tax").as_array().size(), 2u);
  EXPECT_EQ(charges[2].at("tax").at(0).at("taxName").as_string(), "IVA_TAX");
  EXPECT_EQ(charges[2].at("tax").at(0).at("taxAmount").at("amount").as_string(), "988.14");
  EXPECT_EQ(Statuses(line), (std::vector<std::string>{"Created 3 3350"}));

  // Walmart opened one shipment per line, with carrier and tracking number.
  const auto& shipments = order.at("shipments").as_array();
  ASSERT_EQ(shipments.size(), 2u);
  for (const auto& shipment : shipments) {
    EXPECT_EQ(shipment.at("status").as_string(), "Shipment Created");
    EXPECT_EQ(shipment.at("carrier").as_string(), "MX-FEDX");
    EXPECT_EQ(shipment.at("isSellerOwnedShipment").as_string(), "N");
    EXPECT_FALSE(shipment.at("trackingNumber").as_string().empty());
    EXPECT_TRUE(
        shipment.at("shipmentAdditionalDate").as_object().contains("expectedShipmentACKDate"));
  }
  EXPECT_EQ(shipments[1].at("shipmentLines").at(0).at("primeLineNo").as_string(), "2");
  EXPECT_EQ(shipments[1].at("shipmentLines").at(0).at("quantity").at("amount").as_string(), "2");
}

TEST_F(MxLifecycleTest, AcknowledgeShipDeliverCancel) {
  const std::string po = "P100000002";
  PostMxOrders({MxOrderDocument(po, "20261204002", 30)});

  // Acknowledge part of line 1, all of line 2.
  auto ack = MxPost("/v3/orders/" + po + "/acknowledge", AckBody("1", 2));
  ASSERT_EQ(ack.status, 202u) << ack.body;
  EXPECT_TRUE(ack.Json().is_string());
  ASSERT_EQ(MxPost("/v3/orders/" + po + "/acknowledge", AckBody("2", 2)).status, 202u);
  auto order = MxOrder(po);
  EXPECT_EQ(Statuses(Line(order, 0)),
            (std::vector<std::string>{"Created 1 3350", "Acknowledged 2 3350.10"}));
  EXPECT_EQ(Statuses(Line(order, 1)), (std::vector<std::string>{"Acknowledged 2 3350.10"}));
  EXPECT_TRUE(order.at("shipments")
                  .at(0)
                  .at("shipmentAdditionalDate")
                  .as_object()
                  .contains("shipmentACKDate"));
  // Acknowledging more than is Created fails with Mexico's error body.
  ExpectMxError(MxPost("/v3/orders/" + po + "/acknowledge", AckBody("2", 1)), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");

  // Unacknowledged quantity cannot ship, nor more than is open.
  const std::string over =
      R"({"shipments":[{"shipmentLines":[{"primeLineNo":"1","shipmentLineNo":"1","quantity":{"unitOfMeasurement":"EACH","amount":"3"}}],"trackingNumber":"MXA100","carrier":"MX-DHL"}]})";
  ExpectMxError(MxPost("/v3/orders/" + po + "/ship", over), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  const std::string no_url =
      R"({"shipments":[{"shipmentLines":[{"primeLineNo":"1","shipmentLineNo":"1","quantity":{"unitOfMeasurement":"EACH","amount":"1"}}],"trackingNumber":"MXA100","carrier":"Other"}]})";
  ExpectMxError(MxPost("/v3/orders/" + po + "/ship", no_url), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");

  // One multi-item shipment (line 1 + line 2) and line 1's other unit in a
  // second package.
  const std::string ship =
      R"({"shipments":[)"
      R"({"shipmentLines":[{"primeLineNo":"1","shipmentLineNo":"1","quantity":{"unitOfMeasurement":"EACH","amount":"1"}},)"
      R"({"primeLineNo":"2","shipmentLineNo":"2","quantity":{"unitOfMeasurement":"EACH","amount":"2"}}],)"
      R"("trackingNumber":"MXA100","carrier":"MX-DHL"},)"
      R"({"shipmentLines":[{"primeLineNo":"1","shipmentLineNo":"1","quantity":{"unitOfMeasurement":"EACH","amount":"1"}}],)"
      R"("trackingNumber":"MXB200","trackingURL":"https://paqueteria.example.mx/MXB200","carrier":"Other"}]})";
  auto shipped = MxPost("/v3/orders/" + po + "/ship", ship);
  ASSERT_EQ(shipped.status, 202u) << shipped.body;
  order = MxOrder(po);
  EXPECT_EQ(Statuses(Line(order, 0)),
            (std::vector<std::string>{"Created 1 3350", "Shipped 1 3700", "Shipped 1 3700"}));
  EXPECT_EQ(Statuses(Line(order, 1)), (std::vector<std::string>{"Shipped 2 3700"}));
  const json::object* a = ShipmentWithTracking(order, "MXA100");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->at("status").as_string(), "Shipment Shipped");
  EXPECT_EQ(a->at("carrier").as_string(), "MX-DHL");
  EXPECT_EQ(a->at("shipmentLines").as_array().size(), 2u);
  EXPECT_TRUE(a->at("packageNo").as_string().ends_with("_1"));
  EXPECT_TRUE(a->at("shipmentAdditionalDate").as_object().contains("shipmentShippedDate"));
  const json::object* b = ShipmentWithTracking(order, "MXB200");
  ASSERT_NE(b, nullptr);
  EXPECT_EQ(b->at("trackingUrl").as_string(), "https://paqueteria.example.mx/MXB200");

  // Delivery of the multi-item package.
  const std::string deliver =
      R"({"packages":[{"trackingNo":"MXA100","eventTime":"1764849600000","eventName":"DELIVERY_UPDATE","purchaseOrderNo":")" +
      po + R"("}]})";
  auto delivered = MxPost("/v3/orders/" + po + "/deliver", deliver);
  ASSERT_EQ(delivered.status, 202u) << delivered.body;
  order = MxOrder(po);
  EXPECT_EQ(Statuses(Line(order, 0)),
            (std::vector<std::string>{"Created 1 3350", "Shipped 1 3700", "Delivered 1 -"}));
  EXPECT_EQ(Statuses(Line(order, 1)), (std::vector<std::string>{"Delivered 2 -"}));
  ExpectMxError(MxPost("/v3/orders/" + po + "/deliver", deliver), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");

  // Cancel the rest (free-text reason).
  const std::string cancel =
      R"({"orderCancellation":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Cancelled","cancellationReason":"SELLER REJECTION","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}}})";
  ASSERT_EQ(MxPost("/v3/orders/" + po + "/cancel", cancel).status, 202u);
  order = MxOrder(po);
  const auto& line = Line(order, 0);
  EXPECT_EQ(Statuses(line),
            (std::vector<std::string>{"Shipped 1 3700", "Delivered 1 -", "Cancelled 1 9000"}));
  EXPECT_EQ(line.at("orderLineStatus").at(2).at("cancellationReason").as_string(),
            "SELLER REJECTION");
  // Nothing left open: Walmart's open shipments are closed.
  for (const auto& shipment : order.at("shipments").as_array()) {
    EXPECT_NE(shipment.at("status").as_string(), "Shipment Created") << json::serialize(shipment);
  }
  ExpectMxError(MxPost("/v3/orders/" + po + "/cancel", cancel), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
}

TEST_F(MxLifecycleTest, UnknownOrderAndBadBodiesAnswerMexicosErrorBody) {
  ExpectMxError(MxPost("/v3/orders/P-NONE/acknowledge", AckBody("1", 1)), 404,
                "NOT_FOUND.GMP_ORDER_API");
  ExpectMxError(MxPost("/v3/orders/P-NONE/ship", "{not json"), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectMxError(MxPost("/v3/orders/P-NONE/ship", R"({"shipments":[]})"), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  // Mexico has no refunds and no /shipping.
  ExpectMxError(MxPost("/v3/orders/P-NONE/refund", "{}"), 404, "URI_NOT_FOUND.GMP_ORDER_API");
  // Before authentication, WM_MARKET: MX already selects Mexico's body.
  HttpClient client(server_->port());
  Headers headers = {{"WM_QOS.CORRELATION_ID", "c1"}, {"WM_SVC.NAME", "test"}, {"WM_MARKET", "MX"}};
  ExpectMxError(client.Request("GET", "/v3/orders", headers), 401, "UNAUTHORIZED.GMP_ORDER_API");
}

TEST_F(MxLifecycleTest, TokenDetailTakesBasicCredentials) {
  HttpClient client(server_->port());
  Headers headers = {{"WM_QOS.CORRELATION_ID", "c1"},
                     {"WM_SVC.NAME", "test"},
                     {"Authorization", "Basic " + Base64(std::string(kMxClient) + ":" + kSecret)}};
  auto detail = client.Request("GET", "/v3/token/detail", headers);
  ASSERT_EQ(detail.status, 200u) << detail.body;
  auto json = detail.Json();
  EXPECT_TRUE(json.at("is_valid").as_bool());
  const std::int64_t issued = std::stoll(std::string(json.at("issued_at").as_string()));
  const std::int64_t expires = std::stoll(std::string(json.at("expire_at").as_string()));
  EXPECT_EQ(expires - issued, 900000);
  headers.back().second = "Basic " + Base64(std::string(kMxClient) + ":wrong-secret");
  EXPECT_EQ(client.Request("GET", "/v3/token/detail", headers).status, 401u);
}

TEST_F(MxLifecycleTest, UsSellersAreUntouched) {
  PostMxOrders({MxOrderDocument("P100000003", "20261204003", 30)});
  // Seller A (US) sees none of it, with the US list error body.
  ExpectWalmartError(Get("/v3/orders", token_a_), 404, "NOT_FOUND.GMP_ORDER_API");
  // An MX document is refused for a US seller.
  auto refused = Control("POST", std::string(kSellerA) + "/orders",
                         R"({"order":)" + MxOrderDocument("P100000004", "1", 30) + "}");
  EXPECT_EQ(refused.status, 400u) << refused.body;
}

}  // namespace
}  // namespace mporders::testing
