#include "codec/order_json.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <string>

#include "codec/json_test_util.h"
#include "codec/json_tree.h"

namespace mporders {
namespace {

using testing::JsonEquivalent;
using testing::ParseForTest;
using testing::ReadTestData;

Order DecodeOrFail(std::string_view json) {
  Result<Order> order = DecodeOrderJson(json);
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  return order.ok() ? std::move(order).value() : Order{};
}

// Decodes a seed, encodes it with every flag on and expects the same document.
void ExpectSeedRoundTrip(const char* file) {
  const std::string seed = ReadTestData(file);
  const Order order = DecodeOrFail(seed);
  const std::string encoded = EncodeOrderResponseJson(order, OrderView::Full());
  std::string difference;
  EXPECT_TRUE(JsonEquivalent(ParseForTest(encoded), ParseForTest(seed), &difference))
      << file << ": " << difference << "\n"
      << encoded;
  // Stronger: key order and number spelling match the seed too, so the text
  // equals the seed with its whitespace removed.
  JsonNode tree;
  ASSERT_TRUE(ParseJsonTree(seed, tree).ok());
  EXPECT_EQ(encoded, SerializeJsonNode(tree));
}

// Parses `json`, lets `edit` change it and serializes it again.
template <typename Edit>
std::string EditedSeed(const char* file, Edit edit) {
  boost::json::value doc = ParseForTest(ReadTestData(file));
  edit(doc.at("order").as_object());
  return boost::json::serialize(doc);
}

boost::json::object& FirstLine(boost::json::object& order) {
  return order.at("orderLines").at("orderLine").as_array()[0].as_object();
}

void ExpectInvalid(const std::string& json, const std::string& field) {
  Result<Order> order = DecodeOrderJson(json);
  ASSERT_FALSE(order.ok()) << "accepted, expected error at " << field;
  EXPECT_EQ(order.status().code(), ErrorCode::kInvalidRequestContent) << order.status().ToString();
  EXPECT_EQ(order.status().field(), field) << order.status().ToString();
  EXPECT_NE(order.status().description().find(field), std::string::npos)
      << order.status().description();
}

TEST(OrderJsonTest, SeedOrderRoundTrips) { ExpectSeedRoundTrip("seed_order.json"); }

TEST(OrderJsonTest, SeedOrderWithAllAttributesRoundTrips) {
  ExpectSeedRoundTrip("seed_order_attributes.json");
}

TEST(OrderJsonTest, DecodesSeedIntoTheModel) {
  const Order order = DecodeOrFail(ReadTestData("seed_order_attributes.json"));
  EXPECT_EQ(order.purchase_order_id, "1796277083022");
  EXPECT_EQ(order.order_type, "REPLACEMENT");
  EXPECT_EQ(order.original_customer_order_id, "1234567891234");
  EXPECT_EQ(order.order_date, 1568466571000);
  EXPECT_EQ(order.shipping_info.postal_address.address2, "Garage");
  ASSERT_EQ(order.order_lines.size(), 1u);
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(line.charges.size(), 1u);
  EXPECT_EQ(line.charges[0].charge_amount, (Money{"USD", 1000}));
  ASSERT_TRUE(line.charges[0].tax.has_value());
  EXPECT_EQ(line.charges[0].tax->tax_amount.minor, 80);
  ASSERT_EQ(line.charges[0].extras.size(), 1u);
  EXPECT_EQ(line.charges[0].extras[0].first, "taxAndOtherFees");
  EXPECT_EQ(line.order_line_quantity.amount, 1);
  ASSERT_EQ(line.statuses.size(), 1u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kCreated);
  ASSERT_TRUE(line.statuses[0].tracking_info.has_value());
  EXPECT_EQ(line.statuses[0].tracking_info->carrier_method_code, 19);
  EXPECT_EQ(line.statuses[0].tracking_info->carrier_name.other_carrier, "xyz");
  ASSERT_TRUE(line.refund.has_value());
  ASSERT_EQ(line.refund->refund_charges.size(), 1u);
  EXPECT_EQ(line.refund->refund_charges[0].charge.charge_amount.minor, 79800);
  ASSERT_TRUE(line.fulfillment.has_value());
  EXPECT_EQ(line.fulfillment->pick_up_date_time, 1568919600000);
  ASSERT_TRUE(order.ship_node.has_value());
  EXPECT_EQ(order.ship_node->type, "3PLFulfilled");
}

TEST(OrderJsonTest, ReplacementInfoFlagControlsOrderTypeMembers) {
  const Order order = DecodeOrFail(ReadTestData("seed_order_attributes.json"));
  const boost::json::value hidden = ParseForTest(EncodeOrderResponseJson(order, OrderView{}));
  EXPECT_FALSE(hidden.at("order").as_object().contains("orderType"));
  EXPECT_FALSE(hidden.at("order").as_object().contains("originalCustomerOrderID"));
  const boost::json::value shown =
      ParseForTest(EncodeOrderResponseJson(order, OrderView{false, true}));
  EXPECT_EQ(shown.at("order").at("orderType"), "REPLACEMENT");
  EXPECT_EQ(shown.at("order").at("originalCustomerOrderID"), "1234567891234");
}

TEST(OrderJsonTest, ProductInfoFlagControlsImageUrlAndWeight) {
  Order order = DecodeOrFail(ReadTestData("seed_order.json"));
  order.order_lines[0].item.image_url = "https://i5.walmartimages.com/x.jpg";
  order.order_lines[0].item.weight = Weight{"2.5", "Pounds", {}};
  const auto item_of = [](const std::string& json) {
    return ParseForTest(json).at("order").at("orderLines").at("orderLine").at(0).at("item");
  };
  const boost::json::value hidden = item_of(EncodeOrderResponseJson(order, OrderView{}));
  EXPECT_FALSE(hidden.as_object().contains("imageUrl"));
  EXPECT_FALSE(hidden.as_object().contains("weight"));
  EXPECT_EQ(hidden.at("sku"), "YHY-FN25200B2");
  const boost::json::value shown = item_of(EncodeOrderResponseJson(order, OrderView{true, false}));
  EXPECT_EQ(shown.at("imageUrl"), "https://i5.walmartimages.com/x.jpg");
  EXPECT_EQ(shown.at("weight").at("value"), "2.5");
  EXPECT_EQ(shown.at("weight").at("unit"), "Pounds");
}

TEST(OrderJsonTest, MoneyAndQuantityWireFormats) {
  Order order = DecodeOrFail(ReadTestData("seed_order.json"));
  order.order_lines[0].charges[0].charge_amount.minor = 1998;
  order.order_lines[0].charges[0].tax->tax_amount.minor = -540;
  order.order_lines[0].order_line_quantity.amount = 12;
  const std::string json = EncodeOrderResponseJson(order, OrderView{});
  EXPECT_NE(json.find("\"chargeAmount\":{\"currency\":\"USD\",\"amount\":19.98}"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find("\"taxAmount\":{\"currency\":\"USD\",\"amount\":-5.4}"), std::string::npos);
  EXPECT_NE(json.find("\"orderLineQuantity\":{\"unitOfMeasurement\":\"EACH\",\"amount\":\"12\"}"),
            std::string::npos);
}

TEST(OrderJsonTest, EmptyListsKeepTheirWrappersAndAbsentOptionalsAreOmitted) {
  Order order;
  order.purchase_order_id = "1";
  OrderLine line;
  line.line_number = "1";
  order.order_lines.push_back(line);
  const std::string json = EncodeOrderResponseJson(order, OrderView::Full());
  const boost::json::value v = ParseForTest(json);
  const auto& line_json = v.at("order").at("orderLines").at("orderLine").at(0).as_object();
  EXPECT_TRUE(line_json.at("charges").at("charge").as_array().empty());
  EXPECT_TRUE(line_json.at("orderLineStatuses").at("orderLineStatus").as_array().empty());
  EXPECT_FALSE(line_json.contains("refund"));
  EXPECT_FALSE(line_json.contains("fulfillment"));
  EXPECT_FALSE(v.at("order").as_object().contains("shipNode"));
  EXPECT_FALSE(v.at("order").as_object().contains("orderType"));
  EXPECT_EQ(json.find("null"), std::string::npos) << json;

  order.order_lines.clear();
  EXPECT_NE(EncodeOrderResponseJson(order, OrderView{}).find("\"orderLines\":{\"orderLine\":[]}"),
            std::string::npos);
}

TEST(OrderJsonTest, StringsAreEscaped) {
  Order order = DecodeOrFail(ReadTestData("seed_order.json"));
  order.order_lines[0].item.product_name = "Cart \"XL\"\n\\ Caf\xC3\xA9";
  const std::string json = EncodeOrderResponseJson(order, OrderView{});
  const Order back = DecodeOrFail(json);
  EXPECT_EQ(back.order_lines[0].item.product_name, order.order_lines[0].item.product_name);
}

TEST(OrderJsonTest, UnknownMembersArePreservedVerbatimAfterKnownOnes) {
  const std::string json = EditedSeed("seed_order.json", [](boost::json::object& order) {
    order["paymentTypes"] = boost::json::array{"CREDIT_CARD"};
    FirstLine(order)["item"].as_object()["condition"] = "New";
    order["shippingInfo"].as_object()["postalAddress"].as_object()["geo"] =
        boost::json::object{{"lat", 1}, {"tags", boost::json::array{true, nullptr}}};
  });
  // Insert a number whose spelling a double could not keep.
  std::string with_text = json;
  with_text.insert(with_text.find("\"purchaseOrderId\""), "\"orderSummary\":{\"total\":1.50},");
  const Order order = DecodeOrFail(with_text);
  ASSERT_EQ(order.extras.size(), 2u);
  EXPECT_EQ(order.extras[0].first, "orderSummary");
  EXPECT_EQ(order.extras[0].second, "{\"total\":1.50}");
  EXPECT_EQ(order.extras[1].first, "paymentTypes");
  EXPECT_EQ(order.extras[1].second, "[\"CREDIT_CARD\"]");
  ASSERT_EQ(order.order_lines[0].item.extras.size(), 1u);
  EXPECT_EQ(order.order_lines[0].item.extras[0].second, "\"New\"");
  EXPECT_EQ(order.shipping_info.postal_address.extras[0].second,
            "{\"lat\":1,\"tags\":[true,null]}");

  const std::string encoded = EncodeOrderResponseJson(order, OrderView::Full());
  EXPECT_NE(encoded.find("\"orderSummary\":{\"total\":1.50}"), std::string::npos);
  EXPECT_GT(encoded.find("\"orderSummary\""), encoded.find("\"shipNode\""));
  EXPECT_GT(encoded.find("\"condition\""), encoded.find("\"sku\""));
  std::string difference;
  EXPECT_TRUE(JsonEquivalent(ParseForTest(encoded), ParseForTest(with_text), &difference))
      << difference;
}

TEST(OrderJsonTest, NullMeansAbsent) {
  const std::string json = EditedSeed("seed_order.json", [](boost::json::object& order) {
    order["shippingInfo"].as_object()["postalAddress"].as_object()["address2"] = nullptr;
    order["shipNode"] = nullptr;
    FirstLine(order)["refund"] = nullptr;
  });
  const Order order = DecodeOrFail(json);
  EXPECT_FALSE(order.shipping_info.postal_address.address2.has_value());
  EXPECT_FALSE(order.ship_node.has_value());
  EXPECT_FALSE(order.order_lines[0].refund.has_value());
  EXPECT_TRUE(order.shipping_info.postal_address.extras.empty());
  EXPECT_EQ(EncodeOrderResponseJson(order, OrderView::Full()).find("address2"), std::string::npos);
}

TEST(OrderJsonTest, MissingRequiredFieldsNameTheirPath) {
  ExpectInvalid(
      EditedSeed("seed_order.json",
                 [](boost::json::object& o) { FirstLine(o)["item"].as_object().erase("sku"); }),
      "order.orderLines.orderLine[0].item.sku");
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o.erase("purchaseOrderId"); }),
      "order.purchaseOrderId");
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o.erase("shippingInfo"); }),
      "order.shippingInfo");
  ExpectInvalid(
      EditedSeed("seed_order.json",
                 [](boost::json::object& o) {
                   o["shippingInfo"].as_object()["postalAddress"].as_object().erase("city");
                 }),
      "order.shippingInfo.postalAddress.city");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) {
                             FirstLine(o)["charges"]
                                 .at("charge")
                                 .at(0)
                                 .at("chargeAmount")
                                 .as_object()
                                 .erase("currency");
                           }),
                "order.orderLines.orderLine[0].charges.charge[0].chargeAmount.currency");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) {
                             FirstLine(o)["orderLineStatuses"]
                                 .at("orderLineStatus")
                                 .at(0)
                                 .at("trackingInfo")
                                 .as_object()
                                 .erase("trackingNumber");
                           }),
                "order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].trackingInfo."
                "trackingNumber");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) { FirstLine(o).erase("statusDate"); }),
                "order.orderLines.orderLine[0].statusDate");
  // Null is absence, also for required members.
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o["orderDate"] = nullptr; }),
      "order.orderDate");
}

