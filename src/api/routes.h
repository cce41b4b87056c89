#pragma once
// The whole API as one route table, and the pre-handler steps every request
// goes through in a fixed order: required WM_* headers (400) -> access token,
// or the signature of a signed call (401, api/signature_step.h) ->
// WM_PARTNER.ID, when sent, names the token's seller (403) -> rate limit
// (429, throttled Orders routes only) -> handler.

#include "api/api_context.h"
#include "http/server.h"

namespace mporders::api {

// The http::Server handler for the whole API. `ctx` must outlive it.
http::Handler MakeApiHandler(ApiContext& ctx);

// One access-log line per request: correlation id, method, target, route,
// status, latency. Never headers or bodies (they carry secrets).
void LogAccess(const http::Request& request, const http::Reply& reply,
               std::chrono::microseconds latency);

}  // namespace mporders::api
