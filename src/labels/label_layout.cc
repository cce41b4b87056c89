#include "labels/label_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "labels/draw_text.h"
#include "labels/text_clean.h"

namespace mporders::labels {
namespace {

// Frame and section geometry, in points.
constexpr double kFrameInset = 6;
constexpr double kFrameLine = 3;
constexpr double kRuleLine = 2.5;
constexpr double kPad = 8;
constexpr double kLeft = kFrameInset + kPad;
constexpr double kRight = kLabelWidthPt - kFrameInset - kPad;
constexpr double kInnerLeft = kFrameInset + kFrameLine / 2;
constexpr double kInnerRight = kLabelWidthPt - kFrameInset - kFrameLine / 2;

constexpr double kSenderBottom = 84;
constexpr double kSenderDivider = 186;
constexpr double kRecipientBottom = 222;
constexpr double kCarrierBottom = 278;
constexpr double kCarrierDivider = 196;
constexpr double kTrackingBottom = 384;
constexpr double kFooterDivider = 150;
constexpr double kBarTop = 298;
constexpr double kBarHeight = 62;  // 0.86 in: tall enough to scan at an angle

constexpr std::size_t kSenderStreetLines = 2;

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

// Cleans an address and folds street lines beyond `max_lines` into the last
// printed one, so nothing the caller gave is silently dropped.
PreparedLabel::Block PrepareBlock(const Address& address, std::size_t max_lines) {
  PreparedLabel::Block block;
  block.name = CleanLabelText(address.name);
  std::vector<std::string> lines;
  for (const std::string& line : address.lines) {
    std::string clean = CleanLabelText(line);
    if (!clean.empty()) lines.push_back(std::move(clean));
  }
  if (lines.size() > max_lines) {
    std::vector<std::string> rest(lines.begin() + static_cast<std::ptrdiff_t>(max_lines - 1),
                                  lines.end());
    lines.resize(max_lines - 1);
    lines.push_back(CleanLabelText(JoinNonEmpty(rest, ", ")));
  }
  block.lines = std::move(lines);
  block.locality =
      JoinNonEmpty({CleanLabelText(address.city), CleanLabelText(address.state)}, ", ");
  block.postal_code = CleanLabelText(address.postal_code);
  block.country = CleanLabelText(address.country);
  block.phone = CleanLabelText(address.phone);
  return block;
}

void FillRect(cairo_t* cr, double x, double y, double width, double height) {
  cairo_rectangle(cr, x, y, width, height);
  cairo_fill(cr);
}

void HorizontalRule(cairo_t* cr, double y) {
  cairo_set_line_width(cr, kRuleLine);
  cairo_move_to(cr, kInnerLeft, y);
  cairo_line_to(cr, kInnerRight, y);
  cairo_stroke(cr);
}

void VerticalRule(cairo_t* cr, double x, double top, double bottom, double width) {
  cairo_set_line_width(cr, width);
  cairo_move_to(cr, x, top);
  cairo_line_to(cr, x, bottom);
  cairo_stroke(cr);
}

void DrawSender(cairo_t* cr, const PreparedLabel& label) {
  const PreparedLabel::Block& from = label.sender;
  const double width = kSenderDivider - kLeft - 6;
  DrawCaption(cr, "REMITENTE / FROM", kLeft, 17, width);
  std::vector<std::string> lines = from.lines;
  std::string locality = from.locality;
  if (!from.postal_code.empty()) locality = JoinNonEmpty({locality, from.postal_code}, " ");
  lines.push_back(JoinNonEmpty({locality, from.country}, ", "));
  if (!from.phone.empty()) lines.push_back("Tel. " + from.phone);
  double y = 28;
  if (!from.name.empty()) {
    DrawFittedText(cr, from.name, kLeft, y, width, {Face::kSansBold, 8.5, 6});
    y += 9.5;
  }
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (y > kSenderBottom - 6) break;
    DrawFittedText(cr, line, kLeft, y, width, {Face::kSans, 7.5, 5.5});
    y += 9;
  }

