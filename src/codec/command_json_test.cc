#include "codec/command_json.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders {
namespace {

// The shipping example of the behaviour reference (section 7.6).
constexpr const char* kShipBody = R"({ "orderShipment": {
    "orderLines": { "orderLine": [ {
        "lineNumber": "1",
        "sellerOrderId": "SO-92344",
        "orderLineStatuses": { "orderLineStatus": [ {
            "status": "Shipped",
            "statusQuantity": { "unitOfMeasurement": "EACH", "amount": "1" },
            "trackingInfo": {
                "shipDateTime": 1716200000000,
                "carrierName": { "carrier": "UPS" },
                "methodCode": "Standard",
                "trackingNumber": "1Z999AA10123456784",
                "trackingURL": "https://www.ups.com/track?tracknum=1Z999AA10123456784" } } ] } } ] } } })";

// The requestBody example of the spec's shipping endpoint: two lines, one
// tracking number, return centre addresses, intentToCancelOverride.
constexpr const char* kSpecShipBody = R"({"orderShipment":{"orderLines":{"orderLine":[
 {"lineNumber":"1","intentToCancelOverride":false,"sellerOrderId":"92344",
  "orderLineStatuses":{"orderLineStatus":[{"status":"Shipped",
   "statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
   "trackingInfo":{"shipDateTime":1580821866000,"carrierName":{"carrier":"UPS"},"methodCode":"Standard",
     "trackingNumber":"22344","trackingURL":"http://walmart/tracking/ups?&type=MP&seller_id=12345&promise_date=03/02/2020&dzip=92840&tracking_numbers=92345"},
   "returnCenterAddress":{"name":"walmart","address1":"walmart store 2","city":"Huntsville","state":"AL",
     "postalCode":"35805","country":"USA","dayPhone":"12344","emailId":"walmart@walmart.com"}}]}},
 {"lineNumber":"2","sellerOrderId":"92344",
  "orderLineStatuses":{"orderLineStatus":[{"status":"Shipped",
   "statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
   "trackingInfo":{"shipDateTime":1580821866000,"carrierName":{"carrier":"FedEx"},"methodCode":"Express",
     "trackingNumber":"22344","trackingURL":"http://walmart/tracking/fedEx?&type=MP&seller_id=12345&promise_date=03/02/2020&dzip=92840&tracking_numbers=92344"},
   "returnCenterAddress":{"name":"walmart","address1":"walmart store 2","city":"Huntsville","state":"AL",
     "postalCode":"35805","country":"USA","dayPhone":"12344","emailId":"walmart@walmart.com"}}]}}]}}})";

// The cancel example of the behaviour reference (section 7.5).
constexpr const char* kCancelBody = R"({ "orderCancellation": { "orderLines": { "orderLine": [ {
    "lineNumber": "1",
    "orderLineStatuses": { "orderLineStatus": [ {
        "status": "Cancelled",
        "cancellationReason": "SELLER_CANCEL_OUT_OF_STOCK",
        "statusQuantity": { "unitOfMeasurement": "EACH", "amount": "1" } } ] } } ] } } })";

// The refund example of the behaviour reference (section 7.7).
constexpr const char* kRefundBody = R"({ "orderRefund": {
    "purchaseOrderId": "108000000000001",
    "orderLines": { "orderLine": [ {
        "lineNumber": "1",
        "isFullRefund": false,
        "refunds": { "refund": [ {
            "refundComments": "damaged on arrival",
            "refundCharges": { "refundCharge": [ {
                "refundReason": "DamagedItem",
                "charge": { "chargeType": "PRODUCT", "chargeName": "Item Price",
                            "chargeAmount": { "currency": "USD", "amount": -5.00 },
                            "tax": { "taxName": "Item Price Tax",
                                     "taxAmount": { "currency": "USD", "amount": -0.40 } } } } ] } } ] } } ] } } })";

// Returns `body` with the first occurrence of `from` replaced by `to`.
std::string Replace(std::string body, std::string_view from, std::string_view to) {
  const std::size_t at = body.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) body.replace(at, from.size(), to);
  return body;
}

template <typename T>
void ExpectInvalid(const Result<T>& result, const std::string& field) {
  ASSERT_FALSE(result.ok()) << "accepted, expected error at " << field;
  EXPECT_EQ(result.status().code(), ErrorCode::kInvalidRequestContent)
      << result.status().ToString();
  EXPECT_EQ(result.status().field(), field) << result.status().ToString();
  EXPECT_FALSE(result.status().description().empty());
}

