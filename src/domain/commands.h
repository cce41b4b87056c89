#pragma once
// Seller commands on one purchase order, decoded from the request bodies of
// the shipping, cancel and refund endpoints (acknowledge has no body).
// codec/ builds them; domain/lifecycle applies them.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/order.h"

namespace mporders {

// One orderLineStatus entry of a shipping request: a package.
struct ShipPackage {
  std::int64_t quantity = 0;  // statusQuantity.amount
  std::string status;         // as sent; must be "Shipped"
  TrackingInfo tracking_info;
  std::optional<ReturnCenterAddress> return_center_address;
  std::optional<std::string> current_tracking_number;  // currentTrackingInfo.trackingNumber
};

struct ShipLine {
  std::string line_number;
  // ISO 3166 alpha-2 country the line ships from (Canada's shipFromCountry);
  // stored on the line when given.
  std::optional<std::string> ship_from_country;
  std::optional<std::string> seller_order_id;
  bool intent_to_cancel_override = false;
  std::vector<ShipPackage> packages;  // orderLineStatuses.orderLineStatus[]
};

struct ShipCommand {
  std::optional<std::string> process_mode;  // "PARTIAL_UPDATE" = tracking correction
  std::vector<ShipLine> lines;
};

struct CancelPortion {
  std::int64_t quantity = 0;
  std::string status;  // as sent; must be "Cancelled"
  std::string cancellation_reason;
};

struct CancelLine {
  std::string line_number;
  std::vector<CancelPortion> portions;  // orderLineStatuses.orderLineStatus[]
};

struct CancelCommand {
  std::vector<CancelLine> lines;
};

// Mexico's acknowledge body: per line, the quantity to acknowledge.
struct AcknowledgeLine {
  std::string line_number;
  std::string status;         // as sent; must be "Acknowledged"
  std::int64_t quantity = 0;  // statusQuantity.amount (summed over the line's entries)
};

struct AcknowledgeLinesCommand {
  std::vector<AcknowledgeLine> lines;
};

// Mexico's ship body (ShipmentMx): shipments, each one package with a
// carrier and tracking number, holding one or more lines.
struct MxShipmentRequest {
  std::vector<MxShipmentLine> lines;  // shipmentLines[]
  std::string carrier;
  std::optional<std::string> tracking_number;
  std::optional<std::string> tracking_url;  // trackingURL
};

struct MxShipCommand {
  std::vector<MxShipmentRequest> shipments;
};

// Mexico's deliver body (Deliver.packages[]).
struct MxDeliveryPackage {
  std::string tracking_no;
  std::optional<EpochMillis> event_time;
  std::string event_name;  // must be DELIVERY_UPDATE
  std::optional<std::string> purchase_order_no;
  std::optional<std::string> package_no;
};

struct MxDeliverCommand {
  std::vector<MxDeliveryPackage> packages;
};

struct RefundLine {
  std::string line_number;
  bool is_full_refund = false;
  std::vector<Refund> refunds;  // refunds.refund[]: comments + refund charges
};

struct RefundCommand {
  std::string purchase_order_id;  // must equal the path id
  std::vector<RefundLine> lines;
};

}  // namespace mporders
