#pragma once
// Money is exact: an integer count of minor units (cents) with its currency.
// Formatting and parsing of the decimal text live in codec/.

#include <cstdint>
#include <string>

namespace mporders {

struct Money {
  std::string currency = "USD";
  std::int64_t minor = 0;  // 1.99 USD == 199

  friend bool operator==(const Money&, const Money&) = default;
};

}  // namespace mporders
