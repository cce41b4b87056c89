// Acknowledge: the whole PO (US), or per-line quantities (Mexico),
// Created -> Acknowledged.

#include <utility>

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"

namespace mporders {

using lifecycle_internal::AddClamped;
using lifecycle_internal::CheckLineNumbers;
using lifecycle_internal::DescribeQuantities;
using lifecycle_internal::EqualsIgnoreCase;
using lifecycle_internal::FindLine;
using lifecycle_internal::IsWalmartFulfilled;
using lifecycle_internal::LineNotFound;
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

Status AcknowledgeLines(Order& order, const AcknowledgeLinesCommand& command,
                        const LifecycleContext& ctx) {
  const std::string prefix =
      "Failed when called acknowledge API for '" + order.purchase_order_id + "'. ";
  if (IsWalmartFulfilled(order)) {
    return Status::InvalidContent(prefix + "WFS fulfilled orders are acknowledged by Walmart");
  }
  std::vector<std::string> numbers;
  for (const AcknowledgeLine& request : command.lines) numbers.push_back(request.line_number);
  MP_RETURN_IF_ERROR(CheckLineNumbers(numbers, prefix));
  for (const AcknowledgeLine& request : command.lines) {
    const OrderLine* line = FindLine(std::as_const(order), request.line_number);
    if (line == nullptr) return LineNotFound(order, request.line_number);
    const std::string at = prefix + "line " + request.line_number + ": ";
    if (!EqualsIgnoreCase(request.status, "Acknowledged")) {
      return Status::InvalidContent(at + "status must be Acknowledged, not '" + request.status + "'",
                                    "status");
    }
    if (request.quantity < 1) {
      return Status::InvalidContent(at + "statusQuantity must be at least 1", "statusQuantity");
    }
    const std::int64_t created = QuantityIn(*line, LineStatus::kCreated);
    if (request.quantity > created) {
      std::string state = DescribeQuantities(
          *line, [](LineStatus status) { return status == LineStatus::kCreated; });
      if (state.empty()) state = "the line has no Created qty";
      return Status::InvalidContent(at + "only " + std::to_string(created) + " of " +
                                        std::to_string(request.quantity) +
                                        " qty can be acknowledged; " + state,
                                    "statusQuantity");
    }
  }
  Order result = order;
  for (const AcknowledgeLine& request : command.lines) {
    OrderLine& line = *FindLine(result, request.line_number);
    TakeQuantity(line, LineStatus::kCreated, AddClamped(0, request.quantity));
    line.statuses.push_back(MakeBucket(LineStatus::kAcknowledged, request.quantity));
    NormalizeBuckets(line);
    line.status_date = ctx.now;
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
