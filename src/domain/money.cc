#include "domain/money.h"

#include <array>
#include <charconv>
#include <span>

namespace mporders {
namespace {

// ISO 4217 currencies whose minor unit is not the hundredth.
constexpr std::array<std::string_view, 16> kZeroDigitCurrencies = {
    "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW",
    "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF"};
constexpr std::array<std::string_view, 7> kThreeDigitCurrencies = {"BHD", "IQD", "JOD", "KWD",
                                                                   "LYD", "OMR", "TND"};

bool In(std::string_view code, std::span<const std::string_view> list) {
  for (std::string_view entry : list) {
    if (entry == code) return true;
  }
  return false;
}

constexpr std::array<std::uint64_t, 4> kPowersOfTen = {1, 10, 100, 1000};

}  // namespace

int MinorDigits(std::string_view currency) {
  // The three currencies this server trades in come first: most calls end here.
  if (currency == "USD" || currency == "CAD" || currency == "MXN") return 2;
  if (currency == "CLP") return 0;
  if (In(currency, kZeroDigitCurrencies)) return 0;
  if (In(currency, kThreeDigitCurrencies)) return 3;
  return 2;
}

char* WriteMoneyAmount(char* out, std::int64_t minor, int digits, MoneyStyle style) {
  if (digits < 0) digits = 0;
  if (digits > 3) digits = 3;
  // Unsigned arithmetic so that the most negative value has a magnitude too.
  auto magnitude = static_cast<std::uint64_t>(minor);
  if (minor < 0) {
    *out++ = '-';
    magnitude = 0 - magnitude;
  }
  const std::uint64_t scale = kPowersOfTen[static_cast<std::size_t>(digits)];
  out = std::to_chars(out, out + 20, magnitude / scale).ptr;
  std::uint64_t fraction = magnitude % scale;
  int shown = digits;
  if (style == MoneyStyle::kShortest) {
    while (shown > 0 && fraction % 10 == 0) {
      fraction /= 10;
      --shown;
    }
  }
  if (shown == 0) return out;
  *out++ = '.';
  for (int i = shown - 1; i >= 0; --i) {
    out[i] = static_cast<char>('0' + fraction % 10);
    fraction /= 10;
  }
  return out + shown;
}

std::string MoneyAmountText(std::int64_t minor, int digits, MoneyStyle style) {
  char buffer[kMaxMoneyChars];
  char* end = WriteMoneyAmount(buffer, minor, digits, style);
  return std::string(buffer, end);
}

std::string MoneyText(const Money& money) {
  return money.currency + " " +
         MoneyAmountText(money.minor, MinorDigits(money.currency), MoneyStyle::kFixed);
}

}  // namespace mporders
