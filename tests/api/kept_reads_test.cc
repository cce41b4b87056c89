// What one server process keeps between GETs of an order (the encoded answer,
// reused while the order's stamp holds) never hides a change made by another
// process on the same database: two `mporders serve` processes, and the CLI
// as a third.

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

class KeptReadsTest : public ApiTest {
 protected:
  void BeforeServe() override {
    date_ = NowSeconds() - kHour;
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("KR-1", date_, {Line("1", "SKU-K", 2)})},
                           dir_.path()),
              0);
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    second_ = std::make_unique<ServerProcess>(std::vector<std::string>{}, &dir_);
  }

  // GET `target` on the second process, JSON or XML.
  HttpResponse ReadOnSecond(const std::string& target, bool xml) {
    auto headers = WalmartHeaders(token_a_);
    if (xml) headers.emplace_back("Accept", "application/xml");
    return HttpClient(second_->port()).Request("GET", target, headers, "");
  }

  // Reads every variant twice on the second process (the second read of
  // each is answered from what the first kept); each body must hold `text`
  // or, with `present` false, must not.
  void ReadEveryVariantTwice(const std::string& text, bool present) {
    for (const std::string target : {"/v3/orders/KR-1", "/v3/orders/KR-1?productInfo=true"}) {
      for (bool xml : {false, true}) {
        for (int read = 0; read < 2; ++read) {
          auto response = ReadOnSecond(target, xml);
          ASSERT_EQ(response.status, 200u) << response.body;
          EXPECT_EQ(response.body.find(text) != std::string::npos, present)
              << target << (xml ? " XML" : " JSON") << " read " << read << ": " << response.body;
        }
      }
    }
  }

  std::int64_t date_ = 0;
  std::unique_ptr<ServerProcess> second_;
};

TEST_F(KeptReadsTest, AnApiWriteOnOneProcessShowsInTheOthersNextGet) {
  ReadEveryVariantTwice("Cancelled", false);
  ASSERT_EQ(Post("/v3/orders/KR-1/cancel", token_a_, CancelBody("1", 1)).status, 200u);
  ReadEveryVariantTwice("Cancelled", true);
}

TEST_F(KeptReadsTest, AnImportByTheCliShowsInTheNextGet) {
  ReadEveryVariantTwice("REIMPORTED", false);
  OrderSpec replacement = Order("KR-1", date_, {Line("1", "SKU-K", 2)});
  replacement.customer_order_id = "REIMPORTED";
  ASSERT_EQ(ImportOrders(db_, kSellerA, {replacement}, dir_.path()), 0);
  ReadEveryVariantTwice("REIMPORTED", true);
}

TEST_F(KeptReadsTest, AFailedWriteLeavesTheKeptAnswerRight) {
  ReadEveryVariantTwice("Cancelled", false);
  // More than the line holds: refused, nothing changes.
  ASSERT_EQ(Post("/v3/orders/KR-1/cancel", token_a_, CancelBody("1", 5)).status, 400u);
  ReadEveryVariantTwice("Cancelled", false);
}

}  // namespace
}  // namespace mporders::testing
