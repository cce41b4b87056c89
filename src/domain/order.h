#pragma once
// The purchase order exactly as Walmart's US Orders API defines it
// (us_mp_orders.json, GetOrderResponseRecord and the types below it).
//
// Field names follow the JSON keys. Optional fields are std::optional (absent
// means the key is omitted on output, never `null`). Every object type carries
// `extras`: members present in an input document that this model does not name
// (for instance `taxAndOtherFees`), kept verbatim so that an imported order
// reads back as the same document.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "domain/money.h"
#include "domain/mx_order.h"

namespace mporders {

// Unknown members of a JSON object: (key, raw JSON value text), in input order.
using Extras = std::vector<std::pair<std::string, std::string>>;

enum class LineStatus { kCreated, kAcknowledged, kShipped, kDelivered, kCancelled, kRefund };

// "Created", "Acknowledged", ... exactly as Walmart spells them.
const char* LineStatusName(LineStatus status);
// Case-insensitive. Returns nullopt for anything else.
std::optional<LineStatus> ParseLineStatus(std::string_view text);

struct Quantity {
  std::string unit = "EACH";  // unitOfMeasurement
  std::int64_t amount = 0;    // a string on the wire
  Extras extras;
  friend bool operator==(const Quantity&, const Quantity&) = default;
};

struct Tax {
  std::string tax_name;  // taxName
  Money tax_amount;      // taxAmount
  Extras extras;
  friend bool operator==(const Tax&, const Tax&) = default;
};

struct Charge {
  std::string charge_type;  // PRODUCT | SHIPPING
  std::string charge_name;  // ItemPrice | Shipping | ...
  Money charge_amount;
  std::optional<Tax> tax;
  Extras extras;
  friend bool operator==(const Charge&, const Charge&) = default;
};

struct PostalAddress {
  std::string name;
  std::string address1;
  std::optional<std::string> address2;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;
  std::optional<std::string> address_type;
  Extras extras;
  friend bool operator==(const PostalAddress&, const PostalAddress&) = default;
};

struct ShippingInfo {
  std::string phone;
  EpochMillis estimated_delivery_date = 0;
  EpochMillis estimated_ship_date = 0;
  std::string method_code;  // Standard | Express | OneDay | Freight | WhiteGlove | Value
  PostalAddress postal_address;
  Extras extras;
  friend bool operator==(const ShippingInfo&, const ShippingInfo&) = default;
};

struct Weight {
  std::string value;
  std::string unit;
  Extras extras;
  friend bool operator==(const Weight&, const Weight&) = default;
};

struct Item {
  std::string product_name;
  std::string sku;
  std::optional<std::string> image_url;  // only with productInfo=true
  std::optional<Weight> weight;          // only with productInfo=true
  Extras extras;
  friend bool operator==(const Item&, const Item&) = default;
};

struct CarrierName {
  std::optional<std::string> other_carrier;  // otherCarrier
  std::optional<std::string> carrier;
  Extras extras;
  friend bool operator==(const CarrierName&, const CarrierName&) = default;
};

struct TrackingInfo {
  EpochMillis ship_date_time = 0;
  CarrierName carrier_name;
  std::string method_code;
  std::optional<std::int64_t> carrier_method_code;  // seen in examples only
  std::string tracking_number;
  std::optional<std::string> tracking_url;  // trackingURL
  Extras extras;
  friend bool operator==(const TrackingInfo&, const TrackingInfo&) = default;
};

struct ReturnCenterAddress {
  std::optional<std::string> name;
  std::string address1;
  std::optional<std::string> address2;
  std::string city;
  std::string state;
  std::string postal_code;
  std::string country;
  std::optional<std::string> day_phone;
  std::optional<std::string> email_id;
  Extras extras;
  friend bool operator==(const ReturnCenterAddress&, const ReturnCenterAddress&) = default;
};

// One bucket of a line's quantity: `status_quantity` units in `status`.
struct OrderLineStatus {
  LineStatus status = LineStatus::kCreated;
  Quantity status_quantity;
  std::optional<std::string> cancellation_reason;
  std::optional<TrackingInfo> tracking_info;
  std::optional<ReturnCenterAddress> return_center_address;
  Extras extras;
  friend bool operator==(const OrderLineStatus&, const OrderLineStatus&) = default;
};

struct RefundCharge {
  std::string refund_reason;
  Charge charge;  // amounts are negative
  Extras extras;
  friend bool operator==(const RefundCharge&, const RefundCharge&) = default;
};

struct Refund {
  std::optional<std::string> refund_id;
  std::optional<std::string> refund_comments;
  std::vector<RefundCharge> refund_charges;  // refundCharges.refundCharge[]
  Extras extras;
  friend bool operator==(const Refund&, const Refund&) = default;
};

struct Fulfillment {
  std::optional<std::string> fulfillment_option;
  std::optional<std::string> ship_method;
  std::optional<std::string> store_id;
  std::optional<EpochMillis> pick_up_date_time;
  std::optional<std::string> pick_up_by;
  std::optional<std::string> shipping_program_type;
  Extras extras;
  friend bool operator==(const Fulfillment&, const Fulfillment&) = default;
};

struct OrderLine {
  std::string line_number;
  Item item;
  std::vector<Charge> charges;  // charges.charge[]
  Quantity order_line_quantity;
  EpochMillis status_date = 0;
  std::vector<OrderLineStatus> statuses;  // orderLineStatuses.orderLineStatus[]
  std::optional<std::string> return_order_id;
  std::optional<Refund> refund;
  std::optional<std::string> original_carrier_method;
  std::optional<std::string> reference_line_id;
  std::optional<Fulfillment> fulfillment;
  std::optional<std::string> intent_to_cancel;
  std::optional<std::string> config_id;
  std::optional<std::string> seller_order_id;
  std::optional<MxLine> mx;  // Mexico's line data (mx_order.h); absent elsewhere
  Extras extras;
  friend bool operator==(const OrderLine&, const OrderLine&) = default;
};

struct ShipNode {
  std::optional<std::string> type;  // SellerFulfilled | WFSFulfilled | 3PLFulfilled
  std::optional<std::string> name;
  std::optional<std::string> id;
  Extras extras;
  friend bool operator==(const ShipNode&, const ShipNode&) = default;
};

struct Order {
  std::string purchase_order_id;
  std::string customer_order_id;
  std::string customer_email_id;
  std::optional<std::string> order_type;                  // only with replacementInfo=true
  std::optional<std::string> original_customer_order_id;  // originalCustomerOrderID, ditto
  EpochMillis order_date = 0;
  std::optional<std::string> buyer_id;
  std::optional<std::string> mart;
  std::optional<bool> is_guest;
  ShippingInfo shipping_info;
  std::vector<OrderLine> order_lines;  // orderLines.orderLine[]
  std::optional<ShipNode> ship_node;
  std::optional<MxOrderData> mx;  // Mexico's order data (mx_order.h); absent elsewhere
  Extras extras;  // paymentTypes, orderSummary, pickupPersons and anything newer
  friend bool operator==(const Order&, const Order&) = default;
};

// An order as the store keeps it: the Walmart document plus what the service
// itself tracks about it.
struct StoredOrder {
  std::string seller_id;
  Order order;
  EpochMillis last_modified = 0;  // any status, tracking or refund change
  std::int64_t version = 0;       // bumped by every update; optimistic checks
};

// Units of `line` in `status`, summed over its buckets.
std::int64_t QuantityIn(const OrderLine& line, LineStatus status);

// shipNode.type is WFSFulfilled (any case): Walmart fulfils the order, the
// seller may not acknowledge, ship or cancel it.
bool IsWalmartFulfilled(const Order& order);

// The country a line shipped from (Canada's shipFromCountry), kept in the
// line's extras: that way it is stored, imported and exported with the order
// document without a model or schema change, and only codecs that know the
// member (Canada's) give it a meaning. nullopt when the line has none.
// REQUIRES (Set): `country` is an ISO 3166 alpha-2 code (letters only).
std::optional<std::string> ShipFromCountry(const OrderLine& line);
void SetShipFromCountry(OrderLine& line, std::string_view country);
inline constexpr std::string_view kShipFromCountryMember = "shipFromCountry";

// A new or imported order of `seller_id`, version 0, last modified at its
// latest line status change (its order date if none is later).
StoredOrder NewStoredOrder(std::string seller_id, Order order);

}  // namespace mporders
