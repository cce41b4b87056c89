#pragma once
// Reference data for generated orders outside the United States: Canadian
// cities with their provinces, forward sortation areas and sales taxes;
// Chilean comunas with their regions and postal codes; Mexican cities with
// their states and postal codes; buyer names and streets that fit each
// country; shelf prices and shipping fees in the local currency.
//
// The US data stays in catalog.h, untouched, so that US orders are exactly
// what they always were.
//
// All data is static and immutable; every function here is thread-safe.

#include <cstdint>
#include <span>

#include "domain/market.h"

namespace mporders::sim {

// The sales tax one charge bears. Rates are in units of 1/100000 (per cent
// mille), so that Quebec's 9.975 % QST is exact: 5 % is 5000.
struct TaxRule {
  const char* name;           // taxName of PRODUCT charges: "GST", "HST", "GST+QST", "IVA", ...
  const char* shipping_name;  // taxName of SHIPPING charges
  int rate = 0;               // GST, HST or IVA
  int second_rate = 0;        // QST, PST or RST levied next to GST; 0 when none
  bool included = false;      // shelf prices include the tax (Chile, Mexico)
};

// A town of a non-US market, as its buyers' addresses name it.
struct Locality {
  const char* city;       // city, comuna (Chile) or municipality (Mexico)
  const char* state;      // province code (CA), region (CL) or state (MX)
  const char* postal;     // CA: space-separated real FSAs ("M5V M4C");
                          // CL: first 3 of 7 digits; MX: first 3 of 5 digits
  const char* area_code;  // telephone area code (CA, MX); "" for Chile (mobiles)
  const TaxRule* tax;
  bool french = false;  // Quebec: street names and units in French
};

// Empty for the US (see catalog.h).
std::span<const Locality> Localities(MarketId market);
std::span<const char* const> MarketFirstNames(MarketId market);
std::span<const char* const> MarketLastNames(MarketId market);
// Street names without the number; Canada's French ones are separate.
std::span<const char* const> MarketStreets(MarketId market);
std::span<const char* const> QuebecStreets();
// Mexican colonias ("Col. Centro"): the neighbourhood line of an address.
std::span<const char* const> Colonias();

// The shelf price in the market's minor units of a catalog product priced
// `usd_cents` in the US, rounded the way the country's shops price things:
// CAD x.99, MXN whole pesos ending in 9, CLP thousands less 10 (12990).
// Identity for the US.
std::int64_t ShelfPrice(MarketId market, std::int64_t usd_cents);

}  // namespace mporders::sim
