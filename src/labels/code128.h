#pragma once
// Code 128 symbols from libzint, reduced to what a drawing needs: the bars
// as whole modules. Quiet zones are the caller's to leave.

#include <string_view>
#include <vector>

#include "core/status.h"

namespace mporders::labels {

struct Code128 {
  struct Bar {
    int start = 0;  // in modules from the left edge of the symbol
    int width = 0;  // in modules, 1 to 4
  };
  int modules = 0;  // total width of the symbol, quiet zones excluded
  std::vector<Bar> bars;
};

// The quiet zone Code 128 needs on each side (ISO/IEC 15417: 10 modules).
inline constexpr int kCode128QuietModules = 10;

// Encodes `text` (REQUIRED: ASCII; libzint picks code sets A, B and C for the
// shortest symbol). Non-ASCII or empty text, or text libzint refuses (too
// long), is kInvalidRequestContent on field "trackingNumber".
// Thread-safe: each call uses its own libzint symbol.
Result<Code128> EncodeCode128(std::string_view text);

}  // namespace mporders::labels
