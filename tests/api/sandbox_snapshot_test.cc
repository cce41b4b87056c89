// Snapshot export -> import restores a seller exactly.

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxSnapshotTest : public SandboxTest {};

TEST_F(SandboxSnapshotTest, ExportImportRestoresTheSameState) {
  auto ids = CreateOrders(
      R"({"count":4,"seed":3,"lines":2,"quantity":2,"shipNodeType":"SellerFulfilled"})");
  ASSERT_EQ(Post("/v3/orders/" + ids[0] + "/acknowledge", token_a_, "").status, 200u);
  ASSERT_EQ(
      Post("/v3/orders/" + ids[0] + "/shipping", token_a_, ShipBody({Package("1", 2, "TRK-SNAP")}))
          .status,
      200u);
  ASSERT_EQ(Control("POST", "seller-a/orders/" + ids[0] + "/deliver").status, 200u);
  ASSERT_EQ(Control("POST", "seller-a/clock/advance", R"({"hours":3})").status, 200u);

  auto exported = Control("GET", "seller-a/snapshot");
  ASSERT_EQ(exported.status, 200u) << exported.body;
  auto snapshot = exported.Json();
  EXPECT_EQ(snapshot.at("orders").as_array().size(), 4u);
  EXPECT_EQ(snapshot.at("clockOffsetMillis").as_int64(), 3LL * 3600 * 1000);

  // Change everything, then restore.
  ASSERT_EQ(Control("POST", "seller-a/orders", R"({"count":2,"seed":99})").status, 201u);
  RenewToken();
  ASSERT_EQ(Post("/v3/orders/" + ids[1] + "/acknowledge", token_a_, "").status, 200u);
  ASSERT_EQ(Control("PUT", "seller-a/clock", R"({"now":"2035-01-01T00:00:00Z","autoCancel":false})")
                .status,
            200u);
  auto imported = Control("PUT", "seller-a/snapshot", exported.body);
  ASSERT_EQ(imported.status, 200u) << imported.body;
  EXPECT_EQ(imported.Json().at("orders").as_int64(), 4);

  auto again = Control("GET", "seller-a/snapshot");
  ASSERT_EQ(again.status, 200u);
  EXPECT_EQ(again.body, exported.body);
  EXPECT_EQ(Control("GET", "seller-a/clock").Json().at("offsetMillis").as_int64(),
            3LL * 3600 * 1000);

  // The restored seller works through the Walmart API as before.
  RenewToken();
  auto restored = GetOrder(ids[0]);
  ASSERT_EQ(restored.status, 200u);
  EXPECT_EQ(QuantityIn(LineOf(restored.Json(), "1"), "Delivered"), 2);
  EXPECT_EQ(QuantityIn(LineOf(GetOrder(ids[1]).Json(), "1"), "Acknowledged"), 0);
}

TEST_F(SandboxSnapshotTest, ASnapshotSeedsAnotherSeller) {
  CreateOrders(R"({"count":2,"shipNodeType":"SellerFulfilled"})");
  auto exported = Control("GET", "seller-a/snapshot");
  ASSERT_EQ(Control("PUT", "seller-b/snapshot", exported.body).status, 200u);
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", token_b).Json()).size(), 2u);
}

TEST_F(SandboxSnapshotTest, ABadSnapshotChangesNothing) {
  auto ids = CreateOrders(R"({"count":1,"shipNodeType":"SellerFulfilled"})");
  ExpectWalmartError(Control("PUT", "seller-a/snapshot", R"({"format":"other"})"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectWalmartError(Control("PUT", "seller-a/snapshot", "{"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_EQ(GetOrder(ids[0]).status, 200u);
}

}  // namespace
}  // namespace mporders::testing
