#include <gtest/gtest.h>

#include <functional>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

constexpr char kOverShipped[] =
    "Failed when called shipConfirm API for PO-1. Qty OverShipped : Some or All Line(s)/Qty cannot "
    "be Shipped due to invalid Lines Or invalid Qty Or Qty more than allowed";

const CarrierList& Carriers() { return CarrierList::Us(); }

TEST(ShipTest, ShipsAcknowledgedQuantityWithTracking) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 2}})});
  const ShipCommand command = ShipOne("1", 2, "1Z999");
  ASSERT_TRUE(Ship(order, command, Ctx(kT0 + 11), Carriers()).ok());
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kShipped, 2}}));
  EXPECT_EQ(line.statuses[0].tracking_info, command.lines[0].packages[0].tracking_info);
  EXPECT_EQ(line.statuses[0].status_quantity.unit, "EACH");
  EXPECT_EQ(line.status_date, kT0 + 11);
}

TEST(ShipTest, PartialQuantityLeavesTheRestAcknowledged) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}})});
  ASSERT_TRUE(Ship(order, ShipOne("1", 1), Ctx(), Carriers()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kAcknowledged, 2}, {S::kShipped, 1}}));
}

TEST(ShipTest, EachPackageIsItsOwnBucketOrderedByShipTime) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}})});
  ShipCommand command;
  command.lines.push_back(ShipLineOf(
      "1", {Package(1, Tracking("LATE", kT0 + 500)), Package(2, Tracking("EARLY", kT0 + 100))}));
  ASSERT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
  const OrderLine& line = order.order_lines[0];
  ASSERT_EQ(ShapeOf(line), (Shape{{S::kShipped, 2}, {S::kShipped, 1}}));
  EXPECT_EQ(line.statuses[0].tracking_info->tracking_number, "EARLY");
  EXPECT_EQ(line.statuses[1].tracking_info->tracking_number, "LATE");
}

TEST(ShipTest, IdenticalTrackingTwiceStillTwoBuckets) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 2}})});
  ASSERT_TRUE(Ship(order, ShipOne("1", 1, "SAME"), Ctx(), Carriers()).ok());
  ASSERT_TRUE(Ship(order, ShipOne("1", 1, "SAME"), Ctx(), Carriers()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kShipped, 1}, {S::kShipped, 1}}));
}

TEST(ShipTest, LinesMayShareATrackingNumber) {
  Order order =
      MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}}), MakeLine("2", {{S::kAcknowledged, 1}})});
  ShipCommand command = ShipOne("1", 1, "22344");
  command.lines.push_back(ShipOne("2", 1, "22344").lines[0]);
  ASSERT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
  EXPECT_EQ(order.order_lines[0].statuses[0].tracking_info->tracking_number, "22344");
  EXPECT_EQ(order.order_lines[1].statuses[0].tracking_info->tracking_number, "22344");
}

TEST(ShipTest, StoresSellerOrderIdAndReturnCenter) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  ShipCommand command = ShipOne("1", 1);
  command.lines[0].seller_order_id = std::string(30, 'S');
  ReturnCenterAddress address;
  address.address1 = "1 Return Way";
  address.city = "Bentonville";
  address.state = "AR";
  address.postal_code = "72712";
  address.country = "USA";
  command.lines[0].packages[0].return_center_address = address;
  ASSERT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
  EXPECT_EQ(order.order_lines[0].seller_order_id, std::string(30, 'S'));
  EXPECT_EQ(order.order_lines[0].statuses[0].return_center_address, address);
}

TEST(ShipTest, StatusIsCaseInsensitive) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  ShipCommand command = ShipOne("1", 1);
  command.lines[0].packages[0].status = "SHIPPED";
  EXPECT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
}

