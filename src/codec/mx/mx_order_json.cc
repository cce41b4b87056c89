// Mexico's order JSON: encoding with Boost.JSON objects (member order as
// written), decoding from a Boost.JSON tree. Every MX amount is a string, so
// no money passes through a double.

#include "codec/mx/mx_order_json.h"

#include <algorithm>
#include <boost/json.hpp>

#include "codec/json_number.h"
#include "core/time_format.h"
#include "domain/mx_lifecycle.h"
#include "domain/order.h"

namespace mporders {
namespace {

namespace json = boost::json;

// Mexico City has kept UTC-6 all year since 2022.
constexpr EpochMillis kMexicoCityOffset = -6LL * 3600 * 1000;

std::string AmountText(std::int64_t minor, std::string_view currency) {
  return MoneyAmountText(minor, MinorDigits(currency), MoneyStyle::kShortest);
}

json::object MoneyObject(const Money& money) {
  json::object o;
  o["currency"] = money.currency;
  o["amount"] = AmountText(money.minor, money.currency);
  return o;
}

json::object QuantityObject(std::int64_t amount, std::string_view unit = "EACH") {
  json::object o;
  o["unitOfMeasurement"] = unit;
  o["amount"] = std::to_string(amount);
  return o;
}

void PutAddressLines(json::object& o, const MxAddressLines& more) {
  for (std::size_t i = 0; i < more.lines.size() && i < 4; ++i) {
    o["address" + std::to_string(i + 3)] = more.lines[i];
  }
}

json::object ShippingAddress(const PostalAddress& a, const MxAddressLines& more) {
  json::object o;
  o["name"] = a.name;
  o["address1"] = a.address1;
  if (a.address2) o["address2"] = *a.address2;
  PutAddressLines(o, more);
  o["city"] = a.city;
  o["state"] = a.state;
  o["postalCode"] = a.postal_code;
  o["country"] = a.country;
  return o;
}

json::object LineObject(const Order& order, const OrderLine& line) {
  const MxLine empty;
  const MxLine& mx = line.mx ? *line.mx : empty;
  json::object o;
  o["primeLineNumber"] = line.line_number;
  o["coLineNumber"] = mx.co_line_number.empty() ? line.line_number : mx.co_line_number;
  json::object item;
  if (mx.upc) item["upc"] = *mx.upc;
  if (mx.offer_id) item["offerId"] = *mx.offer_id;
  item["productName"] = line.item.product_name;
  item["sku"] = line.item.sku;
  if (mx.condition) item["condition"] = *mx.condition;
  if (mx.image_url) item["imageUrl"] = *mx.image_url;
  if (mx.unit_price) item["unitPrice"] = MoneyObject(*mx.unit_price);
  if (mx.commission) item["commission"] = MoneyObject(*mx.commission);
  if (mx.unit_price_without_tax)
    item["unitPriceWithoutTax"] = MoneyObject(*mx.unit_price_without_tax);
  o["item"] = std::move(item);
  json::array charges;
  for (const MxCharge& charge : mx.charges) {
    json::object c;
    c["chargeType"] = charge.charge_type;
    c["chargeName"] = charge.charge_name;
    if (charge.charge_amount) c["chargeAmount"] = MoneyObject(*charge.charge_amount);
    if (!charge.taxes.empty()) {
      json::array taxes;
      for (const MxTax& tax : charge.taxes) {
        json::object t;
        t["taxName"] = tax.tax_name;
        t["taxAmount"] = MoneyObject(tax.tax_amount);
        taxes.push_back(std::move(t));
      }
      c["tax"] = std::move(taxes);
    }
    charges.push_back(std::move(c));
  }
  o["charges"] = std::move(charges);
  o["orderLineQuantity"] =
      QuantityObject(line.order_line_quantity.amount, line.order_line_quantity.unit);

  json::array statuses;
  std::int64_t ready = MxReadyToShipQuantity(order, line);
  auto add_status = [&](std::string_view name, std::string_view code, std::int64_t quantity,
                        const std::optional<std::string>& reason) {
    json::object s;
    s["status"] = name;
    if (!code.empty()) s["statusCode"] = code;
    s["statusDate"] = FormatMxDate(line.status_date);
    s["statusQuantity"] = QuantityObject(quantity);
    if (reason) s["cancellationReason"] = *reason;
    statuses.push_back(std::move(s));
  };
  for (const OrderLineStatus& bucket : line.statuses) {
    std::int64_t quantity = bucket.status_quantity.amount;
    if (bucket.status == LineStatus::kAcknowledged && ready > 0) {
      const std::int64_t part = std::min(ready, quantity);
      ready -= part;
      quantity -= part;
      add_status("Ready to ship", "", part, std::nullopt);
      if (quantity == 0) continue;
    }
    add_status(LineStatusName(bucket.status), MxStatusCode(bucket.status), quantity,
               bucket.cancellation_reason);
  }
  o["orderLineStatus"] = std::move(statuses);
  if (line.intent_to_cancel) o["intentToCancel"] = *line.intent_to_cancel;
  if (mx.shipping_method) o["shippingMethod"] = *mx.shipping_method;
  o["soPrimeLineSubLineNo"] = mx.so_prime_line_sub_line_no.empty()
                                  ? order.customer_order_id + "-" + line.line_number + "-1"
                                  : mx.so_prime_line_sub_line_no;
  if (mx.promise_delivery_date) o["promiseDeliveryDate"] = FormatMxDate(*mx.promise_delivery_date);
  if (mx.is_msi_enabled) o["isMSIEnabled"] = *mx.is_msi_enabled;
  if (mx.seller) {
    json::object s;
    if (mx.seller->id) s["id"] = *mx.seller->id;
    if (mx.seller->name) s["name"] = *mx.seller->name;
    if (mx.seller->ship_node_type) s["shipNodeType"] = *mx.seller->ship_node_type;
    o["seller"] = std::move(s);
  }
  return o;
}

json::object ShipmentObject(const MxShipment& shipment, bool stored) {
  json::object o;
  json::array lines;
  for (const MxShipmentLine& part : shipment.lines) {
    json::object l;
    l["primeLineNo"] = part.prime_line_no;
    l["shipmentLineNo"] = part.shipment_line_no;
    l["quantity"] = QuantityObject(part.quantity);
    lines.push_back(std::move(l));
  }
  o["shipmentLines"] = std::move(lines);
  o["shipmentNo"] = shipment.shipment_no;
  o["status"] = shipment.status;
  o["packageNo"] = shipment.package_no;
  o["isSellerOwnedShipment"] = shipment.seller_owned ? "Y" : "N";
  if (shipment.ship_date_time) o["shipDateTime"] = FormatMxDate(*shipment.ship_date_time);
  o["carrier"] = shipment.carrier;
  if (shipment.method_code) o["methodCode"] = *shipment.method_code;
  if (shipment.tracking_number) o["trackingNumber"] = *shipment.tracking_number;
  if (shipment.tracking_url) o["trackingUrl"] = *shipment.tracking_url;
  json::object dates;
  auto put = [&](const char* key, const std::optional<EpochMillis>& t) {
    if (t) dates[key] = FormatMxDate(*t);
  };
  put("shipmentActualCreatedDate", shipment.created_date);
  put("expectedShipmentACKDate", shipment.expected_ack_date);
  put("shipmentACKDate", shipment.ack_date);
  put("expectedShipmentShippedDate", shipment.expected_shipped_date);
  put("shipmentShippedDate", shipment.shipped_date);
  o["shipmentAdditionalDate"] = std::move(dates);
  if (stored) {
    if (shipment.label_date) o["labelDate"] = *shipment.label_date;
    if (shipment.delivered_date) o["deliveredDate"] = *shipment.delivered_date;
  }
  return o;
}

json::object OrderObject(const Order& order, bool stored) {
  const MxOrderData empty;
  const MxOrderData& mx = order.mx ? *order.mx : empty;
  json::object o;
  o["purchaseOrderId"] = order.purchase_order_id;
  o["customerOrderId"] = order.customer_order_id;
  o["customerEmailId"] = order.customer_email_id;
  o["orderDate"] = FormatMxDate(order.order_date);
  json::object shipping;
  shipping["phone"] = order.shipping_info.phone;
  shipping["estimatedDeliveryDate"] = FormatMxDate(order.shipping_info.estimated_delivery_date);
  shipping["postalAddress"] =
      ShippingAddress(order.shipping_info.postal_address, mx.shipping_more_lines);
  o["shippingInfo"] = std::move(shipping);
  if (mx.billing_info) {
    const MxBillingInfo& b = *mx.billing_info;
    json::object billing;
    if (b.phone) billing["phone"] = *b.phone;
    json::object a;
    a["name"] = b.name;
    a["address1"] = b.address1;
    if (b.address2) a["address2"] = *b.address2;
    PutAddressLines(a, b.more_lines);
    a["city"] = b.city;
    a["state"] = b.state;
    a["postalCode"] = b.postal_code;
    a["country"] = b.country;
    billing["postalAddress"] = std::move(a);
    o["billingInfo"] = std::move(billing);
  }
  std::int64_t total_quantity = 0;
  for (const OrderLine& line : order.order_lines) total_quantity += line.order_line_quantity.amount;
  o["totalLines"] = std::to_string(order.order_lines.size());
  o["totalQuantity"] = std::to_string(total_quantity);
  json::array lines;
  for (const OrderLine& line : order.order_lines) lines.push_back(LineObject(order, line));
  o["orderLines"] = std::move(lines);
  json::array shipments;
  for (const MxShipment& shipment : mx.shipments)
    shipments.push_back(ShipmentObject(shipment, stored));
  o["shipments"] = std::move(shipments);
  if (mx.order_total) o["orderTotal"] = MoneyObject(*mx.order_total);
  if (mx.rfc) o["rfc"] = *mx.rfc;
  if (mx.payment_method) o["paymentMethod"] = *mx.payment_method;
  if (mx.cfdi) o["cfdi"] = *mx.cfdi;
  return o;
}

// --- decoding ----------------------------------------------------------------

class Reader {
 public:
  Reader(const json::object& o, std::string path) : o_(o), path_(std::move(path)) {}

