#pragma once
// Access tokens, Walmart style: opaque strings sent in WM_SEC.ACCESS_TOKEN,
// valid for 900 s. A token is signed with HMAC-SHA256 under a key kept in the
// store, so every server process sharing the database verifies every token.
// Verification also looks the client up again (one indexed read), so the live
// tokens of a revoked client, or of a provider client whose grant for the
// token's seller was removed, stop working at once.

#include <memory>
#include <string>

#include "auth/token_claims.h"
#include "auth/verified_tokens.h"
#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::auth {

struct IssuedToken {
  std::string access_token;
  std::int64_t expires_in_seconds = 0;
  TokenClaims claims;
};

// Thread-safe after construction.
class TokenService {
 public:
  // Loads (or creates, first process wins) the signing key from the store.
  static Result<std::unique_ptr<TokenService>> Create(Store& store, const Clock& clock,
                                                      std::int64_t ttl_seconds);

  // A token of `client` for its own seller.
  IssuedToken Issue(const ClientRecord& client) const;
  // A token of `client` bound to `seller_id` of `market`, which the caller has
  // checked the client may act for (see delegated_access.h).
  IssuedToken Issue(const ClientRecord& client, const std::string& seller_id,
                    MarketId market = MarketId::kUs) const;

  // Claims of a valid token. kUnauthorized with a description of why when the
  // token is malformed, forged, expired, its client is revoked or gone, or the
  // client may no longer act for the token's seller.
  Result<TokenClaims> Verify(const std::string& token) const;

 private:
  TokenService(Store& store, const Clock& clock, std::string key, std::int64_t ttl_seconds);
  std::string Sign(std::string_view payload) const;
  // The claims of a well-formed token signed under key_, checked once per
  // token (verified_); neither expiry nor access is checked here.
  Result<TokenClaims> CheckedClaims(const std::string& token) const;

  Store& store_;
  const Clock& clock_;
  std::string key_;
  std::int64_t ttl_seconds_;
  // Tokens whose signature was checked under key_: a client calls with the
  // same token for its whole life, and the HMAC was a sixth of a GET's
  // server time. Expiry and the client's access are still checked on
  // every call.
  mutable VerifiedTokens verified_;
};

}  // namespace mporders::auth
