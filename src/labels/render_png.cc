// RenderLabelPng: the label on a cairo image surface, written as PNG.

#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <string>

#include "labels/cairo_output.h"
#include "labels/label_layout.h"
#include "labels/labels.h"

namespace mporders::labels {
namespace {

void AppendBigEndian32(std::string& out, std::uint32_t value) {
  out += static_cast<char>((value >> 24) & 0xFF);
  out += static_cast<char>((value >> 16) & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}

// cairo writes no resolution; without a pHYs chunk viewers and print dialogs
// assume 72 or 96 dpi and print the label far too large. The chunk goes right
// after IHDR, as the PNG specification requires it before the image data.
Status InsertPhysChunk(std::string& png, int dpi) {
  constexpr std::size_t kSignature = 8;
  constexpr std::size_t kIhdrEnd = kSignature + 4 + 4 + 13 + 4;  // length, type, data, CRC
  if (png.size() < kIhdrEnd || png.compare(kSignature + 4, 4, "IHDR") != 0) {
    return Status::Internal("cairo wrote a PNG without a leading IHDR chunk");
  }
  const auto pixels_per_metre = static_cast<std::uint32_t>(std::lround(dpi / 0.0254));
  std::string chunk;
  AppendBigEndian32(chunk, 9);
  chunk += "pHYs";
  AppendBigEndian32(chunk, pixels_per_metre);
  AppendBigEndian32(chunk, pixels_per_metre);
  chunk += '\x01';  // unit: metre
  const uLong crc =
      crc32(crc32(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(chunk.data() + 4), 4 + 9);
  AppendBigEndian32(chunk, static_cast<std::uint32_t>(crc));
  png.insert(kIhdrEnd, chunk);
  return Status::Ok();
}

}  // namespace

Result<std::string> RenderLabelPng(const LabelData& data, int dpi) {
  if (dpi < kMinDpi || dpi > kMaxDpi) {
    return Status::InvalidParam(
        "dpi must be from " + std::to_string(kMinDpi) + " to " + std::to_string(kMaxDpi), "dpi");
  }
  Result<PreparedLabel> label = PrepareLabel(data);
  if (!label.ok()) return label.status();

  const double scale = dpi / 72.0;
  const int width = static_cast<int>(std::lround(kLabelWidthPt * scale));
  const int height = static_cast<int>(std::lround(kLabelHeightPt * scale));
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not create the label image: ") +
                            cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  {
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    MP_RETURN_IF_ERROR(DrawLabel(cr.get(), *label, {scale, true}));
  }
  cairo_surface_flush(surface.get());

  std::string png;
  cairo_status_t written = cairo_surface_write_to_png_stream(surface.get(), AppendToString, &png);
  if (written != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cairo could not write the label PNG: ") +
                            cairo_status_to_string(written));
  }
  MP_RETURN_IF_ERROR(InsertPhysChunk(png, dpi));
  return png;
}

}  // namespace mporders::labels
