#include "core/text.h"

#include <cstdint>

namespace mporders {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed, XML-safe character starting at text[i], or 0.
// Follows the table of well-formed sequences of Unicode 15 §3.9 (no
// overlongs, no surrogates, nothing above U+10FFFF).
std::size_t CharLength(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) -> std::uint8_t {
    return i + k < text.size() ? static_cast<std::uint8_t>(text[i + k]) : 0;
  };
  const std::uint8_t b0 = byte(0);
  if (b0 < 0x80) {
    return (b0 >= 0x20 || b0 == '\t' || b0 == '\n' || b0 == '\r') ? 1 : 0;
  }
  const auto cont = [&](std::size_t k, std::uint8_t lo = 0x80, std::uint8_t hi = 0xBF) {
    const std::uint8_t b = byte(k);
    return i + k < text.size() && b >= lo && b <= hi;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 == 0xE0) return cont(1, 0xA0, 0xBF) && cont(2) ? 3 : 0;
  if (b0 == 0xED) return cont(1, 0x80, 0x9F) && cont(2) ? 3 : 0;
  if (b0 == 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    // U+FFFE and U+FFFF are not XML characters.
    return (byte(1) == 0xBF && (byte(2) == 0xBE || byte(2) == 0xBF)) ? 0 : 3;
  }
  if (b0 >= 0xE1 && b0 <= 0xEC) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xEE) return cont(1) && cont(2) ? 3 : 0;
  if (b0 == 0xF0) return cont(1, 0x90, 0xBF) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xF1 && b0 <= 0xF3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 == 0xF4) return cont(1, 0x80, 0x8F) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

}  // namespace

bool IsSafeText(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = CharLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string SafeText(std::string_view text) {
  if (IsSafeText(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = CharLength(text, i);
    if (n == 0) {
      out += kReplacement;  // one replacement per bad byte
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

}  // namespace mporders