constexpr const char* kShipStatus0 =
    "orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0]";

TEST(ShipCommandJsonTest, DecodesReferenceExample) {
  Result<ShipCommand> cmd = DecodeShipCommandJson(kShipBody);
  ASSERT_TRUE(cmd.ok()) << cmd.status().ToString();
  EXPECT_FALSE(cmd->process_mode.has_value());
  ASSERT_EQ(cmd->lines.size(), 1u);
  const ShipLine& line = cmd->lines[0];
  EXPECT_EQ(line.line_number, "1");
  EXPECT_EQ(line.seller_order_id, "SO-92344");
  EXPECT_FALSE(line.intent_to_cancel_override);
  ASSERT_EQ(line.packages.size(), 1u);
  const ShipPackage& pkg = line.packages[0];
  EXPECT_EQ(pkg.quantity, 1);
  EXPECT_EQ(pkg.status, "Shipped");
  EXPECT_EQ(pkg.tracking_info.ship_date_time, 1716200000000);
  EXPECT_EQ(pkg.tracking_info.carrier_name.carrier, "UPS");
  EXPECT_EQ(pkg.tracking_info.method_code, "Standard");
  EXPECT_EQ(pkg.tracking_info.tracking_number, "1Z999AA10123456784");
  EXPECT_EQ(pkg.tracking_info.tracking_url,
            "https://www.ups.com/track?tracknum=1Z999AA10123456784");
  EXPECT_FALSE(pkg.return_center_address.has_value());
  EXPECT_FALSE(pkg.current_tracking_number.has_value());
}

TEST(ShipCommandJsonTest, DecodesSpecExample) {
  Result<ShipCommand> cmd = DecodeShipCommandJson(kSpecShipBody);
  ASSERT_TRUE(cmd.ok()) << cmd.status().ToString();
  ASSERT_EQ(cmd->lines.size(), 2u);
  EXPECT_EQ(cmd->lines[1].line_number, "2");
  EXPECT_EQ(cmd->lines[1].packages[0].tracking_info.carrier_name.carrier, "FedEx");
  EXPECT_EQ(cmd->lines[1].packages[0].tracking_info.method_code, "Express");
  ASSERT_TRUE(cmd->lines[0].packages[0].return_center_address.has_value());
  const ReturnCenterAddress& rca = *cmd->lines[0].packages[0].return_center_address;
  EXPECT_EQ(rca.name, "walmart");
  EXPECT_EQ(rca.city, "Huntsville");
  EXPECT_EQ(rca.email_id, "walmart@walmart.com");
}

TEST(ShipCommandJsonTest, CarrierNameOfAnotherTypeIsRefused) {
  for (const char* wrong : {R"("carrierName": "UPS")", R"("carrierName": ["UPS"])",
                            R"("carrierName": 7)", R"("carrierName": true)"}) {
    Result<ShipCommand> cmd =
        DecodeShipCommandJson(Replace(kShipBody, R"("carrierName": { "carrier": "UPS" })", wrong));
    ASSERT_FALSE(cmd.ok()) << wrong;
    EXPECT_EQ(cmd.status().code(), ErrorCode::kInvalidRequestContent) << wrong;
    EXPECT_NE(cmd.status().field().find("trackingInfo.carrierName"), std::string::npos)
        << cmd.status().field();
    EXPECT_NE(cmd.status().description().find("an object"), std::string::npos)
        << cmd.status().description();
  }
}

