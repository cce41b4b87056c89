#include "labels/label_data.h"

#include <cmath>

#include "labels/text_clean.h"

namespace mporders::labels {
namespace {

bool IsPrintableAsciiWithoutSpace(char c) { return c > 0x20 && c < 0x7f; }

}  // namespace

Status ValidateLabelData(const LabelData& label) {
  const std::string& tracking = label.tracking_number;
  if (tracking.empty()) {
    return Status::InvalidContent("trackingNumber is required for a shipping label",
                                  "trackingNumber");
  }
  if (tracking.size() > kMaxTrackingNumberLength) {
    return Status::InvalidContent(
        "trackingNumber is longer than " + std::to_string(kMaxTrackingNumberLength) + " characters",
        "trackingNumber");
  }
  for (char c : tracking) {
    if (!IsPrintableAsciiWithoutSpace(c)) {
      return Status::InvalidContent(
          "trackingNumber must be printable ASCII without spaces to print as Code 128",
          "trackingNumber");
    }
  }
  if (CleanLabelText(label.recipient.name).empty()) {
    return Status::InvalidContent("the recipient's name is required", "recipient.name");
  }
  bool has_line = false;
  for (const std::string& line : label.recipient.lines) {
    if (!CleanLabelText(line).empty()) has_line = true;
  }
  if (!has_line) {
    return Status::InvalidContent("the recipient needs at least one address line",
                                  "recipient.addressLines");
  }
  if (label.weight_kg && (!std::isfinite(*label.weight_kg) || *label.weight_kg < 0 ||
                          *label.weight_kg > kMaxWeightKg)) {
    return Status::InvalidContent("weight must be a number of kilograms from 0 to " +
                                      std::to_string(static_cast<int>(kMaxWeightKg)),
                                  "weight");
  }
  return Status::Ok();
}

}  // namespace mporders::labels
