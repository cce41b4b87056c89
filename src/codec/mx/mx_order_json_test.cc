#include "codec/mx/mx_order_json.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "codec/order_json.h"
#include "domain/mx_lifecycle.h"

namespace mporders {
namespace {

// Walmart's own example order (mx_mp_orders.json, GET /v3/orders), one line.
constexpr char kExample[] = R"({
  "purchaseOrderId": "P100263684", "customerOrderId": "20210420154",
  "customerEmailId": "Amrit.Krishan@walmartlabs.com", "orderDate": "2021-04-20T08:43:33.000-05:00",
  "shippingInfo": {"phone": "57657657657654", "estimatedDeliveryDate": "2021-04-21T05:22:18.000-05:00",
    "postalAddress": {"name": "Leonardo Da Messi", "address1": "calle panoramica #5154",
      "address2": "P.O. Box: 44252", "address3": "NOCHISTLAN", "address4": "NOCHISTLAN DE MEJIA",
      "city": "NOCHISTLAN DE MEJIA", "state": "ZACATECAS", "postalCode": "66450", "country": "MX"}},
  "billingInfo": {"phone": "57657657657654", "postalAddress": {"name": "Sindhucard",
    "address1": "calle panoramica #5152", "address3": "LOS ALPES", "city": "CIUDAD DE MEXICO",
    "state": "DISTRITO FEDERAL", "postalCode": "01010", "country": "MX"}},
  "totalLines": "1", "totalQuantity": "1",
  "orderLines": [{"primeLineNumber": "1", "coLineNumber": "1",
    "item": {"upc": "00009785509713", "offerId": "7A7A", "productName": "G600",
      "sku": "2188_00009785509713", "condition": "New", "unitPrice": {"currency": "MXN", "amount": "7199"}},
    "charges": [
      {"chargeType": "SHIPPING", "chargeName": "SHIPPING_CH", "chargeAmount": {"currency": "MXN", "amount": "20"},
       "tax": [{"taxName": "SHIP_IVA_TAX", "taxAmount": {"currency": "MXN", "amount": "10"}}]},
      {"chargeType": "DISCOUNT", "chargeName": "COUPON_DISC", "chargeAmount": {"currency": "MXN", "amount": "-30.17"}},
      {"chargeType": "PRODUCT", "chargeName": "ItemPrice", "tax": [
        {"taxName": "IVA_TAX", "taxAmount": {"currency": "MXN", "amount": "988.14"}},
        {"taxName": "IEPS_TAX", "taxAmount": {"currency": "MXN", "amount": "0"}}]}],
    "orderLineQuantity": {"unitOfMeasurement": "EACH", "amount": "1"},
    "orderLineStatus": [{"status": "Acknowledged", "statusCode": "3350.10",
      "statusDate": "2021-04-21T05:23:57.000-05:00", "statusQuantity": {"unitOfMeasurement": "EACH", "amount": "1"}}],
    "shippingMethod": "STANDARD", "soPrimeLineSubLineNo": "20210420154-1-1",
    "promiseDeliveryDate": "2021-04-20T08:43:33.000-05:00", "isMSIEnabled": "N",
    "seller": {"id": "10900025367", "name": "NEW COMPANY NAME", "shipNodeType": "PangaeaMarketplace"}}],
  "shipments": [{"shipmentLines": [{"primeLineNo": "1", "shipmentLineNo": "1",
      "quantity": {"unitOfMeasurement": "EACH", "amount": "1"}}],
    "shipmentNo": "778315133", "packageNo": "778315133", "isSellerOwnedShipment": "N", "carrier": "MX-FEDX",
    "shipmentAdditionalDate": {"shipmentActualCreatedDate": "2021-04-21T05:22:21.000-05:00",
      "expectedShipmentACKDate": "2021-04-23T05:22:20.000-05:00"}}],
  "orderTotal": {"currency": "MXN", "amount": "14398"}, "rfc": "EUPD8309134N4",
  "paymentMethod": "CREDIT", "cfdi": "G01"})";

