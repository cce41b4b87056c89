#include "sim/line_lifecycle.h"

#include <gtest/gtest.h>

namespace mporders::sim {
namespace {

constexpr EpochMillis kT0 = 1'700'000'000'000;
constexpr EpochMillis kHour = 3'600'000;

class LineLifecycleTest : public ::testing::Test {
 protected:
  void SetUp() override {
    first_.ship_time = kT0 + 10 * kHour;
    first_.delivered_time = kT0 + 60 * kHour;
    first_.carrier = Carrier::kUsps;
    first_.tracking_number = "9400100000000000000001";
    second_.ship_time = kT0 + 30 * kHour;
    second_.delivered_time = kNever;
    second_.carrier = Carrier::kUps;
    second_.tracking_number = "1ZAAAAAA0312345678";
    plan_.quantity = 3;
    plan_.created_time = kT0;
    plan_.acknowledged_time = kT0 + 2 * kHour;
    plan_.first_shipment = &first_;
  }

  OrderLine At(EpochMillis now) {
    OrderLine line;
    line.order_line_quantity.amount = plan_.quantity;
    progress_ = ApplyLifecycle(plan_, ShipMethod::kValue, now, line);
    return line;
  }

  Shipment first_;
  Shipment second_;
  LinePlan plan_;
  LineProgress progress_;
};

TEST_F(LineLifecycleTest, CreatedBeforeAcknowledgement) {
  const OrderLine line = At(kT0 + kHour);
  ASSERT_EQ(line.statuses.size(), 1u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kCreated);
  EXPECT_EQ(line.statuses[0].status_quantity.amount, 3);
  EXPECT_FALSE(line.statuses[0].tracking_info.has_value());
  EXPECT_EQ(line.status_date, kT0);
}

TEST_F(LineLifecycleTest, LineThatStartsAcknowledgedIsNeverCreated) {
  plan_.acknowledged_time = plan_.created_time;
  const OrderLine line = At(kT0);
  ASSERT_EQ(line.statuses.size(), 1u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kAcknowledged);
}

TEST_F(LineLifecycleTest, SplitShipmentLeavesRestAcknowledgedThenShipsIt) {
  plan_.second_shipment = &second_;
  plan_.second_units = 1;
  OrderLine line = At(kT0 + 20 * kHour);
  ASSERT_EQ(line.statuses.size(), 2u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kAcknowledged);
  EXPECT_EQ(line.statuses[0].status_quantity.amount, 1);
  EXPECT_EQ(line.statuses[1].status, LineStatus::kShipped);
  EXPECT_EQ(line.statuses[1].status_quantity.amount, 2);
  ASSERT_TRUE(line.statuses[1].tracking_info.has_value());
  EXPECT_EQ(line.statuses[1].tracking_info->ship_date_time, first_.ship_time);
  EXPECT_EQ(line.statuses[1].tracking_info->carrier_name.carrier, "USPS");
  EXPECT_EQ(line.statuses[1].tracking_info->method_code, "Value");
  EXPECT_EQ(line.statuses[1].tracking_info->tracking_url,
            "https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000001");
  EXPECT_EQ(line.status_date, first_.ship_time);

  line = At(kT0 + 70 * kHour);
  ASSERT_EQ(line.statuses.size(), 2u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kShipped);
  EXPECT_EQ(line.statuses[0].tracking_info->tracking_number, second_.tracking_number);
  EXPECT_EQ(line.statuses[1].status, LineStatus::kDelivered);
  EXPECT_EQ(line.statuses[1].status_quantity.amount, 2);
  EXPECT_EQ(line.status_date, first_.delivered_time);
  EXPECT_EQ(progress_.delivered_units, 2);
  EXPECT_EQ(progress_.last_delivered_time, first_.delivered_time);
}

TEST_F(LineLifecycleTest, CancelledUnitsStayOpenUntilTheCancelHappens) {
  plan_.cancelled_units = 1;
  plan_.cancel_time = kT0 + 20 * kHour;
  plan_.cancellation_reason = "SELLER_CANCEL_OUT_OF_STOCK";
  OrderLine line = At(kT0 + 15 * kHour);
  ASSERT_EQ(line.statuses.size(), 2u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kAcknowledged);
  EXPECT_EQ(line.statuses[0].status_quantity.amount, 1);
  EXPECT_FALSE(line.statuses[0].cancellation_reason.has_value());
  EXPECT_EQ(line.statuses[1].status, LineStatus::kShipped);
  EXPECT_EQ(line.statuses[1].status_quantity.amount, 2);

  line = At(kT0 + 25 * kHour);
  ASSERT_EQ(line.statuses.size(), 2u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kShipped);
  EXPECT_EQ(line.statuses[1].status, LineStatus::kCancelled);
  EXPECT_EQ(line.statuses[1].status_quantity.amount, 1);
  EXPECT_EQ(line.statuses[1].cancellation_reason, "SELLER_CANCEL_OUT_OF_STOCK");
  EXPECT_EQ(line.status_date, plan_.cancel_time);
}

TEST_F(LineLifecycleTest, WholeLineCancelledBeforeAcknowledgement) {
  plan_.cancelled_units = 3;
  plan_.cancel_time = kT0 + kHour;
  plan_.cancellation_reason = "SELLER_CANCEL_PRICING_ERROR";
  const OrderLine line = At(kT0 + 90 * kHour);
  ASSERT_EQ(line.statuses.size(), 1u);
  EXPECT_EQ(line.statuses[0].status, LineStatus::kCancelled);
  EXPECT_EQ(line.statuses[0].status_quantity.amount, 3);
  EXPECT_EQ(line.status_date, kT0 + kHour);
  EXPECT_EQ(progress_.delivered_units, 0);
}

}  // namespace
}  // namespace mporders::sim
