#pragma once
// Consistency rules every stored order satisfies. The lifecycle functions
// preserve them; the store and the API may assert them after a change.

#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// OK when, for every line:
//  * lineNumber is unique within the order;
//  * every bucket has a positive statusQuantity and the buckets partition the
//    line: Σ statusQuantity == orderLineQuantity;
//  * refund charges are not positive (amount and tax), and per charge type and
//    currency the refunded amount and refunded tax never exceed what was charged.
// Otherwise kInternal naming the first broken rule and line.
// Walmart's field-showcase example order (positive refund amounts) fails this
// check by design: it is not a consistent state.
Status CheckInvariants(const Order& order);

}  // namespace mporders
