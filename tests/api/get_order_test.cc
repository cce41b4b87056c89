// GET /v3/orders/{purchaseOrderId}: Walmart's shape, the query flags, 404s
// and seller isolation.

#include <fstream>
#include <sstream>

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

boost::json::value ReadJson(const std::string& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

// Compares JSON documents treating 5 and 5.0 as the same number.
bool JsonEqual(const boost::json::value& a, const boost::json::value& b) {
  if (a.is_number() && b.is_number()) return a.to_number<double>() == b.to_number<double>();
  if (a.kind() != b.kind()) return false;
  if (a.is_object()) {
    const auto& oa = a.as_object();
    const auto& ob = b.as_object();
    if (oa.size() != ob.size()) return false;
    for (const auto& [key, value] : oa) {
      auto it = ob.find(key);
      if (it == ob.end() || !JsonEqual(value, it->value())) return false;
    }
    return true;
  }
  if (a.is_array()) {
    const auto& aa = a.as_array();
    const auto& ab = b.as_array();
    if (aa.size() != ab.size()) return false;
    for (size_t i = 0; i < aa.size(); ++i) {
      if (!JsonEqual(aa[i], ab[i])) return false;
    }
    return true;
  }
  return a == b;
}

class GetOrderTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(RunCli({"import", "--db", db_, "--seller", kSellerA, TestDataPath("seed_order.json")}), 0);
    ASSERT_EQ(RunCli({"import", "--db", db_, "--seller", kSellerB,
                      TestDataPath("seed_order_attributes.json")}), 0);
  }
};

TEST_F(GetOrderTest, ReturnsTheImportedOrderInWalmartShape) {
  auto response = Get("/v3/orders/1815367951431", token_a_);
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(response.Header("content-type"), "application/json");
  EXPECT_TRUE(JsonEqual(response.Json(), ReadJson(TestDataPath("seed_order.json")))) << response.body;
}

TEST_F(GetOrderTest, AttributesSampleReadsBackEqualWithBothFlags) {
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  auto response = Get("/v3/orders/1796277083022?productInfo=true&replacementInfo=true", token_b);
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_TRUE(JsonEqual(response.Json(), ReadJson(TestDataPath("seed_order_attributes.json"))))
      << response.body;
}

TEST_F(GetOrderTest, ReplacementFieldsOnlyWithReplacementInfo) {
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  auto plain = Get("/v3/orders/1796277083022", token_b).Json().at("order").as_object();
  EXPECT_FALSE(plain.contains("orderType"));
  EXPECT_FALSE(plain.contains("originalCustomerOrderID"));
  auto flagged = Get("/v3/orders/1796277083022?replacementInfo=TRUE", token_b).Json().at("order").as_object();
  EXPECT_EQ(flagged.at("orderType").as_string(), "REPLACEMENT");
  EXPECT_EQ(flagged.at("originalCustomerOrderID").as_string(), "1234567891234");
}

TEST_F(GetOrderTest, InvalidFlagValueGets400NamingTheParameter) {
  auto response = Get("/v3/orders/1815367951431?productInfo=yes", token_a_);
  ExpectWalmartError(response, 400, "INVALID_REQUEST_PARAM.GMP_ORDER_API");
  EXPECT_EQ(response.Json().at("errors").as_array()[0].at("field").as_string(), "productInfo");
}

TEST_F(GetOrderTest, UnknownOrderGets404WithTheSeedBody) {
  auto response = Get("/v3/orders/9999999999999", token_a_);
  ExpectWalmartError(response, 404, "NOT_FOUND.GMP_ORDER_API");
  auto error = response.Json().at("errors").as_array()[0].as_object();
  EXPECT_EQ(error.at("description").as_string(), "Resource not found.");
  EXPECT_EQ(error.at("info").as_string(), "The requested purchase order was not found.");
  EXPECT_EQ(error.at("severity").as_string(), "ERROR");
  EXPECT_EQ(error.at("category").as_string(), "DATA");
}

TEST_F(GetOrderTest, AnotherSellersOrderIsInvisible) {
  // Seller B owns 1796277083022; seller A's token gets the same 404 as for
  // an order that does not exist.
  auto foreign = Get("/v3/orders/1796277083022", token_a_);
  auto missing = Get("/v3/orders/1796277083021", token_a_);
  EXPECT_EQ(foreign.status, 404u);
  EXPECT_EQ(foreign.body, missing.body);
}

}  // namespace
}  // namespace mporders::testing
