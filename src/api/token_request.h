#pragma once
// What POST /v3/token reads from a request: the client's credentials from the
// Basic Authorization header and the grant_type from the form body. Pure
// functions of the request; no store access.

#include <string>
#include <string_view>

#include "core/status.h"
#include "http/request.h"

namespace mporders::api {

struct BasicCredentials {
  std::string client_id;
  std::string client_secret;
};

// "Basic base64(clientId:clientSecret)" (scheme case-insensitive, spaces
// around the credentials ignored). kUnauthorized when the header is absent,
// not Basic, not base64, or has no clientId before the first ':'.
Result<BasicCredentials> ParseBasicAuthorization(std::string_view header);

// grant_type from the form body; client_credentials when the body is empty or
// does not name one, as the spec gives it that default. kUnsupportedMediaType
// for a non-form body (CheckTokenFormBody); kInvalidRequestContent when the
// form is not valid x-www-form-urlencoded.
Result<std::string> TokenGrantType(const http::Request& request);

}  // namespace mporders::api
