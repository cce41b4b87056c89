#pragma once
// XML input: a guarded parse (pugixml) and a mapping of the document onto the
// JSON tree of the same document, so that XML bodies are decoded by the very
// decoders the JSON ones go through — same model, same rules, same error
// texts and paths. Internal to codec/.
//
// What any XML input must be:
// - at most kMaxXmlBytes, well-formed, exactly one root element;
// - no DOCTYPE at all: DTDs, entity declarations and external entities are
//   refused before anything is read (pugixml never fetches or expands them
//   either; only the five predefined entities and character references are
//   decoded);
// - elements nested at most kMaxXmlDepth deep;
// - a root `<name>` in http://walmart.com/mp/v3/orders or
//   http://walmart.com/mp/orders. An unqualified root or another namespace is
//   refused with the message Walmart's XML parser gives.
//
// The mapping: an element with child elements becomes an object keyed by the
// children's local names (any prefix); a leaf becomes a string of its trimmed
// text (`xsi:nil="true"` makes it null). Children of a list wrapper
// (orderLines/orderLine, charges/charge, orderLineStatuses/orderLineStatus,
// refundCharges/refundCharge, refunds/refund, elements/order) always become
// an array; any other name that repeats becomes an array as well. Attributes
// other than xsi:nil and namespace declarations are ignored, as are comments
// and processing instructions.

#include <cstddef>
#include <string_view>

#include "codec/json_tree.h"
#include "core/status.h"

namespace mporders {

inline constexpr std::size_t kMaxXmlBytes = 1024 * 1024;
// Request documents nest about a dozen levels; the bound keeps the walk's
// recursion short and, with the arrays the mapping adds, the tree within
// kMaxJsonDepth.
inline constexpr std::size_t kMaxXmlDepth = 32;

// Parses `xml` and fills `root` with `{"<root_name>": <mapped root element>}`.
// Errors: kMalformedRequestContent (field "data") when the text is empty, too
// large or not well-formed XML; kInvalidRequestContent (field "data") for a
// DOCTYPE, too deep a nesting, or a root other than `root_name` in an orders
// namespace.
Status ParseXmlTree(std::string_view xml, std::string_view root_name, JsonNode& root);

}  // namespace mporders