TEST(ShipTest, OtherCarrierWithTrackingUrl) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  ShipCommand command = ShipOne("1", 1);
  TrackingInfo& tracking = command.lines[0].packages[0].tracking_info;
  tracking.carrier_name.carrier.reset();
  tracking.carrier_name.other_carrier = "Local Courier";
  ASSERT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
  EXPECT_EQ(order.order_lines[0].statuses[0].tracking_info->carrier_name.other_carrier,
            "Local Courier");
}

TEST(ShipTest, CarriersAddedAfterTheSpecAreAccepted) {
  for (const char* carrier : {"DHL", "Better Trucks", "Whistl", "DHL Ecommerce - US", "4PX"}) {
    Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
    ShipCommand command = ShipOne("1", 1);
    command.lines[0].packages[0].tracking_info.carrier_name.carrier = carrier;
    EXPECT_TRUE(Ship(order, command, Ctx(), Carriers()).ok()) << carrier;
  }
}

TEST(ShipTest, EveryMethodCodeIsAccepted) {
  for (const char* method : {"Standard", "Express", "OneDay", "Freight", "WhiteGlove", "Value"}) {
    Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
    ShipCommand command = ShipOne("1", 1);
    command.lines[0].packages[0].tracking_info.method_code = method;
    EXPECT_TRUE(Ship(order, command, Ctx(), Carriers()).ok()) << method;
  }
}

TEST(ShipTest, IntentToCancelLineShipsWithOverride) {
  OrderLine line = MakeLine("1", {{S::kAcknowledged, 1}});
  line.intent_to_cancel = "Y";
  Order order = MakeOrder({line});
  ShipCommand command = ShipOne("1", 1);
  command.lines[0].intent_to_cancel_override = true;
  EXPECT_TRUE(Ship(order, command, Ctx(), Carriers()).ok());
}

TEST(ShipTest, CreatedQuantityShipsWhenThePolicyAllows) {
  Order order = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 1}})});
  LifecycleContext ctx = Ctx();
  ctx.policy.ship_requires_acknowledged = false;
  ASSERT_TRUE(Ship(order, ShipOne("1", 1), ctx, Carriers()).ok());
  // Acknowledged goes first.
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kCreated, 1}, {S::kShipped, 1}}));
  ASSERT_TRUE(Ship(order, ShipOne("1", 1, "TRK2"), ctx, Carriers()).ok());
  EXPECT_EQ(ShapeOf(order.order_lines[0]), (Shape{{S::kShipped, 1}, {S::kShipped, 1}}));
}

// Every rejection below leaves the order exactly as it was.
class ShipRejectTest : public ::testing::Test {
 protected:
  void SetUp() override {
    order_ = MakeOrder({MakeLine("1", {{S::kCreated, 1}, {S::kAcknowledged, 1}, {S::kShipped, 1}}),
                        MakeLine("2", {{S::kAcknowledged, 2}})});
    before_ = order_;
  }
  void TearDown() override { EXPECT_TRUE(order_ == before_); }

  Status ShipWith(const std::function<void(ShipCommand&)>& edit) {
    ShipCommand command = ShipOne("2", 1);
    edit(command);
    return Ship(order_, command, Ctx(), Carriers());
  }
  TrackingInfo& TrackingOf(ShipCommand& command) {
    return command.lines[0].packages[0].tracking_info;
  }

  Order order_;
  Order before_;
};

TEST_F(ShipRejectTest, OverShipNamesTheLineState) {
  const Status status = Ship(order_, ShipOne("1", 2), Ctx(), Carriers());
  EXPECT_TRUE(Rejected(status, "data", kOverShipped));
  EXPECT_TRUE(Rejected(status, "data",
                       "line 1: only 1 of 2 qty can be shipped; 1 qty is Created, 1 qty is Shipped "
                       "(Created qty must be acknowledged before it can be shipped)"));
}

TEST_F(ShipRejectTest, CreatedQuantityByDefault) {
  order_ = MakeOrder({MakeLine("1", {{S::kCreated, 2}})});
  before_ = order_;
  EXPECT_TRUE(Rejected(Ship(order_, ShipOne("1", 1), Ctx(), Carriers()), "data",
                       "only 0 of 1 qty can be shipped; 2 qty is Created"));
}

