#pragma once
// The engine-neutral middle of Store::UpdateOrder, between an engine's load
// (locked, in its transaction) and its save.

#include "core/status.h"
#include "domain/order.h"
#include "store/store.h"

namespace mporders {

// Runs `fn` on a copy of `previous`, turning an exception into kInternal,
// and returns what is to be saved, version bumped. `fn`'s failure is
// returned as it is; changing the seller or purchase order id is kInternal.
Result<StoredOrder> RunUpdateFn(const StoredOrder& previous, const Store::UpdateFn& fn);

}  // namespace mporders
