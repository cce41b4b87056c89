#pragma once
// Identifiers of generated orders: unique per index, shaped like Walmart's.

#include <cstdint>
#include <string>
#include <string_view>

namespace mporders::sim {

// Order indices below this get 13-digit ids (a seeded permutation, so
// consecutive indices do not give consecutive ids); larger indices, up to
// 9 * 10^14, get 15-digit ids. Either way distinct indices never share an id.
constexpr std::uint64_t kPermutedIndexLimit = std::uint64_t{1} << 40;

// `prefix` followed by 13 (or 15) digits. Distinct for distinct indices under
// one seed.
std::string PurchaseOrderId(std::uint64_t seed, std::uint64_t index, std::string_view prefix);

// 13 digits, distinct for distinct indices below kPermutedIndexLimit.
std::string CustomerOrderId(std::uint64_t seed, std::uint64_t index);

// Appends `value` as exactly `width` decimal digits (zero-padded, most
// significant digits dropped when it has more).
void AppendDigits(std::string& out, std::uint64_t value, int width);

// Appends `count` upper-case hex digits of `bits`, lowest nibble first.
void AppendHexUpper(std::string& out, std::uint64_t bits, int count);

}  // namespace mporders::sim
