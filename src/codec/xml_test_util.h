#pragma once
// Test helpers for codec/: comparison of XML documents as XML.

#include <string>
#include <string_view>

namespace mporders::testing {

// true when `a` and `b` are well-formed and the same XML document, whitespace
// aside: the same elements (qualified names as written) in the same order, the
// same attributes (namespace declarations included) in any order, and the
// same character data once trimmed. Otherwise false, and `difference` (when
// given) names the first difference by element path.
bool XmlEquivalent(std::string_view a, std::string_view b, std::string* difference = nullptr);

}  // namespace mporders::testing
