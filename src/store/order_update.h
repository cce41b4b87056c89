#pragma once
// The engine-neutral middle of Store::UpdateOrder, between an engine's load
// (locked, in its transaction) and its save.

#include <optional>
#include <string>

#include "core/status.h"
#include "domain/order.h"
#include "store/store.h"

namespace mporders {

// Runs `fn` on a copy of `previous`, turning an exception into kInternal,
// and returns what is to be saved, version bumped. `fn`'s failure is
// returned as it is; changing the seller or purchase order id is kInternal.
Result<StoredOrder> RunUpdateFn(const StoredOrder& previous, const Store::UpdateFn& fn);

// One UpdateOrder call in an engine's group commit queue (group_commit.h).
struct OrderUpdateJob {
  const std::string& seller_id;
  const std::string& purchase_order_id;
  const Store::UpdateFn& fn;
  std::optional<Result<StoredOrder>> result;  // set by the batch's leader
};

}  // namespace mporders
