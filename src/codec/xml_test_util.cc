#include "codec/xml_test_util.h"

#include <map>

#include <pugixml.hpp>

namespace mporders::testing {
namespace {

std::string Trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(kSpace) - first + 1));
}

std::string TextOf(const pugi::xml_node& element) {
  std::string text;
  for (const pugi::xml_node& child : element.children()) {
    if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata)
      text += child.value();
  }
  return Trimmed(text);
}

bool Same(const pugi::xml_node& a, const pugi::xml_node& b, const std::string& path,
          std::string* difference) {
  const auto fail = [&](const std::string& what) {
    if (difference != nullptr) *difference = path + ": " + what;
    return false;
  };
  if (std::string_view(a.name()) != b.name()) {
    return fail(std::string("element ") + a.name() + " vs " + b.name());
  }
  std::map<std::string, std::string> attributes_a;
  std::map<std::string, std::string> attributes_b;
  for (const auto& attribute : a.attributes()) attributes_a[attribute.name()] = attribute.value();
  for (const auto& attribute : b.attributes()) attributes_b[attribute.name()] = attribute.value();
  if (attributes_a != attributes_b) return fail("attributes differ");
  if (TextOf(a) != TextOf(b)) return fail("text '" + TextOf(a) + "' vs '" + TextOf(b) + "'");
  pugi::xml_node child_a = a.first_child();
  pugi::xml_node child_b = b.first_child();
  const auto next_element = [](pugi::xml_node node) {
    while (node && node.type() != pugi::node_element) node = node.next_sibling();
    return node;
  };
  child_a = next_element(child_a);
  child_b = next_element(child_b);
  while (child_a && child_b) {
    if (!Same(child_a, child_b, path + "/" + child_a.name(), difference)) return false;
    child_a = next_element(child_a.next_sibling());
    child_b = next_element(child_b.next_sibling());
  }
  if (child_a) return fail(std::string("extra element ") + child_a.name() + " in the first");
  if (child_b) return fail(std::string("extra element ") + child_b.name() + " in the second");
  return true;
}

}  // namespace

bool XmlEquivalent(std::string_view a, std::string_view b, std::string* difference) {
  pugi::xml_document doc_a;
  pugi::xml_document doc_b;
  if (!doc_a.load_buffer(a.data(), a.size())) {
    if (difference != nullptr) *difference = "the first document is not well-formed";
    return false;
  }
  if (!doc_b.load_buffer(b.data(), b.size())) {
    if (difference != nullptr) *difference = "the second document is not well-formed";
    return false;
  }
  return Same(doc_a.document_element(), doc_b.document_element(),
              std::string("/") + doc_a.document_element().name(), difference);
}

}  // namespace mporders::testing
