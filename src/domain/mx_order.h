#pragma once
// What Walmart Mexico's order model (mx_mp_orders.json, reference §13.2) has
// beyond the US one. An MX order is a US-shaped `Order` (lines with their
// quantity buckets, so every lifecycle rule applies unchanged) plus these
// typed parts: `Order::mx` and `OrderLine::mx`. Orders of other markets never
// have them, and the US wire codecs never write them; the store keeps them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/money.h"

namespace mporders {

struct MxTax {
  std::string tax_name;  // IVA_TAX | IEPS_TAX | STATE_TAX | SHIP_IVA_TAX ...
  Money tax_amount;
  friend bool operator==(const MxTax&, const MxTax&) = default;
};

// One entry of a line's charges[]: PRODUCT, SHIPPING or DISCOUNT (negative).
struct MxCharge {
  std::string charge_type;
  std::string charge_name;               // ItemPrice | SHIPPING_CH | COUPON_DISC | SHIP_DISC
  std::optional<Money> charge_amount;    // the PRODUCT charge may have none
  std::vector<MxTax> taxes;              // tax[]
  friend bool operator==(const MxCharge&, const MxCharge&) = default;
};

struct MxSeller {
  std::optional<std::string> id;
  std::optional<std::string> name;
  std::optional<std::string> ship_node_type;
  friend bool operator==(const MxSeller&, const MxSeller&) = default;
};

struct MxLine {
  std::string co_line_number;                            // coLineNumber
  std::string so_prime_line_sub_line_no;                 // "<customerOrderId>-<line>-1"
  std::optional<std::string> upc;
  std::optional<std::string> offer_id;
  std::optional<std::string> condition;
  std::optional<std::string> image_url;
  std::optional<Money> unit_price;
  std::optional<Money> commission;
  std::optional<Money> unit_price_without_tax;
  std::vector<MxCharge> charges;
  std::optional<std::string> shipping_method;            // STANDARD ...
  std::optional<EpochMillis> promise_delivery_date;
  std::optional<std::string> is_msi_enabled;             // Y | N
  std::optional<MxSeller> seller;
  friend bool operator==(const MxLine&, const MxLine&) = default;
};

// address3 .. address6 of a Mexican address (address1/2 are the US fields).
struct MxAddressLines {
  std::vector<std::string> lines;  // address3, address4, ... in order
  friend bool operator==(const MxAddressLines&, const MxAddressLines&) = default;
};

struct MxBillingInfo {
  std::optional<std::string> phone;
  std::string name;
  std::string address1;
  std::optional<std::string> address2;
  MxAddressLines more_lines;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;
  friend bool operator==(const MxBillingInfo&, const MxBillingInfo&) = default;
};

struct MxShipmentLine {
  std::string prime_line_no;    // the order line
  std::string shipment_line_no;
  std::int64_t quantity = 0;
  friend bool operator==(const MxShipmentLine&, const MxShipmentLine&) = default;
};

inline constexpr char kMxShipmentCreated[] = "Shipment Created";
inline constexpr char kMxShipmentShipped[] = "Shipment Shipped";
inline constexpr char kMxShipmentCancelled[] = "Shipment Cancelled";

// One shipment (package) of the order: opened by Walmart with a carrier and a
// tracking number when the order is created, shipped by the seller.
struct MxShipment {
  std::string shipment_no;
  std::string package_no;  // shipment_no; "<shipment_no>_<n>" once shipped
  std::string status = kMxShipmentCreated;
  bool seller_owned = false;  // isSellerOwnedShipment Y/N
  std::string carrier;
  std::optional<std::string> method_code;
  std::optional<std::string> tracking_number;
  std::optional<std::string> tracking_url;  // trackingUrl
  std::optional<EpochMillis> ship_date_time;
  std::vector<MxShipmentLine> lines;
  // shipmentAdditionalDate
  std::optional<EpochMillis> created_date;
  std::optional<EpochMillis> expected_ack_date;
  std::optional<EpochMillis> ack_date;
  std::optional<EpochMillis> expected_shipped_date;
  std::optional<EpochMillis> shipped_date;
  // Not on Walmart's wire: when the carrier delivered it, and when its label
  // was first produced (what makes its acknowledged quantity Ready to ship).
  std::optional<EpochMillis> delivered_date;
  std::optional<EpochMillis> label_date;
  friend bool operator==(const MxShipment&, const MxShipment&) = default;
};

struct MxOrderData {
  MxAddressLines shipping_more_lines;  // shippingInfo.postalAddress.address3..6
  std::optional<MxBillingInfo> billing_info;
  std::optional<Money> order_total;
  std::optional<std::string> rfc;
  std::optional<std::string> payment_method;  // CREDIT | DEBIT
  std::optional<std::string> cfdi;            // G01, P01 ...
  std::vector<MxShipment> shipments;
  friend bool operator==(const MxOrderData&, const MxOrderData&) = default;
};

}  // namespace mporders
