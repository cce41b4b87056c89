#pragma once
// Money on generated lines: charges with tax, and refunds against them.
// All amounts are integer minor units of one currency (cents, or whole pesos
// for CLP); charges are line totals.

#include <cstdint>
#include <vector>

#include <string_view>

#include "domain/order.h"
#include "sim/market_data.h"
#include "sim/random.h"

namespace mporders::sim {

// `amount_cents` * basis_points / 10000, rounded half up. REQUIRES: both >= 0.
std::int64_t TaxCents(std::int64_t amount_cents, int tax_basis_points);

// A PRODUCT "ItemPrice" charge of unit_price * quantity with "Tax1", then,
// when shipping_cents > 0, a SHIPPING "Shipping" charge with its tax.
std::vector<Charge> LineCharges(std::int64_t unit_price_cents, std::int64_t quantity,
                                std::int64_t shipping_cents, int tax_basis_points);

// The price without tax of one unit sold at `shelf_price`: the shelf price
// itself where tax is added at the till, the price less the included tax
// (rounded half up) where it is included.
std::int64_t NetUnitPrice(std::int64_t shelf_price, const TaxRule& tax);

// The same charges for any market: `unit_shelf_price` and `shipping_shelf`
// as the buyer sees them. Tax added (US, CA): each charge is the shelf
// amount with its tax on top; two taxes (GST with QST or PST) are each
// rounded, then summed into the one tax object. Tax included (CL, MX): each
// charge is the net amount and its tax the included IVA, so that charge plus
// tax is exactly what the buyer paid. LineCharges(..., basis_points) is this
// with USD and TaxRule{"Tax1", "Tax1", basis_points * 10}.
std::vector<Charge> LineCharges(std::string_view currency, const TaxRule& tax,
                                std::int64_t unit_shelf_price, std::int64_t quantity,
                                std::int64_t shipping_shelf);

// A refund of part or all of a line whose `delivered_units` (>= 1) units
// were delivered. Amounts are negative and never exceed, per charge type,
// the charge or its tax. A full refund (every unit, delivered) also returns
// shipping and sets the line's returnOrderId.
// Refund charges are in the currency of, and carry the tax name of, the
// charges they return; `unit_price_cents` is the net unit price.
void AddRefund(std::int64_t unit_price_cents, std::int64_t delivered_units, Rng& rng,
               OrderLine& line);

}  // namespace mporders::sim
