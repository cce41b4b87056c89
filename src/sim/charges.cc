#include "sim/charges.h"

#include <array>

#include "sim/ids.h"

namespace mporders::sim {
namespace {

Charge MakeCharge(const char* type, const char* name, std::string_view currency,
                  std::int64_t cents, std::string_view tax_name, std::int64_t tax_cents) {
  Charge charge;
  charge.charge_type = type;
  charge.charge_name = name;
  charge.charge_amount = Money{std::string(currency), cents};
  charge.tax = Tax{std::string(tax_name), Money{std::string(currency), tax_cents}, {}};
  return charge;
}

// Tax levied on top of `amount` (rates per cent mille, each rounded half up).
std::int64_t AddedTax(std::int64_t amount, const TaxRule& tax) {
  const auto part = [amount](int rate) { return (amount * rate + 50000) / 100000; };
  return part(tax.rate) + (tax.second_rate > 0 ? part(tax.second_rate) : 0);
}

// One charge of `shelf` per unit for `quantity` units.
Charge TaxedCharge(const char* type, const char* name, std::string_view currency,
                   const char* tax_name, const TaxRule& tax, std::int64_t shelf,
                   std::int64_t quantity) {
  if (tax.included) {
    const std::int64_t net = NetUnitPrice(shelf, tax);
    return MakeCharge(type, name, currency, net * quantity, tax_name, (shelf - net) * quantity);
  }
  const std::int64_t amount = shelf * quantity;
  return MakeCharge(type, name, currency, amount, tax_name, AddedTax(amount, tax));
}

// Every reason is from Walmart's US refundReason enum; each group fits the
// kind of refund it is used for.
constexpr std::array<const char*, 6> kFullRefundReasons = {
    "Customer returned item", "DamagedItem",         "DefectiveItem",
    "IncorrectItemReceived",  "CustomerChangedMind", "ItemNotAsAdvertised"};
constexpr std::array<const char*, 6> kUnitRefundReasons = {"DamagedItem",
                                                           "DefectiveItem",
                                                           "Missing Parts / Instructions",
                                                           "Customer returned item",
                                                           "Shipping & Delivery -> Damaged",
                                                           "CustomerChangedMind"};
constexpr std::array<const char*, 5> kGoodwillReasons = {
    "Finance -> Goodwill", "CustomerReceivedItemLate", "General adjustment",
    "Quality -> Missing Parts / Instructions", "Shipping & Delivery -> Shipping Price Discrepancy"};
constexpr std::array<const char*, 4> kComments = {
    "Refund issued after customer contact", "Item returned to seller",
    "Partial refund agreed with customer", "Carrier damage claim"};

RefundCharge Negated(const Charge& charge, std::int64_t cents, std::int64_t tax_cents,
                     const char* reason) {
  return RefundCharge{reason,
                      MakeCharge(charge.charge_type.c_str(), charge.charge_name.c_str(),
                                 charge.charge_amount.currency, -cents,
                                 charge.tax ? charge.tax->tax_name : "Tax1", -tax_cents),
                      {}};
}

}  // namespace

std::int64_t TaxCents(std::int64_t amount_cents, int tax_basis_points) {
  return (amount_cents * tax_basis_points + 5000) / 10000;
}

std::vector<Charge> LineCharges(std::int64_t unit_price_cents, std::int64_t quantity,
                                std::int64_t shipping_cents, int tax_basis_points) {
  // Basis points * 10 is per cent mille: the same rounding as TaxCents.
  return LineCharges("USD", TaxRule{"Tax1", "Tax1", tax_basis_points * 10, 0, false},
                     unit_price_cents, quantity, shipping_cents);
}

std::int64_t NetUnitPrice(std::int64_t shelf_price, const TaxRule& tax) {
  if (!tax.included) return shelf_price;
  const std::int64_t divisor = 100000 + tax.rate;
  return (shelf_price * 100000 + divisor / 2) / divisor;
}

std::vector<Charge> LineCharges(std::string_view currency, const TaxRule& tax,
                                std::int64_t unit_shelf_price, std::int64_t quantity,
                                std::int64_t shipping_shelf) {
  std::vector<Charge> charges;
  charges.reserve(shipping_shelf > 0 ? 2 : 1);
  charges.push_back(
      TaxedCharge("PRODUCT", "ItemPrice", currency, tax.name, tax, unit_shelf_price, quantity));
  if (shipping_shelf > 0) {
    charges.push_back(
        TaxedCharge("SHIPPING", "Shipping", currency, tax.shipping_name, tax, shipping_shelf, 1));
  }
  return charges;
}

void AddRefund(std::int64_t unit_price_cents, std::int64_t delivered_units, Rng& rng,
               OrderLine& line) {
  const Charge& product = line.charges.front();
  const std::int64_t quantity = line.order_line_quantity.amount;
  const std::int64_t product_cents = product.charge_amount.minor;
  const std::int64_t product_tax = product.tax ? product.tax->tax_amount.minor : 0;

  Refund refund;
  refund.refund_id.emplace();
  AppendDigits(*refund.refund_id, rng.Below(9'000'000'000ULL) + 1'000'000'000ULL, 10);
  if (rng.Chance(400)) refund.refund_comments = rng.Pick(kComments);

  const int mode = static_cast<int>(rng.Below(100));
  if (delivered_units == quantity && mode < 35) {
    // Everything back, tax and shipping included.
    const char* reason = rng.Pick(kFullRefundReasons);
    for (const Charge& charge : line.charges) {
      refund.refund_charges.push_back(Negated(charge, charge.charge_amount.minor,
                                              charge.tax ? charge.tax->tax_amount.minor : 0,
                                              reason));
    }
    line.return_order_id.emplace();
    AppendDigits(*line.return_order_id, rng.Below(9'000'000'000'000ULL) + 1'000'000'000'000ULL, 13);
  } else if (mode < 75) {
    // Some units back: their price and their share of the tax, rounded down.
    const std::int64_t units = rng.Between(1, delivered_units);
    const std::int64_t cents = unit_price_cents * units;
    refund.refund_charges.push_back(
        Negated(product, cents, product_tax * units / quantity, rng.Pick(kUnitRefundReasons)));
  } else {
    // A goodwill credit: a percentage of one unit, with its share of the tax.
    static constexpr std::array<std::int64_t, 5> kPercents = {10, 15, 20, 25, 50};
    const std::int64_t cents = unit_price_cents * rng.Pick(kPercents) / 100;
    refund.refund_charges.push_back(
        Negated(product, cents, product_tax * cents / product_cents, rng.Pick(kGoodwillReasons)));
  }
  line.refund = std::move(refund);
}

}  // namespace mporders::sim
