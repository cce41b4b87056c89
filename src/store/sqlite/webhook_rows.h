#pragma once
// The outbox write of an order change (not a public header): the events
// `deriver` finds in the change, each with one delivery per ACTIVE
// subscription of its type, in the caller's transaction. An event nobody
// subscribes to is not written.

#include "store/sqlite/connection.h"
#include "store/webhook_store.h"

namespace mporders::sqlite {

Status WriteOrderEvents(Connection& db, const WebhookStore::EventDeriver& deriver,
                        const StoredOrder* before, const StoredOrder& after);

}  // namespace mporders::sqlite