  VerticalRule(cr, kSenderDivider, kFrameInset, kSenderBottom, 1.5);
  const double right_x = kSenderDivider + 8;
  const double right_width = kRight - right_x;
  DrawCaption(cr, "FECHA / SHIP DATE", right_x, 20, right_width);
  DrawFittedText(cr, label.ship_date.empty() ? "-" : label.ship_date, right_x, 33, right_width,
                 {Face::kSansBold, 10, 6});
  DrawCaption(cr, "PESO / WEIGHT", right_x, 52, right_width);
  DrawFittedText(cr, label.weight.empty() ? "-" : label.weight, right_x, 65, right_width,
                 {Face::kSansBold, 10, 6});
}

void DrawRecipient(cairo_t* cr, const PreparedLabel& label) {
  const PreparedLabel::Block& to = label.recipient;
  const double width = kRight - kLeft;
  // A black tab makes the destination the first thing a reader finds.
  FillRect(cr, kInnerLeft, kSenderBottom, 104, 15);
  cairo_set_source_rgb(cr, 1, 1, 1);
  DrawFittedText(cr, "DESTINATARIO / SHIP TO", kLeft - 2, kSenderBottom + 10.5, 96,
                 {Face::kSansBold, 6.5, 5});
  cairo_set_source_rgb(cr, 0, 0, 0);

  double y = 118;
  DrawFittedText(cr, to.name, kLeft, y, width, {Face::kSansBold, 15, 9});
  y += 16;
  for (const std::string& line : to.lines) {
    DrawFittedText(cr, line, kLeft, y, width, {Face::kSansBold, 11.5, 7});
    y += 13.5;
  }
  if (!to.locality.empty()) {
    DrawFittedText(cr, to.locality, kLeft, y, width, {Face::kSansBold, 11.5, 7});
    y += 13.5;
  }
  // The postal code sits at the same place on every label, where sorting
  // staff look for it, however many street lines there are.
  std::string postal = to.postal_code.empty() ? std::string() : "C.P. " + to.postal_code;
  std::string destination = JoinNonEmpty({postal, to.country}, "  ");
  DrawFittedText(cr, destination, kLeft, std::max(y + 6, kRecipientBottom - 26), width,
                 {Face::kSansBold, 20, 9});
  if (!to.phone.empty()) {
    DrawFittedText(cr, "Tel. " + to.phone, kLeft, kRecipientBottom - 7, width, {Face::kSans, 9, 6});
  }
}

void DrawCarrierBand(cairo_t* cr, const PreparedLabel& label) {
  FillRect(cr, kInnerLeft, kRecipientBottom, kCarrierDivider - kInnerLeft,
           kCarrierBottom - kRecipientBottom);
  cairo_set_source_rgb(cr, 1, 1, 1);
  const double width = kCarrierDivider - kLeft - 8;
  std::string carrier = label.carrier.empty() ? std::string("CARRIER") : label.carrier;
  if (label.service.empty()) {
    DrawFittedText(cr, carrier, kLeft, kRecipientBottom + 36, width, {Face::kSansBold, 22, 10});
  } else {
    DrawFittedText(cr, carrier, kLeft, kRecipientBottom + 27, width, {Face::kSansBold, 20, 10});
    DrawFittedText(cr, label.service, kLeft, kRecipientBottom + 46, width,
                   {Face::kSansBold, 10, 6});
  }
  cairo_set_source_rgb(cr, 0, 0, 0);

  const double box_x = kCarrierDivider + 6;
  const double box_width = kInnerRight - box_x - 6;
  DrawCaption(cr, "PAQUETE / PKG", box_x + 2, kRecipientBottom + 14, box_width);
  DrawFittedText(cr, label.package_no.empty() ? "1 of 1" : label.package_no, box_x,
                 kRecipientBottom + 42, box_width, {Face::kSansBold, 18, 8}, Align::kCenter);
}

Status DrawBarcode(cairo_t* cr, const PreparedLabel& label, const DeviceScale& device) {
  const Code128& code = label.barcode;
  const double center_x = kLabelWidthPt / 2;
  if (!device.snap_to_pixels) {
    const double module = label.module_pt;
    const double left = center_x - code.modules * module / 2;
    for (const Code128::Bar& bar : code.bars) {
      cairo_rectangle(cr, left + bar.start * module, kBarTop, bar.width * module, kBarHeight);
    }
    cairo_fill(cr);
    return Status::Ok();
  }
  // On a raster every module is the same whole number of pixels, so bar and
  // space widths keep their exact ratios for the scanner.
  const double module_px = std::floor(label.module_pt * device.units_per_point + 1e-6);
  if (module_px < 1) {
    return Status::InvalidParam(
        "the resolution is too low to print this tracking number's "
        "barcode",
        "dpi");
  }
  double left = center_x;
  double top = kBarTop;
  cairo_user_to_device(cr, &left, &top);
  left = std::round(left - code.modules * module_px / 2);
  top = std::round(top);
  const double height = std::round(kBarHeight * device.units_per_point);
  cairo_save(cr);
  cairo_identity_matrix(cr);
  cairo_set_antialias(cr, CAIRO_ANTIALIAS_NONE);
  for (const Code128::Bar& bar : code.bars) {
    cairo_rectangle(cr, left + bar.start * module_px, top, bar.width * module_px, height);
  }
  cairo_fill(cr);
  cairo_restore(cr);
  return Status::Ok();
}

Status DrawTracking(cairo_t* cr, const PreparedLabel& label, const DeviceScale& device) {
  DrawCaption(cr, "GUÍA / TRACKING NUMBER", kLeft, kCarrierBottom + 13, kRight - kLeft);
  MP_RETURN_IF_ERROR(DrawBarcode(cr, label, device));
  DrawFittedText(cr, label.tracking_number, kLeft, kBarTop + kBarHeight + 16, kRight - kLeft,
                 {Face::kMonoBold, 14, 6}, Align::kCenter);
  return Status::Ok();
}

void DrawFooter(cairo_t* cr, const PreparedLabel& label) {
  const double bottom = kLabelHeightPt - kFrameInset;
  DrawCaption(cr, "PEDIDO / PURCHASE ORDER", kLeft, kTrackingBottom + 13,
              kFooterDivider - kLeft - 6);
  DrawFittedText(cr, label.purchase_order_id.empty() ? "-" : label.purchase_order_id, kLeft,
                 kTrackingBottom + 30, kFooterDivider - kLeft - 6, {Face::kSansBold, 11, 6});
  VerticalRule(cr, kFooterDivider, kTrackingBottom, bottom, 1.5);
  const double right_x = kFooterDivider + 8;
  DrawCaption(cr, "ORDEN / CUSTOMER ORDER", right_x, kTrackingBottom + 13, kRight - right_x);
  DrawFittedText(cr, label.customer_order_id.empty() ? "-" : label.customer_order_id, right_x,
                 kTrackingBottom + 30, kRight - right_x, {Face::kSansBold, 11, 6});
}

}  // namespace

