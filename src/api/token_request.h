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
// not Basic, not base64, has no clientId before the first ':', or carries a
// control character (a trailing NUL).
Result<BasicCredentials> ParseBasicAuthorization(std::string_view header);

// grant_type from the form body. It is required (us_mp_auth.json lists it as
// required): kInvalidRequestContent for an empty body, a form without it, a
// form naming any parameter twice (the grant would be ambiguous), or one that
// is not valid x-www-form-urlencoded. kUnsupportedMediaType for a non-form
// body (CheckTokenFormBody).
Result<std::string> TokenGrantType(const http::Request& request);

}  // namespace mporders::api
