#include <gtest/gtest.h>

#include <limits>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"
#include "domain/reason_codes.h"

namespace mporders::test {
namespace {

using S = LineStatus;

TEST(CancelTest, PartialQuantitySplitsTheBucket) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}})});
  ASSERT_TRUE(Cancel(order, CancelOne("1", 1), Ctx(kT0 + 7)).ok());
  const OrderLine& line = order.order_lines[0];
  EXPECT_EQ(ShapeOf(line), (Shape{{S::kAcknowledged, 2}, {S::kCancelled, 1}}));
  EXPECT_EQ(line.statuses[1].cancellation_reason, "SELLER_CANCEL_OUT_OF_STOCK");
  EXPECT_EQ(line.statuses[1].status_quantity.unit, "EACH");
  EXPECT_EQ(line.status_date, kT0 + 7);
  EXPECT_EQ(line.order_line_quantity.amount, 3);
}

TEST(CancelTest, ConsumesCreatedBeforeAcknowledged) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 2}})});
  ASSERT_TRUE(Cancel(order, CancelOne("1", 2), Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kAcknowledged, 1}, {S::kCancelled, 2}}));
}

TEST(CancelTest, WholeLine) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 2}})});
  ASSERT_TRUE(Cancel(order, CancelOne("1", 2, "SELLER_CANCEL_PRICING_ERROR"), Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kCancelled, 2}}));
  EXPECT_EQ(order.order_lines[0].statuses[0].cancellation_reason, "SELLER_CANCEL_PRICING_ERROR");
}

TEST(CancelTest, SameReasonMergesDifferentReasonsStaySeparate) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}, {S::kCancelled, 1}})});
  CancelCommand command = CancelOne("1", 1);  // same reason as the existing bucket
  command.lines[0].portions.push_back({1, "Cancelled", "SELLER_CANCEL_FRAUD_STOP_SHIPMENT"});
  ASSERT_TRUE(Cancel(order, command, Ctx()).ok());
  const OrderLine& line = order.order_lines[0];
  EXPECT_EQ(ShapeOf(line), (Shape{{S::kAcknowledged, 1}, {S::kCancelled, 2}, {S::kCancelled, 1}}));
  EXPECT_EQ(line.statuses[1].cancellation_reason, "SELLER_CANCEL_OUT_OF_STOCK");
  EXPECT_EQ(line.statuses[2].cancellation_reason, "SELLER_CANCEL_FRAUD_STOP_SHIPMENT");
}

TEST(CancelTest, StatusIsCaseInsensitive) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  CancelCommand command = CancelOne("1", 1);
  command.lines[0].portions[0].status = "CANCELLED";
  EXPECT_TRUE(Cancel(order, command, Ctx()).ok());
}

TEST(CancelTest, EveryUsReasonIsAccepted) {
  for (std::string_view reason : UsCancellationReasons()) {
    OrderLine line = MakeLine("1", {{S::kAcknowledged, 1}});
    line.intent_to_cancel = "Y";
    Order order = MakeOrder({line});
    EXPECT_TRUE(Cancel(order, CancelOne("1", 1, std::string(reason)), Ctx()).ok()) << reason;
  }
}

TEST(CancelTest, OnlyUnchangedLinesKeepTheirStatusDate) {
  Order order =
      MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}}), MakeLine("2", {{S::kAcknowledged, 1}})});
  ASSERT_TRUE(Cancel(order, CancelOne("2", 1), Ctx(kT0 + 3)).ok());
  EXPECT_EQ(order.order_lines[0].status_date, kT0);
  EXPECT_EQ(order.order_lines[1].status_date, kT0 + 3);
}

// Every rejection below leaves the order exactly as it was.
class CancelRejectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    OrderLine shipped = MakeLine("2", {{S::kAcknowledged, 1}, {S::kShipped, 2}});
    order_ = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 1}}), shipped});
    before_ = order_;
  }
  void TearDown() override { EXPECT_TRUE(order_ == before_); }

  Order order_;
  Order before_;
};

TEST_F(CancelRejectTest, ShippedQuantity) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("2", 3), Ctx()), "statusQuantity",
                       "Failed when called cancel API for PO-1. line 2: only 1 of 3 qty can be "
                       "cancelled; 2 qty is Shipped"));
}

TEST_F(CancelRejectTest, MoreThanTheLineHas) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("1", 3), Ctx()), "statusQuantity",
                       "line 1: only 2 of 3 qty can be cancelled; the line has 2 qty"));
}

TEST_F(CancelRejectTest, PortionsAddUp) {
  CancelCommand command = CancelOne("1", 2);
  command.lines[0].portions.push_back({1, "Cancelled", "SELLER_CANCEL_OUT_OF_STOCK"});
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "statusQuantity", "only 2 of 3"));
}

