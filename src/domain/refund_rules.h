#pragma once
// Refund accounting of one order line: what was charged and what has been
// refunded, per charge type and currency. Shared by Refund() and
// CheckInvariants().

#include <cstdint>
#include <string>
#include <vector>

#include "domain/money.h"
#include "domain/order.h"

namespace mporders {

// Money of one (chargeType, currency) on a line. Refunded values are
// magnitudes (refund charges carry negative amounts); a refund charge with a
// positive amount counts as nothing refunded.
struct ChargeBalance {
  std::string charge_type;  // PRODUCT | SHIPPING | anything an imported order uses
  std::string currency;
  std::int64_t charged_amount = 0;  // Σ chargeAmount, minor units
  std::int64_t charged_tax = 0;     // Σ tax.taxAmount
  std::int64_t refunded_amount = 0;
  std::int64_t refunded_tax = 0;

  // What may still be refunded; never negative.
  std::int64_t RemainingAmount() const;
  std::int64_t RemainingTax() const;
};

// One entry per (chargeType, currency) met in the line's charges or refund
// charges, in order of first appearance (charges first). Sums saturate at the
// int64 limits instead of overflowing.
std::vector<ChargeBalance> LineChargeBalances(const OrderLine& line);

// "USD 5.00", "CLP -1990": minor units shown with the currency's decimals, for messages.
std::string FormatMoney(const std::string& currency, std::int64_t minor);

// a + b, saturating at the int64 limits.
std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b);
// |minor| of a refund amount that should be negative; 0 when it is not.
std::int64_t RefundMagnitude(std::int64_t minor);

}  // namespace mporders