  std::string PathOf(std::string_view key) const {
    return path_.empty() ? std::string(key) : path_ + "." + std::string(key);
  }
  const json::value* Get(std::string_view key) const {
    const json::value* v = o_.if_contains(key);
    return v == nullptr || v->is_null() ? nullptr : v;
  }
  Status OptString(std::string_view key, std::optional<std::string>& out) const {
    out.reset();
    const json::value* v = Get(key);
    if (v == nullptr) return Status::Ok();
    if (v->is_string()) {
      out = std::string(v->as_string());
    } else if (v->is_int64() || v->is_uint64()) {
      out = json::serialize(*v);
    } else {
      return Status::InvalidContent(PathOf(key) + " must be a string", PathOf(key));
    }
    return Status::Ok();
  }
  Status String(std::string_view key, std::string& out, bool required) const {
    std::optional<std::string> value;
    MP_RETURN_IF_ERROR(OptString(key, value));
    if (!value) {
      if (required) return Status::InvalidContent(PathOf(key) + " is required", PathOf(key));
      out.clear();
      return Status::Ok();
    }
    out = std::move(*value);
    return Status::Ok();
  }
  Status OptDate(std::string_view key, std::optional<EpochMillis>& out) const {
    std::optional<std::string> text;
    MP_RETURN_IF_ERROR(OptString(key, text));
    out.reset();
    if (!text) return Status::Ok();
    out = ParseDateTime(*text);
    if (!out) {
      return Status::InvalidContent(PathOf(key) + " is not a date: '" + *text + "'", PathOf(key));
    }
    return Status::Ok();
  }
  Status OptInt(std::string_view key, std::optional<std::int64_t>& out) const {
    std::optional<std::string> text;
    MP_RETURN_IF_ERROR(OptString(key, text));
    out.reset();
    if (!text) return Status::Ok();
    ParsedNumber n = ParseInteger(*text);
    if (!n.ok()) {
      return Status::InvalidContent(PathOf(key) + " must be an integer", PathOf(key));
    }
    out = n.value;
    return Status::Ok();
  }
  Status Object(std::string_view key, const json::object*& out, bool required) const {
    out = nullptr;
    const json::value* v = Get(key);
    if (v == nullptr) {
      return required ? Status::InvalidContent(PathOf(key) + " is required", PathOf(key))
                      : Status::Ok();
    }
    if (!v->is_object()) {
      return Status::InvalidContent(PathOf(key) + " must be an object", PathOf(key));
    }
    out = &v->as_object();
    return Status::Ok();
  }
  Status Array(std::string_view key, const json::array*& out, bool required) const {
    out = nullptr;
    const json::value* v = Get(key);
    if (v == nullptr) {
      return required ? Status::InvalidContent(PathOf(key) + " is required", PathOf(key))
                      : Status::Ok();
    }
    if (!v->is_array()) {
      return Status::InvalidContent(PathOf(key) + " must be an array", PathOf(key));
    }
    out = &v->as_array();
    return Status::Ok();
  }
  Status OptMoney(std::string_view key, std::optional<Money>& out) const {
    out.reset();
    const json::object* m = nullptr;
    MP_RETURN_IF_ERROR(Object(key, m, false));
    if (m == nullptr) return Status::Ok();
    Reader r(*m, PathOf(key));
    Money money;
    MP_RETURN_IF_ERROR(r.String("currency", money.currency, false));
    if (money.currency.empty()) money.currency = "MXN";
    std::string amount;
    MP_RETURN_IF_ERROR(r.String("amount", amount, true));
    ParsedNumber n = ParseMoneyMinor(amount, MinorDigits(money.currency));
    if (!n.ok()) {
      return Status::InvalidContent(r.PathOf("amount") + " is not an amount of " + money.currency,
                                    r.PathOf("amount"));
    }
    money.minor = n.value;
    out = std::move(money);
    return Status::Ok();
  }

