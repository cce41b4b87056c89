// Revocation across server processes: two `mporders serve` processes on one
// database file. A token minted by one works on the other; revoking its
// client, or removing a provider's grant, with the CLI (a third process)
// refuses it on both from the very next request, with no restart and no wait.

#include "delegated_support.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

class RevocationTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(AddProviderClient(db_), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerA), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerB), 0);
    const std::int64_t date = NowSeconds() - kHour;
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("RV-A", date)}, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB, {Order("RV-B", date)}, dir_.path()), 0);
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, &dir_);
  }

  // GET `target` with `token` on both processes; the two statuses.
  std::pair<unsigned, unsigned> OnBoth(const std::string& target, const std::string& token) {
    HttpClient first(server_->port());
    HttpClient second(second_->port());
    return {first.Request("GET", target, WalmartHeaders(token)).status,
            second.Request("GET", target, WalmartHeaders(token)).status};
  }

  std::unique_ptr<ServerProcess> second_;
};

using Statuses = std::pair<unsigned, unsigned>;

TEST_F(RevocationTest, TheTwoProcessesReallyShareOneDatabase) {
  EXPECT_NE(second_->port(), server_->port());
  EXPECT_EQ(second_->db_url(), server_->db_url());
  // A write through one process is read back through the other.
  ASSERT_EQ(Post("/v3/orders/RV-A/acknowledge", token_a_, "").status, 200u);
  HttpClient second(second_->port());
  auto read = second.Request("GET", "/v3/orders/RV-A", WalmartHeaders(token_a_));
  ASSERT_EQ(read.status, 200u) << read.body;
  EXPECT_EQ(QuantityIn(LineOf(read.Json(), "1"), "Acknowledged"), 1);
}

TEST_F(RevocationTest, RevokingASellersClientRefusesItsTokensOnEveryProcessAtOnce) {
  // Minted by the second process, used on both.
  const std::string from_second = FetchToken(second_->port(), kClientA, kSecret);
  ASSERT_EQ(OnBoth("/v3/orders/RV-A", token_a_), Statuses(200, 200));
  ASSERT_EQ(OnBoth("/v3/orders/RV-A", from_second), Statuses(200, 200));

  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kClientA}), 0);
  EXPECT_EQ(OnBoth("/v3/orders/RV-A", token_a_), Statuses(401, 401));
  EXPECT_EQ(OnBoth("/v3/orders/RV-A", from_second), Statuses(401, 401));
  EXPECT_EQ(OnBoth("/v3/token/detail", token_a_), Statuses(401, 401));
  EXPECT_EQ(RequestToken(server_->port(), kClientA, kSecret, "").status, 401u);
  EXPECT_EQ(RequestToken(second_->port(), kClientA, kSecret, "").status, 401u);
  // Another seller's client is not affected.
  EXPECT_EQ(OnBoth("/v3/orders/RV-B", FetchToken(server_->port(), kClientB, kSecret)),
            Statuses(200, 200));
}

TEST_F(RevocationTest, RemovingAGrantAndRevokingAProviderReachEveryProcessAtOnce) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  const std::string for_b = FetchTokenFor(second_->port(), kSellerB);
  ASSERT_EQ(OnBoth("/v3/orders/RV-A", for_a), Statuses(200, 200));
  ASSERT_EQ(OnBoth("/v3/orders/RV-B", for_b), Statuses(200, 200));

  ASSERT_EQ(UngrantSeller(db_, kSellerA), 0);
  EXPECT_EQ(OnBoth("/v3/orders/RV-A", for_a), Statuses(401, 401));
  EXPECT_EQ(OnBoth("/v3/orders/RV-B", for_b), Statuses(200, 200));
  EXPECT_EQ(RequestToken(second_->port(), kProvider, kSecret, kSellerA).status, 401u);

  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kProvider}), 0);
  EXPECT_EQ(OnBoth("/v3/orders/RV-B", for_b), Statuses(401, 401));
  EXPECT_EQ(RequestToken(server_->port(), kProvider, kSecret, kSellerB).status, 401u);
  // The sellers' own tokens still work everywhere.
  EXPECT_EQ(OnBoth("/v3/orders/RV-A", token_a_), Statuses(200, 200));
}

}  // namespace
}  // namespace mporders::testing