TEST(OrderJsonTest, BareOrderPathsHaveNoPrefix) {
  boost::json::value doc = ParseForTest(ReadTestData("seed_order.json"));
  boost::json::object bare = doc.at("order").as_object();
  bare.erase("customerOrderId");
  ExpectInvalid(boost::json::serialize(bare), "customerOrderId");
}

TEST(OrderJsonTest, WrongTypesNameTheirPath) {
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o["orderDate"] = "yesterday"; }),
      "order.orderDate");
  ExpectInvalid(EditedSeed("seed_order.json", [](boost::json::object& o) { o["orderDate"] = 1.5; }),
                "order.orderDate");
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o["shippingInfo"] = "x"; }),
      "order.shippingInfo");
  ExpectInvalid(
      EditedSeed("seed_order.json", [](boost::json::object& o) { o["customerEmailId"] = true; }),
      "order.customerEmailId");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) {
                             FirstLine(o)["orderLineQuantity"].as_object()["amount"] = "-1";
                           }),
                "order.orderLines.orderLine[0].orderLineQuantity.amount");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) {
                             FirstLine(o)["orderLineQuantity"].as_object()["amount"] = "1.5";
                           }),
                "order.orderLines.orderLine[0].orderLineQuantity.amount");
  ExpectInvalid(EditedSeed("seed_order.json",
                           [](boost::json::object& o) {
                             FirstLine(o)["orderLineQuantity"].as_object()["unitOfMeasurement"] =
                                 "BOX";
                           }),
                "order.orderLines.orderLine[0].orderLineQuantity.unitOfMeasurement");
  ExpectInvalid(
      EditedSeed(
          "seed_order.json",
          [](boost::json::object& o) {
            FirstLine(o)["orderLineStatuses"].at("orderLineStatus").at(0).as_object()["status"] =
                "Lost";
          }),
      "order.orderLines.orderLine[0].orderLineStatuses.orderLineStatus[0].status");
  ExpectInvalid(
      EditedSeed("seed_order.json",
                 [](boost::json::object& o) { FirstLine(o)["charges"] = boost::json::array{}; }),
      "order.orderLines.orderLine[0].charges");
}

