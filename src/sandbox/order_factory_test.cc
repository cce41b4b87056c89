#include "sandbox/order_factory.h"

#include <gtest/gtest.h>

#include "domain/invariants.h"

namespace mporders::sandbox {
namespace {

constexpr EpochMillis kNow = 1714564800123;  // 2024-05-01T12:00:00.123Z

TEST(OrderFactoryTest, NewOrdersAreReleasedNowAndUntouched) {
  for (std::uint64_t index = 0; index < 50; ++index) {
    Order order = MakeNewOrder(7, index, kNow, {});
    ASSERT_TRUE(CheckInvariants(order).ok()) << CheckInvariants(order).description();
    EXPECT_EQ(order.order_date, 1714564800000);
    EXPECT_GT(order.shipping_info.estimated_ship_date, order.order_date);
    EXPECT_GT(order.shipping_info.estimated_delivery_date, order.shipping_info.estimated_ship_date);
    const bool wfs = order.ship_node && order.ship_node->type == "WFSFulfilled";
    for (const OrderLine& line : order.order_lines) {
      ASSERT_EQ(line.statuses.size(), 1u);
      EXPECT_EQ(line.statuses[0].status, wfs ? LineStatus::kAcknowledged : LineStatus::kCreated);
      EXPECT_EQ(line.status_date, order.order_date);
      EXPECT_FALSE(line.refund.has_value());
      EXPECT_FALSE(line.intent_to_cancel.has_value());
    }
  }
}

TEST(OrderFactoryTest, SameArgumentsSameOrder) {
  OrderShape shape;
  shape.lines = 3;
  EXPECT_EQ(MakeNewOrder(7, 3, kNow, shape), MakeNewOrder(7, 3, kNow, shape));
  EXPECT_NE(MakeNewOrder(7, 3, kNow, shape).purchase_order_id,
            MakeNewOrder(7, 4, kNow, shape).purchase_order_id);
}

TEST(OrderFactoryTest, FollowsShapeHints) {
  OrderShape shape;
  shape.lines = 4;
  shape.quantity = 5;
  shape.ship_node_type = "3PLFulfilled";
  shape.order_type = "REPLACEMENT";
  ASSERT_TRUE(ValidateOrderShape(shape).ok());
  Order order = MakeNewOrder(1, 0, kNow, shape);
  ASSERT_TRUE(CheckInvariants(order).ok());
  ASSERT_EQ(order.order_lines.size(), 4u);
  for (const OrderLine& line : order.order_lines) {
    EXPECT_EQ(line.order_line_quantity.amount, 5);
    EXPECT_EQ(line.statuses[0].status_quantity.amount, 5);
  }
  EXPECT_EQ(order.ship_node->type, "3PLFulfilled");
  EXPECT_TRUE(order.ship_node->name.has_value());
  EXPECT_EQ(order.order_type, "REPLACEMENT");
  EXPECT_EQ(order.original_customer_order_id->size(), 13u);

  shape.ship_node_type = "WFSFulfilled";
  Order wfs = MakeNewOrder(1, 0, kNow, shape);
  EXPECT_EQ(wfs.order_lines[0].statuses[0].status, LineStatus::kAcknowledged);
}

TEST(OrderFactoryTest, RejectsOutOfRangeHints) {
  OrderShape shape;
  shape.lines = 0;
  EXPECT_FALSE(ValidateOrderShape(shape).ok());
  shape = {};
  shape.quantity = 1001;
  EXPECT_FALSE(ValidateOrderShape(shape).ok());
  shape = {};
  shape.ship_node_type = "Moon";
  EXPECT_FALSE(ValidateOrderShape(shape).ok());
  shape = {};
  shape.order_type = "regular";
  EXPECT_FALSE(ValidateOrderShape(shape).ok());
}

}  // namespace
}  // namespace mporders::sandbox
