#pragma once
// Canada's nextCursor. Its clients sign the cursor and send it back verbatim,
// so it must survive as it stands in a URL and in a signature base string:
// the Orders API's cursor (list_query.h, a query string with '?', '&', '='
// and percent escapes) is wrapped as base64url without padding — letters,
// digits, '-' and '_' only. The US cursor's bytes are unchanged.
//
// A continuation sends it as `?nextCursor=<token>`, or appends the token
// alone (`?<token>`) as clients of the US API append theirs.

#include <string>
#include <string_view>

#include "core/status.h"
#include "http/request.h"

namespace mporders::api {

// The token for an Orders API cursor ("?limit=...").
std::string EncodeCaCursor(std::string_view us_cursor);

// The query parameters of a /v3/ca/ list call with a CA cursor token
// replaced by `nextCursor=<the Orders API cursor>` (which ParseListQuery
// expands), and without the parameters beside it that the cursor holds
// (createdStartDate, which the spec requires on every call, above all): the
// cursor's values stand. Parameters without a token are returned unchanged.
// kInvalidRequestParam (field nextCursor) for a token this server did not issue.
Result<http::QueryParams> ExpandCaCursor(const http::QueryParams& params);

}  // namespace mporders::api
