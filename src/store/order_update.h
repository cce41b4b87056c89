#pragma once
// The engine-neutral middle of Store::UpdateOrder, between an engine's load
// (locked, in its transaction) and its save.

#include <optional>
#include <string>

#include "core/status.h"
#include "domain/order.h"
#include "store/group_commit.h"
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
  std::optional<Result<StoredOrder>> result;  // set by the batch's run
};
using OrderUpdateQueue = GroupCommitQueue<OrderUpdateJob>;

// Store::UpdateOrder and Store::UpdateOrderThen on an engine's queue. An
// exception out of the batch's run (out of memory) is the update's
// kInternal.
Result<StoredOrder> UpdateAndWait(OrderUpdateQueue& queue, const std::string& seller_id,
                                  const std::string& purchase_order_id,
                                  const Store::UpdateFn& fn);
void UpdateThen(OrderUpdateQueue& queue, const std::string& seller_id,
                const std::string& purchase_order_id, const Store::UpdateFn& fn,
                Store::UpdateDone done);

}  // namespace mporders
