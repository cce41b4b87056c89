#pragma once
// Exact conversions between JSON number text and the integers the model keeps:
// money in minor units, quantities, epoch milliseconds. No value
// ever passes through floating point. Internal to codec/.

#include <cstdint>
#include <string_view>

namespace mporders {

enum class NumberError {
  kNone,
  kSyntax,      // not a JSON number
  kTooPrecise,  // money: a non-zero digit below the currency's minor unit
  kOutOfRange,  // does not fit int64
};

struct ParsedNumber {
  NumberError error = NumberError::kNone;
  std::int64_t value = 0;
  bool ok() const { return error == NumberError::kNone; }
};

// JSON number text -> minor units of a currency with `digits` (0..3) decimals
// (domain/money.h MinorDigits), exactly. Fraction and exponent forms are
// accepted when the value is a whole number of minor units: with 2 digits
// "5" -> 500, "0.34" -> 34, "-5.40" -> -540, "1e2" -> 10000, "0.345" ->
// kTooPrecise; with 0 digits (CLP) "1990" -> 1990, "1990.0" -> 1990,
// "1990.5" -> kTooPrecise.
ParsedNumber ParseMoneyMinor(std::string_view text, int digits);

// An optionally signed decimal integer without fraction or exponent
// ("1623796407000", "-3"). Leading zeros are allowed.
ParsedNumber ParseInteger(std::string_view text);

}  // namespace mporders
