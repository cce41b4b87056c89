#pragma once
// A hash of text that is the same on every run and machine (FNV-1a, 64 bit):
// numbers and choices derived from ids stay stable across restarts.

#include <cstdint>
#include <string_view>

namespace mporders {

inline std::uint64_t StableHash(std::string_view text) {
  std::uint64_t hash = 1469598103934665603ULL;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ULL;
  }
  return hash;
}

}  // namespace mporders