TEST(OrderJsonTest, MoneyAmountsAreExactAndLimitedToCents) {
  std::string seed = ReadTestData("seed_order.json");
  const auto with_amount = [&](const std::string& amount) {
    std::string text = seed;
    const std::size_t at = text.find("\"amount\": 5");
    text.replace(at, std::string("\"amount\": 5").size(), "\"amount\": " + amount);
    return text;
  };
  const std::string field = "order.orderLines.orderLine[0].charges.charge[0].chargeAmount.amount";
  ExpectInvalid(with_amount("0.345"), field);
  ExpectInvalid(with_amount("\"five\""), field);
  ExpectInvalid(with_amount("1e30"), field);
  ExpectInvalid(with_amount("[]"), field);
  const std::pair<const char*, std::int64_t> kGood[] = {
      {"0.1", 10},    {"0.01", 1},  {"100", 10000},   {"-0.4", -40},
      {"1e2", 10000}, {"0.29", 29}, {"19.990", 1999}, {"\"7.25\"", 725}};
  for (const auto& [text, minor] : kGood) {
    const Order order = DecodeOrFail(with_amount(text));
    EXPECT_EQ(order.order_lines[0].charges[0].charge_amount.minor, minor) << text;
  }
}

TEST(OrderJsonTest, TolerantInputs) {
  const std::string json = EditedSeed("seed_order.json", [](boost::json::object& o) {
    auto& line = FirstLine(o);
    line["lineNumber"] = 1;
    line["orderLineQuantity"].as_object()["amount"] = 3;
    line["orderLineQuantity"].as_object()["unitOfMeasurement"] = "Each";
    auto& status = line["orderLineStatuses"].at("orderLineStatus").at(0).as_object();
    status["status"] = "shipped";
    status["trackingInfo"].as_object()["carrierName"] = "FedEx";
    status["trackingInfo"].as_object()["shipDateTime"] = "2021-06-16T09:30:55Z";
    // A single object where an array is expected.
    line["charges"].as_object()["charge"] = line["charges"].at("charge").at(0);
  });
  const Order order = DecodeOrFail(json);
  const OrderLine& line = order.order_lines[0];
  EXPECT_EQ(line.line_number, "1");
  EXPECT_EQ(line.order_line_quantity.amount, 3);
  EXPECT_EQ(line.order_line_quantity.unit, "Each");
  EXPECT_EQ(line.statuses[0].status, LineStatus::kShipped);
  EXPECT_EQ(line.statuses[0].tracking_info->carrier_name.carrier, "FedEx");
  EXPECT_FALSE(line.statuses[0].tracking_info->carrier_name.other_carrier.has_value());
  EXPECT_EQ(line.statuses[0].tracking_info->ship_date_time, 1623835855000);
  EXPECT_EQ(line.charges.size(), 1u);
}

