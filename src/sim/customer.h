#pragma once
// The generated buyer: name, shipping address, phone and relay e-mail, in the
// market's own formats; Chilean and Mexican buyers also carry their tax id.

#include <string>

#include "domain/market.h"
#include "domain/order.h"
#include "sim/catalog.h"
#include "sim/market_data.h"
#include "sim/random.h"

namespace mporders::sim {

struct Customer {
  // US: country "USA"; elsewhere the market's alpha-2 code ("CA", "CL", "MX").
  // addressType RESIDENTIAL or OFFICE.
  PostalAddress address;
  // US, CA, MX: 10 digits, area code of the city; CL: "+569" and 8 digits.
  std::string phone;
  std::string email;  // <32 upper-case hex>@relay.walmart.com
  const City* city = nullptr;          // US buyers
  const Locality* locality = nullptr;  // buyers of the other markets
  // Order-level members for the buyer's tax id, as raw JSON values: "rut"
  // (Chile); "rfc", "cfdi" and "paymentMethod" (Mexico). Empty in the US.
  Extras order_extras;
};

// A US buyer.
Customer MakeCustomer(Rng& rng);
// A buyer of `market`; MakeCustomer(rng) for the US.
Customer MakeCustomer(MarketId market, Rng& rng);

}  // namespace mporders::sim
