#pragma once
// Walmart Mexico's JSON order model (mx_mp_orders.json, reference §13.2): the
// only place its field names live.
//
// Output: `order[]` at the top level, plain `orderLines[]`, `charges[]` and
// `tax[]` arrays, `orderLineStatus[]` on the line, `primeLineNumber` /
// `coLineNumber` / `soPrimeLineSubLineNo`, every amount and count a string
// ("7199", "-30.17"), instants as ISO-8601 with milliseconds in Mexico City
// time ("2021-04-20T08:43:33.000-06:00"), `shipments[]` with their dates.
// Line statuses carry `statusCode` (Created 3350, Acknowledged 3350.10,
// Shipped 3700, Cancelled 9000; omitted for the others). Acknowledged units
// with a printed label are written as "Ready to ship" (mx_lifecycle.h).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/order.h"

namespace mporders {

struct MxListMeta {
  std::int64_t total_count = 0;
  int limit = 0;
  std::optional<std::string> next_cursor_mark;  // the cursor API only
};

// {"meta":{...},"order":[...]}. `wfs`: the WFS list, whose orders carry no
// purchaseOrderId (WFSOrder).
std::string EncodeMxOrderListJson(const MxListMeta& meta, const std::vector<const Order*>& orders,
                                  bool wfs = false);

// One order object. `stored`: also what the service keeps beyond Walmart's
// wire (label and delivery times), for the store's document.
std::string EncodeMxOrderJson(const Order& order, bool stored = false);

// Parses one MX order object (or {"order":{...}} / {"order":[{...}]}) into an
// Order with `mx` parts. kMalformedRequestContent when not JSON;
// kInvalidRequestContent naming the member when a required one is missing
// (purchaseOrderId, customerOrderId, orderDate, orderLines[] with
// primeLineNumber, item.productName, item.sku, orderLineQuantity,
// orderLineStatus[]) or has the wrong type.
Result<Order> DecodeMxOrderJson(std::string_view json);

// "2021-04-20T08:43:33.000-06:00" for an instant.
std::string FormatMxDate(EpochMillis t);

// "3350", "3350.10", "3700", "9000"; empty for a status without a known code.
std::string_view MxStatusCode(LineStatus status);

}  // namespace mporders
