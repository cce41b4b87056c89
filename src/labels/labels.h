#pragma once
// Shipping-label documents for Walmart Mexico's label endpoints
// (POST /v3/orders/labels as PDF or ZIP, GET /v3/orders/label/{trackingNumber}
// as PNG): a 4x6 in label per package, drawn once (label_layout.h) and
// produced as a raster (PNG), a multi-page PDF, or a ZIP of one PDF per
// tracking number.
//
// Every function is a pure function of its input: no files, no globals
// beyond the font cache cairo and fontconfig keep, safe to call from several
// threads at once. Errors are values: bad input is kInvalidRequestContent
// (or kInvalidRequestParam for dpi) naming the field; a failure inside
// cairo, libzint or libzip is kInternal. No input crashes them.

#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "labels/label_data.h"

namespace mporders::labels {

inline constexpr int kDefaultDpi = 203;  // 8 dots/mm, the common thermal printer
inline constexpr int kMinDpi = 100;
inline constexpr int kMaxDpi = 600;

// The label as a PNG of round(4*dpi) x round(6*dpi) pixels (812x1218 at 203
// dpi), 24-bit RGB, with a pHYs chunk recording the resolution so it prints
// at 4x6 in. The barcode's modules are whole pixels. REQUIRED: kMinDpi <= dpi
// <= kMaxDpi (else kInvalidRequestParam on "dpi").
Result<std::string> RenderLabelPng(const LabelData& label, int dpi = kDefaultDpi);

// One PDF with a 288x432 pt (4x6 in) page per label, in order, vector
// barcode and embedded DejaVu font subsets. REQUIRED: at least one label.
// Any invalid label fails the whole document (the error names the field).
Result<std::string> RenderLabelsPdf(std::span<const LabelData> labels);

// A ZIP archive holding one single-page PDF per label, named
// LabelFileName(tracking_number), in order. REQUIRED: at least one label.
// Two labels whose names clash get "-2", "-3", ... before ".pdf".
Result<std::string> ZipLabelsPdf(std::span<const LabelData> labels);

// "<tracking number>.pdf" with every character outside [A-Za-z0-9._-]
// replaced by '_', a leading '.' too (no hidden or relative names), and at
// most 100 characters before ".pdf". Safe as a ZIP entry and in a
// Content-Disposition filename.
std::string LabelFileName(std::string_view tracking_number);

}  // namespace mporders::labels
