#pragma once
// Canada's legacy Orders API (ca_mp_orders.json): the order as its schema
// and examples write it, from the same domain Order as the US codec.
//
// Differences from the US wire model (order_json.h):
// - dates are ISO-8601 strings in UTC with milliseconds
//   ("2016-06-15T06:00:00.000Z"), never epoch numbers;
// - money is {currency, amount} with exactly the currency's digits
//   (CAD: 12.50), from the domain money text;
// - statuses and methodCode are written as the spec's examples spell them
//   (Created, Standard, OneDay); the schema's upper-case enum values
//   (CREATED, ONE_DAY, WHITE_GLOVE) are accepted on input as well;
// - only the members the CA schema names: no buyerId, mart, isGuest,
//   shipNode, returnOrderId, sellerOrderId, returnCenterAddress,
//   carrierMethodCode, and no extras — except shipFromCountry on a line
//   that has one (order.h ShipFromCountry);
// - JSON: a single order is the bare Order object; a list is
//   {"meta":{...},"elements":{"order":[...]}} (no "list" wrapper);
// - XML: the examples' form, <ns3:order xmlns:ns2=... xmlns:ns3=
//   "http://walmart.com/mp/v3/orders" ...> and <ns3:list> with <ns3:meta> and
//   <ns3:elements><ns3:order>..., every element in ns3.
//
// Pure functions; safe from any thread.

#include <string>
#include <string_view>
#include <vector>

#include "codec/order_json.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders::ca {

std::string EncodeOrderJson(const Order& order, const OrderView& view);
std::string EncodeOrderXml(const Order& order, const OrderView& view);

// `meta.next_cursor` is written as given.
std::string EncodeOrderListJson(const ListMeta& meta, const std::vector<const Order*>& orders,
                                const OrderView& view);
std::string EncodeOrderListXml(const ListMeta& meta, const std::vector<const Order*>& orders,
                               const OrderView& view);

// Parses one CA order document (JSON: a bare Order or {"order":{...}}; XML:
// root `order` in an orders namespace). Enum values in either casing; the
// line's shipFromCountry is kept (ShipFromCountry). Errors as DecodeOrderJson.
Result<Order> DecodeOrderJson(std::string_view json);
Result<Order> DecodeOrderXml(std::string_view xml);

}  // namespace mporders::ca
