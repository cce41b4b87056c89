#pragma once
// UTF-8 well-formedness. Every text the server keeps or echoes must be UTF-8:
// JSON (RFC 8259) and the XML it writes are, and a stray byte would make a
// whole response body unparsable for the client.

#include <string>
#include <string_view>

namespace mporders {

// True when `text` is well-formed UTF-8 (RFC 3629): shortest forms only, no
// surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text);

}  // namespace mporders
