// Orders the service makes up for an MX seller (`seed`, `import` of a
// US-shaped document, the sandbox's generated orders) carry Mexico's full
// order model over real HTTP, and go through the whole MX lifecycle.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "api/mx_fixture.h"

namespace mporders::testing {
namespace {

namespace json = boost::json;

constexpr int kSeeded = 120;
// Before the imported sample order (2021): lists default to the last 180 days.
constexpr char kLongAgo[] = "2020-01-01T00:00:00.000Z";

std::string Str(const json::value& v) { return std::string(v.as_string()); }

// An MXN amount as Mexico writes it: a string, at most two decimals.
void ExpectMxn(const json::value& money, bool negative_allowed = false) {
  ASSERT_TRUE(money.is_object()) << json::serialize(money);
  EXPECT_EQ(Str(money.at("currency")), "MXN");
  const std::string amount = Str(money.at("amount"));
  EXPECT_TRUE(std::regex_match(
      amount, std::regex(negative_allowed ? "-?[0-9]+(\\.[0-9]{1,2})?" : "[0-9]+(\\.[0-9]{1,2})?")))
      << amount;
}

// Centavos of an MX amount string ("12.5" -> 1250).
std::int64_t Centavos(const json::value& money) {
  const std::string amount = Str(money.at("amount"));
  const bool negative = amount.starts_with("-");
  const std::string digits = negative ? amount.substr(1) : amount;
  const auto dot = digits.find('.');
  std::int64_t whole = std::stoll(digits.substr(0, dot));
  std::int64_t cents = 0;
  if (dot != std::string::npos) {
    std::string fraction = digits.substr(dot + 1);
    fraction.resize(2, '0');
    cents = std::stoll(fraction);
  }
  return (negative ? -1 : 1) * (whole * 100 + cents);
}

// Every field of Mexico's model a generated order must have, and shipments
// that agree with the line statuses. Returns the statuses seen on its lines.
// `simulated`: made up by the simulator (not imported), so in its IVA, prices
// and carriers.
std::set<std::string> CheckGeneratedMxOrder(const json::object& order, bool simulated = true) {
  SCOPED_TRACE(json::serialize(order));
  std::set<std::string> seen;
  for (const char* key : {"rfc", "cfdi", "paymentMethod"}) {
    EXPECT_TRUE(order.contains(key) && !order.at(key).as_string().empty()) << key;
  }
  EXPECT_TRUE(std::regex_match(Str(order.at("rfc")), std::regex("[A-Z]{4}[0-9]{6}[0-9A-Z]{3}")));
  EXPECT_TRUE(Str(order.at("paymentMethod")) == "CREDIT" ||
              Str(order.at("paymentMethod")) == "DEBIT");
  const auto& billing = order.at("billingInfo").at("postalAddress").as_object();
  const auto& shipping = order.at("shippingInfo").at("postalAddress").as_object();
  for (const char* key : {"name", "address1", "city", "state", "postalCode", "country"}) {
    EXPECT_EQ(billing.at(key), shipping.at(key)) << key;
  }
  ExpectMxn(order.at("orderTotal"));

  std::int64_t total = 0;
  std::map<std::string, std::int64_t> shipped_units;  // per line, Shipped + Delivered
  std::map<std::string, std::int64_t> open_units;     // Created + Acknowledged (+ Ready to ship)
  const auto& lines = order.at("orderLines").as_array();
  EXPECT_EQ(Str(order.at("totalLines")), std::to_string(lines.size()));
  for (const auto& value : lines) {
    const auto& line = value.as_object();
    const std::string number = Str(line.at("primeLineNumber"));
    EXPECT_EQ(Str(line.at("coLineNumber")), number);
    EXPECT_EQ(Str(line.at("soPrimeLineSubLineNo")),
              Str(order.at("customerOrderId")) + "-" + number + "-1");
    if (simulated || line.at("item").as_object().contains("unitPrice")) {
      ExpectMxn(line.at("item").at("unitPrice"));
    }
    const auto& charges = line.at("charges").as_array();
    EXPECT_FALSE(charges.empty());
    bool product = false;
    for (const auto& c : charges) {
      const std::string type = Str(c.at("chargeType"));
      ExpectMxn(c.at("chargeAmount"), type == "DISCOUNT");
      total += Centavos(c.at("chargeAmount"));
      if (type == "PRODUCT") {
        product = true;
        EXPECT_EQ(Str(c.at("chargeName")), "ItemPrice");
        const auto& taxes = c.at("tax").as_array();
        EXPECT_EQ(Str(taxes.at(0).at("taxName")), "IVA_TAX");
        // IVA 16 % of the net amount, to the centavo per unit.
        const std::int64_t net = Centavos(c.at("chargeAmount"));
        const std::int64_t iva = Centavos(taxes.at(0).at("taxAmount"));
        const std::int64_t units = std::stoll(Str(line.at("orderLineQuantity").at("amount")));
        if (simulated) {
          EXPECT_LE(std::abs(net * 16 - iva * 100), 100 * units) << net << " " << iva;
        }
        if (line.at("item").as_object().contains("unitPrice")) {
          EXPECT_EQ(Centavos(line.at("item").at("unitPrice")) * units, net + iva);
        }
      } else if (type == "SHIPPING") {
        EXPECT_EQ(Str(c.at("chargeName")), "SHIPPING_CH");
        EXPECT_EQ(Str(c.at("tax").at(0).at("taxName")), "SHIP_IVA_TAX");
      } else {
        EXPECT_EQ(type, "DISCOUNT");
        EXPECT_EQ(Str(c.at("chargeName")), "COUPON_DISC");
        EXPECT_LT(Centavos(c.at("chargeAmount")), 0);
      }
      if (c.as_object().contains("tax")) {
        for (const auto& t : c.at("tax").as_array()) {
          ExpectMxn(t.at("taxAmount"));
          total += Centavos(t.at("taxAmount"));
        }
      }
    }
    EXPECT_TRUE(product);
    for (const auto& s : line.at("orderLineStatus").as_array()) {
      const std::string status = Str(s.at("status"));
      const std::int64_t units = std::stoll(Str(s.at("statusQuantity").at("amount")));
      seen.insert(status);
      if (status == "Shipped" || status == "Delivered") shipped_units[number] += units;
      if (status == "Created" || status == "Acknowledged" || status == "Ready to ship") {
        open_units[number] += units;
      }
    }
  }
  EXPECT_EQ(Centavos(order.at("orderTotal")), total);

  // Shipments: every shipped unit in a shipped shipment with carrier,
  // tracking number and dates; every open unit in one Walmart opened.
  std::map<std::string, std::int64_t> in_shipped, in_open;
  for (const auto& value : order.at("shipments").as_array()) {
    const auto& shipment = value.as_object();
    const std::string status = Str(shipment.at("status"));
    EXPECT_FALSE(Str(shipment.at("trackingNumber")).empty());
    EXPECT_FALSE(Str(shipment.at("shipmentNo")).empty());
    const std::string carrier = Str(shipment.at("carrier"));
    if (simulated) {
      EXPECT_TRUE(carrier == "MX-FEDX" || carrier == "MX-DHL" || carrier == "Estafeta") << carrier;
    }
    // Closed by a ship or cancel that took its quantity elsewhere.
    if (status == "Shipment Cancelled") continue;
    const auto& dates = shipment.at("shipmentAdditionalDate").as_object();
    EXPECT_TRUE(dates.contains("shipmentActualCreatedDate"));
    auto& tally = status == "Shipment Shipped" ? in_shipped : in_open;
    if (status == "Shipment Shipped") {
      EXPECT_TRUE(shipment.contains("shipDateTime"));
      EXPECT_TRUE(dates.contains("shipmentShippedDate"));
    } else {
      EXPECT_EQ(status, "Shipment Created");
      EXPECT_EQ(Str(shipment.at("isSellerOwnedShipment")), "N");
      EXPECT_TRUE(dates.contains("expectedShipmentACKDate"));
    }
    for (const auto& part : shipment.at("shipmentLines").as_array()) {
      tally[Str(part.at("primeLineNo"))] += std::stoll(Str(part.at("quantity").at("amount")));
    }
  }
  EXPECT_EQ(in_shipped, shipped_units);
  EXPECT_EQ(in_open, open_units);
  return seen;
}

class MxGeneratedTest : public MxApiTest {
 protected:
  void BeforeServe() override {
    MxApiTest::BeforeServe();
    ASSERT_EQ(RunCli({"seed", "--db", db_, "--seller", kMxSeller, "--orders",
                      std::to_string(kSeeded), "--seed", "7"}),
              0);
    // Walmart's US sample order, in pesos, imported for the MX seller: it
    // has one shipped line.
    std::ifstream in(TestDataPath("seed_order.json"));
    std::stringstream text;
    text << in.rdbuf();
    std::string document = std::regex_replace(text.str(), std::regex("\"USD\""), "\"MXN\"");
    const std::string path = (dir_.path() / "mx_import.json").string();
    std::ofstream(path) << document;
    ASSERT_EQ(RunCli({"import", "--db", db_, "--seller", kMxSeller, path}), 0);
  }

