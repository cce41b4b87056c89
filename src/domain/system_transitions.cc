// Transitions Walmart makes on its own: carrier delivery and auto-cancel.

#include <algorithm>
#include <utility>
#include <vector>

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"

namespace mporders {

using lifecycle_internal::DescribeQuantities;
using lifecycle_internal::FindLine;
using lifecycle_internal::LineNotFound;
using lifecycle_internal::MakeBucket;
using lifecycle_internal::NormalizeBuckets;
using lifecycle_internal::QuantityIn;
using lifecycle_internal::TakeQuantity;

Status Deliver(Order& order, const std::string& line_number, std::int64_t quantity,
               const LifecycleContext& ctx) {
  const std::string at =
      "Failed to deliver PO " + order.purchase_order_id + ". line " + line_number + ": ";
  // Canada and Chile have no Delivered status: their lines end at Shipped.
  if (!ctx.market->HasStatus(LineStatus::kDelivered)) {
    return Status::InvalidContent(at + "Walmart " + std::string(ctx.market->name()) +
                                      " has no Delivered status; shipped lines stay Shipped",
                                  "status");
  }
  const OrderLine* original = FindLine(std::as_const(order), line_number);
  if (original == nullptr) return LineNotFound(order, line_number);
  if (quantity < 1) {
    return Status::InvalidContent(at + "quantity must be at least 1", "statusQuantity");
  }
  const std::int64_t shipped = QuantityIn(*original, LineStatus::kShipped);
  if (quantity > shipped) {
    return Status::InvalidContent(at + "only " + std::to_string(shipped) + " of " +
                                      std::to_string(quantity) + " qty can be delivered; " +
                                      DescribeQuantities(*original),
                                  "statusQuantity");
  }

  Order result = order;
  OrderLine& line = *FindLine(result, line_number);
  // Oldest shipment first: a carrier delivers packages in the order they left.
  std::vector<OrderLineStatus*> packages;
  for (OrderLineStatus& bucket : line.statuses) {
    if (bucket.status == LineStatus::kShipped) packages.push_back(&bucket);
  }
  std::stable_sort(
      packages.begin(), packages.end(), [](const OrderLineStatus* a, const OrderLineStatus* b) {
        const EpochMillis time_a = a->tracking_info ? a->tracking_info->ship_date_time : 0;
        const EpochMillis time_b = b->tracking_info ? b->tracking_info->ship_date_time : 0;
        return time_a < time_b;
      });
  std::vector<OrderLineStatus> delivered;
  std::int64_t remaining = quantity;
  for (OrderLineStatus* package : packages) {
    if (remaining == 0) break;
    const std::int64_t part = std::min(remaining, package->status_quantity.amount);
    OrderLineStatus bucket = *package;  // keeps trackingInfo and returnCenterAddress
    bucket.status = LineStatus::kDelivered;
    bucket.status_quantity.unit = "EACH";
    bucket.status_quantity.amount = part;
    delivered.push_back(std::move(bucket));
    package->status_quantity.amount -= part;
    remaining -= part;
  }
  std::erase_if(line.statuses, [](const OrderLineStatus& bucket) {
    return bucket.status == LineStatus::kShipped && bucket.status_quantity.amount == 0;
  });
  for (OrderLineStatus& bucket : delivered) line.statuses.push_back(std::move(bucket));
  NormalizeBuckets(line);
  line.status_date = ctx.now;
  order = std::move(result);
  return Status::Ok();
}

Status AutoCancel(Order& order, const LifecycleContext& ctx, std::string reason) {
  if (reason.empty()) {
    return Status::InvalidContent(
        "Auto-cancel of PO " + order.purchase_order_id + " needs a cancellationReason",
        "cancellationReason");
  }
  Order result = order;
  for (OrderLine& line : result.order_lines) {
    const std::int64_t created =
        TakeQuantity(line, LineStatus::kCreated, QuantityIn(line, LineStatus::kCreated));
    const std::int64_t acknowledged =
        TakeQuantity(line, LineStatus::kAcknowledged, QuantityIn(line, LineStatus::kAcknowledged));
    if (created + acknowledged == 0) continue;
    OrderLineStatus cancelled = MakeBucket(LineStatus::kCancelled, created + acknowledged);
    cancelled.cancellation_reason = reason;
    line.statuses.push_back(std::move(cancelled));
    NormalizeBuckets(line);
    line.status_date = ctx.now;
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
