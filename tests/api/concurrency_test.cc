// Concurrent writes to one order over separate connections: each write is
// one transaction, so quantities and money are never spent twice.

#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

// Seller A's orders:
//   C-SHIP    1 Acknowledged
//   C-CANCEL  5 Created
//   C-REFUND  1 Shipped; PRODUCT 5.00 + tax 0.40
//   C-MIXED   5 Acknowledged
class ConcurrencyTest : public ApiTest {
 protected:
  void BeforeServe() override {
    std::int64_t date = NowSeconds() - kHour;
    std::vector<OrderSpec> orders;
    orders.push_back(Order("C-SHIP", date, {Line("1", "SKU-S", 1, {Bucket("Acknowledged", 1)})}));
    orders.push_back(Order("C-CANCEL", date, {Line("1", "SKU-C", 5)}));
    orders.push_back(Order("C-REFUND", date, {Line("1", "SKU-R", 1, {Bucket("Shipped", 1)})}));
    orders.push_back(Order("C-MIXED", date, {Line("1", "SKU-M", 5, {Bucket("Acknowledged", 5)})}));
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
  }

  // Sends bodies[i] to `target` from thread i, each on its own connection,
  // all released at once; returns the HTTP statuses (0: transport failure).
  std::vector<unsigned> PostConcurrently(const std::string& target,
                                         const std::vector<std::string>& bodies) {
    return PostConcurrently(std::vector<std::string>(bodies.size(), target), bodies);
  }

  // Sends bodies[i] to targets[i] from thread i.
  std::vector<unsigned> PostConcurrently(const std::vector<std::string>& targets,
                                         const std::vector<std::string>& bodies) {
    std::vector<unsigned> statuses(bodies.size(), 0);
    std::latch ready(static_cast<std::ptrdiff_t>(bodies.size()));
    std::vector<std::thread> threads;
    for (size_t i = 0; i < bodies.size(); ++i) {
      threads.emplace_back([&, i] {
        try {
          HttpClient client(server_->port());
          auto headers = WalmartHeaders(token_a_, "cid-" + std::to_string(i));
          headers.emplace_back("Content-Type", "application/json");
          ready.arrive_and_wait();
          statuses[i] = client.Request("POST", targets[i], headers, bodies[i]).status;
        } catch (const std::exception&) {
          statuses[i] = 0;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    return statuses;
  }

  boost::json::value GetOrder(const std::string& po) {
    auto response = Get("/v3/orders/" + po, token_a_);
    EXPECT_EQ(response.status, 200u) << response.body;
    return response.status == 200 ? response.Json() : boost::json::value();
  }

  static std::vector<size_t> Indexes(const std::vector<unsigned>& statuses, unsigned status) {
    std::vector<size_t> found;
    for (size_t i = 0; i < statuses.size(); ++i) {
      if (statuses[i] == status) found.push_back(i);
    }
    return found;
  }
};

TEST_F(ConcurrencyTest, OnlyOneOfSixteenShipmentsOfTheLastUnitSucceeds) {
  std::vector<std::string> bodies;
  for (int i = 0; i < 16; ++i)
    bodies.push_back(ShipBody({Package("1", 1, "TRK-" + std::to_string(i))}));
  auto statuses = PostConcurrently("/v3/orders/C-SHIP/shipping", bodies);
  auto winners = Indexes(statuses, 200);
  ASSERT_EQ(winners.size(), 1u);
  EXPECT_EQ(Indexes(statuses, 400).size(), 15u);

  auto order = GetOrder("C-SHIP");
  const auto& line = LineOf(order, "1");
  auto shipped = BucketsOf(line, "Shipped");
  ASSERT_EQ(shipped.size(), 1u);
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0);
  EXPECT_EQ(shipped[0].at("trackingInfo").at("trackingNumber").as_string(),
            "TRK-" + std::to_string(winners[0]));
}

TEST_F(ConcurrencyTest, SixteenCancelsOfOneUnitCancelExactlyFive) {
  std::vector<std::string> bodies(16, CancelBody("1", 1));
  auto statuses = PostConcurrently("/v3/orders/C-CANCEL/cancel", bodies);
  EXPECT_EQ(Indexes(statuses, 200).size(), 5u);
  EXPECT_EQ(Indexes(statuses, 400).size(), 11u);

  auto order = GetOrder("C-CANCEL");
  const auto& line = LineOf(order, "1");
  EXPECT_EQ(QuantityIn(line, "Cancelled"), 5);
  EXPECT_EQ(QuantityIn(line, "Created"), 0);
}

TEST_F(ConcurrencyTest, TenRefundsOfOneDollarOnFiveDollarsRefundExactlyFive) {
  std::vector<std::string> bodies(10, RefundBody("C-REFUND", "1", "-1.00"));
  auto statuses = PostConcurrently("/v3/orders/C-REFUND/refund", bodies);
  EXPECT_EQ(Indexes(statuses, 200).size(), 5u);
  EXPECT_EQ(Indexes(statuses, 400).size(), 5u);

  auto order = GetOrder("C-REFUND");
  const auto& line = LineOf(order, "1");
  const auto& charges = line.at("refund").at("refundCharges").at("refundCharge").as_array();
  EXPECT_EQ(charges.size(), 5u);
  for (const auto& charge : charges) {
    EXPECT_EQ(charge.at("charge").at("chargeAmount").at("amount").to_number<double>(), -1.0);
  }
  EXPECT_EQ(QuantityIn(line, "Shipped"), 1);
}

TEST_F(ConcurrencyTest, ShipmentsAndCancelsRacingForFiveUnitsNeverExceedThem) {
  std::vector<std::string> targets;
  std::vector<std::string> bodies;
  for (int i = 0; i < 16; ++i) {
    bool ship = i % 2 == 0;
    targets.push_back(std::string("/v3/orders/C-MIXED/") + (ship ? "shipping" : "cancel"));
    bodies.push_back(ship ? ShipBody({Package("1", 1, "TRK-" + std::to_string(i))})
                          : CancelBody("1", 1));
  }
  auto statuses = PostConcurrently(targets, bodies);
  EXPECT_EQ(Indexes(statuses, 200).size(), 5u);
  EXPECT_EQ(Indexes(statuses, 400).size(), 11u);
  std::int64_t shipped_calls = 0;
  for (size_t i : Indexes(statuses, 200)) shipped_calls += i % 2 == 0 ? 1 : 0;

  auto order = GetOrder("C-MIXED");
  const auto& line = LineOf(order, "1");
  EXPECT_EQ(QuantityIn(line, "Shipped"), shipped_calls);
  EXPECT_EQ(QuantityIn(line, "Cancelled"), 5 - shipped_calls);
  EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0);
}

}  // namespace
}  // namespace mporders::testing
