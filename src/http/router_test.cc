#include "http/router.h"

#include <gtest/gtest.h>

namespace mporders::http {
namespace {

using boost::beast::http::verb;

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    router_.Add(verb::get, "/v3/orders", 1);
    router_.Add(verb::get, "/v3/orders/released", 2);
    router_.Add(verb::get, "/v3/orders/{purchaseOrderId}", 3);
    router_.Add(verb::post, "/v3/orders/{purchaseOrderId}/acknowledge", 4);
  }
  Router<int> router_;
};

TEST_F(RouterTest, LiteralRouteWinsOverParameter) {
  auto match = router_.Find(verb::get, "/v3/orders/released");
  ASSERT_EQ(match.kind, Router<int>::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, 2);
}

TEST_F(RouterTest, ExtractsPathParameter) {
  auto match = router_.Find(verb::post, "/v3/orders/1815367951431/acknowledge");
  ASSERT_EQ(match.kind, Router<int>::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, 4);
  ASSERT_EQ(match.params.size(), 1u);
  EXPECT_EQ(match.params[0].first, "purchaseOrderId");
  EXPECT_EQ(match.params[0].second, "1815367951431");
  EXPECT_EQ(match.route, "/v3/orders/{purchaseOrderId}/acknowledge");
  ASSERT_EQ(match.index, 3);
  EXPECT_EQ(router_.TemplateAt(3), match.route);
  EXPECT_EQ(router_.MethodAt(3), verb::post);
  EXPECT_EQ(router_.size(), 4u);
  EXPECT_EQ(router_.Find(verb::get, "/v3/nothing").index, -1);
}

TEST_F(RouterTest, TrailingSlashIsIgnored) {
  auto match = router_.Find(verb::get, "/v3/orders/");
  ASSERT_EQ(match.kind, Router<int>::Match::Kind::kFound);
  EXPECT_EQ(*match.handler, 1);
}

TEST_F(RouterTest, WrongMethodIsDistinguishedFromNoRoute) {
  EXPECT_EQ(router_.Find(verb::delete_, "/v3/orders/1").kind,
            Router<int>::Match::Kind::kWrongMethod);
  EXPECT_EQ(router_.Find(verb::get, "/v3/nothing").kind, Router<int>::Match::Kind::kNoRoute);
  EXPECT_EQ(router_.Find(verb::get, "/v3/orders/1/acknowledge/x").kind,
            Router<int>::Match::Kind::kNoRoute);
}

}  // namespace
}  // namespace mporders::http