TEST_F(CancelRejectTest, HugeQuantitiesDoNotOverflow) {
  CancelCommand command = CancelOne("1", std::numeric_limits<std::int64_t>::max());
  command.lines[0].portions.push_back({5, "Cancelled", "SELLER_CANCEL_OUT_OF_STOCK"});
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "statusQuantity", "only 2 of"));
}

TEST_F(CancelRejectTest, UnknownLine) {
  const Status status = Cancel(order_, CancelOne("9", 1), Ctx());
  EXPECT_TRUE(Rejected(status, "data", ""));
  EXPECT_EQ(status.description(),
            "Unable to process this request. The Line: 9 of PO: PO-1 does not exist");
}

TEST_F(CancelRejectTest, DuplicateLineNumber) {
  CancelCommand command = CancelOne("1", 1);
  command.lines.push_back(command.lines[0]);
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "lineNumber", "Duplicate lineNumber '1'"));
}

TEST_F(CancelRejectTest, NoLines) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelCommand{}, Ctx()), "orderLines", "must not be empty"));
}

TEST_F(CancelRejectTest, LineWithoutPortions) {
  CancelCommand command = CancelOne("1", 1);
  command.lines[0].portions.clear();
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "orderLineStatuses", "must not be empty"));
}

TEST_F(CancelRejectTest, StatusOtherThanCancelled) {
  CancelCommand command = CancelOne("1", 1);
  command.lines[0].portions[0].status = "Shipped";
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "status", "'Shipped'"));
}

TEST_F(CancelRejectTest, ZeroQuantity) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("1", 0), Ctx()), "statusQuantity", "at least 1"));
}

TEST_F(CancelRejectTest, UnknownReason) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("1", 1, "OUT_OF_STOCK"), Ctx()),
                       "cancellationReason", "'OUT_OF_STOCK'"));
}

TEST_F(CancelRejectTest, ReasonIsCaseSensitive) {
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("1", 1, "seller_cancel_out_of_stock"), Ctx()),
                       "cancellationReason", "invalid cancellationReason"));
}

LifecycleContext StrictReasonCtx() {
  LifecycleContext ctx = Ctx();
  ctx.policy.customer_cancel_requires_intent = true;
  return ctx;
}

TEST_F(CancelRejectTest, CustomerRequestWithoutIntentToCancel) {
  EXPECT_TRUE(Rejected(
      Cancel(order_, CancelOne("1", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), StrictReasonCtx()),
      "cancellationReason", "intent to cancel"));
}

TEST_F(CancelRejectTest, CustomerRequestWithNegativeIntentValue) {
  order_.order_lines[0].intent_to_cancel = "N";
  before_ = order_;
  EXPECT_TRUE(Rejected(
      Cancel(order_, CancelOne("1", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), StrictReasonCtx()),
      "cancellationReason", "intent to cancel"));
}

TEST(CancelTest, CustomerRequestWithoutIntentIsAcceptedByDefault) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 2}})});
  ASSERT_TRUE(Cancel(order, CancelOne("1", 1, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), Ctx()).ok());
  EXPECT_EQ(order.order_lines[0].statuses.back().cancellation_reason,
            "CUSTOMER_REQUESTED_SELLER_TO_CANCEL");
}

TEST_F(CancelRejectTest, AllOrNothingAcrossLines) {
  CancelCommand command = CancelOne("1", 1);            // valid
  command.lines.push_back(CancelOne("2", 2).lines[0]);  // only 1 open
  EXPECT_TRUE(Rejected(Cancel(order_, command, Ctx()), "statusQuantity", "line 2"));
}

TEST_F(CancelRejectTest, WalmartFulfilled) {
  order_.ship_node->type = "WFSFulfilled";
  before_ = order_;
  EXPECT_TRUE(Rejected(Cancel(order_, CancelOne("1", 1), Ctx()), "data", "WFS"));
}

TEST(CancelTest, CustomerRequestWithIntentToCancel) {
  OrderLine line = MakeLine("1", {{S::kAcknowledged, 2}});
  line.intent_to_cancel = "Y";
  Order order = MakeOrder({line});
  ASSERT_TRUE(Cancel(order, CancelOne("1", 2, "CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), Ctx()).ok());
  EXPECT_EQ(order.order_lines[0].statuses[0].cancellation_reason,
            "CUSTOMER_REQUESTED_SELLER_TO_CANCEL");
}

TEST(CancelTest, SeveralLinesInOneRequest) {
  Order order =
      MakeOrder({MakeLine("1", {{S::kCreated, 2}}), MakeLine("2", {{S::kAcknowledged, 2}})});
  CancelCommand command = CancelOne("1", 1);
  command.lines.push_back(CancelOne("2", 2).lines[0]);
  ASSERT_TRUE(Cancel(order, command, Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kCreated, 1}, {S::kCancelled, 1}}));
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kCancelled, 2}}));
}

}  // namespace
}  // namespace mporders::test
