#pragma once
// The signature pre-handler step (Walmart's legacy CA/CL/MX scheme, see
// auth/signature_auth.h): on a route that needs a token, a call carrying
// WM_SEC.AUTH_SIGNATURE or WM_CONSUMER.ID and no WM_SEC.ACCESS_TOKEN is
// authenticated by its signature instead, into the same claims a token
// gives. Everything after authentication is unchanged.

#include <optional>

#include "auth/signature_auth.h"
#include "auth/tokens.h"
#include "core/status.h"
#include "http/request.h"

namespace mporders::api {

// Whether `request` asks for signature authentication (see above). A call
// with an access token is always judged by its token.
bool UsesSignature(const http::Request& request);

// The claims of a signed call, verified over the URL the client called
// (http or https as this server serves it, the Host header, the target as
// sent). A missing Host is kMissingRequestHeader; the rest as
// SignatureVerifier::Verify.
Result<auth::TokenClaims> VerifySignedCall(const auth::SignatureVerifier& verifier,
                                           const http::Request& request);

// kMissingRequestHeader naming WM_CONSUMER.CHANNEL.TYPE when it is absent
// (routes with requires_channel_type); nullopt when present.
std::optional<Status> MissingChannelType(const http::Request& request);

}  // namespace mporders::api
