// JSON text -> Order. Used for imports and seeds, not on the read path, so it
// favours exact errors over speed: every failure names the JSON path of the
// offending member.

#include <utility>

#include "codec/json_reader.h"
#include "codec/mx/mx_order_json.h"
#include "codec/json_tree.h"
#include "codec/order_json.h"
#include "codec/order_json_parts.h"
#include "codec/tree_decoders.h"

namespace mporders {
namespace {

Status Malformed(std::string description) {
  return Status::Error(ErrorCode::kMalformedRequestContent, std::move(description), "data");
}

Status DecodePostalAddress(const JsonNode& value, const std::string& path, PostalAddress& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("name", out.name));
  MP_RETURN_IF_ERROR(r.String("address1", out.address1));
  MP_RETURN_IF_ERROR(r.OptString("address2", out.address2));
  MP_RETURN_IF_ERROR(r.String("city", out.city));
  MP_RETURN_IF_ERROR(r.String("state", out.state));
  MP_RETURN_IF_ERROR(r.String("postalCode", out.postal_code));
  MP_RETURN_IF_ERROR(r.String("country", out.country));
  MP_RETURN_IF_ERROR(r.OptString("addressType", out.address_type));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeShippingInfo(const JsonNode& value, const std::string& path, ShippingInfo& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("phone", out.phone));
  MP_RETURN_IF_ERROR(r.Date("estimatedDeliveryDate", out.estimated_delivery_date));
  MP_RETURN_IF_ERROR(r.Date("estimatedShipDate", out.estimated_ship_date));
  MP_RETURN_IF_ERROR(r.String("methodCode", out.method_code));
  MP_RETURN_IF_ERROR(r.Required("postalAddress", DecodePostalAddress, out.postal_address));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeWeight(const JsonNode& value, const std::string& path, Weight& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("value", out.value));
  MP_RETURN_IF_ERROR(r.String("unit", out.unit));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeItem(const JsonNode& value, const std::string& path, Item& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("productName", out.product_name));
  MP_RETURN_IF_ERROR(r.String("sku", out.sku));
  MP_RETURN_IF_ERROR(r.OptString("imageUrl", out.image_url));
  MP_RETURN_IF_ERROR(r.Optional("weight", DecodeWeight, out.weight));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeLineStatus(const JsonNode& value, const std::string& path, OrderLineStatus& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  std::string status;
  MP_RETURN_IF_ERROR(r.String("status", status));
  const std::optional<LineStatus> parsed = ParseLineStatus(status);
  if (!parsed) {
    const std::string status_path = r.PathOf("status");
    return Status::InvalidContent(
        "Field '" + status_path + "' has an unknown status '" + status + "'.", status_path);
  }
  out.status = *parsed;
  MP_RETURN_IF_ERROR(r.Required("statusQuantity", DecodeQuantity, out.status_quantity));
  MP_RETURN_IF_ERROR(r.OptString("cancellationReason", out.cancellation_reason));
  MP_RETURN_IF_ERROR(r.Optional("trackingInfo", DecodeTrackingInfo, out.tracking_info));
  MP_RETURN_IF_ERROR(
      r.Optional("returnCenterAddress", DecodeReturnCenterAddress, out.return_center_address));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeFulfillment(const JsonNode& value, const std::string& path, Fulfillment& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.OptString("fulfillmentOption", out.fulfillment_option));
  MP_RETURN_IF_ERROR(r.OptString("shipMethod", out.ship_method));
  MP_RETURN_IF_ERROR(r.OptString("storeId", out.store_id));
  MP_RETURN_IF_ERROR(r.OptDate("pickUpDateTime", out.pick_up_date_time));
  MP_RETURN_IF_ERROR(r.OptString("pickUpBy", out.pick_up_by));
  MP_RETURN_IF_ERROR(r.OptString("shippingProgramType", out.shipping_program_type));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeOrderLine(const JsonNode& value, const std::string& path, OrderLine& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("lineNumber", out.line_number));
  MP_RETURN_IF_ERROR(r.Required("item", DecodeItem, out.item));
  MP_RETURN_IF_ERROR(r.List("charges", "charge", DecodeCharge, out.charges, ListRule::kMayBeEmpty));
  MP_RETURN_IF_ERROR(r.Required("orderLineQuantity", DecodeQuantity, out.order_line_quantity));
  MP_RETURN_IF_ERROR(r.Date("statusDate", out.status_date));
  MP_RETURN_IF_ERROR(r.List("orderLineStatuses", "orderLineStatus", DecodeLineStatus, out.statuses,
                            ListRule::kMayBeEmpty));
  MP_RETURN_IF_ERROR(r.OptString("returnOrderId", out.return_order_id));
  MP_RETURN_IF_ERROR(r.Optional("refund", DecodeRefund, out.refund));
  MP_RETURN_IF_ERROR(r.OptString("originalCarrierMethod", out.original_carrier_method));
  MP_RETURN_IF_ERROR(r.OptString("referenceLineId", out.reference_line_id));
  MP_RETURN_IF_ERROR(r.Optional("fulfillment", DecodeFulfillment, out.fulfillment));
  MP_RETURN_IF_ERROR(r.OptString("intentToCancel", out.intent_to_cancel));
  MP_RETURN_IF_ERROR(r.OptString("configId", out.config_id));
  MP_RETURN_IF_ERROR(r.OptString("sellerOrderId", out.seller_order_id));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeShipNode(const JsonNode& value, const std::string& path,
                      std::optional<ShipNode>& out) {
  out.reset();
  // One spec example has `"shipNode": []`; an empty array carries nothing.
  if (value.IsArray() && value.children.empty()) return Status::Ok();
  if (!value.IsObject()) return WrongType(path, "an object");
  ShipNode& node = out.emplace();
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.OptString("type", node.type));
  MP_RETURN_IF_ERROR(r.OptString("name", node.name));
  MP_RETURN_IF_ERROR(r.OptString("id", node.id));
  node.extras = r.TakeExtras();
  return Status::Ok();
}

// The store's form of an MX order (OrderView::market_data): Mexico's parts
// are kept as the MX document itself, and read back from it.
Status AttachStoredMxData(const JsonNode& value, const std::string& path, Order& out) {
  auto mx = DecodeMxOrderJson(SerializeJsonNode(value));
  if (!mx.ok()) return Status::InvalidContent(path + ": " + mx.status().description(), path);
  out.mx = std::move(mx->mx);
  for (OrderLine& line : mx->order_lines) {
    for (OrderLine& target : out.order_lines) {
      if (target.line_number == line.line_number) target.mx = std::move(line.mx);
    }
  }
  return Status::Ok();
}

Status DecodeOrder(const JsonNode& value, const std::string& path, Order& out) {
  if (!value.IsObject()) return WrongType(path.empty() ? "order" : path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("purchaseOrderId", out.purchase_order_id));
  MP_RETURN_IF_ERROR(r.String("customerOrderId", out.customer_order_id));
  MP_RETURN_IF_ERROR(r.String("customerEmailId", out.customer_email_id));
  MP_RETURN_IF_ERROR(r.OptString("orderType", out.order_type));
  MP_RETURN_IF_ERROR(r.OptString("originalCustomerOrderID", out.original_customer_order_id));
  MP_RETURN_IF_ERROR(r.Date("orderDate", out.order_date));
  MP_RETURN_IF_ERROR(r.OptString("buyerId", out.buyer_id));
  MP_RETURN_IF_ERROR(r.OptString("mart", out.mart));
  MP_RETURN_IF_ERROR(r.OptBool("isGuest", out.is_guest));
  MP_RETURN_IF_ERROR(r.Required("shippingInfo", DecodeShippingInfo, out.shipping_info));
  MP_RETURN_IF_ERROR(
      r.List("orderLines", "orderLine", DecodeOrderLine, out.order_lines, ListRule::kMayBeEmpty));
  if (const JsonNode* ship_node = r.Get("shipNode")) {
    MP_RETURN_IF_ERROR(DecodeShipNode(*ship_node, r.PathOf("shipNode"), out.ship_node));
  }
  if (const JsonNode* mx = r.Get(kStoredMxMember)) {
    MP_RETURN_IF_ERROR(AttachStoredMxData(*mx, r.PathOf(kStoredMxMember), out));
  }
  out.extras = r.TakeExtras();
  return Status::Ok();
}

// {"order": {...}} rather than a bare order: the only member is an object
// named "order".
bool IsOrderEnvelope(const JsonNode& value) {
  return value.IsObject() && value.keys.size() == 1 && value.keys[0] == "order" &&
         value.children[0].IsObject();
}

// An envelope or a bare order at `path` ("" for the document itself).
Status DecodeEnvelopeOrBare(const JsonNode& value, const std::string& path, Order& out) {
  if (IsOrderEnvelope(value)) return DecodeOrder(value.children[0], JoinPath(path, "order"), out);
  return DecodeOrder(value, path, out);
}

Status DecodeOrderArray(const JsonNode& array, const std::string& path, std::vector<Order>& out) {
  out.resize(array.children.size());
  for (std::size_t i = 0; i < array.children.size(); ++i) {
    MP_RETURN_IF_ERROR(DecodeEnvelopeOrBare(array.children[i], IndexPath(path, i), out[i]));
  }
  return Status::Ok();
}

}  // namespace

Result<Order> DecodeOrderTree(const JsonNode& root) {
  if (!root.IsObject()) return Malformed("Request content must be a JSON object.");
  Order order;
  MP_RETURN_IF_ERROR(DecodeEnvelopeOrBare(root, "", order));
  return order;
}

Result<Order> DecodeOrderJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  return DecodeOrderTree(root);
}

