#pragma once
// Bulk generation of demo orders into a store (the `seed` command and
// `serve --demo`).

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "domain/market.h"
#include "store/store.h"

namespace mporders::app {

// The market of seller `seller_id`, creating the seller in `requested` (US
// when not given) if it does not exist yet. An existing seller keeps its
// market: asking for another one is kInvalidRequestContent naming both.
Result<MarketId> EnsureSellerMarket(Store& store, const std::string& seller_id,
                                    std::optional<MarketId> requested, EpochMillis now);

// Inserts `count` generated orders for `seller_id`, dated over the 180 days
// before `now`: the generator's orders of the next `count` indices, inserted
// in ascending order date (which keeps the store's date indexes appending
// rather than writing at random). Deterministic for a given (seed, now).
// Prints progress to stderr when `progress` is set. Returns the number inserted.
// The orders are of the seller's market (EnsureSellerMarket with `market`).
Result<std::int64_t> SeedOrders(Store& store, const std::string& seller_id, std::int64_t count,
                                std::uint64_t seed, EpochMillis now, bool progress,
                                std::optional<MarketId> market = std::nullopt);

}  // namespace mporders::app