  // The seller's orders, every page.
  std::vector<json::object> AllOrders() {
    std::vector<json::object> orders;
    for (int offset = 0;; offset += 100) {
      auto page = MxGet(std::string("/v3/orders?createdStartDate=") + kLongAgo +
                        "&limit=100&offset=" + std::to_string(offset));
      EXPECT_EQ(page.status, 200u) << page.body;
      auto json = page.Json();
      const auto& list = json.at("order").as_array();
      for (const auto& order : list) orders.push_back(order.as_object());
      if (list.size() < 100) break;
    }
    return orders;
  }

  // The one order of GET /v3/orders?purchaseOrderId=<po>, from any date.
  json::object AnyDateOrder(const std::string& po) {
    auto response =
        MxGet(std::string("/v3/orders?createdStartDate=") + kLongAgo + "&purchaseOrderId=" + po);
    EXPECT_EQ(response.status, 200u) << response.body;
    const json::value body = response.Json();
    EXPECT_EQ(body.at("order").as_array().size(), 1u) << response.body;
    return body.at("order").at(0).as_object();
  }

  // Posts a sandbox generate body for the MX seller; the new purchase order ids.
  std::vector<std::string> Generate(const std::string& body) {
    auto response = Control("POST", std::string(kMxSeller) + "/orders", body);
    EXPECT_EQ(response.status, 201u) << response.body;
    std::vector<std::string> ids;
    const json::value body = response.Json();
    for (const auto& id : body.at("purchaseOrderIds").as_array()) ids.push_back(Str(id));
    return ids;
  }
};

TEST_F(MxGeneratedTest, SeededAndImportedOrdersCarryMexicosModel) {
  const auto orders = AllOrders();
  ASSERT_EQ(orders.size(), static_cast<std::size_t>(kSeeded + 1));
  std::set<std::string> statuses;
  int multi_item = 0;
  for (std::size_t i = 0; i < orders.size(); ++i) {
    const json::object& order = orders[i];
    const bool imported = Str(order.at("purchaseOrderId")) == "1815367951431";
    const auto seen = CheckGeneratedMxOrder(order, !imported);
    statuses.insert(seen.begin(), seen.end());
    for (const auto& s : order.at("shipments").as_array()) {
      if (s.at("shipmentLines").as_array().size() > 1) ++multi_item;
    }
    // The one-order read of Mexico's API gives the same document.
    if (i % 7 == 0 || imported) {
      EXPECT_EQ(json::value(AnyDateOrder(Str(order.at("purchaseOrderId")))), json::value(order));
    }
  }
  // Seeded orders span 180 days, mostly past Created (the sandbox's new
  // orders cover that); open, shipped and delivered lines all appear.
  EXPECT_TRUE(statuses.contains("Acknowledged") || statuses.contains("Created"));
  EXPECT_TRUE(statuses.contains("Cancelled"));
  EXPECT_TRUE(statuses.contains("Shipped"));
  EXPECT_TRUE(statuses.contains("Delivered"));
  EXPECT_GT(multi_item, 0);

  // The imported US-shaped order: its shipped line is a shipped shipment with
  // the document's tracking, and it sells to the general public.
  const auto imported = AnyDateOrder("1815367951431");
  EXPECT_EQ(Str(imported.at("rfc")), "XAXX010101000");
  EXPECT_EQ(Str(imported.at("cfdi")), "S01");
  bool shipped = false;
  for (const auto& s : imported.at("shipments").as_array()) {
    shipped = shipped || Str(s.at("status")) == "Shipment Shipped";
  }
  EXPECT_TRUE(shipped) << json::serialize(imported);

  // Mexico's API has no GET /v3/orders/{id} (mx_mp_orders.json): one order is
  // read with ?purchaseOrderId=, as above.
  ExpectMxError(MxGet("/v3/orders/1815367951431"), 404, "URI_NOT_FOUND.GMP_ORDER_API");
}

TEST_F(MxGeneratedTest, SandboxGeneratedOrdersCarryMexicosModel) {
  std::vector<std::string> ids = Generate("{}");
  ASSERT_EQ(ids.size(), 1u);
  for (const auto& id : Generate(R"({"count":3})")) ids.push_back(id);
  for (const auto& id : Generate(R"({"count":2,"lines":3,"quantity":2})")) ids.push_back(id);
  ASSERT_EQ(ids.size(), 6u);
  for (const auto& id : ids) {
    const auto order = MxOrder(id);
    const auto seen = CheckGeneratedMxOrder(order);
    // Just released: nothing shipped, every unit in an open shipment.
    EXPECT_FALSE(seen.contains("Shipped"));
    for (const auto& s : order.at("shipments").as_array()) {
      EXPECT_EQ(Str(s.at("status")), "Shipment Created");
      EXPECT_EQ(Str(s.at("carrier")), "MX-FEDX");
    }
  }
}

TEST_F(MxGeneratedTest, GeneratedOrderGoesThroughTheWholeLifecycle) {
  const auto ids =
      Generate(R"({"count":1,"lines":2,"quantity":2,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(ids.size(), 1u);
  const std::string po = ids[0];
  auto order = MxOrder(po);
  const auto& shipments = order.at("shipments").as_array();
  ASSERT_EQ(shipments.size(), 2u);
  const std::string tracking = Str(shipments[0].at("trackingNumber"));

  for (const char* line : {"1", "2"}) {
    const std::string ack =
        R"({"orderAcknowledge":{"orderLines":{"orderLine":[{"lineNumber":")" + std::string(line) +
        R"(","orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}}]}}})";
    auto acknowledged = MxPost("/v3/orders/" + po + "/acknowledge", ack);
    ASSERT_EQ(acknowledged.status, 202u) << acknowledged.body;
  }
  order = MxOrder(po);
  EXPECT_TRUE(order.at("shipments")
                  .at(0)
                  .at("shipmentAdditionalDate")
                  .as_object()
                  .contains("shipmentACKDate"));

  // The label of Walmart's open shipment: a PNG; the line is then Ready to ship.
  auto label = MxGet("/v3/orders/label/" + tracking);
  ASSERT_EQ(label.status, 200u) << label.body;
  EXPECT_EQ(label.Header("content-type"), "application/octet-stream");
  EXPECT_EQ(label.body.substr(1, 3), "PNG");
  order = MxOrder(po);
  EXPECT_EQ(Str(order.at("orderLines").at(0).at("orderLineStatus").at(0).at("status")),
            "Ready to ship");

  // Both lines in the labelled shipment: a multi-item shipment.
  const std::string ship =
      R"({"shipments":[{"shipmentLines":[)"
      R"({"primeLineNo":"1","shipmentLineNo":"1","quantity":{"unitOfMeasurement":"EACH","amount":"2"}},)"
      R"({"primeLineNo":"2","shipmentLineNo":"2","quantity":{"unitOfMeasurement":"EACH","amount":"2"}}],)"
      R"("trackingNumber":")" +
      tracking + R"(","carrier":"MX-FEDX"}]})";
  auto shipped = MxPost("/v3/orders/" + po + "/ship", ship);
  ASSERT_EQ(shipped.status, 202u) << shipped.body;
  order = MxOrder(po);
  CheckGeneratedMxOrder(order);
  for (const auto& line : order.at("orderLines").as_array()) {
    EXPECT_EQ(Str(line.at("orderLineStatus").at(0).at("status")), "Shipped");
  }

  const std::string deliver = R"({"packages":[{"trackingNo":")" + tracking +
                              R"(","eventName":"DELIVERY_UPDATE","purchaseOrderNo":")" + po +
                              R"("}]})";
  auto delivered = MxPost("/v3/orders/" + po + "/deliver", deliver);
  ASSERT_EQ(delivered.status, 202u) << delivered.body;
  order = MxOrder(po);
  CheckGeneratedMxOrder(order);
  for (const auto& line : order.at("orderLines").as_array()) {
    const auto& statuses = line.at("orderLineStatus").as_array();
    ASSERT_EQ(statuses.size(), 1u);
    EXPECT_EQ(Str(statuses[0].at("status")), "Delivered");
    EXPECT_EQ(Str(statuses[0].at("statusQuantity").at("amount")), "2");
  }
}

}  // namespace
}  // namespace mporders::testing
