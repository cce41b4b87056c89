#pragma once
// What a customer does to an order, as Walmart records it. Pure functions
// with the lifecycle's contract (domain/lifecycle.h): all or nothing, the
// order is untouched on error.

#include <string>
#include <vector>

#include "core/status.h"
#include "domain/order.h"

namespace mporders::sandbox {

// The customer asks to cancel (Walmart's INTENT_TO_CANCEL): the lines get
// intentToCancel "Y". Walmart cancels nothing itself; the seller then cancels
// with CUSTOMER_REQUESTED_SELLER_TO_CANCEL, or ships with
// intentToCancelOverride. No line status changes.
// `line_numbers` empty: every line that still has Created or Acknowledged
// quantity. Errors (kInvalidRequestContent): an unknown or repeated line; a
// line without Created or Acknowledged quantity (a customer cannot cancel
// what has shipped); an order with no such line at all.
Status RequestCancellation(Order& order, const std::vector<std::string>& line_numbers);

}  // namespace mporders::sandbox
