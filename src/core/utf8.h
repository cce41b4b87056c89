#pragma once
// UTF-8 well-formedness. Every text the server keeps or echoes must be UTF-8:
// JSON (RFC 8259) and the XML it writes are, and a stray byte would make a
// whole response body unparsable for the client.

#include <cstddef>
#include <string>
#include <string_view>

namespace mporders {

// One character decoded from UTF-8: `length` bytes (1-4) encoding
// `code_point`; length 0 when the bytes are not a well-formed sequence.
struct Utf8Char {
  std::size_t length = 0;
  char32_t code_point = 0;
};

// The character whose encoding starts at text[i]. Well-formed means RFC 3629
// (the table of Unicode §3.9): shortest forms only, no surrogates, nothing
// above U+10FFFF, and the whole sequence inside `text`. Every UTF-8 check of
// the service decodes with this one function. REQUIRES: i < text.size().
Utf8Char DecodeUtf8(std::string_view text, std::size_t i);

// True when `text` is well-formed UTF-8 (DecodeUtf8 accepts every character).
bool IsValidUtf8(std::string_view text);

}  // namespace mporders
