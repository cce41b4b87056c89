// Chile on the Global routes (/v3/orders with WM_MARKET: CL, or a Chilean
// seller's token): US shapes, Chile's statuses and carriers, CLP amounts
// without decimals; and the isolation between markets. Black-box: the real
// server over real sockets, on a real database file.

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kSellerCl[] = "seller-cl";
constexpr char kClientCl[] = "client-cl";
constexpr char kSandboxKey[] = "sandbox-key-for-chile";

// Seller A (US) and the Chilean seller both have purchase order P-SAME.
// Seller A: P-SAME (USD 15.00), US-ONLY.
// Chile:    P-SAME 2 Created, PRODUCT CLP 25980 + IVA 4936
//           CL-SHIPPED 1 Shipped, PRODUCT CLP 12990 + IVA 2468, SHIPPING 2990
class ChileTest : public ApiTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--sandbox-key", kSandboxKey}; }

  void BeforeServe() override {
    ASSERT_EQ(RunCli({"sellers", "add", "--db", db_, kSellerCl, "--market", "CL"}), 0);
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kSellerCl, "--client-id",
                      kClientCl, "--client-secret", kSecret}),
              0);
    const std::int64_t date = NowSeconds() - kHour;
    OrderSpec same = Order("P-SAME", date, {Line("1", "SKU-CL1", 2)});
    same.currency = "CLP";
    same.lines[0].product_amount = "25980";
    same.lines[0].tax_amount = "4936";
    OrderSpec shipped =
        Order("CL-SHIPPED", date, {Line("1", "SKU-CL2", 1, {Bucket("Shipped", 1)})});
    shipped.currency = "CLP";
    shipped.lines[0].product_amount = "12990";
    shipped.lines[0].tax_amount = "2468";
    shipped.lines[0].shipping_amount = "2990";
    ASSERT_EQ(ImportOrders(db_, kSellerCl, {same, shipped}, dir_.path()), 0);

    OrderSpec us_same = Order("P-SAME", date, {Line("1", "SKU-US1", 2)});
    us_same.lines[0].product_amount = "15.00";
    us_same.lines[0].tax_amount = "1.20";
    ASSERT_EQ(ImportOrders(db_, kSellerA, {us_same, Order("US-ONLY", date)}, dir_.path()), 0);
  }

  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    token_cl_ = FetchToken(server_->port(), kClientCl, kSecret);
  }

  // Walmart's headers, with the Global API's market headers when `market` is set.
  Headers Global(const std::string& token, const std::string& market,
                 const std::string& accept = "application/json") {
    Headers headers = WalmartHeaders(token);
    for (auto& [name, value] : headers) {
      if (name == "Accept") value = accept;
    }
    if (!market.empty()) {
      headers.emplace_back("WM_MARKET", market);
      headers.emplace_back("WM_GLOBAL_VERSION", "3.1");
    }
    return headers;
  }

  HttpResponse Call(const std::string& method, const std::string& target, const std::string& token,
                    const std::string& market, const std::string& body = "") {
    HttpClient client(server_->port());
    Headers headers = Global(token, market);
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return client.Request(method, target, headers, body);
  }

  std::string ClRefund(const std::string& po, const std::string& amount, const std::string& tax) {
    return RefundBody(po, "1", amount, tax, "PRODUCT", "DamagedItem", "CLP");
  }

  // The whole life of P-SAME as the Chilean seller; `market` is the
  // WM_MARKET header ("" to rely on the token's market).
  void PlayLifecycle(const std::string& market) {
    // List: only the Chilean seller's orders, in CLP without decimals.
    auto list = Call("GET", "/v3/orders", token_cl_, market);
    ASSERT_EQ(list.status, 200u) << list.body;
    const std::vector<std::string> ids = PurchaseOrderIds(list.Json());
    EXPECT_EQ(ids.size(), 2u);
    EXPECT_NE(std::find(ids.begin(), ids.end(), "P-SAME"), ids.end());
    EXPECT_EQ(std::find(ids.begin(), ids.end(), "US-ONLY"), ids.end());
    EXPECT_NE(list.body.find(R"("currency":"CLP","amount":25980})"), std::string::npos)
        << list.body;
    EXPECT_EQ(list.body.find("25980.0"), std::string::npos);
    EXPECT_EQ(list.body.find("259.8"), std::string::npos);
    EXPECT_EQ(list.body.find("USD"), std::string::npos);

    // Get.
    auto got = Call("GET", "/v3/orders/P-SAME", token_cl_, market);
    ASSERT_EQ(got.status, 200u) << got.body;
    const boost::json::value got_json = got.Json();
    const auto& charge = LineOf(got_json, "1").at("charges").at("charge").as_array()[0].as_object();
    EXPECT_EQ(charge.at("chargeAmount").at("currency").as_string(), "CLP");
    EXPECT_EQ(charge.at("chargeAmount").at("amount").to_number<double>(), 25980.0);
    EXPECT_NE(got.body.find(R"("amount":4936})"), std::string::npos) << got.body;

    // Acknowledge.
    auto acked = Call("POST", "/v3/orders/P-SAME/acknowledge", token_cl_, market);
    ASSERT_EQ(acked.status, 200u) << acked.body;
    EXPECT_EQ(QuantityIn(LineOf(acked.Json(), "1"), "Acknowledged"), 2);

    // Ship one unit: a US-only carrier is refused and changes nothing.
    auto usps = Call("POST", "/v3/orders/P-SAME/shipping", token_cl_, market,
                     ShipBody({Package("1", 1, "TRK-CL-1", "USPS")}));
    EXPECT_EQ(usps.status, 400u) << usps.body;
    EXPECT_NE(usps.body.find("USPS"), std::string::npos) << usps.body;
    auto unchanged = Call("GET", "/v3/orders/P-SAME", token_cl_, market);
    EXPECT_EQ(QuantityIn(LineOf(unchanged.Json(), "1"), "Shipped"), 0);
    auto shipped = Call("POST", "/v3/orders/P-SAME/shipping", token_cl_, market,
                        ShipBody({Package("1", 1, "990012345678", "Chilexpress")}));
    ASSERT_EQ(shipped.status, 200u) << shipped.body;
    const boost::json::value shipped_json = shipped.Json();
    const auto& line = LineOf(shipped_json, "1");
    ASSERT_EQ(BucketsOf(line, "Shipped").size(), 1u);
    EXPECT_EQ(BucketsOf(line, "Shipped")[0].at("trackingInfo").at("carrierName").at("carrier"),
              "Chilexpress");

    // Cancel the other unit.
    auto cancelled =
        Call("POST", "/v3/orders/P-SAME/cancel", token_cl_, market, CancelBody("1", 1));
    ASSERT_EQ(cancelled.status, 200u) << cancelled.body;
    EXPECT_EQ(QuantityIn(LineOf(cancelled.Json(), "1"), "Cancelled"), 1);

    // Refund in whole pesos; a fraction of a peso is refused.
    auto fraction = Call("POST", "/v3/orders/P-SAME/refund", token_cl_, market,
                         ClRefund("P-SAME", "-1990.5", ""));
    EXPECT_EQ(fraction.status, 400u) << fraction.body;
    auto refunded = Call("POST", "/v3/orders/P-SAME/refund", token_cl_, market,
                         ClRefund("P-SAME", "-1990", "-378"));
    ASSERT_EQ(refunded.status, 200u) << refunded.body;
    EXPECT_NE(refunded.body.find(R"({"currency":"CLP","amount":-1990})"), std::string::npos)
        << refunded.body;
    EXPECT_NE(refunded.body.find(R"({"currency":"CLP","amount":-378})"), std::string::npos);
    EXPECT_EQ(refunded.body.find("-1990.0"), std::string::npos);

    // XML shows the same whole pesos.
    HttpClient client(server_->port());
    auto xml =
        client.Request("GET", "/v3/orders/P-SAME", Global(token_cl_, market, "application/xml"));
    ASSERT_EQ(xml.status, 200u) << xml.body;
    EXPECT_NE(xml.body.find(">25980</"), std::string::npos) << xml.body;
    EXPECT_NE(xml.body.find(">-1990</"), std::string::npos) << xml.body;
    EXPECT_EQ(xml.body.find("25980.00"), std::string::npos);
    EXPECT_EQ(xml.body.find("1990.00"), std::string::npos);

    // Chile has no Delivered.
    auto delivered = Call("GET", "/v3/orders?status=Delivered", token_cl_, market);
    EXPECT_EQ(delivered.status, 400u) << delivered.body;
    auto shipped_list = Call("GET", "/v3/orders?status=Shipped", token_cl_, market);
    EXPECT_EQ(shipped_list.status, 200u) << shipped_list.body;
  }

  std::string token_cl_;
};

