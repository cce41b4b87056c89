#pragma once
// Black-box set-up for Mexico's API: the sandbox server of SandboxTest plus an
// MX seller with its own client, and Walmart MX order documents to post.

#include <chrono>
#include <string>
#include <vector>

#include "api/sandbox_fixture.h"

namespace mporders::testing {

constexpr char kMxSeller[] = "seller-mx";
constexpr char kMxClient[] = "client-mx";

// "2026-12-04T10:00:00.000Z" for now minus `minutes_ago`.
inline std::string IsoMinutesAgo(int minutes_ago) {
  using namespace std::chrono;
  const auto t = system_clock::now() - minutes(minutes_ago);
  const std::time_t secs = system_clock::to_time_t(t);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
  return buf;
}

// A Walmart MX order (mx_mp_orders.json shape): line 1 has 3 units, line 2
// has 2, all Created, with IVA/IEPS taxes, a discount, billing info, RFC and
// CFDI. No shipments: Walmart opens them when the order arrives.
inline std::string MxOrderDocument(const std::string& po, const std::string& customer_order,
                                   int minutes_ago) {
  const std::string date = IsoMinutesAgo(minutes_ago);
  auto line = [&](const std::string& number, int quantity, const std::string& sku) {
    return R"({"primeLineNumber":")" + number + R"(","coLineNumber":")" + number +
           R"(","item":{"upc":"00009785509713","offerId":"7A7A1699D96D4F5B8BE711DA81AD4760",)"
           R"("productName":"Audífonos G600 )" +
           number + R"(","sku":")" + sku +
           R"(","condition":"New","unitPrice":{"currency":"MXN","amount":"7199"}},)"
           R"("charges":[{"chargeType":"SHIPPING","chargeName":"SHIPPING_CH",)"
           R"("chargeAmount":{"currency":"MXN","amount":"20"},)"
           R"("tax":[{"taxName":"SHIP_IVA_TAX","taxAmount":{"currency":"MXN","amount":"3.2"}}]},)"
           R"({"chargeType":"DISCOUNT","chargeName":"COUPON_DISC","chargeAmount":{"currency":"MXN","amount":"-30.17"}},)"
           R"({"chargeType":"PRODUCT","chargeName":"ItemPrice","tax":[)"
           R"({"taxName":"IVA_TAX","taxAmount":{"currency":"MXN","amount":"988.14"}},)"
           R"({"taxName":"IEPS_TAX","taxAmount":{"currency":"MXN","amount":"0"}}]}],)"
           R"("orderLineQuantity":{"unitOfMeasurement":"EACH","amount":")" +
           std::to_string(quantity) +
           R"("},"orderLineStatus":[{"status":"Created","statusCode":"3350","statusDate":")" +
           date + R"(","statusQuantity":{"unitOfMeasurement":"EACH","amount":")" +
           std::to_string(quantity) +
           R"("}}],"shippingMethod":"STANDARD","soPrimeLineSubLineNo":")" + customer_order + "-" +
           number + R"(-1","promiseDeliveryDate":")" + date +
           R"(","isMSIEnabled":"N","seller":{"id":"10900025367","name":"Tienda Demo","shipNodeType":"PangaeaMarketplace"}})";
  };
  return R"({"purchaseOrderId":")" + po + R"(","customerOrderId":")" + customer_order +
         R"(","customerEmailId":"cliente@example.com","orderDate":")" + date +
         R"(","shippingInfo":{"phone":"5512345678","estimatedDeliveryDate":")" + date +
         R"(","postalAddress":{"name":"María López","address1":"Av. Insurgentes Sur 1602",)"
         R"("address2":"Piso 4","address3":"Crédito Constructor","address4":"Benito Juárez",)"
         R"("city":"Ciudad de México","state":"CDMX","postalCode":"03940","country":"MX"}},)"
         R"("billingInfo":{"phone":"5512345678","postalAddress":{"name":"María López",)"
         R"("address1":"Av. Insurgentes Sur 1602","city":"Ciudad de México","state":"CDMX",)"
         R"("postalCode":"03940","country":"MX"}},"orderLines":[)" +
         line("1", 3, "SKU-" + po + "-1") + "," + line("2", 2, "SKU-" + po + "-2") +
         R"(],"orderTotal":{"currency":"MXN","amount":"35995"},"rfc":"LOPM800101AB1",)"
         R"("paymentMethod":"CREDIT","cfdi":"G01"})";
}

class MxApiTest : public SandboxTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(RunCli({"sellers", "add", kMxSeller, "--market", "MX", "--db", db_}), 0);
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kMxSeller, "--client-id",
                      kMxClient, "--client-secret", kSecret}),
              0);
  }
  void SetUp() override {
    SandboxTest::SetUp();
    if (HasFatalFailure()) return;
    mx_token_ = FetchToken(server_->port(), kMxClient, kSecret);
  }

  // Posts MX order documents for the MX seller; expects 201.
  void PostMxOrders(const std::vector<std::string>& documents) {
    std::string body = R"({"orders":[)";
    for (std::size_t i = 0; i < documents.size(); ++i) body += (i ? "," : "") + documents[i];
    body += "]}";
    auto response = Control("POST", std::string(kMxSeller) + "/orders", body);
    ASSERT_EQ(response.status, 201u) << response.body;
  }

  HttpResponse MxGet(const std::string& target) { return Get(target, mx_token_); }
  HttpResponse MxPost(const std::string& target, const std::string& body) {
    return Post(target, mx_token_, body);
  }

  // The one order of GET /v3/orders?purchaseOrderId=<po>.
  boost::json::object MxOrder(const std::string& po) {
    auto response = MxGet("/v3/orders?purchaseOrderId=" + po);
    EXPECT_EQ(response.status, 200u) << response.body;
    auto json = response.Json();
    const auto& orders = json.at("order").as_array();
    EXPECT_EQ(orders.size(), 1u) << response.body;
    return orders.at(0).as_object();
  }

  std::string mx_token_;
};

// Asserts Mexico's error body: {"error":{"code": <code>, ...}} (reference §4.1 f).
inline void ExpectMxError(const HttpResponse& response, unsigned status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  auto json = response.Json();
  ASSERT_TRUE(json.is_object()) << response.body;
  ASSERT_TRUE(json.as_object().contains("error")) << response.body;
  const auto& error = json.at("error").as_object();
  EXPECT_EQ(error.at("code").as_string(), code) << response.body;
  EXPECT_FALSE(error.at("description").as_string().empty());
  EXPECT_TRUE(error.at("errorIdentifiers").is_object());
  EXPECT_FALSE(json.as_object().contains("errors"));
}

}  // namespace mporders::testing
