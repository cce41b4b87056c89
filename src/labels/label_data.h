#pragma once
// The input of the shipping-label renderer: everything printed on one 4x6 in
// label, as plain strings the caller has already taken from the order. The
// labels library knows no order model, store or HTTP; whoever owns the MX
// order builds a LabelData per package and calls labels/labels.h.
//
// Text fields are UTF-8 and printed as given (DejaVu Sans covers Spanish and
// most Latin, Greek and Cyrillic text; characters the font lacks print as an
// empty box). Invalid UTF-8 is replaced by U+FFFD and control characters by
// spaces. Text wider than its place on the label is shrunk down to a minimum
// size and then cut with an ellipsis, so no length of text is an error except
// for the tracking number, which must print whole as a barcode.

#include <optional>
#include <string>
#include <vector>

#include "core/status.h"

namespace mporders::labels {

// A postal address as printed. Empty fields are left out of the label.
struct Address {
  std::string name;                // person or company
  std::vector<std::string> lines;  // street lines; any beyond the printed ones join the last
  std::string city;
  std::string state;        // e.g. "CDMX", "Jalisco"
  std::string postal_code;  // e.g. "06600"
  std::string country;      // e.g. "MX"
  std::string phone;
};

struct LabelData {
  // Printed as a Code 128 barcode and as text. REQUIRED: 1 to
  // kMaxTrackingNumberLength printable ASCII characters, no spaces.
  std::string tracking_number;
  std::string carrier;          // e.g. "Estafeta", "MX-DHL"
  std::string carrier_service;  // e.g. "Día siguiente"
  std::string purchase_order_id;
  std::string customer_order_id;    // optional second reference in the footer
  std::string package_no;           // e.g. "1 of 2"
  std::string ship_date;            // printed as given, e.g. "2026-12-04"
  std::optional<double> weight_kg;  // REQUIRED when set: 0 to kMaxWeightKg
  Address sender;
  Address recipient;  // REQUIRED: a name and at least one address line
};

inline constexpr std::size_t kMaxTrackingNumberLength = 40;
inline constexpr std::size_t kMaxAddressLines = 3;
inline constexpr double kMaxWeightKg = 10000;

// OK when `label` can be rendered; otherwise kInvalidRequestContent naming the
// field (trackingNumber, recipient.name, recipient.addressLines, weight).
// Whether a long tracking number's barcode fits the label is decided when
// rendering (labels.h).
Status ValidateLabelData(const LabelData& label);

}  // namespace mporders::labels