TEST(ShipCommandJsonTest, TolerantForms) {
  std::string body = Replace(kShipBody, "1716200000000", "\"1478347200000\"");
  body = Replace(body, R"("sellerOrderId": "SO-92344",)", R"("intentToCancelOverride": true,)");
  body = Replace(body, R"("status": "Shipped",)",
                 R"("status": "Shipped", "currentTrackingInfo": {"trackingNumber": "OLD1"},)");
  body = Replace(body, R"("orderShipment": {)",
                 R"("orderShipment": { "processMode": "PARTIAL_UPDATE",)");
  Result<ShipCommand> cmd = DecodeShipCommandJson(body);
  ASSERT_TRUE(cmd.ok()) << cmd.status().ToString();
  EXPECT_EQ(cmd->process_mode, "PARTIAL_UPDATE");
  const ShipLine& line = cmd->lines[0];
  EXPECT_FALSE(line.seller_order_id.has_value());
  EXPECT_TRUE(line.intent_to_cancel_override);
  EXPECT_EQ(line.packages[0].tracking_info.carrier_name.carrier, "UPS");
  EXPECT_EQ(line.packages[0].tracking_info.ship_date_time, 1478347200000);
  EXPECT_EQ(line.packages[0].current_tracking_number, "OLD1");

  Result<ShipCommand> iso =
      DecodeShipCommandJson(Replace(kShipBody, "1716200000000", "\"2024-05-20T10:13:20.000Z\""));
  ASSERT_TRUE(iso.ok()) << iso.status().ToString();
  EXPECT_EQ(iso->lines[0].packages[0].tracking_info.ship_date_time, 1716200000000);

  Result<ShipCommand> other = DecodeShipCommandJson(
      Replace(kShipBody, R"({ "carrier": "UPS" })", R"({ "otherCarrier": "Local Courier" })"));
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  EXPECT_EQ(other->lines[0].packages[0].tracking_info.carrier_name.other_carrier, "Local Courier");
  EXPECT_FALSE(other->lines[0].packages[0].tracking_info.carrier_name.carrier.has_value());

  // Business rules are not the codec's: an unknown carrier and a non-Shipped
  // status are decoded as sent.
  Result<ShipCommand> odd = DecodeShipCommandJson(
      Replace(Replace(kShipBody, "\"UPS\"", "\"Pony Express\""), "\"Shipped\"", "\"Created\""));
  ASSERT_TRUE(odd.ok()) << odd.status().ToString();
  EXPECT_EQ(odd->lines[0].packages[0].status, "Created");
  EXPECT_EQ(odd->lines[0].packages[0].tracking_info.carrier_name.carrier, "Pony Express");
}

TEST(ShipCommandJsonTest, MissingPartsNameTheirPath) {
  const std::string status0 = kShipStatus0;
  ExpectInvalid(
      DecodeShipCommandJson(Replace(kShipBody, R"("trackingNumber": "1Z999AA10123456784",)", "")),
      status0 + ".trackingInfo.trackingNumber");
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("methodCode": "Standard",)", "")),
                status0 + ".trackingInfo.methodCode");
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("shipDateTime": 1716200000000,)", "")),
                status0 + ".trackingInfo.shipDateTime");
  ExpectInvalid(
      DecodeShipCommandJson(Replace(kShipBody, R"("carrierName": { "carrier": "UPS" },)", "")),
      status0 + ".trackingInfo.carrierName");
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("status": "Shipped",)", "")),
                status0 + ".status");
  ExpectInvalid(
      DecodeShipCommandJson(Replace(
          kShipBody, R"("statusQuantity": { "unitOfMeasurement": "EACH", "amount": "1" },)", "")),
      status0 + ".statusQuantity");
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("lineNumber": "1",)", "")),
                "orderShipment.orderLines.orderLine[0].lineNumber");
  ExpectInvalid(DecodeShipCommandJson(R"({"orderShipment":{}})"), "orderShipment.orderLines");
  ExpectInvalid(DecodeShipCommandJson(R"({"orderShipment":{"orderLines":{}}})"),
                "orderShipment.orderLines.orderLine");
  ExpectInvalid(DecodeShipCommandJson(R"({"orderShipment":{"orderLines":{"orderLine":[]}}})"),
                "orderShipment.orderLines.orderLine");
  ExpectInvalid(DecodeShipCommandJson(R"({"shipment":{}})"), "orderShipment");
  ExpectInvalid(DecodeShipCommandJson(R"({"orderShipment":[]})"), "orderShipment");
  ExpectInvalid(
      DecodeShipCommandJson(
          R"({"orderShipment":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[]}}]}}})"),
      "orderShipment.orderLines.orderLine[0].orderLineStatuses.orderLineStatus");
}

