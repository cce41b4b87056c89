#include "labels/text_clean.h"

#include <cstdint>

namespace mporders::labels {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD

bool IsContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes one code point at the start of `text`. Returns the number of bytes
// it takes, or 0 when the bytes there are not valid UTF-8.
std::size_t DecodeOne(std::string_view text, std::uint32_t& code_point) {
  const auto b0 = static_cast<unsigned char>(text[0]);
  std::size_t length = 0;
  std::uint32_t min_value = 0;
  if (b0 < 0x80) {
    code_point = b0;
    return 1;
  } else if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    code_point = b0 & 0x1F;
    min_value = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    code_point = b0 & 0x0F;
    min_value = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    code_point = b0 & 0x07;
    min_value = 0x10000;
  } else {
    return 0;
  }
  if (text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (!IsContinuation(b)) return 0;
    code_point = (code_point << 6) | (b & 0x3F);
  }
  if (code_point < min_value || code_point > 0x10FFFF) return 0;
  if (code_point >= 0xD800 && code_point <= 0xDFFF) return 0;
  return length;
}

bool IsControl(std::uint32_t code_point) {
  return code_point < 0x20 || (code_point >= 0x7F && code_point <= 0x9F);
}

}  // namespace

std::string CleanLabelText(std::string_view text, std::size_t max_code_points) {
  std::string out;
  std::size_t code_points = 0;
  bool pending_space = false;
  while (!text.empty() && code_points < max_code_points) {
    std::uint32_t code_point = 0;
    std::size_t length = DecodeOne(text, code_point);
    std::string_view piece;
    if (length == 0) {
      piece = kReplacement;
      length = 1;
    } else if (IsControl(code_point) || code_point == ' ') {
      pending_space = !out.empty();
    } else {
      piece = text.substr(0, length);
    }
    text.remove_prefix(length);
    if (piece.empty()) continue;
    if (pending_space) {
      if (code_points + 2 > max_code_points) break;  // no room for the space and a character
      out += ' ';
      ++code_points;
    }
    pending_space = false;
    out += piece;
    ++code_points;
  }
  return out;
}

std::size_t CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if (!IsContinuation(static_cast<unsigned char>(c))) ++count;
  }
  return count;
}

std::string_view PrefixCodePoints(std::string_view text, std::size_t count) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (!IsContinuation(static_cast<unsigned char>(text[i]))) {
      if (count == 0) break;
      --count;
    }
    ++i;
  }
  return text.substr(0, i);
}

}  // namespace mporders::labels
