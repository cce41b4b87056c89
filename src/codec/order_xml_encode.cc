// Order -> XML text. On the read path of every XML client, so, like the JSON
// encoder, it appends straight into one std::string: element names are
// literals, numbers and dates are formatted in place, no DOM is built.
// Element order follows the JSON encoder (the spec's order, which is also the
// seed XML sample's).

#include <string>

#include "codec/json_tree.h"
#include "codec/order_xml.h"
#include "codec/xml_writer.h"

namespace mporders {
namespace {

// The root's namespace declarations, exactly as Walmart's sample has them.
constexpr std::string_view kRootNamespaces =
    R"( xmlns:ns2="http://walmart.com/mp/orders" xmlns:ns3="http://walmart.com/mp/v3/orders")"
    R"( xmlns:ns4="com.walmart.services.common.model.money")"
    R"( xmlns:ns5="com.walmart.services.common.model.name")"
    R"( xmlns:ns6="com.walmart.services.common.model.address")"
    R"( xmlns:ns7="com.walmart.services.common.model.address.validation")"
    R"( xmlns:ns8="http://walmart.com/">)";
constexpr std::string_view kPrefix = "ns3:";

// Only used to size the output once: element names appear twice, so an
// order in XML is about twice its JSON size.
constexpr std::size_t kOrderBaseBytes = 3072;
constexpr std::size_t kLineBytes = 3072;
constexpr std::size_t kListEnvelopeBytes = 1024;
constexpr std::string_view kOpenOrder = "<ns3:order>";
constexpr std::string_view kCloseOrder = "</ns3:order>";

void OptLeaf(XmlWriter& w, std::string_view name, const std::optional<std::string>& value) {
  if (value) w.Leaf(name, *value);
}

// --- extras ---------------------------------------------------------------

// An XML 1.0 name we can write after the prefix: ASCII letters, digits, '_',
// '-', '.', not starting with a digit, '-' or '.', and never "xml...".
bool IsXmlName(std::string_view name) {
  if (name.empty()) return false;
  const auto is_alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!is_alpha(name[0]) && name[0] != '_') return false;
  for (char c : name) {
    if (!is_alpha(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-' && c != '.') return false;
  }
  return !(name.size() >= 3 && (name[0] | 0x20) == 'x' && (name[1] | 0x20) == 'm' &&
           (name[2] | 0x20) == 'l');
}

void AppendJsonAsXml(XmlWriter& w, std::string_view name, const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      return;
    case JsonNode::Kind::kFalse:
      w.Leaf(name, "false");
      return;
    case JsonNode::Kind::kTrue:
      w.Leaf(name, "true");
      return;
    case JsonNode::Kind::kNumber:
    case JsonNode::Kind::kString:
      w.Leaf(name, node.text);
      return;
    case JsonNode::Kind::kObject:
      w.Open(name);
      for (std::size_t i = 0; i < node.keys.size(); ++i) {
        if (IsXmlName(node.keys[i])) AppendJsonAsXml(w, node.keys[i], node.children[i]);
      }
      w.Close(name);
      return;
    case JsonNode::Kind::kArray:
      // Repeated elements, as the spec's own arrays are; an array directly
      // inside an array has no element name of its own and is left out.
      for (const JsonNode& item : node.children) {
        if (!item.IsArray()) AppendJsonAsXml(w, name, item);
      }
      return;
  }
}

void AppendExtras(XmlWriter& w, const Extras& extras) {
  for (const auto& [name, raw] : extras) {
    if (!IsXmlName(name)) continue;
    JsonNode value;
    // Extras were valid JSON when they were stored; anything else is skipped
    // rather than failing a read.
    if (!ParseJsonTree(raw, value).ok()) continue;
    AppendJsonAsXml(w, name, value);
  }
}

// --- model types ----------------------------------------------------------

void AppendMoney(XmlWriter& w, std::string_view name, const Money& money) {
  w.Open(name);
  w.Leaf("currency", money.currency);
  w.Open("amount");
  w.MoneyAmount(money.minor, MinorDigits(money.currency));
  w.Close("amount");
  w.Close(name);
}

void AppendQuantity(XmlWriter& w, std::string_view name, const Quantity& quantity) {
  w.Open(name);
  w.Leaf("unitOfMeasurement", quantity.unit);
  w.IntLeaf("amount", quantity.amount);
  AppendExtras(w, quantity.extras);
  w.Close(name);
}

void AppendPostalAddress(XmlWriter& w, const PostalAddress& a) {
  w.Open("postalAddress");
  w.Leaf("name", a.name);
  w.Leaf("address1", a.address1);
  OptLeaf(w, "address2", a.address2);
  w.Leaf("city", a.city);
  w.Leaf("state", a.state);
  w.Leaf("postalCode", a.postal_code);
  w.Leaf("country", a.country);
  OptLeaf(w, "addressType", a.address_type);
  AppendExtras(w, a.extras);
  w.Close("postalAddress");
}

void AppendShippingInfo(XmlWriter& w, const ShippingInfo& s) {
  w.Open("shippingInfo");
  w.Leaf("phone", s.phone);
  w.DateLeaf("estimatedDeliveryDate", s.estimated_delivery_date);
  w.DateLeaf("estimatedShipDate", s.estimated_ship_date);
  w.Leaf("methodCode", s.method_code);
  AppendPostalAddress(w, s.postal_address);
  AppendExtras(w, s.extras);
  w.Close("shippingInfo");
}

void AppendItem(XmlWriter& w, const Item& item, const OrderView& view) {
  w.Open("item");
  w.Leaf("productName", item.product_name);
  w.Leaf("sku", item.sku);
  if (view.product_info) {
    OptLeaf(w, "imageUrl", item.image_url);
    if (item.weight) {
      w.Open("weight");
      w.Leaf("value", item.weight->value);
      w.Leaf("unit", item.weight->unit);
      AppendExtras(w, item.weight->extras);
      w.Close("weight");
    }
  }
  AppendExtras(w, item.extras);
  w.Close("item");
}

void AppendCharge(XmlWriter& w, std::string_view name, const Charge& charge) {
  w.Open(name);
  w.Leaf("chargeType", charge.charge_type);
  w.Leaf("chargeName", charge.charge_name);
  AppendMoney(w, "chargeAmount", charge.charge_amount);
  if (charge.tax) {
    w.Open("tax");
    w.Leaf("taxName", charge.tax->tax_name);
    AppendMoney(w, "taxAmount", charge.tax->tax_amount);
    AppendExtras(w, charge.tax->extras);
    w.Close("tax");
  }
  AppendExtras(w, charge.extras);
  w.Close(name);
}

void AppendTrackingInfo(XmlWriter& w, const TrackingInfo& t) {
  w.Open("trackingInfo");
  w.DateLeaf("shipDateTime", t.ship_date_time);
  w.Open("carrierName");
  OptLeaf(w, "otherCarrier", t.carrier_name.other_carrier);
  OptLeaf(w, "carrier", t.carrier_name.carrier);
  AppendExtras(w, t.carrier_name.extras);
  w.Close("carrierName");
  w.Leaf("methodCode", t.method_code);
  if (t.carrier_method_code) w.IntLeaf("carrierMethodCode", *t.carrier_method_code);
  w.Leaf("trackingNumber", t.tracking_number);
  OptLeaf(w, "trackingURL", t.tracking_url);
  AppendExtras(w, t.extras);
  w.Close("trackingInfo");
}

void AppendReturnCenterAddress(XmlWriter& w, const ReturnCenterAddress& a) {
  w.Open("returnCenterAddress");
  OptLeaf(w, "name", a.name);
  w.Leaf("address1", a.address1);
  OptLeaf(w, "address2", a.address2);
  w.Leaf("city", a.city);
  w.Leaf("state", a.state);
  w.Leaf("postalCode", a.postal_code);
  w.Leaf("country", a.country);
  OptLeaf(w, "dayPhone", a.day_phone);
  OptLeaf(w, "emailId", a.email_id);
  AppendExtras(w, a.extras);
  w.Close("returnCenterAddress");
}

void AppendLineStatus(XmlWriter& w, const OrderLineStatus& s) {
  w.Open("orderLineStatus");
  w.Leaf("status", LineStatusName(s.status));
  AppendQuantity(w, "statusQuantity", s.status_quantity);
  OptLeaf(w, "cancellationReason", s.cancellation_reason);
  if (s.tracking_info) AppendTrackingInfo(w, *s.tracking_info);
  if (s.return_center_address) AppendReturnCenterAddress(w, *s.return_center_address);
  AppendExtras(w, s.extras);
  w.Close("orderLineStatus");
}

void AppendRefund(XmlWriter& w, const Refund& refund) {
  w.Open("refund");
  OptLeaf(w, "refundId", refund.refund_id);
  OptLeaf(w, "refundComments", refund.refund_comments);
  w.Open("refundCharges");
  for (const RefundCharge& rc : refund.refund_charges) {
    w.Open("refundCharge");
    w.Leaf("refundReason", rc.refund_reason);
    AppendCharge(w, "charge", rc.charge);
    AppendExtras(w, rc.extras);
    w.Close("refundCharge");
  }
  w.Close("refundCharges");
  AppendExtras(w, refund.extras);
  w.Close("refund");
}

void AppendFulfillment(XmlWriter& w, const Fulfillment& f) {
  w.Open("fulfillment");
  OptLeaf(w, "fulfillmentOption", f.fulfillment_option);
  OptLeaf(w, "shipMethod", f.ship_method);
  OptLeaf(w, "storeId", f.store_id);
  if (f.pick_up_date_time) w.DateLeaf("pickUpDateTime", *f.pick_up_date_time);
  OptLeaf(w, "pickUpBy", f.pick_up_by);
  OptLeaf(w, "shippingProgramType", f.shipping_program_type);
  AppendExtras(w, f.extras);
  w.Close("fulfillment");
}

void AppendOrderLine(XmlWriter& w, const OrderLine& line, const OrderView& view) {
  w.Open("orderLine");
  w.Leaf("lineNumber", line.line_number);
  AppendItem(w, line.item, view);
  w.Open("charges");
  for (const Charge& charge : line.charges) AppendCharge(w, "charge", charge);
  w.Close("charges");
  AppendQuantity(w, "orderLineQuantity", line.order_line_quantity);
  w.DateLeaf("statusDate", line.status_date);
  w.Open("orderLineStatuses");
  for (const OrderLineStatus& status : line.statuses) AppendLineStatus(w, status);
  w.Close("orderLineStatuses");
  OptLeaf(w, "returnOrderId", line.return_order_id);
  if (line.refund) AppendRefund(w, *line.refund);
  OptLeaf(w, "originalCarrierMethod", line.original_carrier_method);
  OptLeaf(w, "referenceLineId", line.reference_line_id);
  if (line.fulfillment) AppendFulfillment(w, *line.fulfillment);
  OptLeaf(w, "intentToCancel", line.intent_to_cancel);
  OptLeaf(w, "configId", line.config_id);
  OptLeaf(w, "sellerOrderId", line.seller_order_id);
  AppendExtras(w, line.extras);
  w.Close("orderLine");
}

// The children of an order element (the element itself is the caller's: it
// is the root of a single-order document and a child of `elements` in a list).
void AppendOrderContent(XmlWriter& w, const Order& order, const OrderView& view) {
  w.Leaf("purchaseOrderId", order.purchase_order_id);
  w.Leaf("customerOrderId", order.customer_order_id);
  w.Leaf("customerEmailId", order.customer_email_id);
  if (view.replacement_info) {
    OptLeaf(w, "orderType", order.order_type);
    OptLeaf(w, "originalCustomerOrderID", order.original_customer_order_id);
  }
  w.DateLeaf("orderDate", order.order_date);
  OptLeaf(w, "buyerId", order.buyer_id);
  OptLeaf(w, "mart", order.mart);
  if (order.is_guest) w.Leaf("isGuest", *order.is_guest ? "true" : "false");
  AppendShippingInfo(w, order.shipping_info);
  w.Open("orderLines");
  for (const OrderLine& line : order.order_lines) AppendOrderLine(w, line, view);
  w.Close("orderLines");
  if (order.ship_node) {
    const ShipNode& node = *order.ship_node;
    w.Open("shipNode");
    OptLeaf(w, "type", node.type);
    OptLeaf(w, "name", node.name);
    OptLeaf(w, "id", node.id);
    AppendExtras(w, node.extras);
    w.Close("shipNode");
  }
  AppendExtras(w, order.extras);
}

std::size_t EstimateOrderBytes(const Order& order) {
  return kOrderBaseBytes + kLineBytes * order.order_lines.size();
}

// <?xml ...?><ns3:root xmlns:...>
void OpenRoot(XmlWriter& w, std::string_view root) {
  w.Raw(kXmlDeclaration);
  w.Raw("<ns3:");
  w.Raw(root);
  w.Raw(kRootNamespaces);
}

// The list document up to the first order element.
void OpenList(XmlWriter& w, const ListMeta& meta) {
  OpenRoot(w, "list");
  w.Open("meta");
  w.IntLeaf("totalCount", meta.total_count);
  w.IntLeaf("limit", meta.limit);
  if (meta.next_cursor) w.Leaf("nextCursor", *meta.next_cursor);
  w.Close("meta");
  w.Open("elements");
}

void CloseList(XmlWriter& w) {
  w.Close("elements");
  w.Close("list");
}

}  // namespace

std::string EncodeOrderResponseXml(const Order& order, const OrderView& view) {
  std::string out;
  {
    XmlWriter w(out, EstimateOrderBytes(order), kPrefix);
    OpenRoot(w, "order");
    AppendOrderContent(w, order, view);
    w.Close("order");
  }
  return out;
}

std::string EncodeOrderListXml(const ListMeta& meta, const std::vector<const Order*>& orders,
                               const OrderView& view) {
  std::size_t estimate = kListEnvelopeBytes;
  for (const Order* order : orders) estimate += EstimateOrderBytes(*order);
  std::string out;
  {
    XmlWriter w(out, estimate, kPrefix);
    OpenList(w, meta);
    for (const Order* order : orders) {
      w.Open("order");
      AppendOrderContent(w, *order, view);
      w.Close("order");
    }
    CloseList(w);
  }
  return out;
}

void AppendOrderXmlContent(std::string& out, const Order& order, const OrderView& view) {
  XmlWriter w(out, EstimateOrderBytes(order), kPrefix);
  AppendOrderContent(w, order, view);
}

std::string OrderResponseXmlFromPart(std::string_view content) {
  std::string out;
  {
    XmlWriter w(out, kListEnvelopeBytes + content.size(), kPrefix);
    OpenRoot(w, "order");
    w.Raw(content);
    w.Close("order");
  }
  return out;
}

ListEnvelope OrderListXmlEnvelope(const ListMeta& meta) {
  ListEnvelope envelope;
  {
    XmlWriter w(envelope.open, kListEnvelopeBytes, kPrefix);
    OpenList(w, meta);
  }
  {
    XmlWriter w(envelope.close, kListEnvelopeBytes, kPrefix);
    CloseList(w);
  }
  envelope.before_order = kOpenOrder;
  envelope.after_order = kCloseOrder;
  return envelope;
}

}  // namespace mporders
