// Simulated time per seller: token expiry, default date windows and the
// dates of new orders follow the seller's clock; other sellers keep theirs.

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxTimeTest : public SandboxTest {};

TEST_F(SandboxTimeTest, ReadSetAdvanceAndResetTheClock) {
  auto initial = Control("GET", "seller-a/clock").Json();
  EXPECT_EQ(initial.at("offsetMillis").as_int64(), 0);
  EXPECT_NEAR(static_cast<double>(initial.at("now").as_int64()), static_cast<double>(NowMillis()),
              60000.0);

  auto set = Control("PUT", "seller-a/clock", R"({"now":"2030-06-01T12:00:00Z"})");
  ASSERT_EQ(set.status, 200u) << set.body;
  const std::int64_t target = 1906545600000;  // 2030-06-01T12:00:00Z
  EXPECT_GE(set.Json().at("now").as_int64(), target);
  EXPECT_LT(set.Json().at("now").as_int64(), target + 60000);
  EXPECT_EQ(std::string(set.Json().at("nowIso").as_string()).substr(0, 16), "2030-06-01T12:00");

  auto advanced = Control("POST", "seller-a/clock/advance", R"({"days":1,"hours":2})");
  ASSERT_EQ(advanced.status, 200u) << advanced.body;
  EXPECT_EQ(
      advanced.Json().at("offsetMillis").as_int64() - set.Json().at("offsetMillis").as_int64(),
      26LL * 3600 * 1000);
  // Seller B lives on the wall clock still.
  EXPECT_EQ(Control("GET", "seller-b/clock").Json().at("offsetMillis").as_int64(), 0);

  ExpectWalmartError(Control("POST", "seller-a/clock/advance", R"({"days":-1})"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectWalmartError(Control("POST", "seller-a/clock/advance", "{}"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectWalmartError(Control("PUT", "seller-a/clock", R"({"now":"yesterday"})"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");

  auto back = Control("DELETE", "seller-a/clock");
  ASSERT_EQ(back.status, 200u);
  EXPECT_EQ(back.Json().at("offsetMillis").as_int64(), 0);
}

TEST_F(SandboxTimeTest, TokensExpireOnTheSellersClock) {
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  ASSERT_EQ(Get("/v3/orders/none", token_a_).status, 404u);  // valid token: 404 for the order
  ASSERT_EQ(Control("POST", "seller-a/clock/advance", R"({"minutes":16})").status, 200u);
  auto expired = Get("/v3/orders/none", token_a_);
  ExpectWalmartError(expired, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(expired.body.find("expired"), std::string::npos);
  // A token issued now is valid for the next 15 minutes of the seller's time.
  RenewToken();
  EXPECT_EQ(Get("/v3/orders/none", token_a_).status, 404u);
  auto detail = Get("/v3/token/detail", token_a_);
  ASSERT_EQ(detail.status, 200u) << detail.body;
  const auto seller_now = Control("GET", "seller-a/clock").Json().at("now").as_int64();
  EXPECT_NEAR(std::stod(std::string(detail.Json().at("issued_at").as_string())),
              static_cast<double>(seller_now), 60000.0);
  // Seller B's clock did not move: its token still works.
  EXPECT_EQ(Get("/v3/orders/none", token_b).status, 404u);
}

TEST_F(SandboxTimeTest, DefaultDateWindowFollowsTheSellersClock) {
  // Seller-fulfilled: GET /v3/orders lists those by default.
  auto ids = CreateOrders(R"({"count":2,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(PurchaseOrderIds(Get("/v3/orders", token_a_).Json()).size(), 2u);
  // Eight days later the orders are outside the default 7-day window ...
  ASSERT_EQ(Control("POST", "seller-a/clock/advance", R"({"days":8,"autoCancel":false})").status,
            200u);
  RenewToken();
  ExpectWalmartError(Get("/v3/orders", token_a_), 404, "NOT_FOUND.GMP_ORDER_API");
  // ... but still there when asked for.
  auto dated = Get("/v3/orders?createdStartDate=" + IsoDate(NowMillis() - 86400000), token_a_);
  ASSERT_EQ(dated.status, 200u) << dated.body;
  EXPECT_EQ(PurchaseOrderIds(dated.Json()).size(), 2u);
  // New orders are dated on the seller's clock and fill the window again.
  auto later = CreateOrders(R"({"count":1,"shipNodeType":"SellerFulfilled"})");
  auto window = Get("/v3/orders", token_a_);
  ASSERT_EQ(window.status, 200u);
  EXPECT_EQ(PurchaseOrderIds(window.Json()), later);
  EXPECT_GT(OrderOf(GetOrder(later[0]).Json()).at("orderDate").as_int64(),
            NowMillis() + 7 * 86400000LL);
}

TEST_F(SandboxTimeTest, WritesStampTheSellersTime) {
  auto ids = CreateOrders(R"({"lines":1,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(Control("PUT", "seller-a/clock", R"({"now":"2031-01-01T00:00:00Z","autoCancel":false})")
                .status,
            200u);
  RenewToken();
  auto acknowledged = Post("/v3/orders/" + ids[0] + "/acknowledge", token_a_, "");
  ASSERT_EQ(acknowledged.status, 200u) << acknowledged.body;
  const auto status_date = LineOf(acknowledged.Json(), "1").at("statusDate").as_int64();
  EXPECT_GE(status_date, 1924992000000);  // 2031-01-01
  EXPECT_LT(status_date, 1924992000000 + 60000);
}

}  // namespace
}  // namespace mporders::testing
