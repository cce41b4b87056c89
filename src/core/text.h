#pragma once
// Text that is safe to put in any response body.

#include <string>
#include <string_view>

namespace mporders {

// `text` with every byte sequence that is not well-formed UTF-8, and every
// character XML 1.0 cannot carry (C0 controls other than tab, LF and CR;
// U+FFFE, U+FFFF), replaced by U+FFFD. The result is valid in a JSON string
// and in XML text alike. Well-formed text comes back unchanged.
std::string SafeText(std::string_view text);

// True when SafeText(text) == text (the common case, checked without copying).
bool IsSafeText(std::string_view text);

}  // namespace mporders