Result<PreparedLabel> PrepareLabel(const LabelData& data) {
  MP_RETURN_IF_ERROR(ValidateLabelData(data));
  Result<Code128> code = EncodeCode128(data.tracking_number);
  if (!code.ok()) return code.status();

  PreparedLabel label;
  label.tracking_number = data.tracking_number;
  label.barcode = std::move(code).value();
  const double available = kInnerRight - kInnerLeft;
  const int total_modules = label.barcode.modules + 2 * kCode128QuietModules;
  label.module_pt = std::min(kMaxModulePt, available / total_modules);
  if (label.module_pt < kMinModulePt) {
    return Status::InvalidContent(
        "trackingNumber is too long for a Code 128 barcode that fits a 4 in label",
        "trackingNumber");
  }
  label.carrier = CleanLabelText(data.carrier);
  label.service = CleanLabelText(data.carrier_service);
  label.package_no = CleanLabelText(data.package_no);
  label.ship_date = CleanLabelText(data.ship_date);
  if (data.weight_kg) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f kg", *data.weight_kg);
    label.weight = buffer;
  }
  label.purchase_order_id = CleanLabelText(data.purchase_order_id);
  label.customer_order_id = CleanLabelText(data.customer_order_id);
  label.sender = PrepareBlock(data.sender, kSenderStreetLines);
  label.recipient = PrepareBlock(data.recipient, kMaxAddressLines);
  return label;
}

Status DrawLabel(cairo_t* cr, const PreparedLabel& label, const DeviceScale& device) {
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_paint(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);

  cairo_set_line_width(cr, kFrameLine);
  cairo_rectangle(cr, kFrameInset, kFrameInset, kLabelWidthPt - 2 * kFrameInset,
                  kLabelHeightPt - 2 * kFrameInset);
  cairo_stroke(cr);
  HorizontalRule(cr, kSenderBottom);
  HorizontalRule(cr, kRecipientBottom);
  HorizontalRule(cr, kCarrierBottom);
  HorizontalRule(cr, kTrackingBottom);

  DrawSender(cr, label);
  DrawRecipient(cr, label);
  DrawCarrierBand(cr, label);
  Status status = DrawTracking(cr, label, device);
  DrawFooter(cr, label);
  cairo_restore(cr);
  MP_RETURN_IF_ERROR(status);
  if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo failed to draw the label: ") +
                            cairo_status_to_string(cairo_status(cr)));
  }
  return Status::Ok();
}

}  // namespace mporders::labels
