#include "codec/command_xml.h"

#include <gtest/gtest.h>

#include <chrono>
#include <ctime>
#include <string>

#include "codec/command_json.h"

namespace mporders {
namespace {

// The shipping example of the behaviour reference (section 7.6), both forms;
// line 1 ships in two packages here.
constexpr const char* kShipJson = R"({"orderShipment":{"processMode":"PARTIAL_UPDATE",
  "orderLines":{"orderLine":[
   {"lineNumber":"1","sellerOrderId":"SO-92344","intentToCancelOverride":true,
    "orderLineStatuses":{"orderLineStatus":[
     {"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
      "trackingInfo":{"shipDateTime":1716200000000,"carrierName":{"carrier":"UPS"},
       "methodCode":"Standard","trackingNumber":"1Z999AA10123456784",
       "trackingURL":"https://www.ups.com/track?tracknum=1Z999AA10123456784&x=1"},
      "currentTrackingInfo":{"trackingNumber":"OLD-1"}},
     {"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"},
      "trackingInfo":{"shipDateTime":1716200000000,"carrierName":{"otherCarrier":"Courier"},
       "methodCode":"Express","carrierMethodCode":19,"trackingNumber":"C-2",
       "trackingURL":"https://courier.example/C-2"},
      "returnCenterAddress":{"name":"walmart","address1":"walmart store 2","city":"Huntsville",
       "state":"AL","postalCode":"35805","country":"USA","dayPhone":"12344",
       "emailId":"walmart@walmart.com"}}]}},
   {"lineNumber":"2",
    "orderLineStatuses":{"orderLineStatus":[
     {"status":"Shipped","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},
      "trackingInfo":{"shipDateTime":1716200000000,"carrierName":{"carrier":"FedEx"},
       "methodCode":"Standard","trackingNumber":"F-3"}}]}}]}}})";

constexpr const char* kShipXml = R"(<?xml version="1.0" encoding="UTF-8"?>
<ns3:orderShipment xmlns:ns3="http://walmart.com/mp/v3/orders">
  <ns3:processMode>PARTIAL_UPDATE</ns3:processMode>
  <ns3:orderLines>
    <ns3:orderLine>
      <ns3:lineNumber>1</ns3:lineNumber>
      <ns3:sellerOrderId>SO-92344</ns3:sellerOrderId>
      <ns3:intentToCancelOverride>true</ns3:intentToCancelOverride>
      <ns3:orderLineStatuses>
        <ns3:orderLineStatus>
          <ns3:status>Shipped</ns3:status>
          <ns3:statusQuantity><ns3:unitOfMeasurement>EACH</ns3:unitOfMeasurement><ns3:amount>1</ns3:amount></ns3:statusQuantity>
          <ns3:trackingInfo>
            <ns3:shipDateTime>2024-05-20T10:13:20.000Z</ns3:shipDateTime>
            <ns3:carrierName><ns3:carrier>UPS</ns3:carrier></ns3:carrierName>
            <ns3:methodCode>Standard</ns3:methodCode>
            <ns3:trackingNumber>1Z999AA10123456784</ns3:trackingNumber>
            <ns3:trackingURL>https://www.ups.com/track?tracknum=1Z999AA10123456784&amp;x=1</ns3:trackingURL>
          </ns3:trackingInfo>
          <ns3:currentTrackingInfo><ns3:trackingNumber>OLD-1</ns3:trackingNumber></ns3:currentTrackingInfo>
        </ns3:orderLineStatus>
        <ns3:orderLineStatus>
          <ns3:status>Shipped</ns3:status>
          <ns3:statusQuantity><ns3:unitOfMeasurement>EACH</ns3:unitOfMeasurement><ns3:amount>2</ns3:amount></ns3:statusQuantity>
          <ns3:trackingInfo>
            <ns3:shipDateTime>1716200000000</ns3:shipDateTime>
            <ns3:carrierName><ns3:otherCarrier>Courier</ns3:otherCarrier></ns3:carrierName>
            <ns3:methodCode>Express</ns3:methodCode>
            <ns3:carrierMethodCode>19</ns3:carrierMethodCode>
            <ns3:trackingNumber>C-2</ns3:trackingNumber>
            <ns3:trackingURL>https://courier.example/C-2</ns3:trackingURL>
          </ns3:trackingInfo>
          <ns3:returnCenterAddress>
            <ns3:name>walmart</ns3:name><ns3:address1>walmart store 2</ns3:address1>
            <ns3:city>Huntsville</ns3:city><ns3:state>AL</ns3:state><ns3:postalCode>35805</ns3:postalCode>
            <ns3:country>USA</ns3:country><ns3:dayPhone>12344</ns3:dayPhone>
            <ns3:emailId>walmart@walmart.com</ns3:emailId>
          </ns3:returnCenterAddress>
        </ns3:orderLineStatus>
      </ns3:orderLineStatuses>
    </ns3:orderLine>
    <ns3:orderLine>
      <ns3:lineNumber>2</ns3:lineNumber>
      <ns3:orderLineStatuses>
        <ns3:orderLineStatus>
          <ns3:status>Shipped</ns3:status>
          <ns3:statusQuantity><ns3:unitOfMeasurement>EACH</ns3:unitOfMeasurement><ns3:amount>1</ns3:amount></ns3:statusQuantity>
          <ns3:trackingInfo>
            <ns3:shipDateTime>2024-05-20T10:13:20.000Z</ns3:shipDateTime>
            <ns3:carrierName><ns3:carrier>FedEx</ns3:carrier></ns3:carrierName>
            <ns3:methodCode>Standard</ns3:methodCode>
            <ns3:trackingNumber>F-3</ns3:trackingNumber>
          </ns3:trackingInfo>
        </ns3:orderLineStatus>
      </ns3:orderLineStatuses>
    </ns3:orderLine>
  </ns3:orderLines>
