// Order -> JSON text. This is on the hot path of every order read, so the
// document is appended straight into one std::string: no intermediate DOM,
// key names are literals that need no escaping, and numbers go through
// std::to_chars. Member order follows the spec and Walmart's samples.

#include <string>

#include "codec/json_writer.h"
#include "codec/mx/mx_order_json.h"
#include "codec/order_json.h"

namespace mporders {
namespace {

// Rough size of an encoded order without its lines and of one line (the seed
// samples are up to 1 KB and 1.3 KB); only used to size the output once.
constexpr std::size_t kOrderBaseBytes = 1536;
constexpr std::size_t kLineBytes = 1536;
constexpr std::size_t kListEnvelopeBytes = 256;

// Writes one JSON object member by member, placing the commas.
class ObjectOut {
 public:
  explicit ObjectOut(JsonWriter& w) : w_(w) { w_.Char('{'); }
  ObjectOut(const ObjectOut&) = delete;
  ObjectOut& operator=(const ObjectOut&) = delete;

  // `name` is a literal member name: it is written without escaping. Returns
  // the writer for the value.
  JsonWriter& Key(std::string_view name) {
    w_.Key(name, first_);
    first_ = false;
    return w_;
  }
  void String(std::string_view name, std::string_view value) { Key(name).String(value); }
  void OptString(std::string_view name, const std::optional<std::string>& value) {
    if (value) String(name, *value);
  }
  void Int(std::string_view name, std::int64_t value) { Key(name).Int(value); }
  void OptInt(std::string_view name, const std::optional<std::int64_t>& value) {
    if (value) Int(name, *value);
  }
  void Bool(std::string_view name, bool value) { Key(name).Raw(value ? "true" : "false"); }
  // Extras are kept as JSON text and written back verbatim.
  void Extras(const mporders::Extras& extras) {
    for (const auto& [name, raw] : extras) {
      if (!first_) w_.Char(',');
      first_ = false;
      w_.String(name);
      w_.Char(':');
      // An empty value would make the whole document invalid JSON.
      w_.Raw(raw.empty() ? std::string_view("null") : std::string_view(raw));
    }
  }
  void Close() { w_.Char('}'); }

