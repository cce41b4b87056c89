// Mexico's model from the shared one (mx_derive.h).

#include "domain/mx_derive.h"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "domain/mx_lifecycle.h"
#include "domain/stable_hash.h"

namespace mporders {
namespace {

constexpr char kPublicSalesRfc[] = "XAXX010101000";
constexpr char kPublicSalesCfdi[] = "S01";
constexpr char kDefaultPaymentMethod[] = "CREDIT";
constexpr std::uint64_t kDiscountOneIn = 8;
constexpr std::int64_t kDiscountPercent = 10;

// Takes the order extra `name` out of the extras when it is a JSON string.
std::optional<std::string> TakeStringExtra(Extras& extras, std::string_view name) {
  for (auto it = extras.begin(); it != extras.end(); ++it) {
    const std::string& raw = it->second;
    if (it->first == name && raw.size() >= 2 && raw.front() == '"' && raw.back() == '"') {
      std::string value = raw.substr(1, raw.size() - 2);
      extras.erase(it);
      return value;
    }
  }
  return std::nullopt;
}

// The order's value of `field`: kept from an earlier derivation, else from the
// extras, else `fallback`.
std::string FiscalField(const std::optional<std::string>& kept, Extras& extras,
                        std::string_view name, const char* fallback) {
  std::optional<std::string> extra = TakeStringExtra(extras, name);
  if (kept) return *kept;
  return extra ? *extra : std::string(fallback);
}

MxBillingInfo BillingFromShipping(const ShippingInfo& shipping) {
  const PostalAddress& a = shipping.postal_address;
  MxBillingInfo billing;
  if (!shipping.phone.empty()) billing.phone = shipping.phone;
  billing.name = a.name;
  billing.address1 = a.address1;
  billing.address2 = a.address2;
  billing.city = a.city;
  billing.state = a.state;
  billing.postal_code = a.postal_code;
  billing.country = a.country;
  return billing;
}

MxLine LineData(const Order& order, const OrderLine& line, std::int64_t& total) {
  MxLine mx;
  mx.co_line_number = line.line_number;
  mx.so_prime_line_sub_line_no = order.customer_order_id + "-" + line.line_number + "-1";
  mx.condition = "New";
  mx.image_url = line.item.image_url;
  if (line.fulfillment && line.fulfillment->ship_method) {
    mx.shipping_method = line.fulfillment->ship_method;
  }
  mx.promise_delivery_date = order.shipping_info.estimated_delivery_date;
  mx.is_msi_enabled = "N";
  const std::int64_t quantity = line.order_line_quantity.amount;
  for (const Charge& charge : line.charges) {
    const std::string& currency = charge.charge_amount.currency;
    const std::int64_t tax = charge.tax ? charge.tax->tax_amount.minor : 0;
    const bool product = charge.charge_type == "PRODUCT";
    MxCharge out;
    out.charge_type = product ? "PRODUCT" : "SHIPPING";
    out.charge_name = product ? "ItemPrice" : "SHIPPING_CH";
    out.charge_amount = charge.charge_amount;
    out.taxes.push_back(MxTax{product ? "IVA_TAX" : "SHIP_IVA_TAX", Money{currency, tax}});
    if (product) {
      out.taxes.push_back(MxTax{"IEPS_TAX", Money{currency, 0}});
      // Per-unit prices only where they are exact.
      const std::int64_t net = charge.charge_amount.minor;
      if (quantity > 0 && net % quantity == 0 && tax % quantity == 0) {
        mx.unit_price = Money{currency, (net + tax) / quantity};
        mx.unit_price_without_tax = Money{currency, net / quantity};
      }
    }
    total += charge.charge_amount.minor + tax;
    mx.charges.push_back(std::move(out));
  }
  // A coupon on some lines: Walmart shows it as a negative DISCOUNT charge.
  const auto product = std::find_if(line.charges.begin(), line.charges.end(),
                                    [](const Charge& c) { return c.charge_type == "PRODUCT"; });
  if (product != line.charges.end() &&
      StableHash(order.purchase_order_id + "#" + line.line_number) % kDiscountOneIn == 0) {
    const std::int64_t discount = product->charge_amount.minor * kDiscountPercent / 100;
    if (discount > 0) {
      MxCharge coupon;
      coupon.charge_type = "DISCOUNT";
      coupon.charge_name = "COUPON_DISC";
      coupon.charge_amount = Money{product->charge_amount.currency, -discount};
      total -= discount;
      mx.charges.push_back(std::move(coupon));
    }
  }
  return mx;
}

// The seller's shipped packages, one shipment per tracking number.
void AddShippedShipments(const Order& order, MxOrderData& mx) {
  for (const OrderLine& line : order.order_lines) {
    for (const OrderLineStatus& bucket : line.statuses) {
      if ((bucket.status != LineStatus::kShipped && bucket.status != LineStatus::kDelivered) ||
          !bucket.tracking_info) {
        continue;
      }
      const TrackingInfo& tracking = *bucket.tracking_info;
      auto shipment = std::find_if(
          mx.shipments.begin(), mx.shipments.end(),
          [&](const MxShipment& s) { return s.tracking_number == tracking.tracking_number; });
      if (shipment == mx.shipments.end()) {
        MxShipment added;
        added.status = kMxShipmentShipped;
        added.carrier = tracking.carrier_name.carrier.value_or(
            tracking.carrier_name.other_carrier.value_or("Other"));
        if (!tracking.method_code.empty()) added.method_code = tracking.method_code;
        added.tracking_number = tracking.tracking_number;
        added.tracking_url = tracking.tracking_url;
        added.ship_date_time = tracking.ship_date_time;
        added.created_date = order.order_date;
        added.expected_ack_date = order.order_date + kMxAckWindow;
        added.expected_shipped_date = order.shipping_info.estimated_ship_date;
        added.shipped_date = tracking.ship_date_time;
        if (bucket.status == LineStatus::kDelivered) added.delivered_date = line.status_date;
        mx.shipments.push_back(std::move(added));
        shipment = mx.shipments.end() - 1;
      } else if (bucket.status != LineStatus::kDelivered) {
        shipment->delivered_date.reset();  // delivered only when all of it is
      }
      auto part = std::find_if(
          shipment->lines.begin(), shipment->lines.end(),
          [&](const MxShipmentLine& p) { return p.prime_line_no == line.line_number; });
      if (part == shipment->lines.end()) {
        shipment->lines.push_back(
            MxShipmentLine{line.line_number, std::to_string(shipment->lines.size() + 1), 0});
        part = shipment->lines.end() - 1;
      }
      part->quantity += bucket.status_quantity.amount;
    }
  }
}

// When the line's open quantity was acknowledged: its status date, unless
// part of it shipped before that.
EpochMillis AcknowledgedAt(const OrderLine& line) {
  EpochMillis at = line.status_date;
  for (const OrderLineStatus& bucket : line.statuses) {
    if (bucket.tracking_info) at = std::min(at, bucket.tracking_info->ship_date_time);
  }
  return at;
}

}  // namespace

void DeriveMxOrder(Order& order) {
  const std::optional<MxOrderData> kept = std::move(order.mx);
  MxOrderData mx;
  mx.rfc = FiscalField(kept ? kept->rfc : std::nullopt, order.extras, "rfc", kPublicSalesRfc);
  mx.cfdi = FiscalField(kept ? kept->cfdi : std::nullopt, order.extras, "cfdi", kPublicSalesCfdi);
  mx.payment_method = FiscalField(kept ? kept->payment_method : std::nullopt, order.extras,
                                  "paymentMethod", kDefaultPaymentMethod);
  mx.billing_info = BillingFromShipping(order.shipping_info);

  std::int64_t total = 0;
  std::string currency;
  for (OrderLine& line : order.order_lines) {
    line.mx = LineData(order, line, total);
    if (currency.empty() && !line.charges.empty())
      currency = line.charges.front().charge_amount.currency;
  }
  if (!currency.empty()) mx.order_total = Money{currency, total};

  AddShippedShipments(order, mx);
  order.mx = std::move(mx);
  // Walmart's open shipments for what is left to ship, numbered with the
  // shipped ones as at creation.
  OpenMxShipments(order, order.order_date);
  for (MxShipment& shipment : order.mx->shipments) {
    if (shipment.status == kMxShipmentShipped) {
      shipment.package_no = shipment.shipment_no + "_1";  // as MxShip numbers a shipped package
      continue;
    }
    for (const MxShipmentLine& part : shipment.lines) {
      const auto line =
          std::find_if(order.order_lines.begin(), order.order_lines.end(),
                       [&](const OrderLine& l) { return l.line_number == part.prime_line_no; });
      if (line != order.order_lines.end() && QuantityIn(*line, LineStatus::kAcknowledged) > 0) {
        shipment.ack_date = AcknowledgedAt(*line);
        shipment.expected_shipped_date = *shipment.ack_date + kMxShipWindow;
      }
    }
  }
}

}  // namespace mporders
