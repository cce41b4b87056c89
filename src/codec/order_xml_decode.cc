// XML text -> Order: the document is mapped onto its JSON tree and decoded by
// the JSON decoder, so both representations share every rule.

#include "codec/order_xml.h"
#include "codec/tree_decoders.h"
#include "codec/xml_reader.h"

namespace mporders {

Result<Order> DecodeOrderXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, "order", root));
  return DecodeOrderTree(root);
}

}  // namespace mporders
