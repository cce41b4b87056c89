#include "codec/ca/ca_order.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "core/time_format.h"

namespace mporders {
namespace {

// 2016-06-15T06:00:00.000Z
constexpr EpochMillis kOrderDate = 1465970400000;

Order CanadianOrder() {
  Order order;
  order.purchase_order_id = "1577014034085";
  order.customer_order_id = "5281625161391";
  order.customer_email_id = "buyer@relay.walmart.com";
  order.order_date = kOrderDate;
  order.shipping_info.phone = "6475550100";
  order.shipping_info.estimated_delivery_date = kOrderDate + 5 * kMillisPerDay;
  order.shipping_info.estimated_ship_date = kOrderDate + kMillisPerDay;
  order.shipping_info.method_code = "OneDay";
  order.shipping_info.postal_address = {"Jane Roe", "100 Queen St W", std::nullopt, "Toronto",
                                        "ON",       "M5H 2N2",        "CA",         "RESIDENTIAL",
                                        {}};
  OrderLine line;
  line.line_number = "1";
  line.item = {"Maple Syrup", "SKU-1", std::nullopt, std::nullopt, {}};
  Charge product;
  product.charge_type = "PRODUCT";
  product.charge_name = "ItemPrice";
  product.charge_amount.currency = "CAD";
  product.charge_amount.minor = 1250;
  product.tax.emplace();
  product.tax->tax_name = "HST";
  product.tax->tax_amount.currency = "CAD";
  product.tax->tax_amount.minor = 163;
  line.charges.push_back(product);
  Charge shipping;
  shipping.charge_type = "SHIPPING";
  shipping.charge_name = "Shipping";
  shipping.charge_amount.currency = "CAD";
  shipping.charge_amount.minor = 500;
  line.charges.push_back(shipping);
  line.order_line_quantity = {"EACH", 2, {}};
  line.status_date = kOrderDate + 1000;
  OrderLineStatus created;
  created.status = LineStatus::kCreated;
  created.status_quantity = {"EACH", 1, {}};
  OrderLineStatus shipped;
  shipped.status = LineStatus::kShipped;
  shipped.status_quantity = {"EACH", 1, {}};
  TrackingInfo tracking;
  tracking.ship_date_time = kOrderDate + 2000;
  tracking.carrier_name.carrier = "CANPAR";
  tracking.method_code = "WhiteGlove";
  tracking.tracking_number = "D420352470000000123";
  shipped.tracking_info = tracking;
  line.statuses = {created, shipped};
  SetShipFromCountry(line, "CA");
  order.order_lines.push_back(line);
  return order;
}

TEST(CaOrderCodec, JsonHasTheSchemaShape) {
  Order order = CanadianOrder();
  order.buyer_id = "US-only";
  order.ship_node = ShipNode{"SellerFulfilled", std::nullopt, std::nullopt, {}};
  const std::string text = ca::EncodeOrderJson(order, OrderView{});
  const boost::json::object doc = boost::json::parse(text).as_object();
  // A bare Order object: no {"order": ...} envelope, no US-only members.
  EXPECT_EQ(doc.at("purchaseOrderId").as_string(), "1577014034085");
  EXPECT_FALSE(doc.contains("order"));
  EXPECT_FALSE(doc.contains("buyerId"));
  EXPECT_FALSE(doc.contains("shipNode"));
  EXPECT_EQ(doc.at("orderDate").as_string(), "2016-06-15T06:00:00.000Z");
  EXPECT_EQ(doc.at("shippingInfo").at("methodCode").as_string(), "OneDay");
  const auto& line = doc.at("orderLines").at("orderLine").as_array().at(0).as_object();
  EXPECT_EQ(line.at("shipFromCountry").as_string(), "CA");
  const auto& status = line.at("orderLineStatuses").at("orderLineStatus").as_array();
  EXPECT_EQ(status.at(0).at("status").as_string(), "Created");
  EXPECT_EQ(status.at(1).at("trackingInfo").at("shipDateTime").as_string(),
            "2016-06-15T06:00:02.000Z");
  EXPECT_EQ(status.at(1).at("trackingInfo").at("methodCode").as_string(), "WhiteGlove");
  EXPECT_EQ(line.at("orderLineQuantity").at("amount").as_string(), "2");
  // CAD with its two decimals, written as the money text gives it.
  EXPECT_NE(text.find(R"("chargeAmount":{"currency":"CAD","amount":12.50})"), std::string::npos)
      << text;
  EXPECT_NE(text.find(R"("taxAmount":{"currency":"CAD","amount":1.63})"), std::string::npos);
  EXPECT_NE(text.find(R"("amount":5.00})"), std::string::npos);
}

TEST(CaOrderCodec, JsonRoundTrip) {
  const Order order = CanadianOrder();
  auto decoded = ca::DecodeOrderJson(ca::EncodeOrderJson(order, OrderView{}));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, order);
  EXPECT_EQ(ShipFromCountry(decoded->order_lines.at(0)), "CA");
}

TEST(CaOrderCodec, XmlIsTheExamplesForm) {
  const std::string xml = ca::EncodeOrderXml(CanadianOrder(), OrderView{});
  EXPECT_EQ(xml.rfind(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns3:order )", 0),
            0u)
      << xml;
  EXPECT_NE(xml.find(R"(xmlns:ns3="http://walmart.com/mp/v3/orders")"), std::string::npos);
  EXPECT_NE(xml.find("<ns3:orderDate>2016-06-15T06:00:00.000Z</ns3:orderDate>"), std::string::npos);
  EXPECT_NE(xml.find("<ns3:chargeAmount><ns3:currency>CAD</ns3:currency><ns3:amount>12.50"
                     "</ns3:amount></ns3:chargeAmount>"),
            std::string::npos);
  EXPECT_NE(xml.find("<ns3:orderLines><ns3:orderLine><ns3:lineNumber>1</ns3:lineNumber>"
                     "<ns3:shipFromCountry>CA</ns3:shipFromCountry>"),
            std::string::npos);
  EXPECT_NE(xml.find("<ns3:status>Shipped</ns3:status>"), std::string::npos);
  EXPECT_EQ(xml.substr(xml.size() - 12), "</ns3:order>");
}

TEST(CaOrderCodec, XmlRoundTrip) {
  const Order order = CanadianOrder();
  auto decoded = ca::DecodeOrderXml(ca::EncodeOrderXml(order, OrderView{}));
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, order);
}

TEST(CaOrderCodec, AcceptsTheSchemasUpperCaseEnums) {
  std::string text = ca::EncodeOrderJson(CanadianOrder(), OrderView{});
  for (auto [from, to] :
       {std::pair{"\"Created\"", "\"CREATED\""}, std::pair{"\"Shipped\"", "\"SHIPPED\""},
        std::pair{"\"OneDay\"", "\"ONE_DAY\""}, std::pair{"\"WhiteGlove\"", "\"white_glove\""}}) {
    const std::size_t at = text.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    text.replace(at, std::string_view(from).size(), to);
  }
  auto decoded = ca::DecodeOrderJson(text);
  ASSERT_TRUE(decoded.ok()) << decoded.status().ToString();
  EXPECT_EQ(*decoded, CanadianOrder());
}

TEST(CaOrderCodec, ListsHaveMetaAndElements) {
  const Order order = CanadianOrder();
  ListMeta meta{31, 10, std::string("c1abc")};
  const std::string json = ca::EncodeOrderListJson(meta, {&order, &order}, OrderView{});
  const boost::json::object doc = boost::json::parse(json).as_object();
  EXPECT_FALSE(doc.contains("list"));
  EXPECT_EQ(doc.at("meta").at("totalCount").as_int64(), 31);
  EXPECT_EQ(doc.at("meta").at("limit").as_int64(), 10);
  EXPECT_EQ(doc.at("meta").at("nextCursor").as_string(), "c1abc");
  EXPECT_EQ(doc.at("elements").at("order").as_array().size(), 2u);

  const std::string xml = ca::EncodeOrderListXml(ListMeta{0, 10, std::nullopt}, {}, OrderView{});
  EXPECT_NE(xml.find("<ns3:list "), std::string::npos) << xml;
  EXPECT_NE(xml.find("<ns3:meta><ns3:totalCount>0</ns3:totalCount><ns3:limit>10</ns3:limit>"
                     "</ns3:meta>"),
            std::string::npos)
      << xml;
  EXPECT_EQ(xml.find("nextCursor"), std::string::npos);
}

}  // namespace
}  // namespace mporders
