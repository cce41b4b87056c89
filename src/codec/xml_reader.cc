#include "codec/xml_reader.h"

#include <string>
#include <unordered_map>
#include <utility>

#include <pugixml.hpp>

#include "codec/order_xml.h"
#include "core/utf8.h"

namespace mporders {
namespace {

struct ListWrapper {
  std::string_view wrapper;
  std::string_view item;
};

// The JSON arrays of order documents and write requests, by wrapper element.
constexpr ListWrapper kListWrappers[] = {
    {"orderLines", "orderLine"},
    {"charges", "charge"},
    {"orderLineStatuses", "orderLineStatus"},
    {"refundCharges", "refundCharge"},
    {"refunds", "refund"},
    {"elements", "order"},
};

std::string_view ListItemOf(std::string_view wrapper) {
  for (const auto& list : kListWrappers) {
    if (list.wrapper == wrapper) return list.item;
  }
  return {};
}

std::string_view LocalName(std::string_view qualified) {
  const std::size_t colon = qualified.rfind(':');
  return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

Status Malformed(std::string description) {
  return Status::Error(ErrorCode::kMalformedRequestContent, std::move(description), "data");
}

bool IsNil(const pugi::xml_node& element) {
  for (const pugi::xml_attribute& attribute : element.attributes()) {
    if (LocalName(attribute.name()) == "nil") {
      const std::string_view value = attribute.value();
      return value == "true" || value == "1";
    }
  }
  return false;
}

// pugixml passes the bytes of a UTF-8 document through unchecked; what is
// kept must be text the JSON side can carry.
Status NotUtf8() {
  return Malformed("Request content is not well-formed XML: it is not valid UTF-8.");
}

Status MapElement(const pugi::xml_node& element, std::size_t depth, JsonNode& out);

// A leaf: its character data (text and CDATA pieces joined), trimmed.
Status MapLeaf(const pugi::xml_node& element, JsonNode& out) {
  if (IsNil(element)) {
    out.kind = JsonNode::Kind::kNull;
    return Status::Ok();
  }
  out.kind = JsonNode::Kind::kString;
  std::string text;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
      text += child.value();
    }
  }
  if (!IsValidUtf8(text)) return NotUtf8();
  out.text = Trim(text);
  return Status::Ok();
}

Status MapElement(const pugi::xml_node& element, std::size_t depth, JsonNode& out) {
  if (depth > kMaxXmlDepth) {
    return Status::InvalidContent("XML elements are nested more than " +
                                  std::to_string(kMaxXmlDepth) + " levels deep.");
  }
  const pugi::xml_node first_child = element.find_child(
      [](const pugi::xml_node& node) { return node.type() == pugi::node_element; });
  if (!first_child) {
    // An empty list wrapper (<orderLineStatuses/>, as an empty list is
    // written) is an empty object, as {"orderLineStatuses":{}} is in JSON.
    if (!ListItemOf(LocalName(element.name())).empty() && !IsNil(element)) {
      MP_RETURN_IF_ERROR(MapLeaf(element, out));
      if (out.text.empty()) {
        out = JsonNode{};
        out.kind = JsonNode::Kind::kObject;
      }
      return Status::Ok();
    }
    return MapLeaf(element, out);
  }
  out.kind = JsonNode::Kind::kObject;
  const std::string_view list_item = ListItemOf(LocalName(element.name()));
  // Member index by name: a hostile document may have many thousands of
  // children, and a linear search per child would be quadratic.
  std::unordered_map<std::string_view, std::size_t> index;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view key = LocalName(child.name());
    if (!IsValidUtf8(key)) return NotUtf8();
    JsonNode value;
    MP_RETURN_IF_ERROR(MapElement(child, depth + 1, value));
    auto [slot, inserted] = index.try_emplace(key, out.children.size());
    if (inserted) {
      out.keys.emplace_back(key);
      if (key == list_item) {
        JsonNode array;
        array.kind = JsonNode::Kind::kArray;
        array.children.push_back(std::move(value));
        out.children.push_back(std::move(array));
      } else {
        out.children.push_back(std::move(value));
      }
      continue;
    }
    // Mapped elements are never arrays themselves, so an array here is one
    // this loop made: a list or a name seen before.
    JsonNode& existing = out.children[slot->second];
    if (!existing.IsArray()) {
      JsonNode array;
      array.kind = JsonNode::Kind::kArray;
      array.children.push_back(std::move(existing));
      existing = std::move(array);
    }
    existing.children.push_back(std::move(value));
  }
  return Status::Ok();
}

// The namespace URI of the root element's prefix, from the root's own
// declarations (a root has no ancestors to inherit from).
std::string_view RootNamespace(const pugi::xml_node& root) {
  const std::string_view name = root.name();
  const std::size_t colon = name.find(':');
  const std::string declaration =
      colon == std::string_view::npos ? "xmlns" : "xmlns:" + std::string(name.substr(0, colon));
  return root.attribute(declaration.c_str()).value();
}

// Walmart's (JAXB's) message for a root it does not expect, so that clients
// matching on it keep working.
Status UnexpectedRoot(std::string_view uri, std::string_view local, std::string_view expected) {
  std::string message = "unexpected element (uri:\"" + std::string(uri) + "\", local:\"" +
                        std::string(local) + "\"). Expected elements are <{" +
                        std::string(kOrdersLegacyNamespace) + "}" + std::string(expected) + ">,<{" +
                        std::string(kOrdersV3Namespace) + "}" + std::string(expected) + ">";
  return Status::InvalidContent(std::move(message));
}

}  // namespace

Status ParseXmlTree(std::string_view xml, std::string_view root_name, JsonNode& root) {
  if (xml.size() > kMaxXmlBytes) {
    return Malformed("XML request content is larger than " + std::to_string(kMaxXmlBytes / 1024) +
                     " KiB.");
  }
  if (Trim(xml).empty()) return Malformed("Request content is empty; an XML document is required.");
  pugi::xml_document document;
  // parse_doctype keeps a DOCTYPE as a node so that it can be refused below;
  // without it pugixml would skip it silently.
  const pugi::xml_parse_result parsed = document.load_buffer(
      xml.data(), xml.size(), pugi::parse_default | pugi::parse_doctype, pugi::encoding_auto);
  if (!parsed) {
    return Malformed(
        "Request content is not well-formed XML: " + std::string(parsed.description()) +
        " at offset " + std::to_string(parsed.offset) + ".");
  }
  pugi::xml_node element;
  int elements = 0;
  for (const pugi::xml_node& node : document.children()) {
    if (node.type() == pugi::node_doctype) {
      return Status::InvalidContent(
          "XML request content must not contain a DOCTYPE: DTDs and entity declarations are "
          "not accepted.");
    }
    if (node.type() == pugi::node_element) {
      element = node;
      ++elements;
    }
  }
  if (elements != 1) return Malformed("An XML document must have exactly one root element.");

  const std::string_view uri = RootNamespace(element);
  const std::string_view local = LocalName(element.name());
  if (local != root_name || (uri != kOrdersV3Namespace && uri != kOrdersLegacyNamespace)) {
    return UnexpectedRoot(uri, local, root_name);
  }
  root = JsonNode{};
  root.kind = JsonNode::Kind::kObject;
  root.keys.emplace_back(root_name);
  root.children.emplace_back();
  return MapElement(element, 1, root.children.back());
}

}  // namespace mporders
