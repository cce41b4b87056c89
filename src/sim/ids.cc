#include "sim/ids.h"

#include "sim/random.h"

namespace mporders::sim {
namespace {

constexpr std::uint64_t kMask40 = kPermutedIndexLimit - 1;

// A bijection on [0, 2^40): xor, odd multiplication and xor-shift are each
// invertible modulo 2^40, so distinct inputs give distinct outputs.
std::uint64_t Permute40(std::uint64_t x, std::uint64_t key) {
  x = (x ^ key) & kMask40;
  x = (x * 0x9E3779B97F4BULL) & kMask40;
  x ^= x >> 19;
  x = (x * 0xD6E8FEB86659FULL) & kMask40;
  x ^= x >> 23;
  x = (x + (key >> 24)) & kMask40;
  return x;
}

}  // namespace

void AppendDigits(std::string& out, std::uint64_t value, int width) {
  const std::size_t start = out.size();
  out.append(static_cast<std::size_t>(width), '0');
  for (int i = width - 1; i >= 0; --i) {
    out[start + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    value /= 10;
  }
}

void AppendHexUpper(std::string& out, std::uint64_t bits, int count) {
  constexpr char kHex[] = "0123456789ABCDEF";
  for (int i = 0; i < count; ++i) {
    out.push_back(kHex[bits & 0xF]);
    bits >>= 4;
  }
}

std::string PurchaseOrderId(std::uint64_t seed, std::uint64_t index, std::string_view prefix) {
  std::string id;
  id.reserve(prefix.size() + 15);
  id.append(prefix);
  if (index < kPermutedIndexLimit) {
    // 1e12 + [0, 2^40) stays below 1e13: always 13 digits with a leading 1 or 2.
    AppendDigits(id, 1'000'000'000'000ULL + Permute40(index, Mix64(seed ^ 0xA5A5A5A5ULL)), 13);
  } else {
    AppendDigits(id, 100'000'000'000'000ULL + index, 15);
  }
  return id;
}

std::string CustomerOrderId(std::uint64_t seed, std::uint64_t index) {
  std::string id;
  id.reserve(13);
  // A different key and range from purchase order ids, so the two never look alike.
  AppendDigits(id, 4'000'000'000'000ULL + Permute40(index, Mix64(seed ^ 0x5A5A5A5AULL)), 13);
  return id;
}

}  // namespace mporders::sim
