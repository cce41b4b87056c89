// Order -> CA document tree. The CA API is read far less than the US one, so
// clarity wins over the US encoder's single-pass string building here.

#include "codec/ca/ca_order_tree.h"

#include <string>
#include <utility>

#include "codec/xml_writer.h"
#include "core/time_format.h"
#include "domain/money.h"

namespace mporders::ca {
namespace {

constexpr std::string_view kRootNamespaces =
    R"( xmlns:ns2="http://walmart.com/mp/orders" xmlns:ns3="http://walmart.com/mp/v3/orders")"
    R"( xmlns:ns4="http://walmart.com/">)";

JsonNode String(std::string_view text) {
  JsonNode node;
  node.kind = JsonNode::Kind::kString;
  node.text = std::string(text);
  return node;
}

JsonNode Number(std::string text) {
  JsonNode node;
  node.kind = JsonNode::Kind::kNumber;
  node.text = std::move(text);
  return node;
}

JsonNode Object() {
  JsonNode node;
  node.kind = JsonNode::Kind::kObject;
  return node;
}

JsonNode Array() {
  JsonNode node;
  node.kind = JsonNode::Kind::kArray;
  return node;
}

void Add(JsonNode& object, std::string_view key, JsonNode value) {
  object.keys.emplace_back(key);
  object.children.push_back(std::move(value));
}

void AddString(JsonNode& object, std::string_view key, std::string_view value) {
  Add(object, key, String(value));
}

void AddOptString(JsonNode& object, std::string_view key, const std::optional<std::string>& value) {
  if (value) AddString(object, key, *value);
}

void AddDate(JsonNode& object, std::string_view key, EpochMillis t) {
  AddString(object, key, FormatIsoMillis(t));
}

// {"<item_key>": [items...]}: the schema's list wrappers.
JsonNode Wrapped(std::string_view item_key, JsonNode items) {
  JsonNode wrapper = Object();
  Add(wrapper, item_key, std::move(items));
  return wrapper;
}

JsonNode MoneyTree(const Money& money) {
  JsonNode node = Object();
  AddString(node, "currency", money.currency);
  // Exactly the currency's digits (CAD 12.50), as the examples print them.
  Add(node, "amount",
      Number(MoneyAmountText(money.minor, MinorDigits(money.currency), MoneyStyle::kFixed)));
  return node;
}

JsonNode QuantityTree(const Quantity& quantity) {
  JsonNode node = Object();
  AddString(node, "unitOfMeasurement", quantity.unit);
  AddString(node, "amount", std::to_string(quantity.amount));  // a string in the schema
  return node;
}

JsonNode AddressTree(const PostalAddress& a) {
  JsonNode node = Object();
  AddString(node, "name", a.name);
  AddString(node, "address1", a.address1);
  AddOptString(node, "address2", a.address2);
  AddString(node, "city", a.city);
  AddString(node, "state", a.state);
  AddString(node, "postalCode", a.postal_code);
  AddString(node, "country", a.country);
  AddOptString(node, "addressType", a.address_type);
  return node;
}

JsonNode ShippingInfoTree(const ShippingInfo& s) {
  JsonNode node = Object();
  AddString(node, "phone", s.phone);
  AddDate(node, "estimatedDeliveryDate", s.estimated_delivery_date);
  AddDate(node, "estimatedShipDate", s.estimated_ship_date);
  AddString(node, "methodCode", s.method_code);
  Add(node, "postalAddress", AddressTree(s.postal_address));
  return node;
}

JsonNode ItemTree(const Item& item, const OrderView& view) {
  JsonNode node = Object();
  AddString(node, "productName", item.product_name);
  AddString(node, "sku", item.sku);
  // productInfo=true is a parameter of the CA API; the schema's ItemType does
  // not close its members, so the product details go where the US has them.
  if (view.product_info) {
    AddOptString(node, "imageUrl", item.image_url);
    if (item.weight) {
      JsonNode weight = Object();
      AddString(weight, "value", item.weight->value);
      AddString(weight, "unit", item.weight->unit);
      Add(node, "weight", std::move(weight));
    }
  }
  return node;
}

JsonNode ChargeTree(const Charge& charge) {
  JsonNode node = Object();
  AddString(node, "chargeType", charge.charge_type);
  AddString(node, "chargeName", charge.charge_name);
  Add(node, "chargeAmount", MoneyTree(charge.charge_amount));
  if (charge.tax) {
    JsonNode tax = Object();
    AddString(tax, "taxName", charge.tax->tax_name);
    Add(tax, "taxAmount", MoneyTree(charge.tax->tax_amount));
    Add(node, "tax", std::move(tax));
  }
  return node;
}

JsonNode TrackingTree(const TrackingInfo& t) {
  JsonNode node = Object();
  AddDate(node, "shipDateTime", t.ship_date_time);
  JsonNode carrier = Object();
  AddOptString(carrier, "otherCarrier", t.carrier_name.other_carrier);
  AddOptString(carrier, "carrier", t.carrier_name.carrier);
  Add(node, "carrierName", std::move(carrier));
  AddString(node, "methodCode", t.method_code);
  // Required by the schema; empty for LETTERMAIL, which has none.
  AddString(node, "trackingNumber", t.tracking_number);
  AddOptString(node, "trackingURL", t.tracking_url);
  return node;
}

JsonNode LineStatusTree(const OrderLineStatus& s) {
  JsonNode node = Object();
  AddString(node, "status", LineStatusName(s.status));
  Add(node, "statusQuantity", QuantityTree(s.status_quantity));
  AddOptString(node, "cancellationReason", s.cancellation_reason);
  if (s.tracking_info) Add(node, "trackingInfo", TrackingTree(*s.tracking_info));
  return node;
}

JsonNode RefundTree(const struct Refund& refund) {
  JsonNode node = Object();
  AddOptString(node, "refundId", refund.refund_id);
  AddOptString(node, "refundComments", refund.refund_comments);
  JsonNode charges = Array();
  for (const RefundCharge& rc : refund.refund_charges) {
    JsonNode charge = Object();
    AddString(charge, "refundReason", rc.refund_reason);
    Add(charge, "charge", ChargeTree(rc.charge));
    charges.children.push_back(std::move(charge));
  }
  Add(node, "refundCharges", Wrapped("refundCharge", std::move(charges)));
  return node;
}

JsonNode FulfillmentTree(const Fulfillment& f) {
  JsonNode node = Object();
  AddOptString(node, "fulfillmentOption", f.fulfillment_option);
  AddOptString(node, "shipMethod", f.ship_method);
  AddOptString(node, "storeId", f.store_id);
  if (f.pick_up_date_time) AddDate(node, "pickUpDateTime", *f.pick_up_date_time);
  AddOptString(node, "pickUpBy", f.pick_up_by);
  return node;
}

JsonNode LineTree(const OrderLine& line, const OrderView& view) {
  JsonNode node = Object();
  AddString(node, "lineNumber", line.line_number);
  if (auto country = ShipFromCountry(line)) AddString(node, "shipFromCountry", *country);
  Add(node, "item", ItemTree(line.item, view));
  JsonNode charges = Array();
  for (const Charge& charge : line.charges) charges.children.push_back(ChargeTree(charge));
  Add(node, "charges", Wrapped("charge", std::move(charges)));
  Add(node, "orderLineQuantity", QuantityTree(line.order_line_quantity));
  AddDate(node, "statusDate", line.status_date);
  JsonNode statuses = Array();
  for (const OrderLineStatus& s : line.statuses) statuses.children.push_back(LineStatusTree(s));
  Add(node, "orderLineStatuses", Wrapped("orderLineStatus", std::move(statuses)));
  if (line.refund) Add(node, "refund", RefundTree(*line.refund));
  AddOptString(node, "originalCarrierMethod", line.original_carrier_method);
  AddOptString(node, "referenceLineId", line.reference_line_id);
  if (line.fulfillment) Add(node, "fulfillment", FulfillmentTree(*line.fulfillment));
  AddOptString(node, "intentToCancel", line.intent_to_cancel);
  AddOptString(node, "configId", line.config_id);
  return node;
}

}  // namespace

JsonNode OrderTree(const Order& order, const OrderView& view) {
  JsonNode node = Object();
  AddString(node, "purchaseOrderId", order.purchase_order_id);
  AddString(node, "customerOrderId", order.customer_order_id);
  AddString(node, "customerEmailId", order.customer_email_id);
  AddDate(node, "orderDate", order.order_date);
  Add(node, "shippingInfo", ShippingInfoTree(order.shipping_info));
  JsonNode lines = Array();
  for (const OrderLine& line : order.order_lines) lines.children.push_back(LineTree(line, view));
  Add(node, "orderLines", Wrapped("orderLine", std::move(lines)));
  return node;
}

JsonNode MetaTree(const ListMeta& meta) {
  JsonNode node = Object();
  Add(node, "totalCount", Number(std::to_string(meta.total_count)));
  Add(node, "limit", Number(std::to_string(meta.limit)));
  AddOptString(node, "nextCursor", meta.next_cursor);
  return node;
}

namespace {

void WriteElement(XmlWriter& w, std::string_view name, const JsonNode& node) {
  switch (node.kind) {
    case JsonNode::Kind::kNull:
      return;
    case JsonNode::Kind::kArray:
      for (const JsonNode& item : node.children) WriteElement(w, name, item);
      return;
    case JsonNode::Kind::kObject:
      w.Open(name);
      for (std::size_t i = 0; i < node.children.size(); ++i) {
        WriteElement(w, node.keys[i], node.children[i]);
      }
      w.Close(name);
      return;
    case JsonNode::Kind::kTrue:
      w.Leaf(name, "true");
      return;
    case JsonNode::Kind::kFalse:
      w.Leaf(name, "false");
      return;
    case JsonNode::Kind::kNumber:
    case JsonNode::Kind::kString:
      w.Leaf(name, node.text);
      return;
  }
}

}  // namespace

void AppendXmlElement(std::string& out, std::string_view name, const JsonNode& node) {
  XmlWriter w(out, 4096, "ns3:");
  WriteElement(w, name, node);
}

void AppendXmlRootOpen(std::string& out, std::string_view name) {
  out += kXmlDeclaration;
  out += "<ns3:";
  out += name;
  out += kRootNamespaces;
}

void AppendXmlRootClose(std::string& out, std::string_view name) {
  out += "</ns3:";
  out += name;
  out += '>';
}

}  // namespace mporders::ca
