#include "domain/invariants.h"

#include <gtest/gtest.h>

#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

Order Consistent() {
  return MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}, {S::kShipped, 2}}),
                    MakeLine("2", {{S::kCancelled, 1}})});
}

void ExpectBroken(const Order& order, const std::string& text) {
  const Status status = CheckInvariants(order);
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.code(), ErrorCode::kInternal);
  EXPECT_NE(status.description().find(text), std::string::npos) << status.ToString();
}

TEST(InvariantsTest, ConsistentOrder) { EXPECT_TRUE(CheckInvariants(Consistent()).ok()); }

TEST(InvariantsTest, BucketsMustPartitionTheLine) {
  Order order = Consistent();
  order.order_lines[0].order_line_quantity.amount = 4;
  ExpectBroken(order, "line 1: buckets hold 3 qty, orderLineQuantity is 4");
}

TEST(InvariantsTest, NoEmptyBuckets) {
  Order order = Consistent();
  order.order_lines[1].statuses.push_back(MakeLine("x", {{S::kCreated, 0}}).statuses[0]);
  ExpectBroken(order, "line 2: Created bucket with quantity 0");
}

TEST(InvariantsTest, NoNegativeBuckets) {
  Order order = Consistent();
  order.order_lines[0].statuses[0].status_quantity.amount = -1;
  order.order_lines[0].order_line_quantity.amount = 1;
  ExpectBroken(order, "bucket with quantity -1");
}

TEST(InvariantsTest, LineNumbersAreUnique) {
  Order order = Consistent();
  order.order_lines[1].line_number = order.order_lines[0].line_number;
  ExpectBroken(order, "duplicate lineNumber");
}

TEST(InvariantsTest, RefundsWithinCharges) {
  Order order = Consistent();
  order.order_lines[0].refund.emplace();
  order.order_lines[0].refund->refund_charges.push_back(RefundOf("PRODUCT", -1000, -80));
  EXPECT_TRUE(CheckInvariants(order).ok());
  order.order_lines[0].refund->refund_charges.push_back(RefundOf("PRODUCT", -1, std::nullopt));
  ExpectBroken(order, "refunded PRODUCT amount USD 10.01 exceeds the charged USD 10.00");
}

TEST(InvariantsTest, RefundTaxWithinChargedTax) {
  Order order = Consistent();
  order.order_lines[0].refund.emplace();
  order.order_lines[0].refund->refund_charges.push_back(RefundOf("PRODUCT", -1, -81));
  ExpectBroken(order, "refunded PRODUCT tax USD 0.81 exceeds the charged USD 0.80");
}

TEST(InvariantsTest, RefundOfAnUnchargedType) {
  Order order = Consistent();
  order.order_lines[0].refund.emplace();
  order.order_lines[0].refund->refund_charges.push_back(RefundOf("SHIPPING", -1, std::nullopt));
  ExpectBroken(order, "refunded SHIPPING amount");
}

TEST(InvariantsTest, PositiveRefundCharges) {
  Order order = Consistent();
  order.order_lines[0].refund.emplace();
  order.order_lines[0].refund->refund_charges.push_back(RefundOf("PRODUCT", 798, 798));
  ExpectBroken(order, "positive refund charge");
}

}  // namespace
}  // namespace mporders::test
