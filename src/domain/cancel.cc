// Cancel: seller cancels open (Created, then Acknowledged) quantity.

#include <utility>

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"
#include "domain/reason_codes.h"

namespace mporders {

using lifecycle_internal::AddClamped;
using lifecycle_internal::CheckLineNumbers;
using lifecycle_internal::DescribeQuantities;
using lifecycle_internal::FindLine;
using lifecycle_internal::HasIntentToCancel;
using lifecycle_internal::IsWalmartFulfilled;
using lifecycle_internal::LineNotFound;
using lifecycle_internal::MakeBucket;
using lifecycle_internal::NormalizeBuckets;
using lifecycle_internal::QuantityIn;
using lifecycle_internal::TakeQuantity;

namespace {

bool IsOpen(LineStatus status) {
  return status == LineStatus::kCreated || status == LineStatus::kAcknowledged;
}

// Checks one request line against the order line it names.
Status ValidateCancelLine(const std::string& prefix, const CancelLine& request,
                          const OrderLine& line, const LifecyclePolicy& policy,
                          const Market& market) {
  const std::string at = prefix + "line " + request.line_number + ": ";
  if (request.portions.empty()) {
    return Status::InvalidContent(at + "orderLineStatuses must not be empty", "orderLineStatuses");
  }
  std::int64_t requested = 0;
  for (const CancelPortion& portion : request.portions) {
    if (ParseLineStatus(portion.status) != LineStatus::kCancelled) {
      return Status::InvalidContent(at + "status must be 'Cancelled', not '" + portion.status + "'",
                                    "status");
    }
    if (portion.quantity < 1) {
      return Status::InvalidContent(at + "statusQuantity must be at least 1", "statusQuantity");
    }
    if (!market.IsCancellationReason(portion.cancellation_reason,
                                     policy.accept_optional_cancel_reasons)) {
      return Status::InvalidContent(
          at + "invalid cancellationReason '" + portion.cancellation_reason + "'",
          "cancellationReason");
    }
    if (policy.customer_cancel_requires_intent &&
        portion.cancellation_reason == kCustomerRequestedSellerToCancel &&
        !HasIntentToCancel(line)) {
      return Status::InvalidContent(
          at + "cancellationReason CUSTOMER_REQUESTED_SELLER_TO_CANCEL requires a customer "
               "intent to cancel on the line",
          "cancellationReason");
    }
    requested = AddClamped(requested, portion.quantity);
  }
  const std::int64_t open =
      QuantityIn(line, LineStatus::kCreated) + QuantityIn(line, LineStatus::kAcknowledged);
  if (requested > open) {
    std::string state = DescribeQuantities(line, IsOpen);
    if (state.empty()) state = "the line has " + std::to_string(open) + " qty";
    return Status::InvalidContent(at + "only " + std::to_string(open) + " of " +
                                      std::to_string(requested) + " qty can be cancelled; " + state,
                                  "statusQuantity");
  }
  return Status::Ok();
}

}  // namespace

Status Cancel(Order& order, const CancelCommand& command, const LifecycleContext& ctx) {
  const std::string prefix = "Failed when called cancel API for " + order.purchase_order_id + ". ";
  if (IsWalmartFulfilled(order)) {
    return Status::InvalidContent(prefix + "WFS fulfilled orders can only be cancelled by Walmart");
  }
  std::vector<std::string> numbers;
  for (const CancelLine& request : command.lines) numbers.push_back(request.line_number);
  MP_RETURN_IF_ERROR(CheckLineNumbers(numbers, prefix));

  // Validate every line before changing any.
  for (const CancelLine& request : command.lines) {
    const OrderLine* line = FindLine(std::as_const(order), request.line_number);
    if (line == nullptr) return LineNotFound(order, request.line_number);
    MP_RETURN_IF_ERROR(ValidateCancelLine(prefix, request, *line, ctx.policy, *ctx.market));
  }

  Order result = order;
  for (const CancelLine& request : command.lines) {
    OrderLine& line = *FindLine(result, request.line_number);
    for (const CancelPortion& portion : request.portions) {
      // Created before Acknowledged: cancelling what the seller never accepted
      // keeps the accepted (possibly already picked) units.
      const std::int64_t from_created = TakeQuantity(line, LineStatus::kCreated, portion.quantity);
      TakeQuantity(line, LineStatus::kAcknowledged, portion.quantity - from_created);
      OrderLineStatus cancelled = MakeBucket(LineStatus::kCancelled, portion.quantity);
      cancelled.cancellation_reason = portion.cancellation_reason;
      line.statuses.push_back(std::move(cancelled));
    }
    NormalizeBuckets(line);
    line.status_date = ctx.now;
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