 private:
  const json::object& o_;
  std::string path_;
};

std::string IndexPath(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

Status ElementObject(const json::array& array, std::size_t i, const std::string& path,
                     const json::object*& out) {
  if (!array[i].is_object()) {
    return Status::InvalidContent(IndexPath(path, i) + " must be an object", IndexPath(path, i));
  }
  out = &array[i].as_object();
  return Status::Ok();
}

Status DecodeAddress(const Reader& r, PostalAddress& a, MxAddressLines& more) {
  MP_RETURN_IF_ERROR(r.String("name", a.name, false));
  MP_RETURN_IF_ERROR(r.String("address1", a.address1, false));
  MP_RETURN_IF_ERROR(r.OptString("address2", a.address2));
  more.lines.clear();
  for (int n = 3; n <= 6; ++n) {
    std::optional<std::string> line;
    MP_RETURN_IF_ERROR(r.OptString("address" + std::to_string(n), line));
    if (!line) break;
    more.lines.push_back(*line);
  }
  MP_RETURN_IF_ERROR(r.String("city", a.city, false));
  MP_RETURN_IF_ERROR(r.String("state", a.state, false));
  MP_RETURN_IF_ERROR(r.String("postalCode", a.postal_code, false));
  MP_RETURN_IF_ERROR(r.String("country", a.country, false));
  if (a.country.empty()) a.country = "MX";
  return Status::Ok();
}

Status DecodeQuantity(const Reader& parent, std::string_view key, std::int64_t& out,
                      std::string* unit) {
  const json::object* q = nullptr;
  MP_RETURN_IF_ERROR(parent.Object(key, q, true));
  Reader r(*q, parent.PathOf(key));
  std::optional<std::int64_t> amount;
  MP_RETURN_IF_ERROR(r.OptInt("amount", amount));
  if (!amount || *amount < 0) {
    return Status::InvalidContent(r.PathOf("amount") + " must be a count", r.PathOf("amount"));
  }
  out = *amount;
  if (unit != nullptr) {
    MP_RETURN_IF_ERROR(r.String("unitOfMeasurement", *unit, false));
    if (unit->empty()) *unit = "EACH";
  }
  return Status::Ok();
}

Status DecodeLine(const Reader& r, OrderLine& line, bool& wfs) {
  MxLine& mx = line.mx.emplace();
  MP_RETURN_IF_ERROR(r.String("primeLineNumber", line.line_number, true));
  MP_RETURN_IF_ERROR(r.String("coLineNumber", mx.co_line_number, false));
  const json::object* item = nullptr;
  MP_RETURN_IF_ERROR(r.Object("item", item, true));
  Reader ir(*item, r.PathOf("item"));
  MP_RETURN_IF_ERROR(ir.String("productName", line.item.product_name, true));
  MP_RETURN_IF_ERROR(ir.String("sku", line.item.sku, true));
  MP_RETURN_IF_ERROR(ir.OptString("upc", mx.upc));
  MP_RETURN_IF_ERROR(ir.OptString("offerId", mx.offer_id));
  MP_RETURN_IF_ERROR(ir.OptString("condition", mx.condition));
  MP_RETURN_IF_ERROR(ir.OptString("imageUrl", mx.image_url));
  MP_RETURN_IF_ERROR(ir.OptMoney("unitPrice", mx.unit_price));
  MP_RETURN_IF_ERROR(ir.OptMoney("commission", mx.commission));
  MP_RETURN_IF_ERROR(ir.OptMoney("unitPriceWithoutTax", mx.unit_price_without_tax));

  const json::array* charges = nullptr;
  MP_RETURN_IF_ERROR(r.Array("charges", charges, false));
  if (charges != nullptr) {
    const std::string path = r.PathOf("charges");
    for (std::size_t i = 0; i < charges->size(); ++i) {
      const json::object* c = nullptr;
      MP_RETURN_IF_ERROR(ElementObject(*charges, i, path, c));
      Reader cr(*c, IndexPath(path, i));
      MxCharge& charge = mx.charges.emplace_back();
      MP_RETURN_IF_ERROR(cr.String("chargeType", charge.charge_type, true));
      MP_RETURN_IF_ERROR(cr.String("chargeName", charge.charge_name, false));
      MP_RETURN_IF_ERROR(cr.OptMoney("chargeAmount", charge.charge_amount));
      const json::array* taxes = nullptr;
      MP_RETURN_IF_ERROR(cr.Array("tax", taxes, false));
      if (taxes == nullptr) continue;
      const std::string tax_path = cr.PathOf("tax");
      for (std::size_t j = 0; j < taxes->size(); ++j) {
        const json::object* t = nullptr;
        MP_RETURN_IF_ERROR(ElementObject(*taxes, j, tax_path, t));
        Reader tr(*t, IndexPath(tax_path, j));
        MxTax& tax = charge.taxes.emplace_back();
        MP_RETURN_IF_ERROR(tr.String("taxName", tax.tax_name, true));
        std::optional<Money> amount;
        MP_RETURN_IF_ERROR(tr.OptMoney("taxAmount", amount));
        if (!amount) {
          return Status::InvalidContent(tr.PathOf("taxAmount") + " is required",
                                        tr.PathOf("taxAmount"));
        }
        tax.tax_amount = std::move(*amount);
      }
    }
  }
  MP_RETURN_IF_ERROR(DecodeQuantity(r, "orderLineQuantity", line.order_line_quantity.amount,
                                    &line.order_line_quantity.unit));
  const json::array* statuses = nullptr;
  MP_RETURN_IF_ERROR(r.Array("orderLineStatus", statuses, true));
  const std::string status_path = r.PathOf("orderLineStatus");
  for (std::size_t i = 0; i < statuses->size(); ++i) {
    const json::object* s = nullptr;
    MP_RETURN_IF_ERROR(ElementObject(*statuses, i, status_path, s));
    Reader sr(*s, IndexPath(status_path, i));
    std::string name;
    MP_RETURN_IF_ERROR(sr.String("status", name, true));
    std::optional<LineStatus> status = ParseLineStatus(name);
    // "Ready to ship" is acknowledged quantity (mx_lifecycle.h).
    if (!status && name == "Ready to ship") status = LineStatus::kAcknowledged;
    if (!status || *status == LineStatus::kRefund) {
      return Status::InvalidContent(
          sr.PathOf("status") + " '" + name + "' is not an MX line status", sr.PathOf("status"));
    }
    OrderLineStatus& bucket = line.statuses.emplace_back();
    bucket.status = *status;
    MP_RETURN_IF_ERROR(
        DecodeQuantity(sr, "statusQuantity", bucket.status_quantity.amount, nullptr));
    MP_RETURN_IF_ERROR(sr.OptString("cancellationReason", bucket.cancellation_reason));
    std::optional<EpochMillis> date;
    MP_RETURN_IF_ERROR(sr.OptDate("statusDate", date));
    if (date) line.status_date = std::max(line.status_date, *date);
  }
  MP_RETURN_IF_ERROR(r.OptString("intentToCancel", line.intent_to_cancel));
  MP_RETURN_IF_ERROR(r.OptString("shippingMethod", mx.shipping_method));
  MP_RETURN_IF_ERROR(r.String("soPrimeLineSubLineNo", mx.so_prime_line_sub_line_no, false));
  MP_RETURN_IF_ERROR(r.OptDate("promiseDeliveryDate", mx.promise_delivery_date));
  MP_RETURN_IF_ERROR(r.OptString("isMSIEnabled", mx.is_msi_enabled));
  const json::object* seller = nullptr;
  MP_RETURN_IF_ERROR(r.Object("seller", seller, false));
  if (seller != nullptr) {
    Reader sr(*seller, r.PathOf("seller"));
    MxSeller& s = mx.seller.emplace();
    MP_RETURN_IF_ERROR(sr.OptString("id", s.id));
    MP_RETURN_IF_ERROR(sr.OptString("name", s.name));
    MP_RETURN_IF_ERROR(sr.OptString("shipNodeType", s.ship_node_type));
    if (s.ship_node_type && *s.ship_node_type == "WFSFulfilled") wfs = true;
  }
  return Status::Ok();
}

Status DecodeShipment(const Reader& r, MxShipment& shipment) {
  const json::array* lines = nullptr;
  MP_RETURN_IF_ERROR(r.Array("shipmentLines", lines, false));
  if (lines != nullptr) {
    const std::string path = r.PathOf("shipmentLines");
    for (std::size_t i = 0; i < lines->size(); ++i) {
      const json::object* l = nullptr;
      MP_RETURN_IF_ERROR(ElementObject(*lines, i, path, l));
      Reader lr(*l, IndexPath(path, i));
      MxShipmentLine& part = shipment.lines.emplace_back();
      MP_RETURN_IF_ERROR(lr.String("primeLineNo", part.prime_line_no, true));
      MP_RETURN_IF_ERROR(lr.String("shipmentLineNo", part.shipment_line_no, false));
      MP_RETURN_IF_ERROR(DecodeQuantity(lr, "quantity", part.quantity, nullptr));
    }
  }
  MP_RETURN_IF_ERROR(r.String("shipmentNo", shipment.shipment_no, false));
  MP_RETURN_IF_ERROR(r.String("packageNo", shipment.package_no, false));
  std::string status;
  MP_RETURN_IF_ERROR(r.String("status", status, false));
  if (!status.empty()) shipment.status = status;
  std::optional<std::string> seller_owned;
  MP_RETURN_IF_ERROR(r.OptString("isSellerOwnedShipment", seller_owned));
  shipment.seller_owned = seller_owned && *seller_owned == "Y";
  MP_RETURN_IF_ERROR(r.OptDate("shipDateTime", shipment.ship_date_time));
  MP_RETURN_IF_ERROR(r.String("carrier", shipment.carrier, false));
  MP_RETURN_IF_ERROR(r.OptString("methodCode", shipment.method_code));
  MP_RETURN_IF_ERROR(r.OptString("trackingNumber", shipment.tracking_number));
  MP_RETURN_IF_ERROR(r.OptString("trackingUrl", shipment.tracking_url));
  const json::object* dates = nullptr;
  MP_RETURN_IF_ERROR(r.Object("shipmentAdditionalDate", dates, false));
  if (dates != nullptr) {
    Reader dr(*dates, r.PathOf("shipmentAdditionalDate"));
    MP_RETURN_IF_ERROR(dr.OptDate("shipmentActualCreatedDate", shipment.created_date));
    MP_RETURN_IF_ERROR(dr.OptDate("expectedShipmentACKDate", shipment.expected_ack_date));
    MP_RETURN_IF_ERROR(dr.OptDate("shipmentACKDate", shipment.ack_date));
    MP_RETURN_IF_ERROR(dr.OptDate("expectedShipmentShippedDate", shipment.expected_shipped_date));
    MP_RETURN_IF_ERROR(dr.OptDate("shipmentShippedDate", shipment.shipped_date));
  }
  MP_RETURN_IF_ERROR(r.OptInt("labelDate", shipment.label_date));
  MP_RETURN_IF_ERROR(r.OptInt("deliveredDate", shipment.delivered_date));
  return Status::Ok();
}

Status DecodeOrder(const Reader& r, Order& order) {
  MxOrderData& mx = order.mx.emplace();
  MP_RETURN_IF_ERROR(r.String("purchaseOrderId", order.purchase_order_id, true));
  MP_RETURN_IF_ERROR(r.String("customerOrderId", order.customer_order_id, true));
  MP_RETURN_IF_ERROR(r.String("customerEmailId", order.customer_email_id, false));
  std::optional<EpochMillis> order_date;
  MP_RETURN_IF_ERROR(r.OptDate("orderDate", order_date));
  if (!order_date)
    return Status::InvalidContent(r.PathOf("orderDate") + " is required", r.PathOf("orderDate"));
  order.order_date = *order_date;
  const json::object* shipping = nullptr;
  MP_RETURN_IF_ERROR(r.Object("shippingInfo", shipping, false));
  if (shipping != nullptr) {
    Reader sr(*shipping, r.PathOf("shippingInfo"));
    MP_RETURN_IF_ERROR(sr.String("phone", order.shipping_info.phone, false));
    std::optional<EpochMillis> delivery;
    MP_RETURN_IF_ERROR(sr.OptDate("estimatedDeliveryDate", delivery));
    order.shipping_info.estimated_delivery_date = delivery.value_or(0);
    const json::object* address = nullptr;
    MP_RETURN_IF_ERROR(sr.Object("postalAddress", address, false));
    if (address != nullptr) {
      MP_RETURN_IF_ERROR(DecodeAddress(Reader(*address, sr.PathOf("postalAddress")),
                                       order.shipping_info.postal_address, mx.shipping_more_lines));
    }
  }
  const json::object* billing = nullptr;
  MP_RETURN_IF_ERROR(r.Object("billingInfo", billing, false));
  if (billing != nullptr) {
    Reader br(*billing, r.PathOf("billingInfo"));
    MxBillingInfo& b = mx.billing_info.emplace();
    MP_RETURN_IF_ERROR(br.OptString("phone", b.phone));
    const json::object* address = nullptr;
    MP_RETURN_IF_ERROR(br.Object("postalAddress", address, false));
    if (address != nullptr) {
      PostalAddress a;
      MP_RETURN_IF_ERROR(
          DecodeAddress(Reader(*address, br.PathOf("postalAddress")), a, b.more_lines));
      b.name = a.name;
      b.address1 = a.address1;
      b.address2 = a.address2;
      b.city = a.city;
      b.state = a.state;
      b.postal_code = a.postal_code;
      b.country = a.country;
    }
  }
  const json::array* lines = nullptr;
  MP_RETURN_IF_ERROR(r.Array("orderLines", lines, true));
  const std::string line_path = r.PathOf("orderLines");
  if (lines->empty()) return Status::InvalidContent(line_path + " must not be empty", line_path);
  bool wfs = false;
  for (std::size_t i = 0; i < lines->size(); ++i) {
    const json::object* l = nullptr;
    MP_RETURN_IF_ERROR(ElementObject(*lines, i, line_path, l));
    MP_RETURN_IF_ERROR(
        DecodeLine(Reader(*l, IndexPath(line_path, i)), order.order_lines.emplace_back(), wfs));
  }
  if (wfs) order.ship_node = ShipNode{"WFSFulfilled", std::nullopt, std::nullopt, {}};
  // A line whose statuses carry no statusDate last changed when it was ordered.
  for (OrderLine& line : order.order_lines) {
    if (line.status_date == 0) line.status_date = order.order_date;
  }
  const json::array* shipments = nullptr;
  MP_RETURN_IF_ERROR(r.Array("shipments", shipments, false));
  if (shipments != nullptr) {
    const std::string path = r.PathOf("shipments");
    for (std::size_t i = 0; i < shipments->size(); ++i) {
      const json::object* s = nullptr;
      MP_RETURN_IF_ERROR(ElementObject(*shipments, i, path, s));
      MP_RETURN_IF_ERROR(
          DecodeShipment(Reader(*s, IndexPath(path, i)), mx.shipments.emplace_back()));
    }
  }
  MP_RETURN_IF_ERROR(r.OptMoney("orderTotal", mx.order_total));
  MP_RETURN_IF_ERROR(r.OptString("rfc", mx.rfc));
  MP_RETURN_IF_ERROR(r.OptString("paymentMethod", mx.payment_method));
  MP_RETURN_IF_ERROR(r.OptString("cfdi", mx.cfdi));
  return Status::Ok();
}

}  // namespace

std::string FormatMxDate(EpochMillis t) {
  std::string text = FormatIsoMillis(t + kMexicoCityOffset);
  if (!text.empty() && text.back() == 'Z') text.pop_back();
  return text + "-06:00";
}

std::string_view MxStatusCode(LineStatus status) {
  switch (status) {
    case LineStatus::kCreated:
      return "3350";
    case LineStatus::kAcknowledged:
      return "3350.10";
    case LineStatus::kShipped:
      return "3700";
    case LineStatus::kCancelled:
      return "9000";
    case LineStatus::kDelivered:
    case LineStatus::kRefund:
      return "";
  }
  return "";
}

std::string EncodeMxOrderJson(const Order& order, bool stored) {
  return json::serialize(OrderObject(order, stored));
}

std::string EncodeMxOrderListJson(const MxListMeta& meta, const std::vector<const Order*>& orders,
                                  bool wfs) {
  json::object out;
  json::object m;
  m["totalCount"] = meta.total_count;
  m["limit"] = meta.limit;
  if (meta.next_cursor_mark) m["nextCursorMark"] = *meta.next_cursor_mark;
  out["meta"] = std::move(m);
  json::array list;
  for (const Order* order : orders) {
    json::object o = OrderObject(*order, false);
    if (wfs) o.erase("purchaseOrderId");
    list.push_back(std::move(o));
  }
  out["order"] = std::move(list);
  return json::serialize(out);
}

Result<Order> DecodeMxOrderJson(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) {
    return Status::Error(ErrorCode::kMalformedRequestContent,
                         "The order is not valid JSON: " + ec.message());
  }
  if (!root.is_object()) return Status::InvalidContent("The order must be a JSON object", "order");
  const json::object* node = &root.as_object();
  std::string path;
  if (const json::value* wrapped = node->if_contains("order")) {
    path = "order";
    if (wrapped->is_array() && wrapped->as_array().size() == 1) wrapped = &wrapped->as_array()[0];
    if (!wrapped->is_object())
      return Status::InvalidContent("order must be one order object", "order");
    node = &wrapped->as_object();
  }
  Order order;
  MP_RETURN_IF_ERROR(DecodeOrder(Reader(*node, path), order));
  return order;
}

}  // namespace mporders
