#pragma once
// The generated buyer: name, US shipping address, phone and relay e-mail.

#include <string>

#include "domain/order.h"
#include "sim/catalog.h"
#include "sim/random.h"

namespace mporders::sim {

struct Customer {
  PostalAddress address;  // country "USA", addressType RESIDENTIAL or OFFICE
  std::string phone;      // 10 digits, area code of the city
  std::string email;      // <32 upper-case hex>@relay.walmart.com
  const City* city = nullptr;
};

Customer MakeCustomer(Rng& rng);

}  // namespace mporders::sim
