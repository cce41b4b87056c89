#pragma once
// Text of data files compiled into the binary (see embed_text.cmake), so that
// the server needs no source tree at run time.

#include <string_view>

namespace mporders {

// src/domain/carriers/us.txt, verbatim.
std::string_view EmbeddedUsCarriersText();

}  // namespace mporders
