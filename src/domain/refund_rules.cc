#include "domain/refund_rules.h"

#include <algorithm>
#include <limits>

namespace mporders {
namespace {

ChargeBalance& BalanceFor(std::vector<ChargeBalance>& balances, const std::string& charge_type,
                          const std::string& currency) {
  for (ChargeBalance& balance : balances) {
    if (balance.charge_type == charge_type && balance.currency == currency) return balance;
  }
  ChargeBalance& balance = balances.emplace_back();
  balance.charge_type = charge_type;
  balance.currency = currency;
  return balance;
}

}  // namespace

std::int64_t ChargeBalance::RemainingAmount() const {
  return std::max<std::int64_t>(0, SaturatingAdd(charged_amount, -refunded_amount));
}

std::int64_t ChargeBalance::RemainingTax() const {
  return std::max<std::int64_t>(0, SaturatingAdd(charged_tax, -refunded_tax));
}

std::vector<ChargeBalance> LineChargeBalances(const OrderLine& line) {
  std::vector<ChargeBalance> balances;
  for (const Charge& charge : line.charges) {
    ChargeBalance& balance =
        BalanceFor(balances, charge.charge_type, charge.charge_amount.currency);
    balance.charged_amount = SaturatingAdd(balance.charged_amount, charge.charge_amount.minor);
    if (charge.tax) {
      ChargeBalance& tax_balance =
          BalanceFor(balances, charge.charge_type, charge.tax->tax_amount.currency);
      tax_balance.charged_tax =
          SaturatingAdd(tax_balance.charged_tax, charge.tax->tax_amount.minor);
    }
  }
  if (line.refund) {
    for (const RefundCharge& refund : line.refund->refund_charges) {
      const Charge& charge = refund.charge;
      ChargeBalance& balance =
          BalanceFor(balances, charge.charge_type, charge.charge_amount.currency);
      balance.refunded_amount =
          SaturatingAdd(balance.refunded_amount, RefundMagnitude(charge.charge_amount.minor));
      if (charge.tax) {
        ChargeBalance& tax_balance =
            BalanceFor(balances, charge.charge_type, charge.tax->tax_amount.currency);
        tax_balance.refunded_tax =
            SaturatingAdd(tax_balance.refunded_tax, RefundMagnitude(charge.tax->tax_amount.minor));
      }
    }
  }
  return balances;
}

std::string FormatMoney(const std::string& currency, std::int64_t minor) {
  return MoneyText(Money{currency, minor});
}

std::int64_t SaturatingAdd(std::int64_t a, std::int64_t b) {
  std::int64_t sum = 0;
  if (!__builtin_add_overflow(a, b, &sum)) return sum;
  return b > 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

std::int64_t RefundMagnitude(std::int64_t minor) {
  if (minor >= 0) return 0;
  if (minor == std::numeric_limits<std::int64_t>::min()) {
    return std::numeric_limits<std::int64_t>::max();
  }
  return -minor;
}

}  // namespace mporders
