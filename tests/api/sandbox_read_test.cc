// The control API's read routes for the web console: every seller, and a
// seller's orders as its own client reads them; admin key only. Also the
// console's files, served only with the sandbox and without --no-console.

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxReadTest : public SandboxTest {};

TEST_F(SandboxReadTest, SellersListsEverySellerWithItsOrderCount) {
  CreateOrders(R"({"count":2,"shipNodeType":"SellerFulfilled"})");
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/sandbox/v1/sellers", {{"X-Sandbox-Key", kSandboxKey}});
  ASSERT_EQ(response.status, 200u) << response.body;
  const auto sellers = response.Json().at("sellers").as_array();
  ASSERT_EQ(sellers.size(), 2u);
  EXPECT_EQ(sellers[0].at("sellerId").as_string(), kSellerA);
  EXPECT_EQ(sellers[0].at("market").as_string(), "US");
  EXPECT_EQ(sellers[0].at("orders").as_int64(), 2);
  EXPECT_EQ(sellers[1].at("sellerId").as_string(), kSellerB);
  EXPECT_EQ(sellers[1].at("orders").as_int64(), 0);
}

TEST_F(SandboxReadTest, ReadsNeedTheSandboxKeyNeverASellerToken) {
  HttpClient client(server_->port());
  for (const char* path : {"/sandbox/v1/sellers", "/sandbox/v1/sellers/seller-a/orders",
                           "/sandbox/v1/sellers/seller-a/orders/1"}) {
    ExpectWalmartError(client.Request("GET", path), 401, "UNAUTHORIZED.GMP_ORDER_API");
    ExpectWalmartError(client.Request("GET", path, WalmartHeaders(token_a_)), 401,
                       "UNAUTHORIZED.GMP_ORDER_API");
  }
}

TEST_F(SandboxReadTest, OrdersAnswerAsTheSellersOwnListAndStayWithinTheSeller) {
  auto ids = CreateOrders(R"({"count":3,"shipNodeType":"SellerFulfilled"})");
  auto admin = Control("GET", "seller-a/orders?limit=2");
  ASSERT_EQ(admin.status, 200u) << admin.body;
  auto own = Get("/v3/orders?limit=2", token_a_);
  ASSERT_EQ(own.status, 200u);
  const auto admin_list = admin.Json().at("list");
  EXPECT_EQ(admin_list.at("meta").at("totalCount").as_int64(), 3);
  EXPECT_EQ(admin_list.at("elements"), own.Json().at("list").at("elements"));
  // The cursor pages on like the seller's.
  std::string cursor(admin_list.at("meta").at("nextCursor").as_string());
  auto next = Control("GET", "seller-a/orders" + cursor);
  ASSERT_EQ(next.status, 200u) << next.body;
  EXPECT_EQ(next.Json().at("list").at("elements").at("order").as_array().size(), 1u);
  // Filters are GET /v3/orders' own.
  auto one = Control("GET", "seller-a/orders?purchaseOrderId=" + ids[1]);
  ASSERT_EQ(one.status, 200u);
  EXPECT_EQ(one.Json().at("list").at("meta").at("totalCount").as_int64(), 1);
  // One order, in JSON and XML; another seller's path does not reach it.
  auto order = Control("GET", "seller-a/orders/" + ids[0]);
  ASSERT_EQ(order.status, 200u);
  EXPECT_EQ(order.Json().at("order").at("purchaseOrderId").as_string(), ids[0]);
  HttpClient client(server_->port());
  auto xml = client.Request("GET", "/sandbox/v1/sellers/seller-a/orders/" + ids[0],
                            {{"X-Sandbox-Key", kSandboxKey}, {"Accept", "application/xml"}});
  EXPECT_EQ(xml.status, 200u);
  EXPECT_NE(xml.body.find("<ns3:purchaseOrderId>" + ids[0]), std::string::npos) << xml.body;
  ExpectWalmartError(Control("GET", "seller-b/orders/" + ids[0]), 404, "NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(Control("GET", "nobody/orders"), 404, "NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(Control("GET", "seller-a/orders?limit=abc"), 400,
                     "INVALID_REQUEST_PARAM.GMP_ORDER_API");
}

TEST_F(SandboxReadTest, ConsoleIsServedWithTheSandbox) {
  HttpClient client(server_->port());
  auto page = client.Request("GET", "/console/");
  EXPECT_EQ(page.status, 200u);
  EXPECT_NE(page.body.find("/console/console.js"), std::string::npos);
  EXPECT_EQ(client.Request("GET", "/console/console.js").status, 200u);
  EXPECT_EQ(client.Request("GET", "/console/../metrics").status, 404u);
}

class NoConsoleTest : public SandboxTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key", kSandboxKey, "--no-console"};
  }
};

TEST_F(NoConsoleTest, NoConsoleHidesItButKeepsTheSandbox) {
  HttpClient client(server_->port());
  EXPECT_EQ(client.Request("GET", "/console/").status, 404u);
  EXPECT_EQ(client.Request("GET", "/console/console.js").status, 404u);
  EXPECT_EQ(Control("GET", "seller-a/clock").status, 200u);
}

class NoSandboxConsoleTest : public SandboxTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--no-sandbox"}; }
};

TEST_F(NoSandboxConsoleTest, NoSandboxMeansNoConsole) {
  HttpClient client(server_->port());
  EXPECT_EQ(client.Request("GET", "/console/").status, 404u);
  EXPECT_EQ(client.Request("GET", "/sandbox/v1/sellers").status, 404u);
}

}  // namespace
}  // namespace mporders::testing
