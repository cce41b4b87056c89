#pragma once
// Money on generated lines: charges with tax, and refunds against them.
// All amounts are integer cents; charges are line totals.

#include <cstdint>
#include <vector>

#include "domain/order.h"
#include "sim/random.h"

namespace mporders::sim {

// `amount_cents` * basis_points / 10000, rounded half up. REQUIRES: both >= 0.
std::int64_t TaxCents(std::int64_t amount_cents, int tax_basis_points);

// A PRODUCT "ItemPrice" charge of unit_price * quantity with "Tax1", then,
// when shipping_cents > 0, a SHIPPING "Shipping" charge with its tax.
std::vector<Charge> LineCharges(std::int64_t unit_price_cents, std::int64_t quantity,
                                std::int64_t shipping_cents, int tax_basis_points);

// A refund of part or all of a line whose `delivered_units` (>= 1) units
// were delivered. Amounts are negative and never exceed, per charge type,
// the charge or its tax. A full refund (every unit, delivered) also returns
// shipping and sets the line's returnOrderId.
void AddRefund(std::int64_t unit_price_cents, std::int64_t delivered_units, Rng& rng,
               OrderLine& line);

}  // namespace mporders::sim
