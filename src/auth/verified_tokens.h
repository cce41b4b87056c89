#pragma once
// Access tokens already found well-formed and correctly signed, with what
// they claim. Keyed by the whole token string: a token that differs in any
// byte is looked up (and verified) anew, so only genuine tokens are ever
// found here. Bounded: a full shard forgets one token to keep the next.
// Thread-safe.

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "auth/token_claims.h"

namespace mporders::auth {

class VerifiedTokens {
 public:
  explicit VerifiedTokens(std::size_t capacity);

  std::optional<TokenClaims> Find(const std::string& token) const;
  void Keep(const std::string& token, const TokenClaims& claims);
  std::size_t size() const;

 private:
  struct Shard {
    mutable std::mutex mutex;
    std::unordered_map<std::string, TokenClaims> claims;
  };
  static constexpr std::size_t kShards = 8;
  Shard& ShardFor(const std::string& token) const;

  std::size_t per_shard_;
  std::unique_ptr<Shard[]> shards_;
};

}  // namespace mporders::auth
