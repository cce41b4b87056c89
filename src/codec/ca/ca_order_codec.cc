#include "codec/ca/ca_enums.h"
#include "codec/ca/ca_order.h"
#include "codec/ca/ca_order_tree.h"
#include "codec/tree_decoders.h"
#include "codec/xml_reader.h"

namespace mporders::ca {
namespace {

// Writes the members of `object` inside an already opened root element.
void AppendChildren(std::string& out, const JsonNode& object) {
  for (std::size_t i = 0; i < object.children.size(); ++i) {
    AppendXmlElement(out, object.keys[i], object.children[i]);
  }
}

JsonNode ElementsTree(const std::vector<const Order*>& orders, const OrderView& view) {
  JsonNode list;
  list.kind = JsonNode::Kind::kArray;
  for (const Order* order : orders) list.children.push_back(OrderTree(*order, view));
  JsonNode elements;
  elements.kind = JsonNode::Kind::kObject;
  elements.keys.emplace_back("order");
  elements.children.push_back(std::move(list));
  return elements;
}

Result<Order> DecodeCaTree(JsonNode& root) {
  CanonicalizeMethodCodes(root);
  AddMissingTrackingNumbers(root);
  return DecodeOrderTree(root);
}

}  // namespace

std::string EncodeOrderJson(const Order& order, const OrderView& view) {
  return SerializeJsonNode(OrderTree(order, view));
}

std::string EncodeOrderXml(const Order& order, const OrderView& view) {
  std::string out;
  AppendXmlRootOpen(out, "order");
  AppendChildren(out, OrderTree(order, view));
  AppendXmlRootClose(out, "order");
  return out;
}

std::string EncodeOrderListJson(const ListMeta& meta, const std::vector<const Order*>& orders,
                                const OrderView& view) {
  JsonNode root;
  root.kind = JsonNode::Kind::kObject;
  root.keys = {"meta", "elements"};
  root.children.push_back(MetaTree(meta));
  root.children.push_back(ElementsTree(orders, view));
  return SerializeJsonNode(root);
}

std::string EncodeOrderListXml(const ListMeta& meta, const std::vector<const Order*>& orders,
                               const OrderView& view) {
  std::string out;
  AppendXmlRootOpen(out, "list");
  AppendXmlElement(out, "meta", MetaTree(meta));
  AppendXmlElement(out, "elements", ElementsTree(orders, view));
  AppendXmlRootClose(out, "list");
  return out;
}

Result<Order> DecodeOrderJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  return DecodeCaTree(root);
}

Result<Order> DecodeOrderXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, "order", root));
  return DecodeCaTree(root);
}

}  // namespace mporders::ca