TEST(OrderJsonTest, MalformedDocuments) {
  for (const char* text : {"", "not json", "{\"order\":", "[]", "42", "\"order\"", "null"}) {
    Result<Order> order = DecodeOrderJson(text);
    ASSERT_FALSE(order.ok()) << text;
    EXPECT_EQ(order.status().code(), ErrorCode::kMalformedRequestContent) << text;
  }
  Result<Order> order = DecodeOrderJson("{\"order\":5}");
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), ErrorCode::kInvalidRequestContent);
}

TEST(OrderJsonTest, DeepNestingIsRejected) {
  std::string seed = ReadTestData("seed_order.json");
  std::string deep = std::string(80, '[') + std::string(80, ']');
  seed.insert(seed.find("\"purchaseOrderId\""), "\"deep\":" + deep + ",");
  Result<Order> order = DecodeOrderJson(seed);
  ASSERT_FALSE(order.ok());
  EXPECT_EQ(order.status().code(), ErrorCode::kMalformedRequestContent);
}

TEST(OrderJsonTest, DecodeOrdersAcceptsEveryImportShape) {
  const std::string a = ReadTestData("seed_order.json");
  const std::string b = ReadTestData("seed_order_attributes.json");
  const auto ids = [](const Result<std::vector<Order>>& orders) {
    std::vector<std::string> out;
    if (!orders.ok()) {
      ADD_FAILURE() << orders.status().ToString();
      return out;
    }
    for (const Order& o : *orders) out.push_back(o.purchase_order_id);
    return out;
  };
  const std::vector<std::string> both = {"1815367951431", "1796277083022"};
  EXPECT_EQ(ids(DecodeOrdersJson(a)), std::vector<std::string>{"1815367951431"});
  EXPECT_EQ(ids(DecodeOrdersJson("[" + a + "," + b + "]")), both);
  const std::string bare_b = boost::json::serialize(ParseForTest(b).at("order"));
  EXPECT_EQ(ids(DecodeOrdersJson("[" + a + "," + bare_b + "]")), both);
  EXPECT_EQ(ids(DecodeOrdersJson(bare_b)), std::vector<std::string>{"1796277083022"});
  const std::string list =
      "{\"list\":{\"meta\":{\"totalCount\":2,\"limit\":10},\"elements\":{"
      "\"order\":[" +
      boost::json::serialize(ParseForTest(a).at("order")) + "," + bare_b + "]}}}";
  EXPECT_EQ(ids(DecodeOrdersJson(list)), both);
  EXPECT_TRUE(ids(DecodeOrdersJson("[]")).empty());

  Result<std::vector<Order>> bad = DecodeOrdersJson("[" + a + ",{\"order\":{}}]");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "[1].order.purchaseOrderId");
  EXPECT_EQ(DecodeOrdersJson("{").status().code(), ErrorCode::kMalformedRequestContent);
}

