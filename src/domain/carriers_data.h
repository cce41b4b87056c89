#pragma once
// Text of data files compiled into the binary (see embed_text.cmake), so that
// the server needs no source tree at run time.

#include <string_view>

namespace mporders {

// src/domain/markets/<market>_carriers.txt, verbatim.
std::string_view EmbeddedUsCarriersText();
std::string_view EmbeddedCaCarriersText();
std::string_view EmbeddedMxCarriersText();
std::string_view EmbeddedClCarriersText();

}  // namespace mporders
