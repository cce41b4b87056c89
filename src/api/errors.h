#pragma once
// The one mapping from a protocol-neutral Status to an HTTP status and
// Walmart's error body. Nowhere else builds an error body.

#include <string_view>

#include "api/representation.h"
#include "core/status.h"
#include "http/reply.h"
#include "http/request.h"

namespace mporders::api {

// Which Walmart service suffix error codes carry: orders routes answer
// `.GMP_ORDER_API`, the token API answers like Walmart's gateway.
enum class ErrorService { kOrders, kGateway };

// Walmart's JSON error list. REQUIRES: !status.ok().
http::Reply ErrorReply(const Status& status, ErrorService service = ErrorService::kOrders);

// The error in the representation negotiated for `request`: Walmart's error
// list in JSON or XML, or problem details (application/problem+json) whose
// `instance` is the request target's path as sent. REQUIRES: !status.ok().
http::Reply ErrorReply(const Status& status, ErrorService service,
                       const Representation& representation, const http::Request& request);

// HTTP status for an ErrorCode.
unsigned HttpStatusFor(ErrorCode code);

// For http::Server: errors raised before any handler runs, in the
// representation the request's Accept asks for (when it was read).
http::Reply TransportErrorReply(unsigned http_status, std::string_view description,
                                const http::Request& request);

}  // namespace mporders::api