TEST(OrderJsonTest, ListEnvelope) {
  const Order a = DecodeOrFail(ReadTestData("seed_order.json"));
  const Order b = DecodeOrFail(ReadTestData("seed_order_attributes.json"));
  ListMeta meta{31, 2, std::string("?limit=2&hasMoreElements=true&soIndex=31&poIndex=2")};
  const boost::json::value v = ParseForTest(EncodeOrderListJson(meta, {&a, &b}, OrderView{}));
  EXPECT_EQ(v.at("list").at("meta").at("totalCount"), 31);
  EXPECT_EQ(v.at("list").at("meta").at("limit"), 2);
  EXPECT_EQ(v.at("list").at("meta").at("nextCursor"),
            "?limit=2&hasMoreElements=true&soIndex=31&poIndex=2");
  const auto& orders = v.at("list").at("elements").at("order").as_array();
  ASSERT_EQ(orders.size(), 2u);
  EXPECT_EQ(orders[1].at("purchaseOrderId"), "1796277083022");
  EXPECT_FALSE(orders[1].as_object().contains("orderType"));

  const std::string last_page =
      EncodeOrderListJson(ListMeta{0, 100, std::nullopt}, {}, OrderView{});
  EXPECT_EQ(last_page,
            "{\"list\":{\"meta\":{\"totalCount\":0,\"limit\":100},\"elements\":{\"order\":[]}}}");
}

}  // namespace
}  // namespace mporders