TEST(ShipCommandJsonTest, BadValues) {
  const std::string amount = std::string(kShipStatus0) + ".statusQuantity.amount";
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("amount": "1")", R"("amount": "0")")),
                amount);
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("amount": "1")", R"("amount": "-2")")),
                amount);
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("amount": "1")", R"("amount": "two")")),
                amount);
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, R"("amount": "1")", R"("amount": 1.5)")),
                amount);
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, "1716200000000", "\"next tuesday\"")),
                std::string(kShipStatus0) + ".trackingInfo.shipDateTime");
  ExpectInvalid(DecodeShipCommandJson(Replace(kShipBody, "\"EACH\"", "\"KG\"")),
                std::string(kShipStatus0) + ".statusQuantity.unitOfMeasurement");
  ExpectInvalid(
      DecodeShipCommandJson(Replace(kShipBody, R"("lineNumber": "1",)",
                                    R"("lineNumber": "1", "intentToCancelOverride": "yes",)")),
      "orderShipment.orderLines.orderLine[0].intentToCancelOverride");

  Result<ShipCommand> ea =
      DecodeShipCommandJson(Replace(kShipBody, R"("amount": "1")", R"("amount": 3)"));
  ASSERT_TRUE(ea.ok()) << ea.status().ToString();
  EXPECT_EQ(ea->lines[0].packages[0].quantity, 3);
}

TEST(CommandJsonTest, MalformedBodies) {
  for (const char* text :
       {"", "{", "orderShipment", "[]", "{\"orderShipment\":{}} trailing", "{\"a\":1,\"a\":2}"}) {
    EXPECT_EQ(DecodeShipCommandJson(text).status().code(), ErrorCode::kMalformedRequestContent)
        << text;
    EXPECT_EQ(DecodeCancelCommandJson(text).status().code(), ErrorCode::kMalformedRequestContent)
        << text;
    EXPECT_EQ(DecodeRefundCommandJson(text).status().code(), ErrorCode::kMalformedRequestContent)
        << text;
  }
  const std::string deep =
      "{\"orderShipment\":" + std::string(100, '[') + std::string(100, ']') + "}";
  EXPECT_EQ(DecodeShipCommandJson(deep).status().code(), ErrorCode::kMalformedRequestContent);
}

TEST(CancelCommandJsonTest, DecodesReferenceAndSpecExamples) {
  Result<CancelCommand> cmd = DecodeCancelCommandJson(kCancelBody);
  ASSERT_TRUE(cmd.ok()) << cmd.status().ToString();
  ASSERT_EQ(cmd->lines.size(), 1u);
  EXPECT_EQ(cmd->lines[0].line_number, "1");
  ASSERT_EQ(cmd->lines[0].portions.size(), 1u);
  EXPECT_EQ(cmd->lines[0].portions[0].quantity, 1);
  EXPECT_EQ(cmd->lines[0].portions[0].status, "Cancelled");
  EXPECT_EQ(cmd->lines[0].portions[0].cancellation_reason, "SELLER_CANCEL_OUT_OF_STOCK");

  // The spec's example uses "EA".
  Result<CancelCommand> spec = DecodeCancelCommandJson(
      Replace(Replace(kCancelBody, "\"EACH\"", "\"EA\""), "SELLER_CANCEL_OUT_OF_STOCK",
              "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"));
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->lines[0].portions[0].cancellation_reason, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL");
}

TEST(CancelCommandJsonTest, MissingAndBadParts) {
  const std::string status0 =
      "orderCancellation.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0]";
  ExpectInvalid(DecodeCancelCommandJson(Replace(
                    kCancelBody, R"("cancellationReason": "SELLER_CANCEL_OUT_OF_STOCK",)", "")),
                status0 + ".cancellationReason");
  ExpectInvalid(
      DecodeCancelCommandJson(Replace(kCancelBody, R"("amount": "1")", R"("amount": "0")")),
      status0 + ".statusQuantity.amount");
  ExpectInvalid(DecodeCancelCommandJson(Replace(kCancelBody, R"("lineNumber": "1",)", "")),
                "orderCancellation.orderLines.orderLine[0].lineNumber");
  ExpectInvalid(DecodeCancelCommandJson(
                    R"({"orderCancellation":{"orderLines":{"orderLine":[{"lineNumber":"1"}]}}})"),
                "orderCancellation.orderLines.orderLine[0].orderLineStatuses");
  ExpectInvalid(DecodeCancelCommandJson(R"({"orderShipment":{}})"), "orderCancellation");
}

