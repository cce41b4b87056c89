#include "domain/shipment_rules.h"

#include <algorithm>
#include <array>

namespace mporders::lifecycle_internal {
namespace {

bool NonEmpty(const std::optional<std::string>& value) { return value && !value->empty(); }

}  // namespace

std::string Joined(std::span<const std::string_view> names) {
  std::string text;
  for (std::string_view name : names) {
    if (!text.empty()) text += ", ";
    text += name;
  }
  return text;
}

Status ValidateTrackingInfo(const std::string& at, const TrackingInfo& tracking,
                            const CarrierList& carriers, const Market& market) {
  if (tracking.ship_date_time <= 0) {
    return Status::InvalidContent(at + "trackingInfo.shipDateTime is required", "shipDateTime");
  }
  const CarrierName& name = tracking.carrier_name;
  if (!NonEmpty(name.carrier) && !NonEmpty(name.other_carrier)) {
    return Status::InvalidContent(at + "trackingInfo.carrierName is required", "carrierName");
  }
  if (NonEmpty(name.carrier)) {
    if (!carriers.Contains(*name.carrier)) {
      return Status::InvalidContent(at + "carrier '" + *name.carrier +
                                        "' is not a supported carrier name (exact, "
                                        "case-sensitive); use otherCarrier with trackingURL",
                                    "carrier");
    }
  } else if (!NonEmpty(tracking.tracking_url)) {
    return Status::InvalidContent(
        at + "trackingURL is required with otherCarrier '" + *name.other_carrier + "'",
        "trackingURL");
  }
  if (tracking.method_code.empty()) {
    return Status::InvalidContent(at + "trackingInfo.methodCode is required", "methodCode");
  }
  if (!market.IsMethodCode(tracking.method_code)) {
    return Status::InvalidContent(at + "methodCode '" + tracking.method_code +
                                      "' is not one of " + Joined(market.method_codes()),
                                  "methodCode");
  }
  // Canada's Lettermail travels untracked; every other carrier needs a number.
  const bool untracked = name.carrier && market.ShipsWithoutTracking(*name.carrier);
  if (tracking.tracking_number.empty() && !untracked) {
    return Status::InvalidContent(at + "trackingInfo.trackingNumber is required", "trackingNumber");
  }
  return Status::Ok();
}

std::string ShipErrorPrefix(const Order& order) {
  return "Failed when called shipConfirm API for " + order.purchase_order_id + ". ";
}

Status ValidateShipLineShape(const std::string& at, const ShipLine& line,
                             const CarrierList& carriers, const Market& market) {
  if (line.packages.empty()) {
    return Status::InvalidContent(at + "orderLineStatuses must not be empty", "orderLineStatuses");
  }
  if (line.seller_order_id && line.seller_order_id->size() > kMaxSellerOrderIdLength) {
    return Status::InvalidContent(at + "sellerOrderId must not be longer than " +
                                      std::to_string(kMaxSellerOrderIdLength) + " characters",
                                  "sellerOrderId");
  }
  for (const ShipPackage& package : line.packages) {
    if (ParseLineStatus(package.status) != LineStatus::kShipped) {
      return Status::InvalidContent(at + "status must be 'Shipped', not '" + package.status + "'",
                                    "status");
    }
    if (package.quantity < 1) {
      return Status::InvalidContent(at + "statusQuantity must be at least 1", "statusQuantity");
    }
    MP_RETURN_IF_ERROR(ValidateTrackingInfo(at, package.tracking_info, carriers, market));
  }
  return Status::Ok();
}

}  // namespace mporders::lifecycle_internal
