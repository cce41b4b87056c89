// Two `mporders serve` processes on one PostgreSQL database, writing the same
// order lines at the same moment: for each conflicting pair exactly one write
// wins and the other is refused, and the stored quantities show one of them.
// Runs only with MPORDERS_TEST_ENGINE=postgres (ctest: postgres.two_servers).

#include <future>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr int kRounds = 12;

class TwoServersTest : public ApiTest {
 protected:
  void BeforeServe() override {
    const std::int64_t date = NowSeconds() - kHour;
    std::vector<OrderSpec> orders;
    for (int i = 0; i < kRounds; ++i) {
      orders.push_back(Order("TS-C" + std::to_string(i), date, {Line("1", "SKU-C", 1)}));
      orders.push_back(Order("TS-S" + std::to_string(i), date,
                             {Line("1", "SKU-S", 1, {Bucket("Acknowledged", 1)})}));
    }
    orders.push_back(Order("TS-F", date, {Line("1", "SKU-F", 2)}));
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
  }
  void SetUp() override {
    if (!TestOnPostgres()) GTEST_SKIP() << "runs on PostgreSQL only";
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, &dir_);
  }

  // POSTs `body` to /v3/orders/PO/ACTION on both processes at once; the two
  // statuses.
  std::pair<unsigned, unsigned> OnBothAtOnce(const std::string& po, const std::string& action,
                                             const std::string& body) {
    const std::string target = "/v3/orders/" + po + "/" + action;
    auto headers = WalmartHeaders(token_a_);
    headers.emplace_back("Content-Type", "application/json");
    std::promise<void> go;
    std::shared_future<void> start = go.get_future().share();
    auto post = [&](unsigned short port) {
      HttpClient client(port);
      start.wait();
      return client.Request("POST", target, headers, body).status;
    };
    auto first = std::async(std::launch::async, post, server_->port());
    auto second = std::async(std::launch::async, post, second_->port());
    go.set_value();
    return {first.get(), second.get()};
  }

  boost::json::value Read(const std::string& po) {
    auto response = Get("/v3/orders/" + po, token_a_);
    EXPECT_EQ(response.status, 200u) << response.body;
    return response.Json();
  }

  // GET `target` on the second process.
  HttpResponse ReadOnSecond(const std::string& target, bool xml) {
    auto headers = WalmartHeaders(token_a_);
    if (xml) headers.emplace_back("Accept", "application/xml");
    return HttpClient(second_->port()).Request("GET", target, headers, "");
  }

  std::unique_ptr<ServerProcess> second_;
};

int Wins(std::pair<unsigned, unsigned> statuses) {
  return (statuses.first == 200u ? 1 : 0) + (statuses.second == 200u ? 1 : 0);
}

TEST_F(TwoServersTest, CancellingTheLastUnitOnBothProcessesCancelsItOnce) {
  for (int i = 0; i < kRounds; ++i) {
    const std::string po = "TS-C" + std::to_string(i);
    auto statuses = OnBothAtOnce(po, "cancel", CancelBody("1", 1));
    EXPECT_EQ(Wins(statuses), 1) << po << ": " << statuses.first << ", " << statuses.second;
    EXPECT_TRUE(statuses.first == 400u || statuses.second == 400u) << po;
    const auto line = LineOf(Read(po), "1");
    EXPECT_EQ(QuantityIn(line, "Cancelled"), 1) << po;
    EXPECT_EQ(QuantityIn(line, "Created"), 0) << po;
  }
}

TEST_F(TwoServersTest, ShippingTheLastUnitOnBothProcessesShipsItOnce) {
  for (int i = 0; i < kRounds; ++i) {
    const std::string po = "TS-S" + std::to_string(i);
    auto statuses =
        OnBothAtOnce(po, "shipping", ShipBody({Package("1", 1, "1Z" + std::to_string(i))}));
    EXPECT_EQ(Wins(statuses), 1) << po << ": " << statuses.first << ", " << statuses.second;
    const auto line = LineOf(Read(po), "1");
    EXPECT_EQ(QuantityIn(line, "Shipped"), 1) << po;
    EXPECT_EQ(QuantityIn(line, "Acknowledged"), 0) << po;
  }
}

}  // namespace
}  // namespace mporders::testing

namespace mporders::testing {
namespace {

// Each process keeps encoded orders between reads: a change committed by one
// process shows in the other's very next read, single order and list, JSON
// and XML alike.
TEST_F(TwoServersTest, AChangeOnOneProcessShowsInTheOthersNextRead) {
  const std::string single = "/v3/orders/TS-F";
  const std::string list = "/v3/orders?sku=SKU-F";
  for (bool xml : {false, true}) {
    for (const std::string& target : {single, list}) {
      // Twice: the second GET is answered from what the first one kept,
      // without reading the order, for as long as its stamp holds.
      for (int read = 0; read < 2; ++read) {
        auto before = ReadOnSecond(target, xml);
        ASSERT_EQ(before.status, 200u) << before.body;
        EXPECT_EQ(before.body.find("Cancelled"), std::string::npos) << target;
      }
    }
  }
  ASSERT_EQ(Post("/v3/orders/TS-F/cancel", token_a_, CancelBody("1", 1)).status, 200u);
  for (bool xml : {false, true}) {
    for (const std::string& target : {single, list}) {
      auto after = ReadOnSecond(target, xml);
      ASSERT_EQ(after.status, 200u) << after.body;
      EXPECT_NE(after.body.find("Cancelled"), std::string::npos) << target << (xml ? " XML" : "");
    }
  }
}

}  // namespace
}  // namespace mporders::testing
