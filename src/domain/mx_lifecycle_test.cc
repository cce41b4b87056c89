#include "domain/mx_lifecycle.h"

#include <gtest/gtest.h>

#include "domain/invariants.h"
#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

AcknowledgeLinesCommand AckLines(std::vector<std::pair<std::string, std::int64_t>> lines) {
  AcknowledgeLinesCommand command;
  for (auto& [number, quantity] : lines) {
    command.lines.push_back(AcknowledgeLine{number, "Acknowledged", quantity});
  }
  return command;
}

LifecycleContext MxCtx(EpochMillis now = kT0 + kHour) {
  LifecycleContext ctx = Ctx(now);
  ctx.market = &GetMarket(MarketId::kMx);
  return ctx;
}

Order MxOrder() {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 3}}), MakeLine("2", {{S::kCreated, 2}})});
  order.customer_order_id = "C-9";
  OpenMxShipments(order, kT0);
  return order;
}

MxShipmentRequest Shipment(std::vector<MxShipmentLine> lines, std::string tracking,
                           std::string carrier = "MX-DHL") {
  MxShipmentRequest request;
  request.lines = std::move(lines);
  request.carrier = std::move(carrier);
  request.tracking_number = std::move(tracking);
  return request;
}

TEST(AcknowledgeLinesTest, MovesOnlyTheRequestedQuantity) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 3}}), MakeLine("2", {{S::kCreated, 1}})});
  ASSERT_TRUE(AcknowledgeLines(order, AckLines({{"1", 2}}), Ctx(kT0 + 7)).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kCreated, 1}, {S::kAcknowledged, 2}}));
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kCreated, 1}}));
  EXPECT_EQ(order.order_lines[0].status_date, kT0 + 7);
  EXPECT_EQ(order.order_lines[1].status_date, kT0);
  EXPECT_TRUE(CheckInvariants(order).ok());
}

TEST(AcknowledgeLinesTest, IgnoresOtherLinesInHigherStatus) {
  Order order = MakeOrder({MakeLine("1", {{S::kShipped, 1}}), MakeLine("2", {{S::kCreated, 1}})});
  ASSERT_TRUE(AcknowledgeLines(order, AckLines({{"2", 1}}), Ctx()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kAcknowledged, 1}}));
}

TEST(AcknowledgeLinesTest, RejectsMoreThanTheCreatedQuantityAndChangesNothing) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 2}}),
                           MakeLine("2", {{S::kCreated, 1}})});
  const Order before = order;
  EXPECT_TRUE(Rejected(AcknowledgeLines(order, AckLines({{"2", 1}, {"1", 2}}), Ctx()),
                       "statusQuantity",
                       "only 1 of 2 qty can be acknowledged; 2 qty is Acknowledged"));
  EXPECT_TRUE(order == before);
}

TEST(AcknowledgeLinesTest, RejectsBadRequests) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}})});
  EXPECT_TRUE(
      Rejected(AcknowledgeLines(order, AckLines({}), Ctx()), "orderLines", "must not be empty"));
  EXPECT_TRUE(Rejected(AcknowledgeLines(order, AckLines({{"1", 1}, {"1", 1}}), Ctx()), "lineNumber",
                       "Duplicate lineNumber"));
  EXPECT_FALSE(AcknowledgeLines(order, AckLines({{"9", 1}}), Ctx()).ok());
  EXPECT_TRUE(Rejected(AcknowledgeLines(order, AckLines({{"1", 0}}), Ctx()), "statusQuantity",
                       "at least 1"));
  AcknowledgeLinesCommand wrong = AckLines({{"1", 1}});
  wrong.lines[0].status = "Shipped";
  EXPECT_TRUE(Rejected(AcknowledgeLines(order, wrong, Ctx()), "status", "must be Acknowledged"));
  Order wfs = order;
  wfs.ship_node = ShipNode{"WFSFulfilled", std::nullopt, std::nullopt, {}};
  EXPECT_FALSE(AcknowledgeLines(wfs, AckLines({{"1", 1}}), Ctx()).ok());
}

TEST(MxLifecycleTest, NewOrderGetsOneOpenShipmentPerLineWithTracking) {
  Order order = MxOrder();
  ASSERT_TRUE(order.mx.has_value());
  ASSERT_EQ(order.mx->shipments.size(), 2u);
  const MxShipment& first = order.mx->shipments[0];
  EXPECT_EQ(first.status, kMxShipmentCreated);
  EXPECT_EQ(first.carrier, "MX-FEDX");
  ASSERT_TRUE(first.tracking_number.has_value());
  EXPECT_EQ(first.tracking_number->size(), 12u);
  EXPECT_EQ(first.lines, (std::vector<MxShipmentLine>{{"1", "1", 3}}));
  EXPECT_EQ(order.order_lines[1].mx->so_prime_line_sub_line_no, "C-9-2-1");
  EXPECT_NE(*first.tracking_number, *order.mx->shipments[1].tracking_number);
  Order again = order;
  OpenMxShipments(again, kT0 + 5);  // idempotent
  EXPECT_TRUE(again == order);
}

