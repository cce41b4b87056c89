#include "labels/code128.h"

#include <zint.h>

#include <cmath>
#include <memory>
#include <string>

namespace mporders::labels {
namespace {

struct SymbolDeleter {
  void operator()(zint_symbol* symbol) const { ZBarcode_Delete(symbol); }
};
using SymbolPtr = std::unique_ptr<zint_symbol, SymbolDeleter>;

Status Invalid(std::string description) {
  return Status::InvalidContent(std::move(description), "trackingNumber");
}

}  // namespace

Result<Code128> EncodeCode128(std::string_view text) {
  if (text.empty()) return Invalid("a Code 128 barcode needs at least one character");
  for (char c : text) {
    if (static_cast<unsigned char>(c) > 0x7F) {
      return Invalid("Code 128 text must be ASCII");
    }
  }
  // zint takes an int length; ASCII text this long never makes a usable label.
  if (text.size() > ZINT_MAX_DATA_LEN) return Invalid("Code 128 text is too long");

  SymbolPtr symbol(ZBarcode_Create());
  if (!symbol) return Status::Internal("libzint could not allocate a symbol");
  symbol->symbology = BARCODE_CODE128;
  symbol->input_mode = DATA_MODE;  // bytes as given: all ASCII, checked above
  symbol->show_hrt = 0;            // the label prints its own text
  symbol->output_options |= BARCODE_NO_QUIET_ZONES;
  symbol->warn_level = WARN_FAIL_ALL;  // a warning means a symbol we did not ask for

  int rc = ZBarcode_Encode_and_Buffer_Vector(symbol.get(),
                                             reinterpret_cast<const unsigned char*>(text.data()),
                                             static_cast<int>(text.size()), 0);
  if (rc >= ZINT_ERROR) {
    if (rc == ZINT_ERROR_TOO_LONG || rc == ZINT_ERROR_INVALID_DATA) {
      return Invalid(std::string("libzint refused the Code 128 text: ") + symbol->errtxt);
    }
    return Status::Internal(std::string("libzint failed to encode Code 128: ") + symbol->errtxt);
  }
  const zint_vector* vector = symbol->vector;
  if (vector == nullptr || symbol->width <= 0 || vector->width <= 0) {
    return Status::Internal("libzint produced no Code 128 vector output");
  }

  // The vector output is in zint's own units; without quiet zones its width
  // is exactly the symbol's width in modules, which gives the scale.
  const double units_per_module = vector->width / symbol->width;
  Code128 code;
  code.modules = symbol->width;
  for (const zint_vector_rect* rect = vector->rectangles; rect != nullptr; rect = rect->next) {
    Code128::Bar bar;
    bar.start = static_cast<int>(std::lround(rect->x / units_per_module));
    bar.width = static_cast<int>(std::lround(rect->width / units_per_module));
    if (bar.width <= 0 || bar.start < 0 || bar.start + bar.width > code.modules) {
      return Status::Internal("libzint produced a Code 128 bar outside the symbol");
    }
    code.bars.push_back(bar);
  }
  if (code.bars.empty()) return Status::Internal("libzint produced a Code 128 without bars");
  return code;
}

}  // namespace mporders::labels