TEST(RefundCommandJsonTest, DecodesReferenceExampleExactly) {
  Result<RefundCommand> cmd = DecodeRefundCommandJson(kRefundBody);
  ASSERT_TRUE(cmd.ok()) << cmd.status().ToString();
  EXPECT_EQ(cmd->purchase_order_id, "108000000000001");
  ASSERT_EQ(cmd->lines.size(), 1u);
  const RefundLine& line = cmd->lines[0];
  EXPECT_EQ(line.line_number, "1");
  EXPECT_FALSE(line.is_full_refund);
  ASSERT_EQ(line.refunds.size(), 1u);
  EXPECT_EQ(line.refunds[0].refund_comments, "damaged on arrival");
  ASSERT_EQ(line.refunds[0].refund_charges.size(), 1u);
  const RefundCharge& rc = line.refunds[0].refund_charges[0];
  EXPECT_EQ(rc.refund_reason, "DamagedItem");
  EXPECT_EQ(rc.charge.charge_type, "PRODUCT");
  EXPECT_EQ(rc.charge.charge_name, "Item Price");
  EXPECT_EQ(rc.charge.charge_amount, (Money{"USD", -500}));
  ASSERT_TRUE(rc.charge.tax.has_value());
  EXPECT_EQ(rc.charge.tax->tax_name, "Item Price Tax");
  EXPECT_EQ(rc.charge.tax->tax_amount, (Money{"USD", -40}));
}

TEST(RefundCommandJsonTest, SpecExampleAndAmounts) {
  Result<RefundCommand> spec =
      DecodeRefundCommandJson(Replace(Replace(kRefundBody, "-5.00", "-0.1"), "-0.40", "-0.1"));
  ASSERT_TRUE(spec.ok()) << spec.status().ToString();
  EXPECT_EQ(spec->lines[0].refunds[0].refund_charges[0].charge.charge_amount.minor, -10);
  EXPECT_EQ(spec->lines[0].refunds[0].refund_charges[0].charge.tax->tax_amount.minor, -10);

  // Sign is a business rule: a positive amount decodes as sent.
  Result<RefundCommand> positive = DecodeRefundCommandJson(Replace(kRefundBody, "-5.00", "5"));
  ASSERT_TRUE(positive.ok());
  EXPECT_EQ(positive->lines[0].refunds[0].refund_charges[0].charge.charge_amount.minor, 500);

  const std::string charge =
      "orderRefund.orderLines.orderLine[0].refunds.refund[0].refundCharges.refundCharge[0].charge";
  ExpectInvalid(DecodeRefundCommandJson(Replace(kRefundBody, "-5.00", "-5.001")),
                charge + ".chargeAmount.amount");
  ExpectInvalid(DecodeRefundCommandJson(Replace(kRefundBody, "-0.40", "-0.345")),
                charge + ".tax.taxAmount.amount");

  Result<RefundCommand> full = DecodeRefundCommandJson(
      Replace(kRefundBody, R"("isFullRefund": false)", R"("isFullRefund": true)"));
  ASSERT_TRUE(full.ok());
  EXPECT_TRUE(full->lines[0].is_full_refund);
}

TEST(RefundCommandJsonTest, MissingParts) {
  ExpectInvalid(
      DecodeRefundCommandJson(Replace(kRefundBody, R"("purchaseOrderId": "108000000000001",)", "")),
      "orderRefund.purchaseOrderId");
  ExpectInvalid(
      DecodeRefundCommandJson(Replace(kRefundBody, R"("refundReason": "DamagedItem",)", "")),
      "orderRefund.orderLines.orderLine[0].refunds.refund[0].refundCharges.refundCharge[0]."
      "refundReason");
  ExpectInvalid(
      DecodeRefundCommandJson(
          Replace(kRefundBody, R"("currency": "USD", "amount": -5.00)", R"("currency": "USD")")),
      "orderRefund.orderLines.orderLine[0].refunds.refund[0].refundCharges.refundCharge[0]."
      "charge.chargeAmount.amount");
  ExpectInvalid(
      DecodeRefundCommandJson(
          R"({"orderRefund":{"purchaseOrderId":"1","orderLines":{"orderLine":[{"lineNumber":"1","refunds":{"refund":[{"refundCharges":{"refundCharge":[]}}]}}]}}})"),
      "orderRefund.orderLines.orderLine[0].refunds.refund[0].refundCharges.refundCharge");
  ExpectInvalid(
      DecodeRefundCommandJson(
          R"({"orderRefund":{"purchaseOrderId":"1","orderLines":{"orderLine":[{"lineNumber":"1"}]}}})"),
      "orderRefund.orderLines.orderLine[0].refunds");
}

}  // namespace
}  // namespace mporders
