#pragma once
// cairo write callback that appends to a std::string, for the PNG and PDF
// stream writers.

#include <cairo.h>

#include <memory>
#include <string>

namespace mporders::labels {

// `closure` is a std::string*. Never throws into cairo: an allocation
// failure is reported as CAIRO_STATUS_WRITE_ERROR.
cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length);

struct CairoDeleter {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* surface) const { cairo_surface_destroy(surface); }
};
using CairoPtr = std::unique_ptr<cairo_t, CairoDeleter>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDeleter>;

}  // namespace mporders::labels
