#pragma once
// How generated orders ship: Walmart's shipping methods, the carriers used
// for them, and carrier-style tracking numbers and URLs.

#include <string>

#include <cstdint>
#include <span>

#include "core/clock.h"
#include "domain/market.h"
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
// The same for `market` (US: the above). Canada ships Standard, Value,
// Express or Freight; Chile and Mexico Standard or Express (Freight for
// bulky items in Mexico). Every method's code is one of the market's.
ShipMethod ChooseShipMethod(MarketId market, bool bulky, Rng& rng);

// What a non-US buyer pays for shipping one line, in the market's minor
// units, tax included where the market's prices include it: free most of the
// time, a flat fee otherwise. REQUIRES: market != kUs (the US generator has
// its own fee table).
std::int64_t MarketShippingFee(MarketId market, ShipMethod method, Rng& rng);

// Days from the estimated ship date to the estimated delivery date (2..6).
int DeliveryDays(ShipMethod method, Rng& rng);
// A realistic time in transit for one package, in milliseconds (>= 1 day).
EpochMillis TransitMillis(ShipMethod method, Rng& rng);

enum class Carrier {
  kUps,
  kUsps,
  kFedEx,
  kOnTrac,
  kLso,
  kDhlEcommerce,
  // Canada
  kCanadaPost,
  kPurolator,
  kCanpar,
  kLoomis,
  // Chile
  kChilexpress,
  kBlueExpress,
  kStarken,
  kCorreosChile,
  // Mexico
  kMxFedEx,
  kMxDhl,
  kEstafeta,
};

// Exactly as the market's carrier list spells it ("DHL Ecommerce - US",
// "CPC" for Canada Post, "PCLINT" for Purolator, "MX-FEDX", ...).
const char* CarrierName(Carrier carrier);

// The carriers the generator uses in `market`; every name is in the
// market's carrier list (src/domain/markets/).
std::span<const Carrier> MarketCarriers(MarketId market);

// Regional carriers (OnTrac, LSO) are only chosen for the regions they serve;
// bulky packages (over the postal weight limit) go by UPS or FedEx.
Carrier ChooseCarrier(ShipMethod method, Region region, bool bulky, Rng& rng);
// The same for `market` (US: the above). Canada: mostly Canada Post, then
// Purolator, Canpar and Loomis, couriers for express and bulky parcels;
// Chile: Chilexpress, Blue Express, Starken, CorreosChile; Mexico: Estafeta,
// FedEx and DHL Mexico.
Carrier ChooseCarrier(MarketId market, ShipMethod method, Region region, bool bulky, Rng& rng);

// A tracking number in the carrier's own format, e.g. "1Z..." for UPS or a
// 22-digit IMpb number for USPS.
std::string TrackingNumber(Carrier carrier, ShipMethod method, Rng& rng);
// The carrier's public tracking page for `tracking_number`.
std::string TrackingUrl(Carrier carrier, const std::string& tracking_number);

}  // namespace mporders::sim
