#include "labels/draw_text.h"

#include <algorithm>
#include <string>

#include "labels/text_clean.h"

namespace mporders::labels {
namespace {

constexpr std::string_view kEllipsis = "\xE2\x80\xA6";  // U+2026
constexpr double kCaptionSize = 6.5;

void SelectFace(cairo_t* cr, Face face, double size) {
  switch (face) {
    case Face::kSans:
      cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
      break;
    case Face::kSansBold:
      cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
      break;
    case Face::kMonoBold:
      cairo_select_font_face(cr, "DejaVu Sans Mono", CAIRO_FONT_SLANT_NORMAL,
                             CAIRO_FONT_WEIGHT_BOLD);
      break;
  }
  cairo_set_font_size(cr, size);
}

double Advance(cairo_t* cr, const std::string& text) {
  cairo_text_extents_t extents;
  cairo_text_extents(cr, text.c_str(), &extents);
  return extents.x_advance;
}

}  // namespace

double DrawFittedText(cairo_t* cr, std::string_view text, double x, double y, double width,
                      const TextStyle& style, Align align) {
  if (text.empty() || width <= 0) return 0;
  std::string shown(text);
  double size = style.size;
  SelectFace(cr, style.face, size);
  double advance = Advance(cr, shown);
  if (advance > width) {
    // Shrink proportionally, but not below the minimum size.
    size = std::max(style.min_size, size * width / advance);
    SelectFace(cr, style.face, size);
    advance = Advance(cr, shown);
  }
  if (advance > width) {
    // Longest prefix that still fits with an ellipsis (binary search).
    std::size_t low = 0;
    std::size_t high = CountCodePoints(text);
    while (low < high) {
      std::size_t mid = (low + high + 1) / 2;
      std::string candidate(PrefixCodePoints(text, mid));
      candidate += kEllipsis;
      if (Advance(cr, candidate) <= width) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    shown = std::string(PrefixCodePoints(text, low));
    while (!shown.empty() && shown.back() == ' ') shown.pop_back();
    shown += kEllipsis;
    advance = Advance(cr, shown);
  }
  double left = x;
  if (align == Align::kCenter) left = x + (width - advance) / 2;
  if (align == Align::kRight) left = x + width - advance;
  cairo_move_to(cr, left, y);
  cairo_show_text(cr, shown.c_str());
  return size;
}

void DrawCaption(cairo_t* cr, std::string_view text, double x, double y, double width) {
  DrawFittedText(cr, text, x, y, width, {Face::kSansBold, kCaptionSize, 5});
}

}  // namespace mporders::labels
