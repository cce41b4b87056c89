#include "codec/order_xml.h"

#include <gtest/gtest.h>

#include <chrono>
#include <regex>
#include <tuple>
#include <vector>
#include <string>

#include "codec/json_test_util.h"
#include "codec/order_json.h"
#include "codec/xml_test_util.h"

namespace mporders {
namespace {

using testing::JsonEquivalent;
using testing::ParseForTest;
using testing::ReadTestData;
using testing::XmlEquivalent;

Order FromJson(std::string_view json) {
  Result<Order> order = DecodeOrderJson(json);
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  return order.ok() ? std::move(order).value() : Order{};
}

Order FromXml(std::string_view xml) {
  Result<Order> order = DecodeOrderXml(xml);
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  return order.ok() ? std::move(order).value() : Order{};
}

// The seed text without the whitespace between elements and around values
// (a rendering artefact of the documentation page).
std::string WithoutPadding(const std::string& xml) {
  return std::regex_replace(std::regex_replace(xml, std::regex(R"(>\s+)"), ">"),
                            std::regex(R"(\s+<)"), "<");
}

// Removes every extras list, for comparing what the model names.
void ClearExtras(Quantity& q) { q.extras.clear(); }
void ClearExtras(Charge& c) {
  c.extras.clear();
  if (c.tax) c.tax->extras.clear();
}
void ClearExtras(Order& order) {
  order.extras.clear();
  order.shipping_info.extras.clear();
  order.shipping_info.postal_address.extras.clear();
  if (order.ship_node) order.ship_node->extras.clear();
  for (OrderLine& line : order.order_lines) {
    line.extras.clear();
    line.item.extras.clear();
    if (line.item.weight) line.item.weight->extras.clear();
    for (Charge& charge : line.charges) ClearExtras(charge);
    ClearExtras(line.order_line_quantity);
    for (OrderLineStatus& status : line.statuses) {
      status.extras.clear();
      ClearExtras(status.status_quantity);
      if (status.tracking_info) {
        status.tracking_info->extras.clear();
        status.tracking_info->carrier_name.extras.clear();
      }
      if (status.return_center_address) status.return_center_address->extras.clear();
    }
    if (line.refund) {
      line.refund->extras.clear();
      for (RefundCharge& rc : line.refund->refund_charges) {
        rc.extras.clear();
        ClearExtras(rc.charge);
      }
    }
    if (line.fulfillment) line.fulfillment->extras.clear();
  }
}

// --- the seed samples -------------------------------------------------------

TEST(OrderXmlTest, SeedXmlAndJsonSamplesParseToTheSameOrder) {
  const Order from_xml = FromXml(ReadTestData("seed_order.xml"));
  Order from_json = FromJson(ReadTestData("seed_order.json"));
  EXPECT_EQ(from_xml.purchase_order_id, "1815367951431");  // trimmed
  EXPECT_EQ(from_xml.order_date, 1623796407000);
  EXPECT_EQ(from_xml.order_lines.at(0).charges.at(0).tax->tax_amount.minor, 34);
  // The two samples differ in exactly two documented ways: the XML one was
  // rendered with replacementInfo=true, and the JSON one carries the
  // undocumented `taxAndOtherFees` member (kept as an extra).
  EXPECT_EQ(from_xml.order_type, "REPLACEMENT");
  EXPECT_EQ(from_json.order_type, std::nullopt);
  ASSERT_EQ(from_json.order_lines.at(0).charges.at(0).extras.size(), 1u);
  EXPECT_EQ(from_json.order_lines[0].charges[0].extras[0].first, "taxAndOtherFees");
  from_json.order_type = "REPLACEMENT";
  from_json.order_lines[0].charges[0].extras.clear();
  EXPECT_EQ(from_xml, from_json);
}

TEST(OrderXmlTest, SeedXmlSampleRoundTrips) {
  const std::string seed = ReadTestData("seed_order.xml");
  OrderView view;
  view.replacement_info = true;
  const std::string encoded = EncodeOrderResponseXml(FromXml(seed), view);
  std::string difference;
  EXPECT_TRUE(XmlEquivalent(encoded, seed, &difference)) << difference << "\n" << encoded;
  // Stronger: declaration, namespace declarations in their order, element
  // order and value spelling are the seed's, without its padding. The page
  // also lost the escaping of the `&` in the tracking URL (the parser
  // tolerates the bare `&`; what we write is well-formed).
  std::string expected = WithoutPadding(seed);
  expected.replace(expected.find("&order_id="), 1, "&amp;");
  EXPECT_EQ(encoded, expected);
}

TEST(OrderXmlTest, SeedJsonSampleRoundTripsThroughTheSameModel) {
  const std::string seed = ReadTestData("seed_order.json");
  const Order order = FromJson(seed);
  std::string difference;
  EXPECT_TRUE(JsonEquivalent(ParseForTest(EncodeOrderResponseJson(order, OrderView{})),
                             ParseForTest(seed), &difference))
      << difference;
}

TEST(OrderXmlTest, JsonSampleInXmlIsTheXmlSamplePlusItsExtra) {
  Order order = FromJson(ReadTestData("seed_order.json"));
  const std::string encoded = EncodeOrderResponseXml(order, OrderView{});
  // The extra follows the known members of its charge, converted to elements;
  // its numbers are written as they came.
  EXPECT_NE(encoded.find("</ns3:tax><ns3:taxAndOtherFees><ns3:taxName>Tax1</ns3:taxName>"
                         "<ns3:taxAmount><ns3:currency>USD</ns3:currency><ns3:amount>0.34"
                         "</ns3:amount></ns3:taxAmount></ns3:taxAndOtherFees></ns3:charge>"),
            std::string::npos)
      << encoded;
  order.order_type = "REPLACEMENT";
  order.order_lines[0].charges[0].extras.clear();
  OrderView view;
  view.replacement_info = true;
  std::string difference;
  EXPECT_TRUE(XmlEquivalent(EncodeOrderResponseXml(order, view), ReadTestData("seed_order.xml"),
                            &difference))
      << difference;
}

TEST(OrderXmlTest, EveryFieldSurvivesXml) {
  const Order order = FromJson(ReadTestData("seed_order_attributes.json"));
  const std::string encoded = EncodeOrderResponseXml(order, OrderView::Full());
  Order decoded = FromXml(encoded);
  // Extras come back as elements mapped to JSON: text values are strings.
  ASSERT_EQ(decoded.order_lines.at(0).charges.at(0).extras.size(), 1u);
  EXPECT_EQ(decoded.order_lines[0].charges[0].extras[0].second,
            R"({"taxName":"Tax1","taxAmount":{"currency":"USD","amount":"0.8"}})");
  Order expected = order;
  ClearExtras(expected);
  ClearExtras(decoded);
  EXPECT_EQ(decoded, expected);
  // And XML -> model -> XML is stable.
  EXPECT_EQ(EncodeOrderResponseXml(FromXml(encoded), OrderView::Full()), encoded);
}

TEST(OrderXmlTest, FormatsOfEveryKindOfValue) {
  Order order = FromJson(ReadTestData("seed_order_attributes.json"));
  const std::string xml = EncodeOrderResponseXml(order, OrderView::Full());
  for (const char* fragment : {
           "<ns3:orderDate>2019-09-14T13:09:31.000Z</ns3:orderDate>",
           "<ns3:amount>10.00</ns3:amount>",  // JSON 10
           "<ns3:amount>0.80</ns3:amount>",   // JSON 0.8
           "<ns3:amount>798.00</ns3:amount>",
           "<ns3:orderLineQuantity><ns3:unitOfMeasurement>EACH</ns3:unitOfMeasurement>"
           "<ns3:amount>1</ns3:amount></ns3:orderLineQuantity>",
           "<ns3:carrierMethodCode>19</ns3:carrierMethodCode>",
           "<ns3:pickUpDateTime>2019-09-19T19:00:00.000Z</ns3:pickUpDateTime>",
           "<ns3:trackingURL>http://www.fedex.com/Tracking?action=track=english=us=x="
           "001792410114462199</ns3:trackingURL>",
           "<ns3:orderType>REPLACEMENT</ns3:orderType>"
           "<ns3:originalCustomerOrderID>1234567891234</ns3:originalCustomerOrderID>",
       }) {
    EXPECT_NE(xml.find(fragment), std::string::npos) << fragment << "\n" << xml;
  }
  order.is_guest = false;
  order.order_lines[0].charges[0].charge_amount.minor = -5;
  const std::string changed = EncodeOrderResponseXml(order, OrderView::Full());
  EXPECT_NE(changed.find("<ns3:isGuest>false</ns3:isGuest>"), std::string::npos);
  EXPECT_NE(changed.find("<ns3:amount>-0.05</ns3:amount>"), std::string::npos);
}

TEST(OrderXmlTest, ViewFlagsControlConditionalElements) {
  Order order = FromJson(ReadTestData("seed_order_attributes.json"));
  order.order_lines[0].item.image_url = "https://i5.walmartimages.com/x.jpg";
  order.order_lines[0].item.weight = Weight{"1.5", "Pounds", {}};
  const std::string plain = EncodeOrderResponseXml(order, OrderView{});
  EXPECT_EQ(plain.find("orderType"), std::string::npos);
  EXPECT_EQ(plain.find("originalCustomerOrderID"), std::string::npos);
  EXPECT_EQ(plain.find("imageUrl"), std::string::npos);
  EXPECT_EQ(plain.find("weight"), std::string::npos);
  const std::string full = EncodeOrderResponseXml(order, OrderView::Full());
  EXPECT_NE(full.find("<ns3:sku>test1</ns3:sku><ns3:imageUrl>https://i5.walmartimages.com/x.jpg"
                      "</ns3:imageUrl><ns3:weight><ns3:value>1.5</ns3:value><ns3:unit>Pounds"
                      "</ns3:unit></ns3:weight></ns3:item>"),
            std::string::npos)
      << full;
}

TEST(OrderXmlTest, TextIsEscaped) {
  Order order = FromJson(ReadTestData("seed_order.json"));
  order.order_lines[0].item.product_name = "Salt & Pepper <2 pack>";
  const std::string xml = EncodeOrderResponseXml(order, OrderView{});
  EXPECT_NE(xml.find("<ns3:productName>Salt &amp; Pepper &lt;2 pack&gt;</ns3:productName>"),
            std::string::npos);
  EXPECT_EQ(FromXml(xml).order_lines[0].item.product_name, "Salt & Pepper <2 pack>");
}

TEST(OrderXmlTest, ExtrasBecomeElementsWherePossible) {
  Order order = FromJson(ReadTestData("seed_order.json"));
  order.order_lines[0].charges[0].extras.clear();
  order.extras = {
      {"orderSummary", R"({"totalAmount":{"currencyAmount":5.5,"currencyUnit":"USD"},"x y":1})"},
      {"paymentTypes", R"(["CREDIT_CARD","GIFT_CARD"])"},
      {"pickupPersons", "[]"},
      {"nothing", "null"},
      {"flags", R"({"a":true,"b":false,"c":null,"d":[[1,2],3]})"},
      {"not an element name", R"("dropped")"},
      {"xmlReserved", R"("dropped")"},
      {"note", R"("a<b")"},
  };
  const std::string xml = EncodeOrderResponseXml(order, OrderView{});
  const std::size_t after_ship_node = xml.find("</ns3:shipNode>");
  ASSERT_NE(after_ship_node, std::string::npos);
  EXPECT_EQ(xml.substr(after_ship_node),
            "</ns3:shipNode>"
            "<ns3:orderSummary><ns3:totalAmount><ns3:currencyAmount>5.5</ns3:currencyAmount>"
            "<ns3:currencyUnit>USD</ns3:currencyUnit></ns3:totalAmount></ns3:orderSummary>"
            "<ns3:paymentTypes>CREDIT_CARD</ns3:paymentTypes>"
            "<ns3:paymentTypes>GIFT_CARD</ns3:paymentTypes>"
            "<ns3:flags><ns3:a>true</ns3:a><ns3:b>false</ns3:b><ns3:d>3</ns3:d></ns3:flags>"
            "<ns3:note>a&lt;b</ns3:note>"
            "</ns3:order>");
  // What comes back is the XML's own reading: repeated elements as an array.
  const Order decoded = FromXml(xml);
  ASSERT_EQ(decoded.extras.size(), 4u);
  EXPECT_EQ(decoded.extras[1].first, "paymentTypes");
  EXPECT_EQ(decoded.extras[1].second, R"(["CREDIT_CARD","GIFT_CARD"])");
}

// --- lists ------------------------------------------------------------------

TEST(OrderXmlTest, ListHasMetaAndElements) {
  const Order first = FromJson(ReadTestData("seed_order.json"));
  const Order second = FromJson(ReadTestData("seed_order_attributes.json"));
  ListMeta meta;
  meta.total_count = 31;
  meta.limit = 2;
  meta.next_cursor = "?limit=2&hasMoreElements=true&soIndex=31&poIndex=2";
  const std::string xml = EncodeOrderListXml(meta, {&first, &second}, OrderView{});
  EXPECT_TRUE(xml.starts_with(
      R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
      R"(<ns3:list xmlns:ns2="http://walmart.com/mp/orders" xmlns:ns3="http://walmart.com/mp/v3/orders")"
      R"( xmlns:ns4="com.walmart.services.common.model.money")"
      R"( xmlns:ns5="com.walmart.services.common.model.name")"
      R"( xmlns:ns6="com.walmart.services.common.model.address")"
      R"( xmlns:ns7="com.walmart.services.common.model.address.validation")"
      R"( xmlns:ns8="http://walmart.com/">)"
      "<ns3:meta><ns3:totalCount>31</ns3:totalCount><ns3:limit>2</ns3:limit>"
      "<ns3:nextCursor>?limit=2&amp;hasMoreElements=true&amp;soIndex=31&amp;poIndex=2"
      "</ns3:nextCursor></ns3:meta><ns3:elements><ns3:order>"
      "<ns3:purchaseOrderId>1815367951431</ns3:purchaseOrderId>"))
      << xml;
  // Each element holds what the single-order document's root holds.
  const std::string order_xml = EncodeOrderResponseXml(first, OrderView{});
  const std::size_t content_start = order_xml.find("<ns3:purchaseOrderId>");
  const std::string content =
      order_xml.substr(content_start, order_xml.rfind("</ns3:order>") - content_start);
  EXPECT_NE(xml.find("<ns3:order>" + content + "</ns3:order><ns3:order>"), std::string::npos);
  EXPECT_TRUE(xml.ends_with("</ns3:order></ns3:elements></ns3:list>"));

  ListMeta last;
  last.total_count = 1;
  last.limit = 100;
  const std::string single = EncodeOrderListXml(last, {&first}, OrderView{});
  EXPECT_EQ(single.find("nextCursor"), std::string::npos);
  EXPECT_NE(single.find("<ns3:meta><ns3:totalCount>1</ns3:totalCount><ns3:limit>100</ns3:limit>"
                        "</ns3:meta>"),
            std::string::npos);
  EXPECT_TRUE(EncodeOrderListXml(last, {}, OrderView{})
                  .ends_with("</ns3:meta><ns3:elements></ns3:elements></ns3:list>"));
}

// --- decoding ---------------------------------------------------------------

// The seed sample with its root element (and namespace declarations) replaced.
std::string SeedWithRoot(const std::string& open, const std::string& close) {
  std::string xml = ReadTestData("seed_order.xml");
  const std::size_t start = xml.find("<ns3:order ");
  const std::size_t end = xml.find('>', start) + 1;
  xml.replace(start, end - start, open);
  xml.replace(xml.rfind("</ns3:order>"), sizeof("</ns3:order>") - 1, close);
  return xml;
}

TEST(OrderXmlTest, RootMayUseEitherOrdersNamespaceAnyPrefix) {
  const Order expected = FromXml(ReadTestData("seed_order.xml"));
  EXPECT_EQ(FromXml(SeedWithRoot(R"(<ns3:order xmlns:ns3="http://walmart.com/mp/orders">)",
                                 "</ns3:order>")),
            expected);
  // A default namespace on the root; children keep their (undeclared here,
  // but harmless) prefix: elements are read by local name.
  EXPECT_EQ(
      FromXml(SeedWithRoot(
          R"(<order xmlns="http://walmart.com/mp/v3/orders" xmlns:ns3="http://walmart.com/mp/v3/orders">)",
          "</order>")),
      expected);
}

TEST(OrderXmlTest, RootOutsideTheOrdersNamespacesIsRefusedAsWalmartDoes) {
  for (const auto& [open, close, uri] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {R"(<order xmlns:ns3="http://walmart.com/mp/v3/orders">)", "</order>", ""},
           {R"(<ns3:order xmlns:ns3="http://example.com/">)", "</ns3:order>",
            "http://example.com/"},
       }) {
    Result<Order> order = DecodeOrderXml(SeedWithRoot(open, close));
    ASSERT_FALSE(order.ok()) << open;
    EXPECT_EQ(order.status().code(), ErrorCode::kInvalidRequestContent);
    EXPECT_EQ(order.status().description(),
              "unexpected element (uri:\"" + uri +
                  "\", local:\"order\"). Expected elements are "
                  "<{http://walmart.com/mp/orders}order>,<{http://walmart.com/mp/v3/orders}order>");
  }
}

TEST(OrderXmlTest, ErrorsNameTheFieldAsTheJsonDecoderDoes) {
  std::string xml = ReadTestData("seed_order.xml");
  xml.replace(xml.find("<ns3:sku>"), xml.find("</ns3:sku>") + 10 - xml.find("<ns3:sku>"), "");
  Result<Order> order = DecodeOrderXml(xml);
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(order.status().field(), "order.orderLines.orderLine[0].item.sku");
  EXPECT_EQ(order.status().description(),
            "Required field 'order.orderLines.orderLine[0].item.sku' is missing.");

  std::string bad_amount = ReadTestData("seed_order.xml");
  bad_amount.replace(bad_amount.find(" 5.00 "), 6, "5.001");
  Result<Order> precise = DecodeOrderXml(bad_amount);
  ASSERT_FALSE(precise.ok());
  EXPECT_EQ(precise.status().field(),
            "order.orderLines.orderLine[0].charges.charge[0].chargeAmount.amount");

  std::string bad_date = ReadTestData("seed_order.xml");
  bad_date.replace(bad_date.find("2021-06-15T22:33:27.000Z"), 24, "yesterday");
  Result<Order> dated = DecodeOrderXml(bad_date);
  ASSERT_FALSE(dated.ok());
  EXPECT_EQ(dated.status().field(), "order.orderDate");
}

TEST(OrderXmlTest, NilCdataAndReferencesAreRead) {
  std::string xml = ReadTestData("seed_order.xml");
  xml.replace(
      xml.find("<ns3:addressType>"), 0,
      R"(<ns3:address2 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:nil="true"/>)");
  xml.replace(xml.find(" Donald Ashley "), 15, "<![CDATA[Donald & <Ashley>]]>");
  xml.replace(xml.find(" Cedar hill "), 12, "Cedar &amp; &#x48;ill");
  const Order order = FromXml(xml);
  EXPECT_EQ(order.shipping_info.postal_address.address2, std::nullopt);
  EXPECT_EQ(order.shipping_info.postal_address.name, "Donald & <Ashley>");
  EXPECT_EQ(order.shipping_info.postal_address.city, "Cedar & Hill");
}

TEST(OrderXmlTest, MalformedDocumentsSayWhere) {
  for (std::string_view xml :
       {"", "   ", "<ns3:order", "not xml at all",
        "<ns3:order xmlns:ns3=\"http://walmart.com/mp/v3/orders\"></ns3:ordr>"}) {
    Result<Order> order = DecodeOrderXml(xml);
    ASSERT_FALSE(order.ok()) << xml;
    EXPECT_EQ(order.status().code(), ErrorCode::kMalformedRequestContent) << xml;
    EXPECT_FALSE(order.status().description().empty());
  }
  Result<Order> mismatch = DecodeOrderXml("<a><b></a>");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_NE(mismatch.status().description().find("not well-formed XML"), std::string::npos)
      << mismatch.status().description();
  EXPECT_NE(mismatch.status().description().find("at offset"), std::string::npos);
}

// Found by fuzzing (fuzz/regressions/order_xml/invalid-utf8-text.xml): bytes
// that are not UTF-8 in a UTF-8 document were kept, and the order's JSON form
// was then not valid JSON.
TEST(OrderXmlTest, TextOrNamesThatAreNotUtf8AreMalformed) {
  const std::string seed = ReadTestData("seed_order.xml");
  for (std::string_view bad : {"\xFF", "R\xC3", "\xED\xA0\x80", "\xC0\xAF", "\xF4\x90\x80\x80"}) {
    std::string xml = seed;
    xml.replace(xml.find("RESIDENTIAL"), 1, bad);
    Result<Order> order = DecodeOrderXml(xml);
    ASSERT_FALSE(order.ok());
    EXPECT_EQ(order.status().code(), ErrorCode::kMalformedRequestContent);
    EXPECT_NE(order.status().description().find("UTF-8"), std::string::npos)
        << order.status().description();
  }
  std::string name = seed;
  name.replace(name.find("<ns3:phone>"), 11, "<ns3:ph\xE9one>");
  name.replace(name.find("</ns3:phone>"), 12, "</ns3:ph\xE9one>");
  EXPECT_EQ(DecodeOrderXml(name).status().code(), ErrorCode::kMalformedRequestContent);
  // Valid multi-byte text is kept as it is.
  std::string accented = seed;
  accented.replace(accented.find(" Cedar hill "), 12, "C\xC3\xA9" "dar \xF0\x9F\x8C\xB2");
  EXPECT_EQ(FromXml(accented).shipping_info.postal_address.city, "C\xC3\xA9" "dar \xF0\x9F\x8C\xB2");
}

// Found by fuzzing (fuzz/regressions/order_xml/empty-status-list.xml): a line
// without statuses was written as an empty wrapper, which did not read back.
TEST(OrderXmlTest, EmptyListWrappersReadBackAsEmptyLists) {
  Order order = FromXml(ReadTestData("seed_order.xml"));
  order.order_lines[0].statuses.clear();
  const std::string encoded = EncodeOrderResponseXml(order, OrderView::Full());
  ASSERT_NE(encoded.find("<ns3:orderLineStatuses></ns3:orderLineStatuses>"), std::string::npos);
  Result<Order> again = DecodeOrderXml(encoded);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_TRUE(again->order_lines[0].statuses.empty());
  EXPECT_EQ(EncodeOrderResponseXml(*again, OrderView::Full()), encoded);
  std::string self_closing = encoded;
  self_closing.replace(self_closing.find("<ns3:orderLineStatuses></ns3:orderLineStatuses>"),
                       47, "<ns3:orderLineStatuses/>");
  EXPECT_TRUE(DecodeOrderXml(self_closing).ok());
}

}  // namespace
}  // namespace mporders
