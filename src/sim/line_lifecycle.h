#pragma once
// Where one order line stands at a given instant.
//
// The generator plans each unit of a line as a timeline (released,
// acknowledged, then shipped and delivered or cancelled) and asks where the
// line is at `now`. Events after `now` have not happened yet, so young orders
// come out Created or Acknowledged and old ones Shipped, Delivered or
// Cancelled, and every bucket's data agrees with its status.

#include <cstdint>
#include <limits>
#include <string>

#include "core/clock.h"
#include "domain/order.h"
#include "sim/shipping.h"

namespace mporders::sim {

constexpr EpochMillis kNever = std::numeric_limits<EpochMillis>::max();

// One package: a tracking number with the units it carries.
struct Shipment {
  EpochMillis ship_time = kNever;
  EpochMillis delivered_time = kNever;  // kNever: no delivery scan, stays Shipped
  Carrier carrier = Carrier::kUps;
  std::string tracking_number;
};

struct LinePlan {
  std::int64_t quantity = 1;
  EpochMillis created_time = 0;
  // Equal to created_time for lines that start Acknowledged (WFS).
  EpochMillis acknowledged_time = 0;
  // Units cancelled at cancel_time (never shipped).
  std::int64_t cancelled_units = 0;
  EpochMillis cancel_time = kNever;
  const char* cancellation_reason = nullptr;
  // The units not cancelled go into first_shipment, except second_units that
  // go into second_shipment (shipped later).
  const Shipment* first_shipment = nullptr;
  const Shipment* second_shipment = nullptr;
  std::int64_t second_units = 0;
  // False in markets without a Delivered status (Canada, Chile): packages
  // the carrier has handed over stay Shipped.
  bool has_delivered = true;
};

struct LineProgress {
  // Units handed to the buyer by `now`, whether or not the market shows them
  // as Delivered.
  std::int64_t delivered_units = 0;
  EpochMillis last_delivered_time = 0;  // meaningful when delivered_units > 0
};

// Sets `line.statuses` (buckets in lifecycle order: Created, Acknowledged,
// Shipped, Delivered, Cancelled; shipments in ship-time order) and
// `line.status_date` (the latest status change not after `now`).
// REQUIRES: times are ordered created <= acknowledged <= ship < delivered,
// created <= cancel, and every unit is accounted for by the plan.
LineProgress ApplyLifecycle(const LinePlan& plan, ShipMethod method, EpochMillis now,
                            OrderLine& line);

}  // namespace mporders::sim
