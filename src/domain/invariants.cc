#include "domain/invariants.h"

#include <string>
#include <unordered_set>

#include "domain/refund_rules.h"

namespace mporders {
namespace {

Status Broken(const Order& order, const OrderLine& line, const std::string& rule) {
  return Status::Internal("PO " + order.purchase_order_id + " line " + line.line_number + ": " +
                          rule);
}

Status CheckQuantities(const Order& order, const OrderLine& line) {
  std::int64_t total = 0;
  for (const OrderLineStatus& bucket : line.statuses) {
    if (bucket.status_quantity.amount <= 0) {
      return Broken(order, line,
                    std::string(LineStatusName(bucket.status)) + " bucket with quantity " +
                        std::to_string(bucket.status_quantity.amount));
    }
    total = SaturatingAdd(total, bucket.status_quantity.amount);
  }
  if (total != line.order_line_quantity.amount) {
    return Broken(order, line,
                  "buckets hold " + std::to_string(total) + " qty, orderLineQuantity is " +
                      std::to_string(line.order_line_quantity.amount));
  }
  return Status::Ok();
}

Status CheckRefunds(const Order& order, const OrderLine& line) {
  if (!line.refund) return Status::Ok();
  for (const RefundCharge& refund : line.refund->refund_charges) {
    const Charge& charge = refund.charge;
    if (charge.charge_amount.minor > 0 || (charge.tax && charge.tax->tax_amount.minor > 0)) {
      return Broken(order, line, "positive refund charge of type " + charge.charge_type);
    }
  }
  for (const ChargeBalance& balance : LineChargeBalances(line)) {
    if (balance.refunded_amount > balance.charged_amount) {
      return Broken(order, line,
                    "refunded " + balance.charge_type + " amount " +
                        FormatMoney(balance.currency, balance.refunded_amount) +
                        " exceeds the charged " +
                        FormatMoney(balance.currency, balance.charged_amount));
    }
    if (balance.refunded_tax > balance.charged_tax) {
      return Broken(order, line,
                    "refunded " + balance.charge_type + " tax " +
                        FormatMoney(balance.currency, balance.refunded_tax) +
                        " exceeds the charged " +
                        FormatMoney(balance.currency, balance.charged_tax));
    }
  }
  return Status::Ok();
}

}  // namespace

Status CheckInvariants(const Order& order) {
  std::unordered_set<std::string_view> numbers;
  for (const OrderLine& line : order.order_lines) {
    if (!numbers.insert(line.line_number).second) {
      return Broken(order, line, "duplicate lineNumber");
    }
    MP_RETURN_IF_ERROR(CheckQuantities(order, line));
    MP_RETURN_IF_ERROR(CheckRefunds(order, line));
  }
  return Status::Ok();
}

}  // namespace mporders
