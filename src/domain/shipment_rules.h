#pragma once
// Rules on the shape of a shipping request that do not depend on the order's
// state (us_mp_orders.json ShippingLineType, ShipLineStatusType,
// TrackingInfoType, CarrierNameType). Internal to domain/.

#include <string>
#include <string_view>

#include "core/status.h"
#include "domain/carriers.h"
#include "domain/commands.h"
#include "domain/market.h"
#include "domain/order.h"

namespace mporders::lifecycle_internal {

// OK when shipDateTime (> 0), carrierName, methodCode and trackingNumber are
// present (no trackingNumber is needed for a carrier the market ships
// untracked, Canada's LETTERMAIL); carrierName.carrier, when given, is in
// `carriers`; otherCarrier without carrier comes with a trackingURL;
// methodCode is one of the market's (canonical spelling).
// Error descriptions start with `at`.
Status ValidateTrackingInfo(const std::string& at, const TrackingInfo& tracking,
                            const CarrierList& carriers, const Market& market);

// sellerOrderId is printed on return labels and limited to 30 characters.
inline constexpr size_t kMaxSellerOrderIdLength = 30;

// "Failed when called shipConfirm API for <PO>. "
std::string ShipErrorPrefix(const Order& order);

// OK when the line has packages, its sellerOrderId fits, and every package
// has status "Shipped" (any case), a quantity >= 1 and valid trackingInfo.
// Error descriptions start with `at`.
Status ValidateShipLineShape(const std::string& at, const ShipLine& line,
                             const CarrierList& carriers, const Market& market);

}  // namespace mporders::lifecycle_internal
