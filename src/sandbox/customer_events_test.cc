#include "sandbox/customer_events.h"

#include <gtest/gtest.h>

namespace mporders::sandbox {
namespace {

OrderLine Line(std::string number, LineStatus status, std::int64_t quantity) {
  OrderLine line;
  line.line_number = std::move(number);
  line.order_line_quantity.amount = quantity;
  OrderLineStatus bucket;
  bucket.status = status;
  bucket.status_quantity.amount = quantity;
  line.statuses = {bucket};
  return line;
}

Order TwoLineOrder() {
  Order order;
  order.purchase_order_id = "PO1";
  order.order_lines = {Line("1", LineStatus::kAcknowledged, 2), Line("2", LineStatus::kShipped, 1)};
  return order;
}

TEST(RequestCancellationTest, MarksOpenLinesWhenNoneAreNamed) {
  Order order = TwoLineOrder();
  ASSERT_TRUE(RequestCancellation(order, {}).ok());
  EXPECT_EQ(order.order_lines[0].intent_to_cancel, "Y");
  EXPECT_FALSE(order.order_lines[1].intent_to_cancel.has_value());
  EXPECT_EQ(order.order_lines[0].statuses[0].status,
            LineStatus::kAcknowledged);  // no status change
}

TEST(RequestCancellationTest, RefusesShippedUnknownAndRepeatedLinesWithoutChange) {
  const Order original = TwoLineOrder();
  for (const std::vector<std::string>& lines :
       {std::vector<std::string>{"2"}, std::vector<std::string>{"9"},
        std::vector<std::string>{"1", "1"}, std::vector<std::string>{"1", "2"}}) {
    Order order = original;
    Status status = RequestCancellation(order, lines);
    EXPECT_EQ(status.code(), ErrorCode::kInvalidRequestContent);
    EXPECT_EQ(order, original);
  }
}

TEST(RequestCancellationTest, NothingOpenIsAnError) {
  Order order;
  order.purchase_order_id = "PO2";
  order.order_lines = {Line("1", LineStatus::kDelivered, 1)};
  EXPECT_FALSE(RequestCancellation(order, {}).ok());
}

}  // namespace
}  // namespace mporders::sandbox
