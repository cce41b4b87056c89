#include "codec/command_xml.h"

#include "codec/tree_decoders.h"
#include "codec/xml_reader.h"

namespace mporders {

Result<ShipCommand> DecodeShipCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, "orderShipment", root));
  return DecodeShipCommandTree(root);
}

Result<CancelCommand> DecodeCancelCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, "orderCancellation", root));
  return DecodeCancelCommandTree(root);
}

Result<RefundCommand> DecodeRefundCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, "orderRefund", root));
  return DecodeRefundCommandTree(root);
}

}  // namespace mporders
