// RenderLabelsPdf: one cairo PDF page per label, written to memory.

#include <cairo-pdf.h>

#include <string>

#include "labels/cairo_output.h"
#include "labels/label_layout.h"
#include "labels/labels.h"

namespace mporders::labels {
namespace {

// Says which label of several was refused.
Status NameLabel(const Status& status, std::size_t index, std::size_t count) {
  if (count == 1) return status;
  return Status::Error(status.code(),
                       "label " + std::to_string(index + 1) + " of " + std::to_string(count) +
                           ": " + status.description(),
                       status.field());
}

}  // namespace

Result<std::string> RenderLabelsPdf(std::span<const LabelData> labels) {
  if (labels.empty()) {
    return Status::InvalidContent("at least one label is required", "trackingNumbers");
  }
  // Everything that can be refused is checked before the document starts.
  std::vector<PreparedLabel> prepared;
  prepared.reserve(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    Result<PreparedLabel> label = PrepareLabel(labels[i]);
    if (!label.ok()) return NameLabel(label.status(), i, labels.size());
    prepared.push_back(std::move(label).value());
  }

  std::string pdf;
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kLabelWidthPt, kLabelHeightPt));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not start the label PDF: ") +
                            cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, "Shipping labels");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "mporders");
  {
    CairoPtr cr(cairo_create(surface.get()));
    for (const PreparedLabel& label : prepared) {
      MP_RETURN_IF_ERROR(DrawLabel(cr.get(), label, {1.0, false}));
      cairo_show_page(cr.get());
    }
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return Status::Internal(std::string("cairo failed on the label PDF: ") +
                              cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not write the label PDF: ") +
                            cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return pdf;
}

}  // namespace mporders::labels
