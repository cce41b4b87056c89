#include <gtest/gtest.h>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

TEST(AcknowledgeTest, MovesAllCreatedQuantityOfEveryLine) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 2}}), MakeLine("2", {{S::kCreated, 1}})});
  ASSERT_TRUE(Acknowledge(order, Ctx(kT0 + 5)).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kAcknowledged, 2}}));
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kAcknowledged, 1}}));
  EXPECT_EQ(order.order_lines[0].status_date, kT0 + 5);
  EXPECT_EQ(order.order_lines[1].status_date, kT0 + 5);
  EXPECT_EQ(order.order_lines[0].statuses[0].status_quantity.unit, "EACH");
}

TEST(AcknowledgeTest, MergesWithQuantityAlreadyAcknowledged) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 2}})});
  ASSERT_TRUE(Acknowledge(order, Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kAcknowledged, 3}}));
}

TEST(AcknowledgeTest, ReacknowledgingSucceedsWithoutChange) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 2}})});
  const Order before = order;
  ASSERT_TRUE(Acknowledge(order, Ctx()).ok());
  EXPECT_TRUE(order == before);  // statusDate too: nothing changed status
}

TEST(AcknowledgeTest, OnlyLinesWithCreatedQuantityGetANewStatusDate) {
  Order order =
      MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}}), MakeLine("2", {{S::kCreated, 1}})});
  ASSERT_TRUE(Acknowledge(order, Ctx(kT0 + 9)).ok());
  EXPECT_EQ(order.order_lines[0].status_date, kT0);
  EXPECT_EQ(order.order_lines[1].status_date, kT0 + 9);
}

TEST(AcknowledgeTest, DropsShowcaseFieldsOfTheCreatedBucket) {
  OrderLine line = MakeLine("1", {{S::kCreated, 1}});
  line.statuses[0].cancellation_reason = "xyz";
  line.statuses[0].tracking_info = Tracking("old");
  Order order = MakeOrder({line});
  ASSERT_TRUE(Acknowledge(order, Ctx()).ok());
  ASSERT_EQ(order.order_lines[0].statuses.size(), 1u);
  EXPECT_FALSE(order.order_lines[0].statuses[0].cancellation_reason);
  EXPECT_FALSE(order.order_lines[0].statuses[0].tracking_info);
}

class AcknowledgeHigherStatusTest : public ::testing::TestWithParam<LineStatus> {};

TEST_P(AcknowledgeHigherStatusTest, RejectsTheWholePo) {
  // Line 1 is still Created, yet the call fails as a whole.
  Order order = MakeOrder(
      {MakeLine("1", {{S::kCreated, 1}}), MakeLine("2", {{S::kAcknowledged, 1}, {GetParam(), 1}})});
  const Order before = order;
  const Status status = Acknowledge(order, Ctx());
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(status.field(), "data");
  EXPECT_EQ(status.description(),
            "Failed when called acknowledge API for 'PO-1'. Some or all qty in higher status");
  EXPECT_TRUE(order == before);
}

INSTANTIATE_TEST_SUITE_P(Statuses, AcknowledgeHigherStatusTest,
                         ::testing::Values(S::kShipped, S::kDelivered, S::kCancelled, S::kRefund));

TEST(AcknowledgeTest, RejectsWalmartFulfilledOrders) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}})});
  order.ship_node->type = "WFSFulfilled";
  const Order before = order;
  EXPECT_TRUE(Rejected(Acknowledge(order, Ctx()), "data", "WFS"));
  EXPECT_TRUE(order == before);
}

TEST(AcknowledgeTest, OrderWithoutShipNodeIsSellerFulfilled) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}})});
  order.ship_node.reset();
  EXPECT_TRUE(Acknowledge(order, Ctx()).ok());
}

}  // namespace
}  // namespace mporders::test