TEST(MxLifecycleTest, MultiItemShipmentAndOneItemInTwoPackages) {
  Order order = MxOrder();
  ASSERT_TRUE(MxAcknowledge(order, AckLines({{"1", 3}, {"2", 2}}), MxCtx()).ok());
  EXPECT_EQ(order.mx->shipments[0].ack_date, kT0 + kHour);
  MxShipCommand ship;
  // Line 1 in two packages; package A also carries line 2.
  ship.shipments.push_back(Shipment({{"1", "", 1}, {"2", "", 2}}, "A1"));
  ship.shipments.push_back(Shipment({{"1", "", 1}}, "B2"));
  ASSERT_TRUE(MxShip(order, ship, MxCtx(kT0 + 2 * kHour)).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]),
            (Shape{{S::kAcknowledged, 1}, {S::kShipped, 1}, {S::kShipped, 1}}));
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kShipped, 2}}));
  // Two seller shipments added; the open one of line 2 is closed, line 1's
  // keeps the unit still open.
  ASSERT_EQ(order.mx->shipments.size(), 4u);
  EXPECT_EQ(order.mx->shipments[0].status, kMxShipmentCreated);
  EXPECT_EQ(order.mx->shipments[0].lines[0].quantity, 1);
  EXPECT_EQ(order.mx->shipments[1].status, kMxShipmentCancelled);
  EXPECT_EQ(order.mx->shipments[2].status, kMxShipmentShipped);
  EXPECT_EQ(order.mx->shipments[2].lines.size(), 2u);
  EXPECT_EQ(order.mx->shipments[2].package_no, order.mx->shipments[2].shipment_no + "_1");
  EXPECT_TRUE(CheckInvariants(order).ok());

  MxDeliverCommand deliver;
  deliver.packages.push_back(
      MxDeliveryPackage{"A1", kT0 + 9, "DELIVERY_UPDATE", "PO-1", std::nullopt});
  ASSERT_TRUE(MxDeliver(order, deliver, MxCtx(kT0 + 3 * kHour)).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kDelivered, 2}}));
  EXPECT_EQ(QuantityIn(order.order_lines[0], S::kDelivered), 1);
  EXPECT_EQ(QuantityIn(order.order_lines[0], S::kShipped), 1);
  EXPECT_EQ(order.mx->shipments[2].delivered_date, kT0 + 9);
  EXPECT_FALSE(MxDeliver(order, deliver, MxCtx()).ok());  // twice
}

TEST(MxLifecycleTest, ShippingWalmartsTrackingNumberShipsItsOpenShipment) {
  Order order = MxOrder();
  ASSERT_TRUE(MxAcknowledge(order, AckLines({{"1", 3}}), MxCtx()).ok());
  const std::string tracking = *order.mx->shipments[0].tracking_number;
  MxShipCommand ship;
  ship.shipments.push_back(Shipment({{"1", "", 3}}, tracking, "MX-FEDX"));
  ASSERT_TRUE(MxShip(order, ship, MxCtx()).ok());
  ASSERT_EQ(order.mx->shipments.size(), 2u);
  EXPECT_EQ(order.mx->shipments[0].status, kMxShipmentShipped);
  EXPECT_FALSE(order.mx->shipments[0].seller_owned);
}

TEST(MxLifecycleTest, ShipRulesHold) {
  Order order = MxOrder();
  const Order before = order;
  MxShipCommand ship;
  ship.shipments.push_back(Shipment({{"1", "", 1}}, "A1"));
  // Created quantity is not shippable.
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "data", "OverShipped"));
  ASSERT_TRUE(MxAcknowledge(order, AckLines({{"1", 1}}), MxCtx()).ok());
  ship.shipments[0].lines[0].quantity = 2;  // over-ship
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "data", "OverShipped"));
  ship.shipments[0].lines[0].quantity = 1;
  ship.shipments[0].carrier = "UPS";
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "carrier", "UPS"));
  ship.shipments[0].carrier = "Other";
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "trackingURL", "Other"));
  ship.shipments[0].carrier = "SFC";
  ship.shipments[0].tracking_number.reset();
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "trackingNumber", "required"));
  ship.shipments[0].tracking_number = "A1";
  ship.shipments.push_back(Shipment({{"1", "", 1}}, "A1"));
  EXPECT_TRUE(Rejected(MxShip(order, ship, MxCtx()), "trackingNumber", "two shipments"));
  EXPECT_NE(order, before);  // only the acknowledge changed it
}

TEST(MxLifecycleTest, CancelClosesEmptiedOpenShipments) {
  Order order = MxOrder();
  ASSERT_TRUE(MxCancel(order, CancelOne("2", 2, "SELLER REJECTION"), MxCtx()).ok());
  EXPECT_EQ(order.mx->shipments[1].status, kMxShipmentCancelled);
  EXPECT_EQ(order.mx->shipments[0].status, kMxShipmentCreated);
  EXPECT_EQ(ShapeOf(order.order_lines[1]), (Shape{{S::kCancelled, 2}}));
}

TEST(MxLifecycleTest, ReadyToShipIsAcknowledgedQuantityWithAPrintedLabel) {
  Order order = MxOrder();
  const std::string tracking = *order.mx->shipments[0].tracking_number;
  EXPECT_TRUE(MarkMxLabelPrinted(order, tracking, kT0 + 1));
  EXPECT_FALSE(MarkMxLabelPrinted(order, "nope", kT0 + 1));
  EXPECT_EQ(MxReadyToShipQuantity(order, order.order_lines[0]), 0);  // nothing acknowledged
  ASSERT_TRUE(MxAcknowledge(order, AckLines({{"1", 2}}), MxCtx()).ok());
  EXPECT_EQ(MxReadyToShipQuantity(order, order.order_lines[0]), 2);
  EXPECT_EQ(MxReadyToShipQuantity(order, order.order_lines[1]), 0);
  EXPECT_EQ(order.mx->shipments[0].label_date, kT0 + 1);
}

}  // namespace
}  // namespace mporders::test
