#pragma once
// Walmart's XML representation of orders, driven by the same model as the
// JSON one (order_json.h): same element names as the JSON keys, in the same
// order; JSON arrays become repeated elements under their wrapper
// (orderLines/orderLine*, charges/charge*, ...).
//
// Output is the seed sample's form: `<?xml ... standalone="yes"?>`, the root
// declares ns2..ns8 exactly as Walmart does and every element is in `ns3`
// (http://walmart.com/mp/v3/orders); date-times are ISO-8601 UTC with
// milliseconds (2021-06-15T22:33:27.000Z), money amounts have two decimals
// (5.00, -0.34), quantities are integers, no whitespace between elements.
//
// Extras (unknown JSON members, kept as JSON text) have no XML form of their
// own; they are converted where JSON maps onto elements naturally: a scalar
// becomes an element with its text (numbers as written, true/false), an
// object an element with child elements, an array one element per item.
// Nulls, arrays nested in arrays and members whose names are not XML names
// are omitted.

#include <string>
#include <string_view>
#include <vector>

#include "codec/order_json.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// The namespaces of order documents.
inline constexpr std::string_view kOrdersV3Namespace = "http://walmart.com/mp/v3/orders";
inline constexpr std::string_view kOrdersLegacyNamespace = "http://walmart.com/mp/orders";

// <ns3:order xmlns:ns2=... ...>...</ns3:order>
std::string EncodeOrderResponseXml(const Order& order, const OrderView& view);

// <ns3:list ...><ns3:meta>totalCount, limit, nextCursor?</ns3:meta>
// <ns3:elements><ns3:order>...</ns3:order>...</ns3:elements></ns3:list>
std::string EncodeOrderListXml(const ListMeta& meta, const std::vector<const Order*>& orders,
                               const OrderView& view);

// The content of an order element (what goes between <ns3:order> and
// </ns3:order>), and the answers above assembled from such contents (in one
// view): byte for byte what EncodeOrderResponseXml and EncodeOrderListXml
// write (the list: the envelope's ListPieces with the contents). For readers
// that keep encoded orders.
void AppendOrderXmlContent(std::string& out, const Order& order, const OrderView& view);
std::string OrderResponseXmlFromPart(std::string_view content);
ListEnvelope OrderListXmlEnvelope(const ListMeta& meta);

// Parses one order document whose root is `order` in either orders namespace
// (see xml_reader.h for the rules every XML input follows). Leaf text is
// trimmed; dates may be ISO-8601 or epoch milliseconds. Elements the model
// does not name are kept in `extras` as JSON (text values as strings).
// Errors as DecodeOrderJson, with paths in JSON notation (order.orderLines.
// orderLine[0].item.sku).
Result<Order> DecodeOrderXml(std::string_view xml);

}  // namespace mporders
