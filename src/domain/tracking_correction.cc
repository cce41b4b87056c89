#include "domain/tracking_correction.h"

#include <cstdint>
#include <vector>

#include "domain/line_buckets.h"

namespace mporders::lifecycle_internal {
namespace {

// "4 hours", "1 hour", "90 minutes" or "1500 ms": the window as configured.
std::string FormatWindow(EpochMillis window) {
  constexpr EpochMillis kHour = 3600 * 1000;
  constexpr EpochMillis kMinute = 60 * 1000;
  const auto count = [](EpochMillis n, const char* unit) {
    return std::to_string(n) + " " + unit + (n == 1 ? "" : "s");
  };
  if (window > 0 && window % kHour == 0) return count(window / kHour, "hour");
  if (window > 0 && window % kMinute == 0) return count(window / kMinute, "minute");
  return std::to_string(window) + " ms";
}

// now > status_date + window, without overflow for any int64 inputs.
bool WindowClosed(EpochMillis status_date, EpochMillis now, EpochMillis window) {
  if (window < 0) return true;
  if (now <= status_date) return false;
  const std::uint64_t elapsed =
      static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(status_date);
  return elapsed > static_cast<std::uint64_t>(window);
}

}  // namespace

Status CorrectTracking(const std::string& prefix, OrderLine& line, const ShipLine& request,
                       const LifecycleContext& ctx) {
  const std::string at = prefix + "line " + request.line_number + ": ";
  if (QuantityIn(line, LineStatus::kShipped) == 0) {
    return Status::InvalidContent(
        at + "no Shipped qty whose tracking could be updated; " + DescribeQuantities(line),
        "currentTrackingInfo");
  }
  // The line's statusDate is the time of its latest shipment (or later status
  // change): the window runs from there.
  if (WindowClosed(line.status_date, ctx.now, ctx.policy.tracking_edit_window)) {
    return Status::InvalidContent(at + "tracking can only be updated within " +
                                      FormatWindow(ctx.policy.tracking_edit_window) +
                                      " of shipping (line statusDate " +
                                      std::to_string(line.status_date) + ")",
                                  "processMode");
  }
  if (request.seller_order_id) line.seller_order_id = request.seller_order_id;
  for (const ShipPackage& package : request.packages) {
    const std::optional<std::string>& current = package.current_tracking_number;
    const bool by_number = current && !current->empty();
    std::vector<OrderLineStatus*> matches;
    for (OrderLineStatus& bucket : line.statuses) {
      if (bucket.status != LineStatus::kShipped) continue;
      if (by_number &&
          !(bucket.tracking_info && bucket.tracking_info->tracking_number == *current)) {
        continue;
      }
      matches.push_back(&bucket);
    }
    if (matches.empty()) {
      return Status::InvalidContent(
          at + "no Shipped package with trackingNumber '" + *current + "'", "currentTrackingInfo");
    }
    if (matches.size() > 1) {
      return Status::InvalidContent(
          by_number ? at + std::to_string(matches.size()) +
                          " Shipped packages have trackingNumber '" + *current + "'"
                    : at + "the line has " + std::to_string(matches.size()) +
                          " Shipped packages; name the one to update in "
                          "currentTrackingInfo.trackingNumber",
          "currentTrackingInfo");
    }
    OrderLineStatus& bucket = *matches.front();
    if (package.quantity != bucket.status_quantity.amount) {
      return Status::InvalidContent(
          at + "statusQuantity " + std::to_string(package.quantity) + " differs from the " +
              std::to_string(bucket.status_quantity.amount) + " qty of the package being updated",
          "statusQuantity");
    }
    bucket.tracking_info = package.tracking_info;
    if (package.return_center_address) {
      bucket.return_center_address = package.return_center_address;
    }
  }
  // A corrected shipDateTime may change the order of the Shipped buckets.
  NormalizeBuckets(line);
  return Status::Ok();
}

}  // namespace mporders::lifecycle_internal
