#include "api/call.h"

#include "http/ascii_case.h"

namespace mporders::api {

http::Reply JsonReply(std::string body, unsigned status) {
  http::Reply reply;
  reply.status = status;
  reply.body = std::move(body);
  return reply;
}

http::Reply BodyReply(const Call& call, std::string body) {
  http::Reply reply;
  reply.body = std::move(body);
  reply.content_type = call.representation.BodyContentType();
  return reply;
}

http::Reply BodyReply(const Call& call, http::GatheredBody body) {
  http::Reply reply;
  reply.gathered = std::move(body);
  reply.content_type = call.representation.BodyContentType();
  return reply;
}

http::Reply ErrorReply(const Call& call, const Status& status) {
  return ErrorReply(status, call.service, call.representation, call.request);
}

Result<bool> BoolParam(const http::Request& request, std::string_view name, bool fallback) {
  const std::string* value = request.Query(name);
  if (value == nullptr) return fallback;
  int occurrences = 0;
  for (const auto& param : request.query) occurrences += param.first == name ? 1 : 0;
  if (occurrences > 1) {
    return Status::InvalidParam(
        "Query parameter '" + std::string(name) + "' is sent more than once.", std::string(name));
  }
  if (http::AsciiIEquals(*value, "true")) return true;
  if (http::AsciiIEquals(*value, "false")) return false;
  return Status::InvalidParam(
      "Query parameter '" + std::string(name) + "' must be true or false, got '" + *value + "'.",
      std::string(name));
}

}  // namespace mporders::api