</ns3:orderShipment>)";

// The cancel example of the behaviour reference (section 7.5), legacy namespace.
constexpr const char* kCancelJson = R"({"orderCancellation":{"orderLines":{"orderLine":[
  {"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[
    {"status":"Cancelled","cancellationReason":"SELLER_CANCEL_OUT_OF_STOCK",
     "statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}}})";

constexpr const char* kCancelXml =
    R"(<ns2:orderCancellation xmlns:ns2="http://walmart.com/mp/orders">
  <ns2:orderLines><ns2:orderLine><ns2:lineNumber>1</ns2:lineNumber>
    <ns2:orderLineStatuses><ns2:orderLineStatus>
      <ns2:status>Cancelled</ns2:status>
      <ns2:cancellationReason>SELLER_CANCEL_OUT_OF_STOCK</ns2:cancellationReason>
      <ns2:statusQuantity><ns2:unitOfMeasurement>EACH</ns2:unitOfMeasurement><ns2:amount>1</ns2:amount></ns2:statusQuantity>
    </ns2:orderLineStatus></ns2:orderLineStatuses>
  </ns2:orderLine></ns2:orderLines>
</ns2:orderCancellation>)";

// The refund example of the behaviour reference (section 7.7), default namespace.
constexpr const char* kRefundJson = R"({"orderRefund":{"purchaseOrderId":"108000000000001",
  "orderLines":{"orderLine":[{"lineNumber":"1","isFullRefund":false,
    "refunds":{"refund":[{"refundComments":"damaged on arrival",
      "refundCharges":{"refundCharge":[{"refundReason":"DamagedItem",
        "charge":{"chargeType":"PRODUCT","chargeName":"Item Price",
          "chargeAmount":{"currency":"USD","amount":-5.00},
          "tax":{"taxName":"Item Price Tax","taxAmount":{"currency":"USD","amount":-0.40}}}}]}}]}}]}}})";

constexpr const char* kRefundXml = R"(<orderRefund xmlns="http://walmart.com/mp/v3/orders">
  <purchaseOrderId>108000000000001</purchaseOrderId>
  <orderLines><orderLine><lineNumber>1</lineNumber><isFullRefund>false</isFullRefund>
    <refunds><refund><refundComments>damaged on arrival</refundComments>
      <refundCharges><refundCharge><refundReason>DamagedItem</refundReason>
        <charge><chargeType>PRODUCT</chargeType><chargeName>Item Price</chargeName>
          <chargeAmount><currency>USD</currency><amount>-5.00</amount></chargeAmount>
          <tax><taxName>Item Price Tax</taxName><taxAmount><currency>USD</currency><amount>-0.40</amount></taxAmount></tax>
        </charge>
      </refundCharge></refundCharges>
    </refund></refunds>
  </orderLine></orderLines>
</orderRefund>)";

std::string Replace(std::string body, std::string_view from, std::string_view to) {
  const std::size_t at = body.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) body.replace(at, from.size(), to);
  return body;
}

