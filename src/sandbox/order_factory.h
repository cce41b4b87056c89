#pragma once
// New orders for the sandbox: orders that arrive now, as Walmart releases
// them to the seller (every unit Created; Acknowledged for WFS-fulfilled
// orders, which skip Created). Built on the deterministic order generator
// (src/sim) for realistic customers, products and money, then shaped by the
// caller's hints.

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "domain/market.h"
#include "domain/order.h"

namespace mporders::sandbox {

struct OrderShape {
  std::optional<int> lines;                   // 1..20 lines
  std::optional<std::int64_t> quantity;       // units per line, 1..1000
  std::optional<std::string> ship_node_type;  // SellerFulfilled | WFSFulfilled | 3PLFulfilled
  std::optional<std::string> order_type;      // REGULAR | REPLACEMENT
};

// OK when every hint is within range; otherwise kInvalidRequestContent naming it.
Status ValidateOrderShape(const OrderShape& shape);

// The order `index` of generator `seed`, released at `now` (its orderDate is
// `now` to the second; estimated ship and delivery dates follow it), with
// the buyers, currency, taxes and carriers of `market`. Same arguments, same
// order. REQUIRES: ValidateOrderShape(shape).ok().
Order MakeNewOrder(std::uint64_t seed, std::uint64_t index, EpochMillis now,
                   const OrderShape& shape, MarketId market = MarketId::kUs);

}  // namespace mporders::sandbox
