#include "api/signature_step.h"

#include <string>

namespace mporders::api {

bool UsesSignature(const http::Request& request) {
  return request.Header("WM_SEC.ACCESS_TOKEN").empty() &&
         (request.HasHeader(auth::kAuthSignatureHeader) ||
          request.HasHeader(auth::kConsumerIdHeader));
}

Result<auth::TokenClaims> VerifySignedCall(const auth::SignatureVerifier& verifier,
                                           const http::Request& request) {
  const std::string_view host = request.Header("Host");
  if (host.empty()) {
    return Status::Error(ErrorCode::kMissingRequestHeader,
                         "The request header Host is required: the signed URL includes it.",
                         "Host");
  }
  const auto target = request.message.target();
  auth::SignedRequest signed_request;
  signed_request.consumer_id = request.Header(auth::kConsumerIdHeader);
  signed_request.signature = request.Header(auth::kAuthSignatureHeader);
  signed_request.timestamp = request.Header(auth::kTimestampHeader);
  signed_request.method = std::string_view(request.message.method_string().data(),
                                           request.message.method_string().size());
  signed_request.full_url =
      auth::FullRequestUrl(request.secure, host, std::string_view(target.data(), target.size()));
  return verifier.Verify(signed_request);
}

std::optional<Status> MissingChannelType(const http::Request& request) {
  if (!request.Header(auth::kChannelTypeHeader).empty()) return std::nullopt;
  return Status::Error(ErrorCode::kMissingRequestHeader,
                       "The request header " + std::string(auth::kChannelTypeHeader) +
                           " is required: send the consumer channel type issued at onboarding.",
                       std::string(auth::kChannelTypeHeader));
}

}  // namespace mporders::api