TEST_F(ShipRejectTest, OverShipAcrossPackages) {
  EXPECT_TRUE(Rejected(
      ShipWith([](ShipCommand& c) { c.lines[0].packages.push_back(Package(2, Tracking("TRK2"))); }),
      "data", "line 2: only 2 of 3 qty can be shipped"));
}

TEST_F(ShipRejectTest, OverShipWhenCreatedMayShip) {
  LifecycleContext ctx = Ctx();
  ctx.policy.ship_requires_acknowledged = false;
  EXPECT_TRUE(Rejected(Ship(order_, ShipOne("1", 3), ctx, Carriers()), "data",
                       "only 2 of 3 qty can be shipped; 1 qty is Shipped"));
}

TEST_F(ShipRejectTest, UnknownLine) {
  const Status status = Ship(order_, ShipOne("7", 1), Ctx(), Carriers());
  EXPECT_EQ(status.description(),
            "Unable to process this request. The Line: 7 of PO: PO-1 does not exist");
}

TEST_F(ShipRejectTest, DuplicateLine) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) { c.lines.push_back(c.lines[0]); }),
                       "lineNumber", "Duplicate lineNumber '2'"));
}

TEST_F(ShipRejectTest, NoLines) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) { c.lines.clear(); }), "orderLines", "empty"));
}

TEST_F(ShipRejectTest, NoPackages) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) { c.lines[0].packages.clear(); }),
                       "orderLineStatuses", "empty"));
}

TEST_F(ShipRejectTest, StatusOtherThanShipped) {
  EXPECT_TRUE(
      Rejected(ShipWith([](ShipCommand& c) { c.lines[0].packages[0].status = "Delivered"; }),
               "status", "'Delivered'"));
}

TEST_F(ShipRejectTest, ZeroQuantity) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) { c.lines[0].packages[0].quantity = 0; }),
                       "statusQuantity", "at least 1"));
}

TEST_F(ShipRejectTest, MissingShipDateTime) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).ship_date_time = 0; }),
                       "shipDateTime", "required"));
}

TEST_F(ShipRejectTest, MissingCarrierName) {
  EXPECT_TRUE(
      Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).carrier_name = CarrierName{}; }),
               "carrierName", "required"));
}

TEST_F(ShipRejectTest, MissingMethodCode) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).method_code.clear(); }),
                       "methodCode", "required"));
}

TEST_F(ShipRejectTest, MissingTrackingNumber) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).tracking_number.clear(); }),
                       "trackingNumber", "required"));
}

TEST_F(ShipRejectTest, CarrierMatchIsCaseSensitive) {
  EXPECT_TRUE(
      Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).carrier_name.carrier = "Fedex"; }),
               "carrier", "carrier 'Fedex' is not a supported carrier name"));
}

TEST_F(ShipRejectTest, UnknownCarrier) {
  EXPECT_TRUE(
      Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).carrier_name.carrier = "FED_EX"; }),
               "carrier", "'FED_EX'"));
}

TEST_F(ShipRejectTest, OtherCarrierNeedsTrackingUrl) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) {
                         TrackingOf(c).carrier_name = CarrierName{"Local Courier", {}, {}};
                         TrackingOf(c).tracking_url.reset();
                       }),
                       "trackingURL", "otherCarrier 'Local Courier'"));
}

TEST_F(ShipRejectTest, UnknownMethodCode) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).method_code = "Ground"; }),
                       "methodCode", "'Ground'"));
}

TEST_F(ShipRejectTest, MethodCodeIsCaseSensitive) {
  EXPECT_TRUE(Rejected(ShipWith([this](ShipCommand& c) { TrackingOf(c).method_code = "standard"; }),
                       "methodCode", "'standard'"));
}

