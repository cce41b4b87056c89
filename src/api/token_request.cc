#include "api/token_request.h"

#include "api/representation.h"
#include "auth/crypto.h"
#include "http/ascii_case.h"
#include "http/query_string.h"

namespace mporders::api {
namespace {

Status BadBasicHeader() {
  return Status::Error(
      ErrorCode::kUnauthorized,
      "Send the header 'Authorization: Basic Base64Encode(clientId:clientSecret)'.",
      "UNAUTHORIZED");
}

}  // namespace

Result<BasicCredentials> ParseBasicAuthorization(std::string_view header) {
  constexpr std::string_view kScheme = "Basic ";
  if (header.size() <= kScheme.size() || !http::AsciiIStartsWith(header, kScheme)) {
    return BadBasicHeader();
  }
  std::string_view encoded = header.substr(kScheme.size());
  while (!encoded.empty() && encoded.front() == ' ') encoded.remove_prefix(1);
  while (!encoded.empty() && encoded.back() == ' ') encoded.remove_suffix(1);
  auto decoded = auth::Base64Decode(encoded);
  if (!decoded) return BadBasicHeader();
  size_t colon = decoded->find(':');
  if (colon == std::string::npos || colon == 0) return BadBasicHeader();
  // RFC 7617 user-ids and passwords are text: a control character (a
  // trailing NUL, a newline) is never part of a client id or secret, and a
  // C string API down the line could cut the secret short at a NUL.
  for (char c : *decoded) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return BadBasicHeader();
  }
  return BasicCredentials{decoded->substr(0, colon), decoded->substr(colon + 1)};
}

Result<std::string> TokenGrantType(const http::Request& request) {
  MP_RETURN_IF_ERROR(CheckTokenFormBody(request));
  auto form = http::ParseQueryString(request.message.body());
  if (!form) {
    return Status::InvalidContent("The form body is not valid x-www-form-urlencoded.",
                                  "grant_type");
  }
  if (const std::string* repeated = http::RepeatedName(*form)) {
    return Status::InvalidContent("The form parameter '" + *repeated + "' is sent more than once.",
                                  *repeated);
  }
  for (const auto& [name, value] : *form) {
    if (name == "grant_type") return value;
  }
  return Status::InvalidContent(
      "The form parameter grant_type is required: send grant_type=client_credentials.",
      "grant_type");
}

}  // namespace mporders::api