TEST_F(ChileTest, FullLifecycleWithWmMarketHeader) { PlayLifecycle("CL"); }

TEST_F(ChileTest, FullLifecycleWithTheTokensMarket) { PlayLifecycle(""); }

TEST_F(ChileTest, UsSellerAskingForChileIsForbiddenAndChangesNothing) {
  auto list = Call("GET", "/v3/orders", token_a_, "CL");
  EXPECT_EQ(list.status, 403u) << list.body;
  auto ack = Call("POST", "/v3/orders/P-SAME/acknowledge", token_a_, "CL");
  EXPECT_EQ(ack.status, 403u) << ack.body;
  auto ship = Call("POST", "/v3/orders/US-ONLY/shipping", token_a_, "CL",
                   ShipBody({Package("1", 1, "990012345678", "Chilexpress")}));
  EXPECT_EQ(ship.status, 403u) << ship.body;
  // Seller A's orders are as they were.
  auto same = Call("GET", "/v3/orders/P-SAME", token_a_, "");
  ASSERT_EQ(same.status, 200u) << same.body;
  EXPECT_EQ(QuantityIn(LineOf(same.Json(), "1"), "Created"), 2);
  EXPECT_NE(same.body.find("USD"), std::string::npos);
  // And the Chilean seller's P-SAME too.
  auto cl_same = Call("GET", "/v3/orders/P-SAME", token_cl_, "CL");
  ASSERT_EQ(cl_same.status, 200u);
  EXPECT_EQ(QuantityIn(LineOf(cl_same.Json(), "1"), "Created"), 2);
}

