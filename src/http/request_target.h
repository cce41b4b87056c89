#pragma once
// The request target of a parsed HTTP request, split into what handlers see.

#include "http/request.h"

namespace mporders::http {

// Splits request.message.target() into the percent-decoded `path` and the
// `raw_query` / decoded `query`. False when the target is not an origin-form
// path ("/...") or has a malformed escape; the request is then answered 400.
bool ParseRequestTarget(Request& request);

}  // namespace mporders::http
