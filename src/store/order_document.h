#pragma once
// An order's stored document: the full JSON the engines keep in the orders
// row and decode when they read one back.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// Replaces `doc` with the document of `order` (scratch space, reused).
void EncodeOrderDocument(const Order& order, std::string& doc);

// The stored order of `seller_id` whose row holds `doc`, `last_modified` and
// `version`. kInternal when the document does not decode.
Result<StoredOrder> StoredOrderFromRow(std::string_view doc, const std::string& seller_id,
                                       std::int64_t last_modified, std::int64_t version);

}  // namespace mporders
