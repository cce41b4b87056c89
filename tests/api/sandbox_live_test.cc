// serve --simulate: the background generator creates orders and delivers
// shipments on each seller's clock. The clock is advanced instead of
// waiting; the test only waits for the next one-second tick.

#include <chrono>
#include <thread>

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxLiveTest : public SandboxTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key",
            kSandboxKey,
            "--simulate",
            "--simulate-order-rate",
            "6",
            "--simulate-delivery-delay",
            "60"};
  }

  // Polls `done` for up to 10 s: the generator runs once a second.
  template <typename Done>
  bool Eventually(Done done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (std::chrono::steady_clock::now() < deadline) {
      if (done()) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
  }

  std::int64_t SnapshotOrders(const std::string& seller) {
    return static_cast<std::int64_t>(
        Control("GET", seller + "/snapshot").Json().at("orders").as_array().size());
  }
};

TEST_F(SandboxLiveTest, OrdersArriveAndShipmentsAreDelivered) {
  auto ids = CreateOrders(R"({"lines":1,"quantity":1})");
  ASSERT_EQ(Post("/v3/orders/" + ids[0] + "/acknowledge", token_a_, "").status, 200u);
  ASSERT_EQ(
      Post("/v3/orders/" + ids[0] + "/shipping", token_a_, ShipBody({Package("1", 1, "TRK-LIVE")}))
          .status,
      200u);
  // Ten minutes of the seller's time: about 60 new orders, and the package
  // (shipped now, delivered 60 s later) arrives.
  ASSERT_EQ(
      Control("POST", "seller-a/clock/advance", R"({"minutes":10,"autoCancel":false})").status,
      200u);
  EXPECT_TRUE(Eventually([&] { return SnapshotOrders("seller-a") >= 50; }))
      << SnapshotOrders("seller-a");
  RenewToken();
  EXPECT_TRUE(Eventually([&] {
    return QuantityIn(LineOf(GetOrder(ids[0]).Json(), "1"), "Delivered") == 1;
  })) << GetOrder(ids[0]).body;
  // Every generated order is a fresh release.
  auto list = Get("/v3/orders?limit=200&shipNodeType=SellerFulfilled", token_a_);
  ASSERT_EQ(list.status, 200u) << list.body;
}

}  // namespace
}  // namespace mporders::testing
