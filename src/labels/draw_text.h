#pragma once
// Single-line text on a label with cairo's text API and the DejaVu fonts
// (Debian fonts-dejavu-core). Text never overflows its box: it shrinks to a
// minimum size, then is cut with an ellipsis.

#include <cairo.h>

#include <string_view>

namespace mporders::labels {

enum class Face { kSans, kSansBold, kMonoBold };
enum class Align { kLeft, kCenter, kRight };

struct TextStyle {
  Face face = Face::kSans;
  double size = 10;      // points
  double min_size = 10;  // points; shrink no further than this, then ellipsize
};

// Draws `text` (REQUIRED: cleaned by CleanLabelText) with its baseline at `y`,
// in the box [x, x + width] aligned as asked, in the current source colour.
// Returns the font size used (0 when nothing was drawn).
double DrawFittedText(cairo_t* cr, std::string_view text, double x, double y, double width,
                      const TextStyle& style, Align align = Align::kLeft);

// Draws a small uppercase caption (e.g. "SHIP TO") at (x, y).
void DrawCaption(cairo_t* cr, std::string_view text, double x, double y, double width);

}  // namespace mporders::labels