TEST(MxOrderJsonTest, DecodesWalmartsExample) {
  auto order = DecodeMxOrderJson(kExample);
  ASSERT_TRUE(order.ok()) << order.status().description();
  ASSERT_TRUE(order->mx.has_value());
  EXPECT_EQ(order->mx->rfc, "EUPD8309134N4");
  EXPECT_EQ(order->mx->order_total->minor, 1439800);
  EXPECT_EQ(order->mx->shipping_more_lines.lines,
            (std::vector<std::string>{"NOCHISTLAN", "NOCHISTLAN DE MEJIA"}));
  const OrderLine& line = order->order_lines.at(0);
  EXPECT_EQ(line.line_number, "1");
  ASSERT_EQ(line.mx->charges.size(), 3u);
  EXPECT_EQ(line.mx->charges[1].charge_amount->minor, -3017);
  EXPECT_FALSE(line.mx->charges[2].charge_amount.has_value());
  EXPECT_EQ(line.mx->charges[2].taxes.size(), 2u);
  EXPECT_EQ(line.statuses.at(0).status, LineStatus::kAcknowledged);
  EXPECT_EQ(order->mx->shipments.at(0).shipment_no, "778315133");
}

TEST(MxOrderJsonTest, EncodesMexicosShape) {
  auto order = DecodeMxOrderJson(kExample);
  ASSERT_TRUE(order.ok());
  auto json = boost::json::parse(EncodeMxOrderJson(*order));
  const auto& o = json.as_object();
  EXPECT_EQ(o.at("orderDate").as_string(), "2021-04-20T07:43:33.000-06:00");
  EXPECT_EQ(o.at("totalLines").as_string(), "1");
  EXPECT_EQ(o.at("orderTotal").at("amount").as_string(), "14398");
  const auto& line = o.at("orderLines").at(0).as_object();
  EXPECT_EQ(line.at("charges").at(1).at("chargeAmount").at("amount").as_string(), "-30.17");
  EXPECT_EQ(line.at("orderLineStatus").at(0).at("statusCode").as_string(), "3350.10");
  EXPECT_EQ(line.at("soPrimeLineSubLineNo").as_string(), "20210420154-1-1");
  EXPECT_EQ(o.at("shippingInfo").at("postalAddress").at("address4").as_string(),
            "NOCHISTLAN DE MEJIA");
  EXPECT_FALSE(o.contains("labelDate"));
  // Decoding what was encoded gives the same order.
  auto again = DecodeMxOrderJson(EncodeMxOrderJson(*order));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *order);
}

TEST(MxOrderJsonTest, StoredFormRoundTripsThroughTheUsFullView) {
  auto order = DecodeMxOrderJson(kExample);
  ASSERT_TRUE(order.ok());
  OpenMxShipments(*order, 1700000000000);
  ASSERT_TRUE(MarkMxLabelPrinted(*order, *order->mx->shipments[0].tracking_number, 1700000001000));
  order->mx->shipments[0].delivered_date = 1700000002000;
  std::string stored;
  AppendOrderJson(stored, *order, OrderView::Full());
  auto back = DecodeOrderJson(stored);
  ASSERT_TRUE(back.ok()) << back.status().description();
  EXPECT_EQ(*back, *order);
  // API answers of the US codec never carry Mexico's data.
  EXPECT_EQ(EncodeOrderResponseJson(*order, OrderView{true, true}).find("mxOrder"),
            std::string::npos);
  EXPECT_NE(stored.find("mxOrder"), std::string::npos);
}

TEST(MxOrderJsonTest, ReadyToShipIsWrittenForLabelledAcknowledgedUnits) {
  auto order = DecodeMxOrderJson(kExample);
  ASSERT_TRUE(order.ok());
  order->mx->shipments[0].tracking_number = "123456789012";
  ASSERT_TRUE(MarkMxLabelPrinted(*order, "123456789012", 1));
  auto json = boost::json::parse(EncodeMxOrderJson(*order));
  const auto& status = json.at("orderLines").at(0).at("orderLineStatus").at(0).as_object();
  EXPECT_EQ(status.at("status").as_string(), "Ready to ship");
  EXPECT_FALSE(status.contains("statusCode"));
}

TEST(MxOrderJsonTest, RejectsMissingAndMistypedMembers) {
  EXPECT_EQ(DecodeMxOrderJson("{").status().code(), ErrorCode::kMalformedRequestContent);
  auto missing = DecodeMxOrderJson(
      R"({"purchaseOrderId":"P1","customerOrderId":"C","orderDate":"2021-04-20T08:43:33Z"})");
  EXPECT_EQ(missing.status().field(), "orderLines");
  auto bad_amount = DecodeMxOrderJson(
      R"({"purchaseOrderId":"P1","customerOrderId":"C","orderDate":"2021-04-20T08:43:33Z","orderTotal":{"amount":"x"},"orderLines":[]})");
  EXPECT_FALSE(bad_amount.ok());
}

}  // namespace
}  // namespace mporders
