#pragma once
// Protocol-neutral error codes. api/errors.cc is the one place that maps them
// to an HTTP status and a Walmart error body.

#include <string_view>

namespace mporders {

enum class ErrorCode {
  kOk = 0,
  kInvalidRequestContent,    // a body that parses but breaks a rule (400)
  kMalformedRequestContent,  // a body that does not parse (400)
  kInvalidRequestParam,      // a query parameter with a bad value (400)
  kMissingRequestHeader,     // a mandatory WM_* header is absent (400)
  kInvalidRequestHeader,     // a header with a bad value (400)
  kUnauthorized,             // no, unknown, forged or expired token (401)
  kForbidden,                // valid token, no permission (403)
  kNotFound,                 // purchase order not visible to the seller (404)
  kNoOrdersFound,            // a list query matched nothing (404 by default)
  kUriNotFound,              // no route (404)
  kMethodNotAllowed,         // route exists, other method (405)
  kNotAcceptable,            // Accept allows nothing we serve (406)
  kPayloadTooLarge,          // body over the limit (413)
  kUnsupportedMediaType,     // Content-Type we do not parse (415)
  kHeaderTooLarge,           // header block over the limit (431)
  kRateLimited,              // bucket empty (429)
  kInternal,                 // a bug or a store failure (500)
  kUnavailable,              // shutting down or store busy (503)
};

std::string_view ErrorCodeName(ErrorCode code);

}  // namespace mporders
