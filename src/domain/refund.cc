// Refund: money back on shipped or delivered lines; statuses do not change.

#include <algorithm>
#include <optional>
#include <utility>

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"
#include "domain/reason_codes.h"
#include "domain/refund_rules.h"

namespace mporders {

using lifecycle_internal::CheckLineNumbers;
using lifecycle_internal::DescribeQuantities;
using lifecycle_internal::FindLine;
using lifecycle_internal::LineNotFound;
using lifecycle_internal::QuantityIn;

namespace {

constexpr std::string_view kDefaultFullRefundReason = "Others";

// What one request line adds to its order line.
struct LineRefundPlan {
  std::string line_number;
  std::vector<RefundCharge> charges;
  std::optional<std::string> comments;
  bool full = false;
};

std::optional<std::string> FirstComments(const RefundLine& request) {
  for (const auto& refund : request.refunds) {
    if (refund.refund_comments && !refund.refund_comments->empty()) return refund.refund_comments;
  }
  return std::nullopt;
}

Status CheckReason(const std::string& at, const std::string& reason, const Market& market) {
  if (market.IsRefundReason(reason)) return Status::Ok();
  return Status::InvalidContent(at + "invalid refundReason '" + reason + "'", "refundReason");
}

// isFullRefund: everything still refundable, one refund charge per
// (chargeType, currency), named after the line's first charge of that type.
Result<std::vector<RefundCharge>> PlanFullRefund(const std::string& at, const RefundLine& request,
                                                 const OrderLine& line, const Market& market) {
  std::string reason(kDefaultFullRefundReason);
  for (const auto& refund : request.refunds) {
    if (!refund.refund_charges.empty()) {
      reason = refund.refund_charges.front().refund_reason;
      break;
    }
  }
  MP_RETURN_IF_ERROR(CheckReason(at, reason, market));

  std::vector<RefundCharge> charges;
  for (const ChargeBalance& balance : LineChargeBalances(line)) {
    const std::int64_t amount = balance.RemainingAmount();
    const std::int64_t tax = balance.RemainingTax();
    if (amount == 0 && tax == 0) continue;
    RefundCharge& refund = charges.emplace_back();
    refund.refund_reason = reason;
    refund.charge.charge_type = balance.charge_type;
    refund.charge.charge_amount = Money{balance.currency, -amount};
    std::string tax_name = "Tax";
    for (const Charge& charge : line.charges) {
      if (charge.charge_type != balance.charge_type) continue;
      if (refund.charge.charge_name.empty()) refund.charge.charge_name = charge.charge_name;
      if (charge.tax) {
        tax_name = charge.tax->tax_name;
        break;
      }
    }
    if (tax > 0) refund.charge.tax = Tax{tax_name, Money{balance.currency, -tax}, {}};
  }
  if (charges.empty()) {
    return Status::InvalidContent(at + "nothing left to refund on the line", "isFullRefund");
  }
  return charges;
}

Status OverRefund(const std::string& at, const ChargeBalance& balance, const char* what,
                  std::int64_t charged, std::int64_t already, std::int64_t total,
                  const char* field) {
  const std::string& currency = balance.currency;
  return Status::InvalidContent(
      at + "refund of " + balance.charge_type + " " + what + " " +
          FormatMoney(currency, SaturatingAdd(total, -already)) + " exceeds the refundable " +
          FormatMoney(currency, std::max<std::int64_t>(0, SaturatingAdd(charged, -already))) +
          " (charged " + FormatMoney(currency, charged) + ", already refunded " +
          FormatMoney(currency, already) + ")",
      field);
}

// Partial refund: the charges as given, each negative and within the caps.
Result<std::vector<RefundCharge>> PlanPartialRefund(const std::string& at,
                                                    const RefundLine& request,
                                                    const OrderLine& line, const Market& market) {
  std::vector<RefundCharge> charges;
  for (const auto& refund : request.refunds) {
    for (const RefundCharge& refund_charge : refund.refund_charges) {
      MP_RETURN_IF_ERROR(CheckReason(at, refund_charge.refund_reason, market));
      const Charge& charge = refund_charge.charge;
      if (charge.charge_type != "PRODUCT" && charge.charge_type != "SHIPPING") {
        return Status::InvalidContent(
            at + "chargeType must be PRODUCT or SHIPPING, not '" + charge.charge_type + "'",
            "chargeType");
      }
      if (charge.charge_amount.minor >= 0) {
        return Status::InvalidContent(
            at + "refund chargeAmount must be negative, not " +
                FormatMoney(charge.charge_amount.currency, charge.charge_amount.minor),
            "chargeAmount");
      }
      if (charge.tax && charge.tax->tax_amount.minor >= 0) {
        return Status::InvalidContent(
            at + "refund taxAmount must be negative, not " +
                FormatMoney(charge.tax->tax_amount.currency, charge.tax->tax_amount.minor),
            "taxAmount");
      }
      charges.push_back(refund_charge);
    }
  }
  if (charges.empty()) {
    return Status::InvalidContent(at + "refundCharges must not be empty", "refundCharges");
  }

  // The caps: the line as it would be after this refund must not have
  // refunded more than it charged, per charge type and currency.
  OrderLine after = line;
  if (!after.refund) after.refund.emplace();
  after.refund->refund_charges.insert(after.refund->refund_charges.end(), charges.begin(),
                                      charges.end());
  const std::vector<ChargeBalance> before = LineChargeBalances(line);
  for (const ChargeBalance& balance : LineChargeBalances(after)) {
    ChargeBalance previous;
    for (const ChargeBalance& old : before) {
      if (old.charge_type == balance.charge_type && old.currency == balance.currency)
        previous = old;
    }
    // Only what this request adds is judged: an imported line that is already
    // over-refunded in one charge type may still be refunded in another.
    if (balance.refunded_amount > previous.refunded_amount &&
        balance.refunded_amount > balance.charged_amount) {
      return OverRefund(at, balance, "amount", balance.charged_amount, previous.refunded_amount,
                        balance.refunded_amount, "chargeAmount");
    }
    if (balance.refunded_tax > previous.refunded_tax &&
        balance.refunded_tax > balance.charged_tax) {
      return OverRefund(at, balance, "tax", balance.charged_tax, previous.refunded_tax,
                        balance.refunded_tax, "taxAmount");
    }
  }
  return charges;
}

Result<LineRefundPlan> PlanLineRefund(const std::string& prefix, const RefundLine& request,
                                      const OrderLine& line, const Market& market) {
  const std::string at = prefix + "line " + request.line_number + ": ";
  if (QuantityIn(line, LineStatus::kShipped) + QuantityIn(line, LineStatus::kDelivered) == 0) {
    return Status::InvalidContent(
        at + "only Shipped or Delivered qty can be refunded; " + DescribeQuantities(line),
        "lineNumber");
  }
  LineRefundPlan plan;
  plan.line_number = request.line_number;
  plan.full = request.is_full_refund;
  plan.comments = FirstComments(request);
  Result<std::vector<RefundCharge>> charges = request.is_full_refund
                                                  ? PlanFullRefund(at, request, line, market)
                                                  : PlanPartialRefund(at, request, line, market);
  if (!charges.ok()) return charges.status();
  plan.charges = std::move(charges).value();
  return plan;
}

void ApplyPlan(OrderLine& line, LineRefundPlan plan, const LifecycleContext& ctx) {
  if (!line.refund) line.refund.emplace();
  auto& refund = *line.refund;  // struct Refund: the name alone means the function
  // The first refund of a line names the block; later ones only add charges.
  if (!refund.refund_id && !ctx.refund_id.empty()) refund.refund_id = ctx.refund_id;
  if (!refund.refund_comments && plan.comments) refund.refund_comments = std::move(plan.comments);
  for (RefundCharge& charge : plan.charges) refund.refund_charges.push_back(std::move(charge));
  if (plan.full && !line.return_order_id && !ctx.refund_id.empty()) {
    line.return_order_id = ctx.refund_id;
  }
}

}  // namespace

Status Refund(Order& order, const RefundCommand& command, const LifecycleContext& ctx) {
  const std::string prefix = "Failed when called refund API for " + order.purchase_order_id + ". ";
  if (!ctx.market->has_refunds()) {
    return Status::InvalidContent(prefix + "sellers in " + std::string(ctx.market->name()) +
                                  " cannot refund orders through this API");
  }
  if (command.purchase_order_id != order.purchase_order_id) {
    return Status::InvalidContent(prefix + "purchaseOrderId '" + command.purchase_order_id +
                                      "' in the body differs from the order's",
                                  "purchaseOrderId");
  }
  std::vector<std::string> numbers;
  for (const RefundLine& request : command.lines) numbers.push_back(request.line_number);
  MP_RETURN_IF_ERROR(CheckLineNumbers(numbers, prefix));
  for (const RefundLine& request : command.lines) {
    if (request.is_full_refund != command.lines.front().is_full_refund) {
      return Status::InvalidContent(
          prefix + "all order lines of a request must be full refunds or all partial refunds",
          "isFullRefund");
    }
  }

  // Validate every line before changing any.
  std::vector<LineRefundPlan> plans;
  for (const RefundLine& request : command.lines) {
    const OrderLine* line = FindLine(std::as_const(order), request.line_number);
    if (line == nullptr) return LineNotFound(order, request.line_number);
    Result<LineRefundPlan> plan = PlanLineRefund(prefix, request, *line, *ctx.market);
    if (!plan.ok()) return plan.status();
    plans.push_back(std::move(plan).value());
  }

  Order result = order;
  for (LineRefundPlan& plan : plans) {
    OrderLine& line = *FindLine(result, plan.line_number);
    ApplyPlan(line, std::move(plan), ctx);
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