void ExpectSame(const ShipCommand& a, const ShipCommand& b) {
  EXPECT_EQ(a.process_mode, b.process_mode);
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    SCOPED_TRACE("line " + std::to_string(i));
    EXPECT_EQ(a.lines[i].line_number, b.lines[i].line_number);
    EXPECT_EQ(a.lines[i].seller_order_id, b.lines[i].seller_order_id);
    EXPECT_EQ(a.lines[i].intent_to_cancel_override, b.lines[i].intent_to_cancel_override);
    ASSERT_EQ(a.lines[i].packages.size(), b.lines[i].packages.size());
    for (std::size_t p = 0; p < a.lines[i].packages.size(); ++p) {
      const ShipPackage& x = a.lines[i].packages[p];
      const ShipPackage& y = b.lines[i].packages[p];
      EXPECT_EQ(x.quantity, y.quantity);
      EXPECT_EQ(x.status, y.status);
      EXPECT_EQ(x.tracking_info, y.tracking_info);
      EXPECT_EQ(x.return_center_address, y.return_center_address);
      EXPECT_EQ(x.current_tracking_number, y.current_tracking_number);
    }
  }
}

void ExpectSame(const CancelCommand& a, const CancelCommand& b) {
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    EXPECT_EQ(a.lines[i].line_number, b.lines[i].line_number);
    ASSERT_EQ(a.lines[i].portions.size(), b.lines[i].portions.size());
    for (std::size_t p = 0; p < a.lines[i].portions.size(); ++p) {
      EXPECT_EQ(a.lines[i].portions[p].quantity, b.lines[i].portions[p].quantity);
      EXPECT_EQ(a.lines[i].portions[p].status, b.lines[i].portions[p].status);
      EXPECT_EQ(a.lines[i].portions[p].cancellation_reason,
                b.lines[i].portions[p].cancellation_reason);
    }
  }
}

void ExpectSame(const RefundCommand& a, const RefundCommand& b) {
  EXPECT_EQ(a.purchase_order_id, b.purchase_order_id);
  ASSERT_EQ(a.lines.size(), b.lines.size());
  for (std::size_t i = 0; i < a.lines.size(); ++i) {
    EXPECT_EQ(a.lines[i].line_number, b.lines[i].line_number);
    EXPECT_EQ(a.lines[i].is_full_refund, b.lines[i].is_full_refund);
    EXPECT_EQ(a.lines[i].refunds, b.lines[i].refunds);
  }
}

template <typename T>
T Ok(Result<T> result) {
  EXPECT_TRUE(result.ok()) << result.status().ToString();
  return result.ok() ? std::move(result).value() : T{};
}

TEST(CommandXmlTest, ShipmentDecodesToTheJsonFormsCommand) {
  const ShipCommand xml = Ok(DecodeShipCommandXml(kShipXml));
  ASSERT_EQ(xml.lines.size(), 2u);
  ASSERT_EQ(xml.lines[0].packages.size(), 2u);  // repeated elements: a list
  ASSERT_EQ(xml.lines[1].packages.size(), 1u);  // a single element: a list too
  EXPECT_EQ(xml.lines[0].packages[1].tracking_info.carrier_method_code, 19);
  EXPECT_EQ(xml.lines[0].packages[0].tracking_info.tracking_url,
            "https://www.ups.com/track?tracknum=1Z999AA10123456784&x=1");
  ExpectSame(xml, Ok(DecodeShipCommandJson(kShipJson)));
}

TEST(CommandXmlTest, CancellationDecodesToTheJsonFormsCommand) {
  const CancelCommand xml = Ok(DecodeCancelCommandXml(kCancelXml));
  ASSERT_EQ(xml.lines.size(), 1u);
  EXPECT_EQ(xml.lines[0].portions.at(0).cancellation_reason, "SELLER_CANCEL_OUT_OF_STOCK");
  ExpectSame(xml, Ok(DecodeCancelCommandJson(kCancelJson)));
}

TEST(CommandXmlTest, RefundDecodesToTheJsonFormsCommand) {
  const RefundCommand xml = Ok(DecodeRefundCommandXml(kRefundXml));
  ASSERT_EQ(xml.lines.size(), 1u);
  EXPECT_EQ(xml.lines[0].refunds.at(0).refund_charges.at(0).charge.charge_amount,
            (Money{"USD", -500}));
  ExpectSame(xml, Ok(DecodeRefundCommandJson(kRefundJson)));
}

