#include <gtest/gtest.h>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

// Line 1 shipped in two packages: LATE (1 unit, shipped kT0+50) listed first,
// EARLY (2 units, shipped kT0+10).
Order TwoPackageOrder() {
  OrderLine line = MakeLine("1", {{S::kAcknowledged, 1}});
  OrderLineStatus late = MakeLine("x", {{S::kShipped, 1}}).statuses[0];
  late.tracking_info = Tracking("LATE", kT0 + 50);
  OrderLineStatus early = MakeLine("x", {{S::kShipped, 2}}).statuses[0];
  early.tracking_info = Tracking("EARLY", kT0 + 10);
  line.statuses.push_back(late);
  line.statuses.push_back(early);
  line.order_line_quantity.amount = 4;
  return MakeOrder({line});
}

TEST(DeliverTest, OldestShipmentFirstKeepingTracking) {
  Order order = TwoPackageOrder();
  ASSERT_TRUE(Deliver(order, "1", 2, Ctx(kT0 + 99)).ok());
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kAcknowledged, 1}, {S::kShipped, 1}, {S::kDelivered, 2}}));
  EXPECT_EQ(line.statuses[1].tracking_info->tracking_number, "LATE");
  EXPECT_EQ(line.statuses[2].tracking_info->tracking_number, "EARLY");
  EXPECT_EQ(line.status_date, kT0 + 99);
}

TEST(DeliverTest, SplitsAPackageAndRejoinsIt) {
  Order order = TwoPackageOrder();
  ASSERT_TRUE(Deliver(order, "1", 1, Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]),
            (Shape{{S::kAcknowledged, 1}, {S::kShipped, 1}, {S::kShipped, 1}, {S::kDelivered, 1}}));
  ASSERT_TRUE(Deliver(order, "1", 1, Ctx()).ok());
  // Both parts of EARLY are delivered: one bucket again.
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kAcknowledged, 1}, {S::kShipped, 1}, {S::kDelivered, 2}}));
  EXPECT_EQ(line.statuses[2].tracking_info->tracking_number, "EARLY");
}

TEST(DeliverTest, AcrossPackagesOrderedByShipTime) {
  Order order = TwoPackageOrder();
  ASSERT_TRUE(Deliver(order, "1", 3, Ctx()).ok());
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kAcknowledged, 1}, {S::kDelivered, 2}, {S::kDelivered, 1}}));
  EXPECT_EQ(line.statuses[1].tracking_info->tracking_number, "EARLY");
  EXPECT_EQ(line.statuses[2].tracking_info->tracking_number, "LATE");
}

TEST(DeliverTest, MoreThanShipped) {
  Order order = TwoPackageOrder();
  const Order before = order;
  EXPECT_TRUE(
      Rejected(Deliver(order, "1", 4, Ctx()), "statusQuantity",
               "only 3 of 4 qty can be delivered; 1 qty is Acknowledged, 3 qty is Shipped"));
  EXPECT_TRUE(order == before);
}

// Canada and Chile have no Delivered: nothing is ever delivered there.
TEST(DeliverTest, MarketsWithoutDeliveredRefuseAndChangeNothing) {
  for (MarketId id : {MarketId::kCa, MarketId::kCl}) {
    Order order = TwoPackageOrder();
    const Order before = order;
    LifecycleContext ctx = Ctx();
    ctx.market = &GetMarket(id);
    EXPECT_TRUE(Rejected(Deliver(order, "1", 1, ctx), "status", "has no Delivered status"))
        << MarketCode(id);
    EXPECT_TRUE(order == before);
  }
  // Mexico has Delivered.
  Order order = TwoPackageOrder();
  LifecycleContext ctx = Ctx();
  ctx.market = &GetMarket(MarketId::kMx);
  EXPECT_TRUE(Deliver(order, "1", 1, ctx).ok());
}

TEST(DeliverTest, ZeroQuantity) {
  Order order = TwoPackageOrder();
  const Order before = order;
  EXPECT_TRUE(Rejected(Deliver(order, "1", 0, Ctx()), "statusQuantity", "at least 1"));
  EXPECT_TRUE(order == before);
}

TEST(DeliverTest, UnknownLine) {
  Order order = TwoPackageOrder();
  EXPECT_TRUE(Rejected(Deliver(order, "2", 1, Ctx()), "data", "The Line: 2 of PO: PO-1"));
}

TEST(AutoCancelTest, CancelsAllOpenQuantity) {
  Order order =
      MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 2}, {S::kShipped, 1}}),
                 MakeLine("2", {{S::kShipped, 1}})});
  ASSERT_TRUE(AutoCancel(order, Ctx(kT0 + 42), "Auto-cancelled due to expiry").ok());
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kShipped, 1}, {S::kCancelled, 3}}));
  EXPECT_EQ(line.statuses[1].cancellation_reason, "Auto-cancelled due to expiry");
  EXPECT_EQ(line.status_date, kT0 + 42);
  EXPECT_EQ(order.order_lines[1].status_date, kT0);  // nothing open: untouched
}

TEST(AutoCancelTest, NothingOpenIsANoOp) {
  Order order = MakeOrder({MakeLine("1", {{S::kShipped, 1}})});
  const Order before = order;
  ASSERT_TRUE(AutoCancel(order, Ctx(), "expired").ok());
  EXPECT_TRUE(order == before);
}

TEST(AutoCancelTest, NeedsAReason) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}})});
  const Order before = order;
  EXPECT_TRUE(Rejected(AutoCancel(order, Ctx(), ""), "cancellationReason", "needs"));
  EXPECT_TRUE(order == before);
}

TEST(AutoCancelTest, AppliesToWalmartFulfilledOrdersToo) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  order.ship_node->type = "WFSFulfilled";
  ASSERT_TRUE(AutoCancel(order, Ctx(), "expired").ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kCancelled, 1}}));
}

}  // namespace
}  // namespace mporders::test
