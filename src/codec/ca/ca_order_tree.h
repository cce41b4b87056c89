#pragma once
// The CA order as a document tree (json_tree.h), built once and written as
// JSON or as XML, so both representations carry the same members in the same
// order. Internal to codec/.

#include <string_view>

#include "codec/json_tree.h"
#include "codec/order_json.h"
#include "domain/order.h"

namespace mporders::ca {

// The Order object of ca_mp_orders.json (see ca_order.h for what it holds).
JsonNode OrderTree(const Order& order, const OrderView& view);

// {"totalCount", "limit", "nextCursor"?}
JsonNode MetaTree(const ListMeta& meta);

// Appends `node` as the element `name` (prefixed "ns3:"): an object becomes
// an element with one child per member, an array one element `name` per item,
// a scalar a leaf with its text; nulls are left out.
void AppendXmlElement(std::string& out, std::string_view name, const JsonNode& node);

// The XML declaration and the examples' root start tag, `<ns3:name xmlns:...>`.
void AppendXmlRootOpen(std::string& out, std::string_view name);
void AppendXmlRootClose(std::string& out, std::string_view name);

}  // namespace mporders::ca
