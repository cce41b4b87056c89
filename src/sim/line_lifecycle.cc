#include "sim/line_lifecycle.h"

#include <algorithm>
#include <array>

namespace mporders::sim {
namespace {

OrderLineStatus Bucket(LineStatus status, std::int64_t units) {
  OrderLineStatus bucket;
  bucket.status = status;
  bucket.status_quantity.amount = units;
  return bucket;
}

TrackingInfo Tracking(const Shipment& shipment, ShipMethod method) {
  TrackingInfo info;
  info.ship_date_time = shipment.ship_time;
  info.carrier_name.carrier = CarrierName(shipment.carrier);
  info.method_code = MethodCode(method);
  info.tracking_number = shipment.tracking_number;
  info.tracking_url = TrackingUrl(shipment.carrier, shipment.tracking_number);
  return info;
}

}  // namespace

LineProgress ApplyLifecycle(const LinePlan& plan, ShipMethod method, EpochMillis now,
                            OrderLine& line) {
  struct Package {
    const Shipment* shipment;
    std::int64_t units;
  };
  const std::array<Package, 2> packages = {
      Package{plan.first_shipment, plan.quantity - plan.cancelled_units - plan.second_units},
      Package{plan.second_shipment, plan.second_units}};

  EpochMillis status_date = plan.created_time;
  std::int64_t pending_units = 0;  // not yet cancelled, shipped or delivered
  std::int64_t cancelled_units = 0;
  if (plan.cancelled_units > 0) {
    if (plan.cancel_time <= now) {
      cancelled_units = plan.cancelled_units;
      status_date = std::max(status_date, plan.cancel_time);
    } else {
      pending_units += plan.cancelled_units;
    }
  }
  std::array<bool, 2> shipped = {false, false};
  std::array<bool, 2> delivered = {false, false};
  LineProgress progress;
  for (std::size_t i = 0; i < packages.size(); ++i) {
    const Package& package = packages[i];
    if (package.units <= 0 || package.shipment == nullptr) continue;
    const Shipment& shipment = *package.shipment;
    if (shipment.delivered_time <= now) {
      progress.delivered_units += package.units;
      progress.last_delivered_time =
          std::max(progress.last_delivered_time, shipment.delivered_time);
    }
    if (shipment.delivered_time <= now && plan.has_delivered) {
      delivered[i] = true;
      status_date = std::max(status_date, shipment.delivered_time);
    } else if (shipment.ship_time <= now) {
      shipped[i] = true;
      status_date = std::max(status_date, shipment.ship_time);
    } else {
      pending_units += package.units;
    }
  }

  line.statuses.clear();
  line.statuses.reserve(4);
  if (pending_units > 0) {
    if (plan.acknowledged_time <= now) {
      line.statuses.push_back(Bucket(LineStatus::kAcknowledged, pending_units));
      status_date = std::max(status_date, plan.acknowledged_time);
    } else {
      line.statuses.push_back(Bucket(LineStatus::kCreated, pending_units));
    }
  }
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (!shipped[i]) continue;
    line.statuses.push_back(Bucket(LineStatus::kShipped, packages[i].units));
    line.statuses.back().tracking_info = Tracking(*packages[i].shipment, method);
  }
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (!delivered[i]) continue;
    line.statuses.push_back(Bucket(LineStatus::kDelivered, packages[i].units));
    line.statuses.back().tracking_info = Tracking(*packages[i].shipment, method);
  }
  if (cancelled_units > 0) {
    line.statuses.push_back(Bucket(LineStatus::kCancelled, cancelled_units));
    line.statuses.back().cancellation_reason = plan.cancellation_reason;
  }
  line.status_date = std::min(status_date, now);
  return progress;
}

}  // namespace mporders::sim
