#include "core/error_code.h"

namespace mporders {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk: return "OK";
    case ErrorCode::kInvalidRequestContent: return "INVALID_REQUEST_CONTENT";
    case ErrorCode::kMalformedRequestContent: return "MALFORMED_REQUEST_CONTENT";
    case ErrorCode::kInvalidRequestParam: return "INVALID_REQUEST_PARAM";
    case ErrorCode::kMissingRequestHeader: return "MISSING_REQUEST_HEADER";
    case ErrorCode::kInvalidRequestHeader: return "INVALID_REQUEST_HEADER";
    case ErrorCode::kUnauthorized: return "UNAUTHORIZED";
    case ErrorCode::kForbidden: return "FORBIDDEN";
    case ErrorCode::kNotFound: return "NOT_FOUND";
    case ErrorCode::kNoOrdersFound: return "NOT_FOUND";
    case ErrorCode::kUriNotFound: return "URI_NOT_FOUND";
    case ErrorCode::kMethodNotAllowed: return "METHOD_NOT_ALLOWED";
    case ErrorCode::kNotAcceptable: return "INVALID_ACCEPT_TYPE";
    case ErrorCode::kPayloadTooLarge: return "PAYLOAD_TOO_LARGE";
    case ErrorCode::kUnsupportedMediaType: return "UNSUPPORTED_MEDIA_TYPE";
    case ErrorCode::kHeaderTooLarge: return "REQUEST_HEADER_FIELDS_TOO_LARGE";
    case ErrorCode::kRateLimited: return "RATE_LIMIT_EXCEEDED";
    case ErrorCode::kInternal: return "INTERNAL_SERVER_ERROR";
    case ErrorCode::kUnavailable: return "SERVICE_UNAVAILABLE";
  }
  return "UNKNOWN";
}

}  // namespace mporders
