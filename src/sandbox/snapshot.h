#pragma once
// A seller's whole sandbox state as one JSON document, so that a test suite
// can start from a known state:
//
//   {"format": "mporders-sandbox-snapshot", "version": 1,
//    "sellerId": "10001234567", "clockOffsetMillis": 86400000,
//    "orders": [{"lastModified": 1714564800000, "version": 3,
//                "order": { ...the Walmart order, every field... }}, ...]}
//
// Orders are written with every optional field (productInfo and
// replacementInfo included) and their unknown members, so importing a
// snapshot restores the seller exactly: exporting again gives the same text.
// Fault rules and API clients are not part of it.

#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders::sandbox {

struct SellerSnapshot {
  std::string seller_id;
  EpochMillis clock_offset = 0;
  std::vector<StoredOrder> orders;  // in list order (orderDate desc, purchaseOrderId desc)
};

std::string EncodeSnapshot(const SellerSnapshot& snapshot);

// kMalformedRequestContent when not JSON; kInvalidRequestContent naming the
// field when the document is not a snapshot, or an order fails to decode or
// breaks the order invariants. Orders take `seller_id` (the one being
// restored), whatever seller the file was exported from.
Result<SellerSnapshot> DecodeSnapshot(std::string_view json, const std::string& seller_id);

}  // namespace mporders::sandbox
