#pragma once
// Built-in reference data for generated orders: a product catalog, customer
// names, streets and real US city/state/ZIP triples.
//
// All data is static and immutable; every function here is thread-safe.

#include <cstdint>
#include <span>
#include <string>

namespace mporders::sim {

struct Product {
  const char* name;
  const char* sku;
  std::int64_t price_cents;   // unit price
  const char* weight_pounds;  // nullptr when the catalog has no weight
  bool has_image;
  bool bulky;  // ships by freight or white glove more often than not
};

// Carrier regions: regional carriers only deliver in some states.
enum class Region { kWest, kSouthCentral, kOther };

struct City {
  const char* city;
  const char* state;
  const char* postal_code;
  const char* area_code;
  int tax_basis_points;  // combined sales tax, 500..1000 (5%..10%)
  Region region;
};

struct ThirdPartyNode {
  const char* name;
  const char* id;
};

std::span<const Product> Products();
// The product image URL (index into Products()); empty when !has_image.
const std::string& ProductImageUrl(std::size_t product_index);

std::span<const City> Cities();
std::span<const char* const> FirstNames();
std::span<const char* const> LastNames();
std::span<const char* const> StreetNames();
std::span<const char* const> StreetSuffixes();
std::span<const ThirdPartyNode> ThirdPartyNodes();

}  // namespace mporders::sim
