// Answers assembled from per-order parts are the very bytes of the one-pass
// encoders: readers that keep parts cannot change an answer.

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "codec/json_test_util.h"
#include "codec/order_json.h"
#include "codec/order_xml.h"

namespace mporders {
namespace {

using testing::ReadTestData;

// The list answer the server sends: the envelope's pieces with the orders,
// one after another.
std::string JoinList(const ListEnvelope& envelope, const std::vector<std::string_view>& orders) {
  std::string out;
  for (std::string_view piece : ListPieces(envelope, orders)) out.append(piece);
  return out;
}

Order Seed(std::string_view file) {
  Result<Order> order = DecodeOrderJson(ReadTestData(file));
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  return order.ok() ? std::move(order).value() : Order{};
}

// Two different seed orders and a third with a line removed, so the parts
// differ in size and content.
std::vector<Order> SampleOrders() {
  std::vector<Order> orders = {Seed("seed_order.json"), Seed("seed_order_attributes.json")};
  Order third = orders[1];
  third.purchase_order_id += "-3";
  if (third.order_lines.size() > 1) third.order_lines.pop_back();
  third.shipping_info.postal_address.name = "Ana <& \"Quote\">";
  orders.push_back(third);
  return orders;
}

std::vector<OrderView> Views() {
  return {OrderView{}, OrderView{true, false}, OrderView{false, true}, OrderView{true, true}};
}

std::vector<ListMeta> Metas() {
  return {ListMeta{3, 100, std::nullopt}, ListMeta{1234, 2, std::string("?limit=2&cursor=a+b/c")}};
}

// One format's encoders: the part, the answers from parts and in one pass.
struct Format {
  void (*append_part)(std::string&, const Order&, const OrderView&);
  std::string (*response_from_part)(std::string_view);
  ListEnvelope (*list_envelope)(const ListMeta&);
  std::string (*response)(const Order&, const OrderView&);
  std::string (*list)(const ListMeta&, const std::vector<const Order*>&, const OrderView&);
};

void ExpectPartsAssembleTheOnePassAnswers(const Format& format) {
  const std::vector<Order> orders = SampleOrders();
  std::vector<const Order*> pointers;
  for (const Order& order : orders) pointers.push_back(&order);
  for (const OrderView& view : Views()) {
    std::vector<std::string> parts;
    for (const Order& order : orders) {
      std::string part;
      format.append_part(part, order, view);
      EXPECT_EQ(format.response_from_part(part), format.response(order, view));
      parts.push_back(part);
    }
    for (const ListMeta& meta : Metas()) {
      for (std::size_t n = 0; n <= orders.size(); ++n) {
        const std::vector<std::string_view> first_parts(parts.begin(), parts.begin() + n);
        const std::vector<const Order*> first(pointers.begin(), pointers.begin() + n);
        EXPECT_EQ(JoinList(format.list_envelope(meta), first_parts), format.list(meta, first, view))
            << n << " orders";
      }
    }
  }
}

TEST(OrderPartsTest, JsonAnswersFromPartsEqualTheOnePassEncoding) {
  ExpectPartsAssembleTheOnePassAnswers({AppendOrderJson, OrderResponseJsonFromPart,
                                        OrderListJsonEnvelope, EncodeOrderResponseJson,
                                        EncodeOrderListJson});
}

TEST(OrderPartsTest, XmlAnswersFromPartsEqualTheOnePassEncoding) {
  ExpectPartsAssembleTheOnePassAnswers({AppendOrderXmlContent, OrderResponseXmlFromPart,
                                        OrderListXmlEnvelope, EncodeOrderResponseXml,
                                        EncodeOrderListXml});
}

TEST(OrderPartsTest, AppendingAPartKeepsWhatTheStringHeld) {
  const Order order = Seed("seed_order.json");
  std::string json = "prefix";
  AppendOrderJson(json, order, OrderView{});
  EXPECT_EQ(json.substr(0, 6), "prefix");
  std::string xml = "prefix";
  AppendOrderXmlContent(xml, order, OrderView{});
  EXPECT_EQ(xml.substr(0, 6), "prefix");
  EXPECT_EQ(OrderResponseXmlFromPart(std::string_view(xml).substr(6)),
            EncodeOrderResponseXml(order, OrderView{}));
}

}  // namespace
}  // namespace mporders