 private:
  JsonWriter& w_;
  bool first_ = true;
};

void AppendMoney(JsonWriter& out, const Money& money) {
  ObjectOut o(out);
  o.String("currency", money.currency);
  o.Key("amount").MoneyAmount(money.minor, MinorDigits(money.currency));
  o.Close();
}

void AppendQuantity(JsonWriter& out, const Quantity& quantity) {
  ObjectOut o(out);
  o.String("unitOfMeasurement", quantity.unit);
  // A string on the wire.
  JsonWriter& raw = o.Key("amount");
  raw.Char('"');
  raw.Int(quantity.amount);
  raw.Char('"');
  o.Extras(quantity.extras);
  o.Close();
}

void AppendPostalAddress(JsonWriter& out, const PostalAddress& a) {
  ObjectOut o(out);
  o.String("name", a.name);
  o.String("address1", a.address1);
  o.OptString("address2", a.address2);
  o.String("city", a.city);
  o.String("state", a.state);
  o.String("postalCode", a.postal_code);
  o.String("country", a.country);
  o.OptString("addressType", a.address_type);
  o.Extras(a.extras);
  o.Close();
}

void AppendShippingInfo(JsonWriter& out, const ShippingInfo& s) {
  ObjectOut o(out);
  o.String("phone", s.phone);
  o.Int("estimatedDeliveryDate", s.estimated_delivery_date);
  o.Int("estimatedShipDate", s.estimated_ship_date);
  o.String("methodCode", s.method_code);
  AppendPostalAddress(o.Key("postalAddress"), s.postal_address);
  o.Extras(s.extras);
  o.Close();
}

void AppendItem(JsonWriter& out, const Item& item, const OrderView& view) {
  ObjectOut o(out);
  o.String("productName", item.product_name);
  o.String("sku", item.sku);
  if (view.product_info) {
    o.OptString("imageUrl", item.image_url);
    if (item.weight) {
      ObjectOut w(o.Key("weight"));
      w.String("value", item.weight->value);
      w.String("unit", item.weight->unit);
      w.Extras(item.weight->extras);
      w.Close();
    }
  }
  o.Extras(item.extras);
  o.Close();
}

void AppendCharge(JsonWriter& out, const Charge& charge) {
  ObjectOut o(out);
  o.String("chargeType", charge.charge_type);
  o.String("chargeName", charge.charge_name);
  AppendMoney(o.Key("chargeAmount"), charge.charge_amount);
  if (charge.tax) {
    ObjectOut t(o.Key("tax"));
    t.String("taxName", charge.tax->tax_name);
    AppendMoney(t.Key("taxAmount"), charge.tax->tax_amount);
    t.Extras(charge.tax->extras);
    t.Close();
  }
  o.Extras(charge.extras);
  o.Close();
}

void AppendTrackingInfo(JsonWriter& out, const TrackingInfo& t) {
  ObjectOut o(out);
  o.Int("shipDateTime", t.ship_date_time);
  {
    ObjectOut c(o.Key("carrierName"));
    c.OptString("otherCarrier", t.carrier_name.other_carrier);
    c.OptString("carrier", t.carrier_name.carrier);
    c.Extras(t.carrier_name.extras);
    c.Close();
  }
  o.String("methodCode", t.method_code);
  o.OptInt("carrierMethodCode", t.carrier_method_code);
  o.String("trackingNumber", t.tracking_number);
  o.OptString("trackingURL", t.tracking_url);
  o.Extras(t.extras);
  o.Close();
}

void AppendReturnCenterAddress(JsonWriter& out, const ReturnCenterAddress& a) {
  ObjectOut o(out);
  o.OptString("name", a.name);
  o.String("address1", a.address1);
  o.OptString("address2", a.address2);
  o.String("city", a.city);
  o.String("state", a.state);
  o.String("postalCode", a.postal_code);
  o.String("country", a.country);
  o.OptString("dayPhone", a.day_phone);
  o.OptString("emailId", a.email_id);
  o.Extras(a.extras);
  o.Close();
}

void AppendLineStatus(JsonWriter& out, const OrderLineStatus& s) {
  ObjectOut o(out);
  o.String("status", LineStatusName(s.status));
  AppendQuantity(o.Key("statusQuantity"), s.status_quantity);
  o.OptString("cancellationReason", s.cancellation_reason);
  if (s.tracking_info) AppendTrackingInfo(o.Key("trackingInfo"), *s.tracking_info);
  if (s.return_center_address) {
    AppendReturnCenterAddress(o.Key("returnCenterAddress"), *s.return_center_address);
  }
  o.Extras(s.extras);
  o.Close();
}

void AppendRefund(JsonWriter& out, const Refund& refund) {
  ObjectOut o(out);
  o.OptString("refundId", refund.refund_id);
  o.OptString("refundComments", refund.refund_comments);
  JsonWriter& raw = o.Key("refundCharges");
  raw.Raw("{\"refundCharge\":[");
  for (std::size_t i = 0; i < refund.refund_charges.size(); ++i) {
    const RefundCharge& rc = refund.refund_charges[i];
    if (i > 0) raw.Char(',');
    ObjectOut c(raw);
    c.String("refundReason", rc.refund_reason);
    AppendCharge(c.Key("charge"), rc.charge);
    c.Extras(rc.extras);
    c.Close();
  }
  raw.Raw("]}");
  o.Extras(refund.extras);
  o.Close();
}

void AppendFulfillment(JsonWriter& out, const Fulfillment& f) {
  ObjectOut o(out);
  o.OptString("fulfillmentOption", f.fulfillment_option);
  o.OptString("shipMethod", f.ship_method);
  o.OptString("storeId", f.store_id);
  o.OptInt("pickUpDateTime", f.pick_up_date_time);
  o.OptString("pickUpBy", f.pick_up_by);
  o.OptString("shippingProgramType", f.shipping_program_type);
  o.Extras(f.extras);
  o.Close();
}

void AppendOrderLine(JsonWriter& out, const OrderLine& line, const OrderView& view) {
  ObjectOut o(out);
  o.String("lineNumber", line.line_number);
  AppendItem(o.Key("item"), line.item, view);
  {
    JsonWriter& raw = o.Key("charges");
    raw.Raw("{\"charge\":[");
    for (std::size_t i = 0; i < line.charges.size(); ++i) {
      if (i > 0) raw.Char(',');
      AppendCharge(raw, line.charges[i]);
    }
    raw.Raw("]}");
  }
  AppendQuantity(o.Key("orderLineQuantity"), line.order_line_quantity);
  o.Int("statusDate", line.status_date);
  {
    JsonWriter& raw = o.Key("orderLineStatuses");
    raw.Raw("{\"orderLineStatus\":[");
    for (std::size_t i = 0; i < line.statuses.size(); ++i) {
      if (i > 0) raw.Char(',');
      AppendLineStatus(raw, line.statuses[i]);
    }
    raw.Raw("]}");
  }
  o.OptString("returnOrderId", line.return_order_id);
  if (line.refund) AppendRefund(o.Key("refund"), *line.refund);
  o.OptString("originalCarrierMethod", line.original_carrier_method);
  o.OptString("referenceLineId", line.reference_line_id);
  if (line.fulfillment) AppendFulfillment(o.Key("fulfillment"), *line.fulfillment);
  o.OptString("intentToCancel", line.intent_to_cancel);
  o.OptString("configId", line.config_id);
  o.OptString("sellerOrderId", line.seller_order_id);
  o.Extras(line.extras);
  o.Close();
}

std::size_t EstimateOrderBytes(const Order& order) {
  return kOrderBaseBytes + kLineBytes * order.order_lines.size();
}

void WriteOrder(JsonWriter& out, const Order& order, const OrderView& view) {
  ObjectOut o(out);
  o.String("purchaseOrderId", order.purchase_order_id);
  o.String("customerOrderId", order.customer_order_id);
  o.String("customerEmailId", order.customer_email_id);
  if (view.replacement_info) {
    o.OptString("orderType", order.order_type);
    o.OptString("originalCustomerOrderID", order.original_customer_order_id);
  }
  o.Int("orderDate", order.order_date);
  o.OptString("buyerId", order.buyer_id);
  o.OptString("mart", order.mart);
  if (order.is_guest) o.Bool("isGuest", *order.is_guest);
  AppendShippingInfo(o.Key("shippingInfo"), order.shipping_info);
  {
    JsonWriter& raw = o.Key("orderLines");
    raw.Raw("{\"orderLine\":[");
    for (std::size_t i = 0; i < order.order_lines.size(); ++i) {
      if (i > 0) raw.Char(',');
      AppendOrderLine(raw, order.order_lines[i], view);
    }
    raw.Raw("]}");
  }
  if (order.ship_node) {
    const ShipNode& node = *order.ship_node;
    ObjectOut n(o.Key("shipNode"));
    n.OptString("type", node.type);
    n.OptString("name", node.name);
    n.OptString("id", node.id);
    n.Extras(node.extras);
    n.Close();
  }
  if (view.market_data && order.mx) o.Key(kStoredMxMember).Raw(EncodeMxOrderJson(order, true));
  o.Extras(order.extras);
  o.Close();
}

}  // namespace

void AppendOrderJson(std::string& out, const Order& order, const OrderView& view) {
  JsonWriter writer(out, EstimateOrderBytes(order));
  WriteOrder(writer, order, view);
}

std::string EncodeOrderResponseJson(const Order& order, const OrderView& view) {
  std::string out;
  {
    JsonWriter writer(out, EstimateOrderBytes(order));
    writer.Raw("{\"order\":");
    WriteOrder(writer, order, view);
    writer.Char('}');
  }
  return out;
}

namespace {

// The list envelope up to the first order.
void OpenList(JsonWriter& writer, const ListMeta& meta) {
  writer.Raw("{\"list\":{\"meta\":{\"totalCount\":");
  writer.Int(meta.total_count);
  writer.Raw(",\"limit\":");
  writer.Int(meta.limit);
  if (meta.next_cursor) {
    writer.Raw(",\"nextCursor\":");
    writer.String(*meta.next_cursor);
  }
  writer.Raw("},\"elements\":{\"order\":[");
}

constexpr std::string_view kCloseList = "]}}}";

}  // namespace

std::string EncodeOrderListJson(const ListMeta& meta, const std::vector<const Order*>& orders,
                                const OrderView& view) {
  std::size_t estimate = kListEnvelopeBytes;
  for (const Order* order : orders) estimate += EstimateOrderBytes(*order);
  std::string out;
  {
    JsonWriter writer(out, estimate);
    OpenList(writer, meta);
    for (std::size_t i = 0; i < orders.size(); ++i) {
      if (i > 0) writer.Char(',');
      WriteOrder(writer, *orders[i], view);
    }
    writer.Raw(kCloseList);
  }
  return out;
}

std::string OrderResponseJsonFromPart(std::string_view order_json) {
  std::string out;
  out.reserve(order_json.size() + 10);
  out.append("{\"order\":").append(order_json).push_back('}');
  return out;
}

ListEnvelope OrderListJsonEnvelope(const ListMeta& meta) {
  ListEnvelope envelope;
  {
    JsonWriter writer(envelope.open, kListEnvelopeBytes);
    OpenList(writer, meta);
  }
  envelope.close = kCloseList;
  envelope.between_orders = ",";
  return envelope;
}

}  // namespace mporders