TEST(CommandXmlTest, ErrorsAreTheJsonFormsErrors) {
  // Each pair breaks the same rule in both forms.
  const auto same_error = [](const Status& xml, const Status& json) {
    ASSERT_FALSE(xml.ok());
    ASSERT_FALSE(json.ok());
    EXPECT_EQ(xml.code(), json.code());
    EXPECT_EQ(xml.field(), json.field());
    EXPECT_EQ(xml.description(), json.description());
  };
  same_error(
      DecodeShipCommandXml(Replace(kShipXml, "<ns3:trackingNumber>F-3</ns3:trackingNumber>", ""))
          .status(),
      DecodeShipCommandJson(Replace(kShipJson, R"(,"trackingNumber":"F-3")", "")).status());
  same_error(
      DecodeShipCommandXml(
          Replace(kShipXml, "<ns3:amount>2</ns3:amount>", "<ns3:amount>0</ns3:amount>"))
          .status(),
      DecodeShipCommandJson(Replace(kShipJson, R"("amount":"2")", R"("amount":"0")")).status());
  // carrierName is an object: a bare carrier name is the wrong type in both.
  same_error(DecodeShipCommandXml(Replace(kShipXml,
                                          "<ns3:carrierName><ns3:carrier>UPS</ns3:carrier>"
                                          "</ns3:carrierName>",
                                          "<ns3:carrierName>UPS</ns3:carrierName>"))
                 .status(),
             DecodeShipCommandJson(
                 Replace(kShipJson, R"("carrierName":{"carrier":"UPS"})", R"("carrierName":"UPS")"))
                 .status());
  same_error(DecodeCancelCommandXml(Replace(kCancelXml, "<ns2:lineNumber>1</ns2:lineNumber>", ""))
                 .status(),
             DecodeCancelCommandJson(Replace(kCancelJson, R"("lineNumber":"1",)", "")).status());
  same_error(DecodeRefundCommandXml(
                 Replace(kRefundXml, "<amount>-5.00</amount>", "<amount>-5.001</amount>"))
                 .status(),
             DecodeRefundCommandJson(Replace(kRefundJson, "-5.00", "-5.001")).status());
  same_error(DecodeRefundCommandXml(Replace(kRefundXml, "<isFullRefund>false</isFullRefund>",
                                            "<isFullRefund>maybe</isFullRefund>"))
                 .status(),
             DecodeRefundCommandJson(
                 Replace(kRefundJson, R"("isFullRefund":false)", R"("isFullRefund":"maybe")"))
                 .status());
}

TEST(CommandXmlTest, UnqualifiedOrWrongRootGetsWalmartsParserMessage) {
  const std::string unqualified = Replace(
      Replace(kShipXml, R"(<ns3:orderShipment xmlns:ns3="http://walmart.com/mp/v3/orders">)",
              R"(<orderShipment xmlns:ns3="http://walmart.com/mp/v3/orders">)"),
      "</ns3:orderShipment>", "</orderShipment>");
  Result<ShipCommand> result = DecodeShipCommandXml(unqualified);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(result.status().description(),
            "unexpected element (uri:\"\", local:\"orderShipment\"). Expected elements are "
            "<{http://walmart.com/mp/orders}orderShipment>,"
            "<{http://walmart.com/mp/v3/orders}orderShipment>");
  // A cancellation sent to the shipping decoder.
  Result<ShipCommand> other = DecodeShipCommandXml(kCancelXml);
  ASSERT_FALSE(other.ok());
  EXPECT_EQ(
      other.status().description(),
      "unexpected element (uri:\"http://walmart.com/mp/orders\", local:\"orderCancellation\")."
      " Expected elements are <{http://walmart.com/mp/orders}orderShipment>,"
      "<{http://walmart.com/mp/v3/orders}orderShipment>");
}

// --- hostile documents ------------------------------------------------------

constexpr const char* kBillionLaughs = R"(<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<ns3:orderCancellation xmlns:ns3="http://walmart.com/mp/v3/orders"><ns3:orderLines><ns3:orderLine>
<ns3:lineNumber>&lol9;</ns3:lineNumber></ns3:orderLine></ns3:orderLines></ns3:orderCancellation>)";

