// Acknowledge: the whole PO, Created -> Acknowledged.

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"

namespace mporders {

using lifecycle_internal::IsWalmartFulfilled;
using lifecycle_internal::MakeBucket;
using lifecycle_internal::NormalizeBuckets;
using lifecycle_internal::QuantityIn;
using lifecycle_internal::TakeQuantity;

Status Acknowledge(Order& order, const LifecycleContext& ctx) {
  const std::string prefix =
      "Failed when called acknowledge API for '" + order.purchase_order_id + "'. ";
  if (IsWalmartFulfilled(order)) {
    return Status::InvalidContent(prefix + "WFS fulfilled orders are acknowledged by Walmart");
  }
  // Walmart rejects the whole call once any unit has moved past Acknowledged,
  // even when other lines are still Created.
  for (const OrderLine& line : order.order_lines) {
    for (const OrderLineStatus& bucket : line.statuses) {
      if (bucket.status != LineStatus::kCreated && bucket.status != LineStatus::kAcknowledged) {
        return Status::InvalidContent(prefix + "Some or all qty in higher status");
      }
    }
  }
  Order result = order;
  for (OrderLine& line : result.order_lines) {
    const std::int64_t created = QuantityIn(line, LineStatus::kCreated);
    if (created == 0) continue;
    TakeQuantity(line, LineStatus::kCreated, created);
    line.statuses.push_back(MakeBucket(LineStatus::kAcknowledged, created));
    NormalizeBuckets(line);
    line.status_date = ctx.now;
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
