#pragma once
// Walmart's JSON representation of orders: the only place its field names live.
//
// Output follows us_mp_orders.json exactly: key names and nesting
// (orderLines.orderLine[], charges.charge[], orderLineStatuses.orderLineStatus[]),
// quantities as strings, money amounts as JSON numbers (exact decimal text from
// integer minor units: 5, 0.34, 19.98), dates as epoch milliseconds; absent
// optional fields omitted, never null. Extras are written back after the
// known members.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/list_envelope.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// What a response includes beyond the default fields (the query flags).
struct OrderView {
  bool product_info = false;      // item.imageUrl, item.weight
  bool replacement_info = false;  // orderType, originalCustomerOrderID
  // Another market's data the US model has no field for (Mexico's, as member
  // kStoredMxMember): for the store and snapshots, never for API answers.
  bool market_data = false;
  // Everything: the form the store and snapshots keep.
  static OrderView Full() { return {true, true, true}; }
};

// The member holding an MX order's Mexican parts in the Full view.
inline constexpr char kStoredMxMember[] = "mxOrder";

// Appends the order object `{...}` (no envelope) to `out`.
void AppendOrderJson(std::string& out, const Order& order, const OrderView& view);

// {"order":{...}}
std::string EncodeOrderResponseJson(const Order& order, const OrderView& view);

struct ListMeta {
  std::int64_t total_count = 0;
  int limit = 0;
  std::optional<std::string> next_cursor;  // omitted on the last page
};

// {"list":{"meta":{...},"elements":{"order":[...]}}}
std::string EncodeOrderListJson(const ListMeta& meta, const std::vector<const Order*>& orders,
                                const OrderView& view);

// The answers above assembled from orders encoded with AppendOrderJson (in
// one view): byte for byte what EncodeOrderResponseJson and
// EncodeOrderListJson write (the list: the envelope's ListPieces with the
// orders, one after another). For readers that keep encoded orders.
std::string OrderResponseJsonFromPart(std::string_view order_json);
ListEnvelope OrderListJsonEnvelope(const ListMeta& meta);

// Parses one order: a bare order object or {"order":{...}}. Unknown members
// of every object are kept in `extras`. kMalformedRequestContent when the
// text is not JSON; kInvalidRequestContent (field = the JSON path) when a
// required field is missing or has the wrong type.
Result<Order> DecodeOrderJson(std::string_view json);

// Parses an import file: one {"order":{...}}, a bare order, a JSON array of
// either, or a list envelope {"list":{"elements":{"order":[...]}}}.
Result<std::vector<Order>> DecodeOrdersJson(std::string_view json);

// Money as Walmart's JSON number text, `digits` being the currency's (MinorDigits): (500, 2) -> "5", (34, 2) -> "0.34",
// (80, 2) -> "0.8", (-500, 2) -> "-5", (1990, 0) -> "1990". Exact.
std::string FormatMoneyAmount(std::int64_t minor, int digits);

}  // namespace mporders
