#pragma once
// Small wrappers over OpenSSL: randomness, HMAC, PBKDF2, constant-time
// comparison, hex and base64url. OpenSSL is included only by auth/ .cc files
// (this one's and signature.cc for RSA), never by a header.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace mporders::auth {

// `bytes` cryptographically random bytes, hex encoded (2 * bytes characters).
std::string RandomHex(std::size_t bytes);
// A random string of `length` characters from [A-Za-z0-9].
std::string RandomAlphanumeric(std::size_t length);
// A random (version 4) UUID, lower case: "8f3c...-4...-a...-...".
std::string RandomUuid();

std::string HmacSha256(std::string_view key, std::string_view message);  // raw 32 bytes
std::string Sha256Hex(std::string_view data);
// PBKDF2-HMAC-SHA256, `length` raw bytes.
std::string Pbkdf2Sha256(std::string_view secret, std::string_view salt, int iterations,
                         std::size_t length);

// True when a == b, in time that depends only on the lengths.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

std::string HexEncode(std::string_view raw);
std::optional<std::string> HexDecode(std::string_view hex);
std::string Base64UrlEncode(std::string_view raw);  // no padding
std::optional<std::string> Base64UrlDecode(std::string_view text);
std::string Base64Encode(std::string_view raw);     // standard, padded
std::optional<std::string> Base64Decode(std::string_view text);

}  // namespace mporders::auth
