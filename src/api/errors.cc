#include "api/errors.h"

#include <boost/beast/http/status.hpp>
#include <spdlog/spdlog.h>

#include "codec/error_json.h"
#include "codec/error_xml.h"
#include "codec/problem_json.h"
#include "core/utf8.h"

namespace mporders::api {
namespace {

// The generic texts of each code, as Walmart's documentation prints them.
struct ErrorTemplate {
  ErrorCode code;
  unsigned http_status;
  const char* base_code;
  const char* description;
  const char* info;
  const char* severity;
  const char* category;
};

constexpr ErrorTemplate kTemplates[] = {
    {ErrorCode::kInvalidRequestContent, 400, "INVALID_REQUEST_CONTENT", "Invalid request content.",
     "Request content is not valid.", "ERROR", "DATA"},
    {ErrorCode::kMalformedRequestContent, 400, "INVALID_REQUEST_CONTENT", "Invalid request content.",
     "Request content is not valid.", "ERROR", "DATA"},
    {ErrorCode::kInvalidRequestParam, 400, "INVALID_REQUEST_PARAM", "Invalid request parameter.",
     "Request parameter is not valid.", "ERROR", "DATA"},
    {ErrorCode::kMissingRequestHeader, 400, "MISSING_REQUEST_HEADER", "Missing request header.",
     "A mandatory request header is missing.", "ERROR", "DATA"},
    {ErrorCode::kInvalidRequestHeader, 400, "INVALID_REQUEST_HEADER", "Invalid request header.",
     "A request header is not valid.", "ERROR", "DATA"},
    {ErrorCode::kUnauthorized, 401, "UNAUTHORIZED", "Unauthorized request.",
     "Authentication failed. Verify your credentials.", "ERROR", "APPLICATION"},
    {ErrorCode::kForbidden, 403, "FORBIDDEN", "Access denied.",
     "You do not have permission to perform this action.", "ERROR", "APPLICATION"},
    {ErrorCode::kNotFound, 404, "NOT_FOUND", "Resource not found.",
     "The requested purchase order was not found.", "ERROR", "DATA"},
    {ErrorCode::kNoOrdersFound, 404, "NOT_FOUND",
     "Failed when called getAllOrders. Orders not found for given search parameters",
     "Requested content could not be found.", "INFO", "APPLICATION"},
    {ErrorCode::kUriNotFound, 404, "URI_NOT_FOUND", "Resource not found.",
     "The requested URI does not exist.", "ERROR", "DATA"},
    {ErrorCode::kMethodNotAllowed, 405, "METHOD_NOT_ALLOWED", "Method not allowed.",
     "The requested URI does not support this method.", "ERROR", "DATA"},
    {ErrorCode::kNotAcceptable, 406, "INVALID_ACCEPT_TYPE", "Not acceptable.",
     "The Accept header allows no representation this API serves.", "ERROR", "APPLICATION"},
    {ErrorCode::kPayloadTooLarge, 413, "PAYLOAD_TOO_LARGE", "Request entity too large.",
     "Send a smaller request body.", "ERROR", "REQUEST"},
    {ErrorCode::kUnsupportedMediaType, 415, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type.",
     "The Content-Type of the request is not supported.", "ERROR", "DATA"},
    {ErrorCode::kHeaderTooLarge, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE",
     "Request header fields too large.", "Send smaller request headers.", "ERROR", "REQUEST"},
    {ErrorCode::kRateLimited, 429, "RATE_LIMIT_EXCEEDED", "Too many requests.",
     "Rate limit exceeded. Retry after the specified time.", "ERROR", "APPLICATION"},
    {ErrorCode::kInternal, 500, "INTERNAL_SERVER_ERROR", "An internal server error occurred.",
     "Retry the request. If the issue persists, contact support.", "ERROR", "SYSTEM"},
    {ErrorCode::kUnavailable, 503, "SERVICE_UNAVAILABLE", "The service is temporarily unavailable.",
     "Retry the request later.", "ERROR", "SYSTEM"},
};

const ErrorTemplate& TemplateFor(ErrorCode code) {
  for (const auto& entry : kTemplates) {
    if (entry.code == code) return entry;
  }
  return kTemplates[std::size(kTemplates) - 2];  // internal
}

ErrorCode CodeForHttpStatus(unsigned http_status) {
  switch (http_status) {
    case 400: return ErrorCode::kInvalidRequestContent;
    case 404: return ErrorCode::kUriNotFound;
    case 413: return ErrorCode::kPayloadTooLarge;
    case 431: return ErrorCode::kHeaderTooLarge;
    case 503: return ErrorCode::kUnavailable;
    default: return ErrorCode::kInternal;
  }
}

ErrorEntry EntryFor(const Status& status, ErrorService service) {
  const ErrorTemplate& entry = TemplateFor(status.code());
  ErrorEntry error;
  error.code = std::string(entry.base_code) +
               (service == ErrorService::kOrders ? ".GMP_ORDER_API" : ".GMP_GATEWAY_API");
  error.field = status.field();
  // Internal details (SQL messages, paths) go to the log, not to the caller;
  // "not found" always reads the same so it cannot tell what exists.
  bool generic = status.description().empty() || status.code() == ErrorCode::kInternal ||
                 status.code() == ErrorCode::kNotFound;
  if (status.code() == ErrorCode::kInternal) spdlog::error("internal error: {}", status.description());
  // Descriptions may echo header values, which HTTP lets carry any byte;
  // the body must stay valid JSON and XML.
  error.description = ToValidUtf8(generic ? entry.description : status.description());
  error.info = entry.info;
  error.severity = entry.severity;
  error.category = entry.category;
  return error;
}

}  // namespace

unsigned HttpStatusFor(ErrorCode code) { return TemplateFor(code).http_status; }

http::Reply ErrorReply(const Status& status, ErrorService service) {
  const ErrorEntry error = EntryFor(status, service);
  http::Reply reply;
  reply.status = HttpStatusFor(status.code());
  reply.body = EncodeErrorsJson({error});
  return reply;
}

http::Reply ErrorReply(const Status& status, ErrorService service,
                       const Representation& representation, const http::Request& request) {
  ErrorEntry error = EntryFor(status, service);
  http::Reply reply;
  reply.status = HttpStatusFor(status.code());
  reply.content_type = representation.ErrorContentType();
  switch (representation.error) {
    case ErrorFormat::kWalmartJson:
      reply.body = EncodeErrorsJson({error}, representation.json_error_envelope);
      break;
    case ErrorFormat::kWalmartXml:
      reply.body = EncodeErrorsXml({error});
      break;
    case ErrorFormat::kProblemJson: {
      Problem problem;
      // about:blank: the title is the status's reason phrase (RFC 9457 §4.2.1).
      problem.title = std::string(
          boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(reply.status)));
      problem.status = reply.status;
      problem.detail = std::move(error.description);
      // The path as sent (percent-encoded), which is a URI reference as
      // `instance` must be; the query is left out.
      const std::string_view target(request.message.target().data(),
                                    request.message.target().size());
      problem.instance = ToValidUtf8(target.substr(0, target.find('?')));
      problem.code = std::move(error.code);
      problem.field = std::move(error.field);
      reply.body = EncodeProblemJson(problem);
      break;
    }
  }
  return reply;
}

http::Reply TransportErrorReply(unsigned http_status, std::string_view description,
                                const http::Request& request) {
  http::Reply reply =
      ErrorReply(Status::Error(CodeForHttpStatus(http_status), std::string(description)),
                 ErrorService::kOrders, NegotiateRepresentation(request.Header("Accept")), request);
  if (http_status == 413 || http_status == 431 || http_status >= 500) reply.close = true;
  auto correlation_id = request.Header("WM_QOS.CORRELATION_ID");
  if (!correlation_id.empty()) reply.headers.emplace_back("WM_QOS.CORRELATION_ID", correlation_id);
  return reply;
}

}  // namespace mporders::api