Result<std::vector<Order>> DecodeOrdersJson(std::string_view json) {
  JsonNode root;
  MP_RETURN_IF_ERROR(ParseJsonTree(json, root));
  std::vector<Order> orders;
  if (root.IsArray()) {
    MP_RETURN_IF_ERROR(DecodeOrderArray(root, "", orders));
    return orders;
  }
  if (!root.IsObject()) return Malformed("Request content must be a JSON object or array.");
  if (const JsonNode* list = root.Find("list"); list != nullptr && root.keys.size() == 1) {
    // {"list": {"meta": ..., "elements": {"order": [...]}}}
    if (!list->IsObject()) return WrongType("list", "an object");
    const JsonNode* elements = list->Find("elements");
    if (elements == nullptr || elements->IsNull()) return MissingField("list.elements");
    if (!elements->IsObject()) return WrongType("list.elements", "an object");
    const JsonNode* array = elements->Find("order");
    if (array == nullptr || array->IsNull()) return orders;
    std::vector<const JsonNode*> items;
    MP_RETURN_IF_ERROR(ArrayElements(*array, "list.elements.order", items));
    orders.resize(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
      MP_RETURN_IF_ERROR(DecodeOrder(*items[i], IndexPath("list.elements.order", i), orders[i]));
    }
    return orders;
  }
  if (root.keys.size() == 1 && root.keys[0] == "order" && root.children[0].IsArray()) {
    // {"order": [...]}: the `elements` shape without its list wrapper.
    MP_RETURN_IF_ERROR(DecodeOrderArray(root.children[0], "order", orders));
    return orders;
  }
  orders.emplace_back();
  MP_RETURN_IF_ERROR(DecodeEnvelopeOrBare(root, "", orders.back()));
  return orders;
}

}  // namespace mporders
