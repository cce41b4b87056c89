#pragma once
// The request headers of one delivery per the subscription's authDetails
// (reference §15.1) and its custom headers:
//  * BASIC_AUTH: `authHeaderName: Basic base64(userName:password)`;
//  * HMAC: `authHeaderName: hex(HMAC-SHA256(clientSecret, payload bytes))`;
//  * OAUTH: a client-credentials POST to authUrl (Basic clientId:clientSecret
//    in authHeaderName), then `authHeaderName: Bearer <access_token>`.
//    Tokens are cached until shortly before their expires_in.
// Thread-safe.

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "events/http_post.h"

namespace mporders::events {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

// Validates an authDetails object (JSON text) as the API accepts it.
// kInvalidRequestContent naming the missing or wrong member.
Status ValidateAuthDetails(const std::string& auth_json);
// Validates a headers object: string values only.
Status ValidateHeaders(const std::string& headers_json);

class DeliveryAuth {
 public:
  explicit DeliveryAuth(DestinationPolicy policy, std::chrono::milliseconds timeout)
      : policy_(std::move(policy)), timeout_(timeout) {}

  // The headers to send `payload` with; an error (text) when the OAuth fetch fails.
  Result<HeaderList> Headers(const std::string& auth_json, const std::string& headers_json,
                             const std::string& payload);

 private:
  Result<std::string> OAuthToken(const std::string& auth_url, const std::string& client_id,
                                 const std::string& client_secret, const std::string& header_name,
                                 const HeaderList& custom);

  const DestinationPolicy policy_;
  const std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  // (authUrl, clientId) -> (token, expiry)
  std::map<std::pair<std::string, std::string>,
           std::pair<std::string, std::chrono::steady_clock::time_point>>
      tokens_;  // guarded by mutex_
};

}  // namespace mporders::events
