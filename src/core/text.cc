#include "core/text.h"

#include "core/utf8.h"

namespace mporders {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

// Length of the well-formed, XML-safe character starting at text[i], or 0:
// a UTF-8 character (DecodeUtf8) that XML 1.0 can carry.
std::size_t CharLength(std::string_view text, std::size_t i) {
  const Utf8Char c = DecodeUtf8(text, i);
  if (c.length == 0) return 0;
  const char32_t cp = c.code_point;
  if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') return 0;  // C0 controls
  if (cp == 0xFFFE || cp == 0xFFFF) return 0;                         // not XML characters
  return c.length;
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
