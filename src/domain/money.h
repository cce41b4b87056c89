#pragma once
// Money is exact: an integer count of minor units with its currency. How many
// minor units make one major unit depends on the currency (100 cents to the
// US dollar, 1 peso to the Chilean peso), and this file is the one place that
// turns minor units into decimal text: the JSON and XML writers and error
// messages all call it. Parsing decimal text lives in codec/ (json_number.h)
// and takes the same digit count.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace mporders {

struct Money {
  std::string currency = "USD";
  std::int64_t minor = 0;  // 1.99 USD == 199; 1990 CLP == 1990

  friend bool operator==(const Money&, const Money&) = default;
};

// Digits after the decimal point of an ISO 4217 currency: 0 for the
// zero-decimal currencies (CLP, JPY, KRW, ...), 3 for BHD/KWD/OMR/..., and 2
// for every other code, unknown ones included.
int MinorDigits(std::string_view currency);

enum class MoneyStyle {
  kShortest,  // as few fraction digits as the value needs: "5", "0.3", "19.99"
              // (Walmart's JSON numbers)
  kFixed,     // exactly the currency's digits: "5.00", "19.90"; "1990" for CLP
              // (Walmart's XML, and messages)
};

// Longest text WriteMoneyAmount produces: sign, 19 digits, point, 3 digits.
inline constexpr std::size_t kMaxMoneyChars = 24;

// Writes the decimal text of `minor` units with `digits` (0..3) fraction
// digits at `out`, which has room for kMaxMoneyChars; returns the end.
char* WriteMoneyAmount(char* out, std::int64_t minor, int digits, MoneyStyle style);

std::string MoneyAmountText(std::int64_t minor, int digits, MoneyStyle style);
// "CAD 12.50", "CLP -1990": for error descriptions.
std::string MoneyText(const Money& money);

}  // namespace mporders
