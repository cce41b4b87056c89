#pragma once
// Turns caller-supplied text into something cairo can always draw: cairo's
// text API rejects invalid UTF-8 (and then refuses all further drawing), and
// stops at an embedded NUL.

#include <cstddef>
#include <string>
#include <string_view>

namespace mporders::labels {

// No single line on a 4 in label holds more than this many characters, even
// at the smallest font size; anything longer is cut before it is measured.
inline constexpr std::size_t kMaxPrintedCodePoints = 200;

// Returns `text` as valid UTF-8 of at most `max_code_points` code points:
// each invalid byte (bad lead or continuation byte, overlong form, surrogate,
// above U+10FFFF) becomes U+FFFD; control characters (C0, DEL, C1) become
// spaces; runs of spaces collapse to one; leading and trailing spaces go.
std::string CleanLabelText(std::string_view text,
                           std::size_t max_code_points = kMaxPrintedCodePoints);

// Number of code points in valid UTF-8 `text`.
std::size_t CountCodePoints(std::string_view text);

// The first `count` code points of valid UTF-8 `text`.
std::string_view PrefixCodePoints(std::string_view text, std::size_t count);

}  // namespace mporders::labels