TEST_F(ShipRejectTest, SellerOrderIdTooLong) {
  EXPECT_TRUE(
      Rejected(ShipWith([](ShipCommand& c) { c.lines[0].seller_order_id = std::string(31, 'S'); }),
               "sellerOrderId", "30 characters"));
}

TEST_F(ShipRejectTest, IntentToCancelWithoutOverride) {
  order_.order_lines[1].intent_to_cancel = "Y";
  before_ = order_;
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand&) {}), "intentToCancelOverride", "intentToCancel"));
}

TEST_F(ShipRejectTest, UnknownProcessMode) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) { c.process_mode = "FULL_UPDATE"; }),
                       "processMode", "'FULL_UPDATE'"));
}

TEST_F(ShipRejectTest, AllOrNothingAcrossLines) {
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand& c) {
                         c.lines.push_back(ShipOne("1", 5).lines[0]);  // line 2 valid, 1 not
                       }),
                       "data", "line 1: only 1 of 5"));
}

TEST_F(ShipRejectTest, WalmartFulfilled) {
  order_.ship_node->type = "WFSFulfilled";
  before_ = order_;
  EXPECT_TRUE(Rejected(ShipWith([](ShipCommand&) {}), "data", "WFS"));
}

// Canada: one carrier and one country per line, over any number of packages
// and requests; several lines may still share a package.
TEST(ShipTest, OneCarrierPerLineInCanada) {
  LifecycleContext ctx = Ctx();
  ctx.market = &GetMarket(MarketId::kCa);
  const CarrierList& ca = ctx.market->carriers();
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}}), MakeLine("2", {{S::kAcknowledged, 1}})});
  const Order before = order;

  ShipCommand mixed;
  mixed.lines.push_back(ShipLineOf(
      "1", {Package(1, Tracking("A1", kT0, "CANPAR")), Package(1, Tracking("B1", kT0, "PCLINT"))}));
  EXPECT_TRUE(Rejected(Ship(order, mixed, ctx, ca), "carrierName", "line 1"));
  EXPECT_EQ(order, before);

  ShipCommand first;
  first.lines.push_back(ShipLineOf(
      "1", {Package(1, Tracking("A1", kT0, "CANPAR")), Package(1, Tracking("A2", kT0, "CANPAR"))}));
  first.lines.push_back(ShipLineOf("2", {Package(1, Tracking("A2", kT0, "LOOMIS"))}));
  first.lines[0].ship_from_country = "CA";
  ASSERT_TRUE(Ship(order, first, ctx, ca).ok());
  EXPECT_EQ(ShipFromCountry(order.order_lines[0]), "CA");
  EXPECT_EQ(QuantityIn(order.order_lines[0], S::kShipped), 2);

  ShipCommand other_carrier;
  other_carrier.lines.push_back(ShipLineOf("1", {Package(1, Tracking("B2", kT0, "PCLINT"))}));
  EXPECT_TRUE(Rejected(Ship(order, other_carrier, ctx, ca), "carrierName", "already shipped"));
  ShipCommand other_country;
  other_country.lines.push_back(ShipLineOf("1", {Package(1, Tracking("A3", kT0, "CANPAR"))}));
  other_country.lines[0].ship_from_country = "US";
  EXPECT_TRUE(Rejected(Ship(order, other_country, ctx, ca), "shipFromCountry", "one country"));
  other_country.lines[0].ship_from_country = "CA";
  EXPECT_TRUE(Ship(order, other_country, ctx, ca).ok());

  // The US has no such rule.
  Order us = before;
  ShipCommand mixed_us;
  mixed_us.lines.push_back(ShipLineOf(
      "1", {Package(1, Tracking("U1", kT0, "UPS")), Package(1, Tracking("F1", kT0, "FedEx"))}));
  EXPECT_TRUE(Ship(us, mixed_us, Ctx(), Carriers()).ok());
}

}  // namespace
}  // namespace mporders::test
