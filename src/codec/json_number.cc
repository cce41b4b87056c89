#include "codec/json_number.h"

#include <algorithm>
#include <limits>

#include "codec/json_writer.h"
#include "codec/order_json.h"

namespace mporders {
namespace {

// Exponents are clamped here; anything this large overflows or underflows
// every amount that has a non-zero digit.
constexpr std::int64_t kExponentClamp = 1'000'000;
constexpr std::size_t kMaxInt64Digits = 19;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Converts a digit string without sign to int64, or reports overflow.
ParsedNumber DigitsToInt64(std::string_view digits, bool negative) {
  if (digits.size() > kMaxInt64Digits) return {NumberError::kOutOfRange, 0};
  std::uint64_t value = 0;
  for (char c : digits) value = value * 10 + static_cast<std::uint64_t>(c - '0');
  // The magnitude of the most negative int64 is not representable as a
  // positive one; it is not a meaningful amount, so the range is symmetric.
  if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    return {NumberError::kOutOfRange, 0};
  }
  const auto magnitude = static_cast<std::int64_t>(value);
  return {NumberError::kNone, negative ? -magnitude : magnitude};
}

}  // namespace

ParsedNumber ParseMoneyMinor(std::string_view text, int digits) {
  std::size_t i = 0;
  const std::size_t n = text.size();
  const bool negative = i < n && text[i] == '-';
  if (negative) ++i;

  // Collect the significant digits of integer and fraction parts together.
  std::string mantissa;
  const std::size_t int_start = i;
  for (; i < n && IsDigit(text[i]); ++i) {
    if (!mantissa.empty() || text[i] != '0') mantissa.push_back(text[i]);
  }
  if (i == int_start) return {NumberError::kSyntax, 0};

  std::int64_t fraction_digits = 0;
  if (i < n && text[i] == '.') {
    ++i;
    const std::size_t frac_start = i;
    for (; i < n && IsDigit(text[i]); ++i) {
      if (!mantissa.empty() || text[i] != '0') mantissa.push_back(text[i]);
    }
    if (i == frac_start) return {NumberError::kSyntax, 0};
    fraction_digits = static_cast<std::int64_t>(i - frac_start);
  }

  std::int64_t exponent = 0;
  if (i < n && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    bool exponent_negative = false;
    if (i < n && (text[i] == '+' || text[i] == '-')) exponent_negative = text[i++] == '-';
    const std::size_t exp_start = i;
    for (; i < n && IsDigit(text[i]); ++i) {
      if (exponent < kExponentClamp) exponent = exponent * 10 + (text[i] - '0');
    }
    if (i == exp_start) return {NumberError::kSyntax, 0};
    if (exponent_negative) exponent = -exponent;
  }
  if (i != n) return {NumberError::kSyntax, 0};
  if (mantissa.empty()) return {NumberError::kNone, 0};  // any spelling of zero

  // value = mantissa * 10^(exponent - fraction_digits); minor = value * 10^digits.
  const std::int64_t shift = std::clamp(digits, 0, 3) + exponent - fraction_digits;
  if (shift < 0) {
    // Digits below the minor unit must all be zeros ("0.340" is 34 cents).
    const auto drop = static_cast<std::size_t>(-shift);
    const std::size_t last_nonzero = mantissa.find_last_not_of('0');
    if (drop > mantissa.size() - 1 - last_nonzero) return {NumberError::kTooPrecise, 0};
    mantissa.resize(mantissa.size() - drop);
  } else if (shift > 0) {
    if (mantissa.size() + static_cast<std::uint64_t>(shift) > kMaxInt64Digits) {
      return {NumberError::kOutOfRange, 0};
    }
    mantissa.append(static_cast<std::size_t>(shift), '0');
  }
  return DigitsToInt64(mantissa, negative);
}

ParsedNumber ParseInteger(std::string_view text) {
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) text.remove_prefix(1);
  if (text.empty()) return {NumberError::kSyntax, 0};
  for (char c : text) {
    if (!IsDigit(c)) return {NumberError::kSyntax, 0};
  }
  while (text.size() > 1 && text[0] == '0') text.remove_prefix(1);
  return DigitsToInt64(text, negative);
}

std::string FormatMoneyAmount(std::int64_t minor, int digits) {
  std::string out;
  JsonWriter writer(out, 0);
  writer.MoneyAmount(minor, digits);
  return out;
}

}  // namespace mporders
