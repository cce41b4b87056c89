#pragma once
// The one drawing of a 4x6 in shipping label, shared by the PNG and PDF
// renderers. Coordinates are PDF points (1/72 in) on a 288x432 pt page; the
// caller scales the cairo context to its device.
//
// Top to bottom: sender block with ship date and weight; the recipient block
// in large bold type with the postal code largest; a black band with the
// carrier and service beside the package number; the tracking number as a
// Code 128 barcode with its text below; purchase order and customer order.

#include <cairo.h>

#include <string>
#include <vector>

#include "core/status.h"
#include "labels/code128.h"
#include "labels/label_data.h"

namespace mporders::labels {

inline constexpr double kLabelWidthPt = 288;   // 4 in
inline constexpr double kLabelHeightPt = 432;  // 6 in

// Narrowest and widest barcode module (X-dimension): 2 and 4 dots of a
// 203 dpi thermal printer (0.25 mm and 0.5 mm). Below 2 dots a thermal
// printer cannot print bars reliably.
inline constexpr double kMinModulePt = 2.0 / 203 * 72;
inline constexpr double kMaxModulePt = 4.0 / 203 * 72;

// A label with every text cleaned and composed into printed lines, and the
// barcode encoded: all that can fail before drawing has been checked.
struct PreparedLabel {
  struct Block {
    std::string name;
    std::vector<std::string> lines;  // street lines as printed
    std::string locality;            // "City, State"
    std::string postal_code;
    std::string country;
    std::string phone;
  };
  std::string tracking_number;
  Code128 barcode;
  double module_pt = 0;  // barcode X-dimension in points
  std::string carrier;
  std::string service;
  std::string package_no;
  std::string ship_date;
  std::string weight;  // "1.25 kg" or empty
  std::string purchase_order_id;
  std::string customer_order_id;
  Block sender;
  Block recipient;
};

// Validates (ValidateLabelData), encodes the barcode and checks it fits the
// label at a printable X-dimension; a tracking number too long for that is
// kInvalidRequestContent on "trackingNumber".
Result<PreparedLabel> PrepareLabel(const LabelData& label);

// How the context maps points to the device.
struct DeviceScale {
  double units_per_point = 1;   // device units (pixels) per point
  bool snap_to_pixels = false;  // raster: whole-pixel bar widths, no antialiasing
};

// Draws `label` with the context's current transformation scaled by
// device.units_per_point. Fails (kInvalidRequestParam on "dpi") when a raster
// is too coarse for the barcode's modules, or with cairo's error status.
Status DrawLabel(cairo_t* cr, const PreparedLabel& label, const DeviceScale& device);

}  // namespace mporders::labels