constexpr const char* kExternalEntity = R"(<?xml version="1.0"?>
<!DOCTYPE foo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<ns3:orderCancellation xmlns:ns3="http://walmart.com/mp/v3/orders"><ns3:orderLines><ns3:orderLine>
<ns3:lineNumber>&xxe;</ns3:lineNumber></ns3:orderLine></ns3:orderLines></ns3:orderCancellation>)";

std::string DeeplyNested(int depth) {
  std::string xml = R"(<ns3:orderCancellation xmlns:ns3="http://walmart.com/mp/v3/orders">)";
  for (int i = 0; i < depth; ++i) xml += "<a>";
  for (int i = 0; i < depth; ++i) xml += "</a>";
  return xml + "</ns3:orderCancellation>";
}

// CPU time of this thread: unlike wall time it does not grow when the test
// shares a busy machine (ctest -j, other builds), so the bound below only
// catches super-linear work.
std::chrono::nanoseconds ThreadCpuTime() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
}

void ExpectRefused(const std::string& xml, ErrorCode code, std::string_view text) {
  const auto start = ThreadCpuTime();
  Result<CancelCommand> result = DecodeCancelCommandXml(xml);
  const auto elapsed = ThreadCpuTime() - start;
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), code) << result.status().ToString();
  EXPECT_NE(result.status().description().find(text), std::string::npos)
      << result.status().description();
  // A linear pass over the 1 MB inputs takes well under a second; quadratic
  // work on them takes minutes.
  EXPECT_LT(elapsed, std::chrono::milliseconds(1500));
}

TEST(CommandXmlTest, DoctypesAreRefusedOutright) {
  ExpectRefused(kBillionLaughs, ErrorCode::kInvalidRequestContent, "must not contain a DOCTYPE");
  ExpectRefused(kExternalEntity, ErrorCode::kInvalidRequestContent, "must not contain a DOCTYPE");
  ExpectRefused("<!DOCTYPE x><x/>", ErrorCode::kInvalidRequestContent, "DOCTYPE");
}

TEST(CommandXmlTest, UndeclaredEntitiesAreNeverExpanded) {
  // Without a DTD, an entity reference is not resolved from anywhere; it
  // stays literal text, which then fails validation like any other text.
  Result<CancelCommand> result = DecodeCancelCommandXml(
      Replace(kCancelXml, "<ns2:amount>1</ns2:amount>", "<ns2:amount>&xxe;</ns2:amount>"));
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().field(),
            "orderCancellation.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0]."
            "statusQuantity.amount");
}

TEST(CommandXmlTest, NestingIsBounded) {
  ExpectRefused(DeeplyNested(10000), ErrorCode::kInvalidRequestContent, "nested more than 32");
  ExpectRefused(DeeplyNested(32), ErrorCode::kInvalidRequestContent, "nested more than 32");
  // 31 levels below the root is within the bound (and then not a cancellation).
  Result<CancelCommand> within = DecodeCancelCommandXml(DeeplyNested(31));
  ASSERT_FALSE(within.ok());
  EXPECT_EQ(within.status().field(), "orderCancellation.orderLines");
}

TEST(CommandXmlTest, SizeIsBounded) {
  std::string big = kCancelXml;
  big.insert(big.find("<ns2:orderLines>"), "<!--" + std::string(1024 * 1024, 'x') + "-->");
  ExpectRefused(big, ErrorCode::kMalformedRequestContent, "larger than 1024 KiB");
}

TEST(CommandXmlTest, ManySiblingsAreHandledInLinearTime) {
  std::string xml = R"(<ns2:orderCancellation xmlns:ns2="http://walmart.com/mp/orders">)";
  for (int i = 0; xml.size() < 1000 * 1000; ++i) xml += "<e" + std::to_string(i) + "/>";
  xml += "</ns2:orderCancellation>";
  ExpectRefused(xml, ErrorCode::kInvalidRequestContent, "orderCancellation.orderLines");
}

TEST(CommandXmlTest, MalformedAndEmptyBodies) {
  ExpectRefused("", ErrorCode::kMalformedRequestContent, "empty");
  ExpectRefused("<ns2:orderCancellation xmlns:ns2=\"http://walmart.com/mp/orders\">",
                ErrorCode::kMalformedRequestContent, "not well-formed XML");
  ExpectRefused("{\"orderCancellation\":{}}", ErrorCode::kMalformedRequestContent,
                "not well-formed XML");
  ExpectRefused("<a/><b/>", ErrorCode::kMalformedRequestContent, "");
}

}  // namespace
}  // namespace mporders