TEST_F(ChileTest, ChileanSellerSeesOnlyItsOwnOrders) {
  // The same purchase order id is the Chilean seller's own order.
  auto same = Call("GET", "/v3/orders/P-SAME", token_cl_, "CL");
  ASSERT_EQ(same.status, 200u) << same.body;
  EXPECT_NE(same.body.find("SKU-CL1"), std::string::npos);
  EXPECT_EQ(same.body.find("SKU-US1"), std::string::npos);
  EXPECT_EQ(same.body.find("USD"), std::string::npos);
  // A US seller's order is not found, with or without the header.
  EXPECT_EQ(Call("GET", "/v3/orders/US-ONLY", token_cl_, "CL").status, 404u);
  EXPECT_EQ(Call("GET", "/v3/orders/US-ONLY", token_cl_, "").status, 404u);
  // Asking for the US market with a Chilean token is forbidden.
  EXPECT_EQ(Call("GET", "/v3/orders/US-ONLY", token_cl_, "US").status, 403u);
}

TEST_F(ChileTest, UnknownMarketAndBadGlobalVersionAre400) {
  HttpClient client(server_->port());
  Headers headers = WalmartHeaders(token_cl_);
  headers.emplace_back("WM_MARKET", "FR");
  auto unknown = client.Request("GET", "/v3/orders", headers);
  EXPECT_EQ(unknown.status, 400u) << unknown.body;
  EXPECT_NE(unknown.body.find("WM_MARKET"), std::string::npos) << unknown.body;

  Headers version = WalmartHeaders(token_cl_);
  version.emplace_back("WM_MARKET", "CL");
  version.emplace_back("WM_GLOBAL_VERSION", "2.0");
  auto bad = client.Request("GET", "/v3/orders", version);
  EXPECT_EQ(bad.status, 400u) << bad.body;
  EXPECT_NE(bad.body.find("WM_GLOBAL_VERSION"), std::string::npos) << bad.body;
}

TEST_F(ChileTest, ImportRefusesOrdersInAnotherCurrencyThanTheSellers) {
  // USD into the Chilean seller: exit 1, nothing imported.
  OrderSpec usd = Order("CL-USD", NowSeconds() - kHour);
  EXPECT_EQ(ImportOrders(db_, kSellerCl, {usd}, dir_.path()), 1);
  EXPECT_EQ(Call("GET", "/v3/orders/CL-USD", token_cl_, "CL").status, 404u);
  // CLP into the US seller: the same.
  OrderSpec clp = Order("US-CLP", NowSeconds() - kHour, {Line("1", "SKU-P", 1)});
  clp.currency = "CLP";
  clp.lines[0].product_amount = "9990";
  clp.lines[0].tax_amount = "";
  EXPECT_EQ(ImportOrders(db_, kSellerA, {clp}, dir_.path()), 1);
  EXPECT_EQ(Call("GET", "/v3/orders/US-CLP", token_a_, "").status, 404u);
  // CLP into the Chilean seller is fine.
  EXPECT_EQ(ImportOrders(db_, kSellerCl, {clp}, dir_.path()), 0);
  EXPECT_EQ(Call("GET", "/v3/orders/US-CLP", token_cl_, "CL").status, 200u);
}

