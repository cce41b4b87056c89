#pragma once
// The order events of Walmart's Notifications API (reference §15.2, §15.3)
// that an order change causes, with their payloads:
//  * PO_CREATED: a new order reached the seller (every line, CREATED);
//  * PO_LINE_AUTOCANCELLED: Walmart's auto-cancel job cancelled units
//    (cancellation reason "Auto-cancelled..."): only the affected lines;
//  * INTENT_TO_CANCEL: the customer asked to cancel lines (intentToCancel
//    became "Y"): only those lines.
// Pure functions: the store calls DeriveOrderEvents inside the change's
// transaction (WebhookStore::EventDeriver).

#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/order.h"
#include "store/webhook_store.h"

namespace mporders::events {

inline constexpr const char* kOrderEventTypes[] = {"PO_CREATED", "PO_LINE_AUTOCANCELLED",
                                                   "INTENT_TO_CANCEL"};

// `before` null: a new order. `now`: the seller's time (eventTime).
std::vector<OutboxEvent> DeriveOrderEvents(const StoredOrder* before, const StoredOrder& after,
                                           EpochMillis now);

// A time-based (version 1 layout) UUID for `now` with random clock sequence
// and node: unique, and sortable by time within one id's first fields.
std::string NewEventId(EpochMillis now);

// The payload of a sample event for POST /v3/webhooks/test.
std::string SampleEventPayload(const std::string& event_type, const std::string& seller_id,
                               EpochMillis now);

}  // namespace mporders::events
