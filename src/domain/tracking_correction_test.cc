#include <gtest/gtest.h>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"

namespace mporders::test {
namespace {

using S = LineStatus;

const CarrierList& Carriers() { return CarrierList::Us(); }

// A line shipped at kT0 in two packages: OLD-A (1 unit) and OLD-B (2 units).
class TrackingCorrectionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    order_ = MakeOrder({MakeLine("1", {{S::kAcknowledged, 3}})});
    ShipCommand ship;
    ship.lines.push_back(ShipLineOf(
        "1", {Package(1, Tracking("OLD-A", kT0 - 10)), Package(2, Tracking("OLD-B", kT0 - 5))}));
    ASSERT_TRUE(Ship(order_, ship, Ctx(kT0), Carriers()).ok());
    before_ = order_;
  }

  static ShipCommand Correction(std::optional<std::string> current, std::int64_t quantity,
                                std::string new_number = "NEW") {
    ShipPackage package = Package(quantity, Tracking(std::move(new_number), kT0 - 1, "FedEx"));
    package.current_tracking_number = std::move(current);
    ShipCommand command;
    command.process_mode = "PARTIAL_UPDATE";
    command.lines.push_back(ShipLineOf("1", {package}));
    return command;
  }

  const OrderLineStatus* BucketWithTracking(const std::string& number) const {
    for (const OrderLineStatus& bucket : order_.order_lines[0].statuses) {
      if (bucket.tracking_info && bucket.tracking_info->tracking_number == number) return &bucket;
    }
    return nullptr;
  }

  Order order_;
  Order before_;
};

TEST_F(TrackingCorrectionTest, ReplacesTheNamedPackagesTracking) {
  const ShipCommand command = Correction("OLD-B", 2);
  ASSERT_TRUE(Ship(order_, command, Ctx(kT0 + kHour), Carriers()).ok());
  EXPECT_EQ(BucketWithTracking("OLD-B"), nullptr);
  const OrderLineStatus* bucket = BucketWithTracking("NEW");
  ASSERT_NE(bucket, nullptr);
  EXPECT_EQ(bucket->status_quantity.amount, 2);
  EXPECT_EQ(bucket->tracking_info, command.lines[0].packages[0].tracking_info);
  EXPECT_NE(BucketWithTracking("OLD-A"), nullptr);
  // No status changed: statusDate stays, quantities stay.
  EXPECT_EQ(order_.order_lines[0].status_date, kT0);
  EXPECT_EQ(ShapeOf(order_.order_lines[0]), ShapeOf(before_.order_lines[0]));
}

TEST_F(TrackingCorrectionTest, ProcessModeIsCaseInsensitive) {
  ShipCommand command = Correction("OLD-A", 1);
  command.process_mode = "partial_update";
  EXPECT_TRUE(Ship(order_, command, Ctx(kT0 + kHour), Carriers()).ok());
}

TEST_F(TrackingCorrectionTest, KeepsShipTimeOrder) {
  // OLD-A (shipped kT0-10) gets a later ship time than OLD-B (kT0-5).
  ShipCommand command = Correction("OLD-A", 1);
  command.lines[0].packages[0].tracking_info.ship_date_time = kT0;
  ASSERT_TRUE(Ship(order_, command, Ctx(kT0 + kHour), Carriers()).ok());
  const OrderLine& line = order_.order_lines[0];
  EXPECT_EQ(line.statuses[0].tracking_info->tracking_number, "OLD-B");
  EXPECT_EQ(line.statuses[1].tracking_info->tracking_number, "NEW");
}

