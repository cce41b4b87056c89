#include "codec/ca/ca_commands.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders {
namespace {

constexpr std::string_view kShipJson = R"({"orderLines":{"orderLine":[{"lineNumber":"1",
  "shipFromCountry":"CA","orderLineStatuses":{"orderLineStatus":[
  {"status":"SHIPPED","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
   "trackingInfo":{"shipDateTime":"2016-06-27T05:30:15.000Z","carrierName":{"carrier":"CANPAR"},
   "methodCode":"ONE_DAY","trackingNumber":"A1"}},
  {"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
   "trackingInfo":{"shipDateTime":"2016-06-27T05:30:15.000Z","carrierName":{"carrier":"CANPAR"},
   "methodCode":"Standard","trackingNumber":"A2"}}]}}]}})";

TEST(CaCommands, ShippingJsonBareObject) {
  auto command = ca::DecodeShipCommandJson(kShipJson);
  ASSERT_TRUE(command.ok()) << command.status().ToString();
  ASSERT_EQ(command->lines.size(), 1u);
  EXPECT_EQ(command->lines[0].ship_from_country, "CA");
  ASSERT_EQ(command->lines[0].packages.size(), 2u);
  EXPECT_EQ(command->lines[0].packages[0].tracking_info.method_code, "OneDay");
  EXPECT_EQ(command->lines[0].packages[1].tracking_info.method_code, "Standard");
  EXPECT_EQ(command->lines[0].packages[0].tracking_info.ship_date_time, 1467005415000);
}

TEST(CaCommands, ShippingJsonInTheUsEnvelope) {
  auto command = ca::DecodeShipCommandJson("{\"orderShipment\":" + std::string(kShipJson) + "}");
  ASSERT_TRUE(command.ok()) << command.status().ToString();
  EXPECT_EQ(command->lines.at(0).ship_from_country, "CA");
}

TEST(CaCommands, ShipFromCountryIsRequiredAndChecked) {
  std::string missing(kShipJson);
  missing.replace(missing.find("\"shipFromCountry\":\"CA\","), 23, "");
  auto command = ca::DecodeShipCommandJson(missing);
  ASSERT_FALSE(command.ok());
  EXPECT_EQ(command.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(command.status().field(), "orderShipment.orderLines.orderLine[0].shipFromCountry");

  for (std::string_view bad : {"\"ca\"", "\"CAN\"", "\"XX\"", "12"}) {
    std::string text(kShipJson);
    text.replace(text.find("\"CA\""), 4, bad);
    auto refused = ca::DecodeShipCommandJson(text);
    ASSERT_FALSE(refused.ok()) << bad;
    EXPECT_EQ(refused.status().field(), "orderShipment.orderLines.orderLine[0].shipFromCountry");
  }
}

TEST(CaCommands, ShippingXml) {
  constexpr std::string_view kXml =
      R"(<ns2:orderShipment xmlns:ns2="http://walmart.com/mp/v3/orders"><ns2:orderLines>)"
      R"(<ns2:orderLine><ns2:lineNumber>2</ns2:lineNumber><ns2:shipFromCountry>US)"
      R"(</ns2:shipFromCountry><ns2:orderLineStatuses><ns2:orderLineStatus>)"
      R"(<ns2:status>Shipped</ns2:status><ns2:statusQuantity><ns2:unitOfMeasurement>Each)"
      R"(</ns2:unitOfMeasurement><ns2:amount>1</ns2:amount></ns2:statusQuantity>)"
      R"(<ns2:trackingInfo><ns2:shipDateTime>2016-06-27T05:30:15.000Z</ns2:shipDateTime>)"
      R"(<ns2:carrierName><ns2:carrier>LETTERMAIL</ns2:carrier></ns2:carrierName>)"
      R"(<ns2:methodCode>WHITE_GLOVE</ns2:methodCode></ns2:trackingInfo>)"
      R"(</ns2:orderLineStatus></ns2:orderLineStatuses></ns2:orderLine></ns2:orderLines>)"
      R"(</ns2:orderShipment>)";
  auto command = ca::DecodeShipCommandXml(kXml);
  ASSERT_TRUE(command.ok()) << command.status().ToString();
  EXPECT_EQ(command->lines.at(0).ship_from_country, "US");
  EXPECT_EQ(command->lines.at(0).packages.at(0).tracking_info.method_code, "WhiteGlove");
  EXPECT_EQ(command->lines.at(0).packages.at(0).tracking_info.carrier_name.carrier, "LETTERMAIL");
}

TEST(CaCommands, CancelAndRefundBareJson) {
  auto cancel = ca::DecodeCancelCommandJson(
      R"({"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[)"
      R"({"status":"CANCELLED","cancellationReason":"CANCEL_BY_SELLER",)"
      R"("statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}})");
  ASSERT_TRUE(cancel.ok()) << cancel.status().ToString();
  EXPECT_EQ(cancel->lines.at(0).portions.at(0).cancellation_reason, "CANCEL_BY_SELLER");

  auto refund = ca::DecodeRefundCommandJson(
      R"({"purchaseOrderId":"P1","orderLines":{"orderLine":[{"lineNumber":"1","refunds":{)"
      R"("refund":[{"refundComments":"late","refundCharges":{"refundCharge":[{"refundReason":)"
      R"("CustomerReceivedItemLate","charge":{"chargeType":"PRODUCT","chargeName":"ItemPrice",)"
      R"("chargeAmount":{"currency":"CAD","amount":-2.50}}}]}}]}}]}})");
  ASSERT_TRUE(refund.ok()) << refund.status().ToString();
  EXPECT_EQ(refund->purchase_order_id, "P1");
  EXPECT_EQ(refund->lines.at(0).refunds.at(0).refund_charges.at(0).charge.charge_amount.minor,
            -250);
}

}  // namespace
}  // namespace mporders
