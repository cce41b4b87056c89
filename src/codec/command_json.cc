// Request bodies of the shipping, cancel and refund endpoints -> commands.
// Only the shape is checked here (required members, types, positive
// quantities); whether a carrier, reason, line or amount is acceptable for
// the order is decided by domain/.

#include "codec/command_json.h"

#include <utility>

#include "codec/json_reader.h"
#include "codec/json_tree.h"
#include "codec/order_json_parts.h"
#include "codec/tree_decoders.h"

namespace mporders {
namespace {

// The object under `envelope` ("orderShipment", ...) of a parsed document.
Status FindEnvelope(const JsonNode& root, std::string_view envelope, const JsonNode*& record) {
  if (!root.IsObject()) {
    return Status::Error(ErrorCode::kMalformedRequestContent,
                         "Request content must be a JSON object.", "data");
  }
  const JsonNode* value = root.Find(envelope);
  const std::string path(envelope);
  if (value == nullptr || value->IsNull()) return MissingField(path);
  if (!value->IsObject()) return WrongType(path, "an object");
  record = value;
  return Status::Ok();
}

// statusQuantity.amount of a request must name at least one unit.
Status DecodePositiveQuantity(ObjectReader& r, std::int64_t& out) {
  Quantity quantity;
  MP_RETURN_IF_ERROR(r.Required("statusQuantity", DecodeQuantity, quantity));
  if (quantity.amount <= 0) {
    const std::string path = JoinPath(r.PathOf("statusQuantity"), "amount");
    return Status::InvalidContent("Field '" + path + "' must be a positive integer.", path);
  }
  out = quantity.amount;
  return Status::Ok();
}

Status DecodeCurrentTrackingNumber(const JsonNode& value, const std::string& path,
                                   std::string& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  return r.String("trackingNumber", out);
}

// A shipment's carrierName is an object ({carrier} or {otherCarrier}), as
// the spec says: a bare string is a wrong type, not a guess at `carrier`.
// (Order documents, which mporders imports, also take the bare string of a
// newer documentation sample: see DecodeTrackingInfo.)
Status CheckCarrierNameIsObject(const JsonNode& package, const std::string& path) {
  const JsonNode* tracking = package.Find("trackingInfo");
  if (tracking == nullptr || !tracking->IsObject()) return Status::Ok();  // reported below
  const JsonNode* carrier = tracking->Find("carrierName");
  if (carrier == nullptr || carrier->IsNull() || carrier->IsObject()) return Status::Ok();
  return WrongType(JoinPath(JoinPath(path, "trackingInfo"), "carrierName"), "an object");
}

Status DecodeShipPackage(const JsonNode& value, const std::string& path, ShipPackage& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("status", out.status));
  MP_RETURN_IF_ERROR(DecodePositiveQuantity(r, out.quantity));
  MP_RETURN_IF_ERROR(CheckCarrierNameIsObject(value, path));
  MP_RETURN_IF_ERROR(r.Required("trackingInfo", DecodeTrackingInfo, out.tracking_info));
  MP_RETURN_IF_ERROR(
      r.Optional("returnCenterAddress", DecodeReturnCenterAddress, out.return_center_address));
  MP_RETURN_IF_ERROR(
      r.Optional("currentTrackingInfo", DecodeCurrentTrackingNumber, out.current_tracking_number));
  return Status::Ok();
}

Status DecodeShipLine(const JsonNode& value, const std::string& path, ShipLine& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("lineNumber", out.line_number));
  // The schema lists sellerOrderId as required, but clients in the field omit it.
  MP_RETURN_IF_ERROR(r.OptString("sellerOrderId", out.seller_order_id));
  std::optional<bool> override_flag;
  MP_RETURN_IF_ERROR(r.OptBool("intentToCancelOverride", override_flag));
  out.intent_to_cancel_override = override_flag.value_or(false);
  return r.List("orderLineStatuses", "orderLineStatus", DecodeShipPackage, out.packages,
                ListRule::kNonEmpty);
}

Status DecodeCancelPortion(const JsonNode& value, const std::string& path, CancelPortion& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("status", out.status));
  MP_RETURN_IF_ERROR(r.String("cancellationReason", out.cancellation_reason));
  return DecodePositiveQuantity(r, out.quantity);
}

Status DecodeCancelLine(const JsonNode& value, const std::string& path, CancelLine& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("lineNumber", out.line_number));
  return r.List("orderLineStatuses", "orderLineStatus", DecodeCancelPortion, out.portions,
                ListRule::kNonEmpty);
}

// A refund of a request must carry at least one charge to refund.
Status DecodeRequestRefund(const JsonNode& value, const std::string& path, Refund& out) {
  MP_RETURN_IF_ERROR(DecodeRefund(value, path, out));
  if (out.refund_charges.empty()) {
    const std::string charges_path = JoinPath(JoinPath(path, "refundCharges"), "refundCharge");
    return EmptyList(charges_path);
  }
  return Status::Ok();
}

Status DecodeRefundLine(const JsonNode& value, const std::string& path, RefundLine& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("lineNumber", out.line_number));
  std::optional<bool> full_refund;
  MP_RETURN_IF_ERROR(r.OptBool("isFullRefund", full_refund));
  out.is_full_refund = full_refund.value_or(false);
  return r.List("refunds", "refund", DecodeRequestRefund, out.refunds, ListRule::kNonEmpty);
}

}  // namespace

Result<ShipCommand> DecodeShipCommandTree(const JsonNode& root) {
  const JsonNode* record = nullptr;
  MP_RETURN_IF_ERROR(FindEnvelope(root, "orderShipment", record));
  ObjectReader r(*record, "orderShipment");
  ShipCommand command;
  MP_RETURN_IF_ERROR(r.OptString("processMode", command.process_mode));
  MP_RETURN_IF_ERROR(
      r.List("orderLines", "orderLine", DecodeShipLine, command.lines, ListRule::kNonEmpty));
  return command;
}

Result<CancelCommand> DecodeCancelCommandTree(const JsonNode& root) {
  const JsonNode* record = nullptr;
  MP_RETURN_IF_ERROR(FindEnvelope(root, "orderCancellation", record));
  ObjectReader r(*record, "orderCancellation");
  CancelCommand command;
  MP_RETURN_IF_ERROR(
      r.List("orderLines", "orderLine", DecodeCancelLine, command.lines, ListRule::kNonEmpty));
  return command;
}

Result<RefundCommand> DecodeRefundCommandTree(const JsonNode& root) {
  const JsonNode* record = nullptr;
  MP_RETURN_IF_ERROR(FindEnvelope(root, "orderRefund", record));
  ObjectReader r(*record, "orderRefund");
  RefundCommand command;
  MP_RETURN_IF_ERROR(r.String("purchaseOrderId", command.purchase_order_id));
  MP_RETURN_IF_ERROR(
      r.List("orderLines", "orderLine", DecodeRefundLine, command.lines, ListRule::kNonEmpty));
  return command;
}

Result<ShipCommand> DecodeShipCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  return DecodeShipCommandTree(root);
}

Result<CancelCommand> DecodeCancelCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  return DecodeCancelCommandTree(root);
}

Result<RefundCommand> DecodeRefundCommandJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  return DecodeRefundCommandTree(root);
}

}  // namespace mporders