TEST_F(TrackingCorrectionTest, RepeatedCorrectionsWithinTheWindow) {
  ASSERT_TRUE(Ship(order_, Correction("OLD-A", 1, "N1"), Ctx(kT0 + kHour), Carriers()).ok());
  ASSERT_TRUE(Ship(order_, Correction("N1", 1, "N2"), Ctx(kT0 + 3 * kHour), Carriers()).ok());
  EXPECT_NE(BucketWithTracking("N2"), nullptr);
  // The window still runs from the shipment, not from the last correction.
  before_ = order_;
  EXPECT_TRUE(Rejected(Ship(order_, Correction("N2", 1, "N3"), Ctx(kT0 + 5 * kHour), Carriers()),
                       "processMode", "within 4 hours"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, WindowEdgeIsInclusive) {
  EXPECT_TRUE(Ship(order_, Correction("OLD-A", 1), Ctx(kT0 + 4 * kHour), Carriers()).ok());
}

TEST_F(TrackingCorrectionTest, AfterTheWindow) {
  EXPECT_TRUE(Rejected(Ship(order_, Correction("OLD-A", 1), Ctx(kT0 + 4 * kHour + 1), Carriers()),
                       "processMode", "within 4 hours of shipping"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, WindowComesFromThePolicy) {
  LifecycleContext ctx = Ctx(kT0 + 31 * 60 * 1000);
  ctx.policy.tracking_edit_window = 30 * 60 * 1000;
  EXPECT_TRUE(Rejected(Ship(order_, Correction("OLD-A", 1), ctx, Carriers()), "processMode",
                       "within 30 minutes"));
  LifecycleContext later = Ctx(kT0 + 2 * kHour);
  later.policy.tracking_edit_window = kHour;
  EXPECT_TRUE(Rejected(Ship(order_, Correction("OLD-A", 1), later, Carriers()), "processMode",
                       "within 1 hour of"));
  ctx.policy.tracking_edit_window = 8 * kHour;
  EXPECT_TRUE(Ship(order_, Correction("OLD-A", 1), ctx, Carriers()).ok());
}

TEST_F(TrackingCorrectionTest, UnknownCurrentTrackingNumber) {
  EXPECT_TRUE(Rejected(Ship(order_, Correction("NOPE", 1), Ctx(kT0 + 1), Carriers()),
                       "currentTrackingInfo", "no Shipped package with trackingNumber 'NOPE'"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, WithoutCurrentTrackingTheLineMustHaveOnePackage) {
  EXPECT_TRUE(Rejected(Ship(order_, Correction(std::nullopt, 1), Ctx(kT0 + 1), Carriers()),
                       "currentTrackingInfo", "2 Shipped packages"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, QuantityMustMatchThePackage) {
  EXPECT_TRUE(Rejected(Ship(order_, Correction("OLD-B", 1), Ctx(kT0 + 1), Carriers()),
                       "statusQuantity", "statusQuantity 1 differs from the 2 qty"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, NewTrackingIsValidated) {
  ShipCommand command = Correction("OLD-A", 1);
  command.lines[0].packages[0].tracking_info.carrier_name.carrier = "Nowhere Express";
  EXPECT_TRUE(
      Rejected(Ship(order_, command, Ctx(kT0 + 1), Carriers()), "carrier", "'Nowhere Express'"));
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, AllOrNothingAcrossPackages) {
  ShipCommand command = Correction("OLD-A", 1);
  ShipPackage bad = Package(2, Tracking("NEW-2"));
  bad.current_tracking_number = "NOPE";
  command.lines[0].packages.push_back(bad);
  EXPECT_FALSE(Ship(order_, command, Ctx(kT0 + 1), Carriers()).ok());
  EXPECT_TRUE(order_ == before_);
}

TEST_F(TrackingCorrectionTest, DeliveredPackagesCannotBeCorrected) {
  ASSERT_TRUE(Deliver(order_, "1", 1, Ctx(kT0 + 1)).ok());  // OLD-A delivered
  before_ = order_;
  EXPECT_TRUE(Rejected(Ship(order_, Correction("OLD-A", 1), Ctx(kT0 + 2), Carriers()),
                       "currentTrackingInfo", "'OLD-A'"));
  EXPECT_TRUE(order_ == before_);
}

TEST(TrackingCorrectionSingleTest, OnlyPackageNeedsNoCurrentTracking) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  ASSERT_TRUE(Ship(order, ShipOne("1", 1, "OLD"), Ctx(kT0), Carriers()).ok());
  ShipCommand command = ShipOne("1", 1, "NEW");
  command.process_mode = "PARTIAL_UPDATE";
  ASSERT_TRUE(Ship(order, command, Ctx(kT0 + kHour), Carriers()).ok());
  EXPECT_EQ(order.order_lines[0].statuses[0].tracking_info->tracking_number, "NEW");
}

TEST(TrackingCorrectionSingleTest, LineWithoutShippedQuantity) {
  Order order = MakeOrder({MakeLine("1", {{S::kAcknowledged, 1}})});
  const Order before = order;
  ShipCommand command = ShipOne("1", 1, "NEW");
  command.process_mode = "PARTIAL_UPDATE";
  EXPECT_TRUE(Rejected(Ship(order, command, Ctx(), Carriers()), "currentTrackingInfo",
                       "no Shipped qty whose tracking could be updated; 1 qty is Acknowledged"));
  EXPECT_TRUE(order == before);
}

}  // namespace
}  // namespace mporders::test
