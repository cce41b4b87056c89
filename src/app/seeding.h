#pragma once
// Bulk generation of demo orders into a store (the `seed` command and
// `serve --demo`).

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::app {

// Inserts `count` generated orders for `seller_id`, dated over the 180 days
// before `now`: the generator's orders of the next `count` indices, inserted
// in ascending order date (which keeps the store's date indexes appending
// rather than writing at random). Deterministic for a given (seed, now).
// Prints progress to stderr when `progress` is set. Returns the number inserted.
Result<std::int64_t> SeedOrders(Store& store, const std::string& seller_id, std::int64_t count,
                                std::uint64_t seed, EpochMillis now, bool progress);

}  // namespace mporders::app
