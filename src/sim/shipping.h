#pragma once
// How generated orders ship: Walmart's shipping methods, the carriers used
// for them, and carrier-style tracking numbers and URLs.

#include <string>

#include "core/clock.h"
#include "sim/catalog.h"
#include "sim/random.h"

namespace mporders::sim {

enum class ShipMethod { kStandard, kExpress, kOneDay, kFreight, kWhiteGlove, kValue };

// shippingInfo.methodCode / trackingInfo.methodCode: "Standard", "Value", ...
const char* MethodCode(ShipMethod method);
// fulfillment.shipMethod: "STANDARD", "VALUE", "EXPEDITED", "RUSH", ...
const char* FulfillmentShipMethod(ShipMethod method);

// Chooses the order's method; bulky items go by freight or white glove more often.
ShipMethod ChooseShipMethod(bool bulky, Rng& rng);

// Days from the estimated ship date to the estimated delivery date (2..6).
int DeliveryDays(ShipMethod method, Rng& rng);
// A realistic time in transit for one package, in milliseconds (>= 1 day).
EpochMillis TransitMillis(ShipMethod method, Rng& rng);

enum class Carrier { kUps, kUsps, kFedEx, kOnTrac, kLso, kDhlEcommerce };

// Exactly as Walmart's carrier enum spells it ("DHL Ecommerce - US", ...).
const char* CarrierName(Carrier carrier);

// Regional carriers (OnTrac, LSO) are only chosen for the regions they serve;
// bulky packages (over the postal weight limit) go by UPS or FedEx.
Carrier ChooseCarrier(ShipMethod method, Region region, bool bulky, Rng& rng);

// A tracking number in the carrier's own format, e.g. "1Z..." for UPS or a
// 22-digit IMpb number for USPS.
std::string TrackingNumber(Carrier carrier, ShipMethod method, Rng& rng);
// The carrier's public tracking page for `tracking_number`.
std::string TrackingUrl(Carrier carrier, const std::string& tracking_number);

}  // namespace mporders::sim