// --- the sandbox for a Chilean seller -----------------------------------------

HttpResponse Control(unsigned short port, const std::string& method, const std::string& path,
                     const std::string& body = "{}") {
  HttpClient client(port);
  Headers headers = {{"X-Sandbox-Key", kSandboxKey}, {"Content-Type", "application/json"}};
  return client.Request(method, "/sandbox/v1/sellers/" + path, headers, body);
}

TEST_F(ChileTest, SandboxGeneratesChileanOrdersAndRefusesDelivery) {
  auto created = Control(server_->port(), "POST", std::string(kSellerCl) + "/orders",
                         R"({"count": 3, "seed": 5})");
  ASSERT_EQ(created.status, 201u) << created.body;
  const boost::json::value created_json = created.Json();
  const auto& ids = created_json.at("purchaseOrderIds").as_array();
  ASSERT_EQ(ids.size(), 3u);
  for (const auto& id : ids) {
    auto got = Call("GET", "/v3/orders/" + std::string(id.as_string()), token_cl_, "CL");
    ASSERT_EQ(got.status, 200u) << got.body;
    EXPECT_NE(got.body.find(R"("currency":"CLP")"), std::string::npos) << got.body;
    EXPECT_EQ(got.body.find("USD"), std::string::npos) << got.body;
    EXPECT_NE(got.body.find(R"("country":"CL")"), std::string::npos) << got.body;
  }

  // Delivering a Chilean order is refused: Chile has no Delivered.
  auto deliver =
      Control(server_->port(), "POST", std::string(kSellerCl) + "/orders/CL-SHIPPED/deliver");
  EXPECT_EQ(deliver.status, 400u) << deliver.body;
  EXPECT_NE(deliver.body.find("no Delivered"), std::string::npos) << deliver.body;
  // The carriers' sweep delivers nothing.
  auto sweep = Control(server_->port(), "POST", std::string(kSellerCl) + "/deliver");
  ASSERT_EQ(sweep.status, 200u) << sweep.body;
  auto still = Call("GET", "/v3/orders/CL-SHIPPED", token_cl_, "CL");
  EXPECT_EQ(QuantityIn(LineOf(still.Json(), "1"), "Shipped"), 1);

  // A posted order must be in the seller's currency.
  auto usd = Control(server_->port(), "POST", std::string(kSellerCl) + "/orders",
                     OrderJson(Order("CL-POSTED", NowSeconds())));
  EXPECT_EQ(usd.status, 400u) << usd.body;
  EXPECT_NE(usd.body.find("CLP"), std::string::npos) << usd.body;
}

TEST_F(ChileTest, SnapshotsRestoreOnlyOrdersInTheSellersCurrency) {
  auto us = Control(server_->port(), "GET", std::string(kSellerA) + "/snapshot", "");
  ASSERT_EQ(us.status, 200u) << us.body;
  auto refused = Control(server_->port(), "PUT", std::string(kSellerCl) + "/snapshot", us.body);
  EXPECT_EQ(refused.status, 400u) << refused.body;
  EXPECT_NE(refused.body.find("CLP"), std::string::npos) << refused.body;
  // Nothing changed: the Chilean seller still has its orders.
  EXPECT_EQ(Call("GET", "/v3/orders/CL-SHIPPED", token_cl_, "CL").status, 200u);
  EXPECT_EQ(Call("GET", "/v3/orders/US-ONLY", token_cl_, "CL").status, 404u);

  // Its own snapshot restores.
  auto cl = Control(server_->port(), "GET", std::string(kSellerCl) + "/snapshot", "");
  ASSERT_EQ(cl.status, 200u) << cl.body;
  auto restored = Control(server_->port(), "PUT", std::string(kSellerCl) + "/snapshot", cl.body);
  EXPECT_EQ(restored.status, 200u) << restored.body;
}

}  // namespace
}  // namespace mporders::testing
