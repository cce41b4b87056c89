#include "codec/ca/ca_commands.h"

#include <string>
#include <utility>
#include <vector>

#include "codec/ca/ca_enums.h"
#include "codec/json_reader.h"
#include "codec/tree_decoders.h"
#include "codec/xml_reader.h"

namespace mporders::ca {
namespace {

constexpr std::string_view kShipment = "orderShipment";
constexpr std::string_view kCancellation = "orderCancellation";
constexpr std::string_view kRefund = "orderRefund";

// A JSON body: the schema's bare object gets the US envelope, so that the
// shared decoders (and their error paths) apply.
Status ParseJsonBody(std::string_view json, std::string_view envelope, JsonNode& root) {
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  if (!root.IsObject() || root.Find(envelope) != nullptr) return Status::Ok();
  JsonNode wrapped;
  wrapped.kind = JsonNode::Kind::kObject;
  wrapped.keys.emplace_back(envelope);
  wrapped.children.push_back(std::move(root));
  root = std::move(wrapped);
  return Status::Ok();
}

// shipFromCountry of every line, in request order; validated.
Result<std::vector<std::string>> ShipFromCountries(const JsonNode& root) {
  std::vector<std::string> countries;
  const JsonNode* shipment = root.IsObject() ? root.Find(kShipment) : nullptr;
  const JsonNode* lines =
      shipment != nullptr && shipment->IsObject() ? shipment->Find("orderLines") : nullptr;
  const JsonNode* list = lines != nullptr && lines->IsObject() ? lines->Find("orderLine") : nullptr;
  // A missing or malformed list is reported by the shared decoder.
  if (list == nullptr || !list->IsArray()) return countries;
  const std::string list_path = JoinPath(JoinPath(kShipment, "orderLines"), "orderLine");
  for (std::size_t i = 0; i < list->children.size(); ++i) {
    const JsonNode& line = list->children[i];
    if (!line.IsObject()) return countries;
    const std::string path = JoinPath(IndexPath(list_path, i), "shipFromCountry");
    const JsonNode* country = line.Find("shipFromCountry");
    if (country == nullptr || country->IsNull()) return MissingField(path);
    if (!country->IsString()) return WrongType(path, "a string");
    if (!IsShipFromCountry(country->text)) {
      return Status::InvalidContent("Field '" + path +
                                        "' must be an ISO 3166 alpha-2 country code "
                                        "in upper case (CA, US, CN, ...), not '" +
                                        country->text + "'.",
                                    path);
    }
    countries.push_back(country->text);
  }
  return countries;
}

Result<ShipCommand> DecodeShip(JsonNode& root) {
  CanonicalizeMethodCodes(root);
  AddMissingTrackingNumbers(root);
  auto countries = ShipFromCountries(root);
  if (!countries.ok()) return countries.status();
  auto command = DecodeShipCommandTree(root);
  if (!command.ok()) return command.status();
  for (std::size_t i = 0; i < command->lines.size() && i < countries->size(); ++i) {
    command->lines[i].ship_from_country = (*countries)[i];
  }
  return command;
}

}  // namespace

Result<ShipCommand> DecodeShipCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonBody(json, kShipment, root));
  return DecodeShip(root);
}

Result<ShipCommand> DecodeShipCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, kShipment, root));
  return DecodeShip(root);
}

Result<CancelCommand> DecodeCancelCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonBody(json, kCancellation, root));
  return DecodeCancelCommandTree(root);
}

Result<CancelCommand> DecodeCancelCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, kCancellation, root));
  return DecodeCancelCommandTree(root);
}

Result<RefundCommand> DecodeRefundCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonBody(json, kRefund, root));
  return DecodeRefundCommandTree(root);
}

Result<RefundCommand> DecodeRefundCommandXml(std::string_view xml) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseXmlTree(xml, kRefund, root));
  return DecodeRefundCommandTree(root);
}

}  // namespace mporders::ca
