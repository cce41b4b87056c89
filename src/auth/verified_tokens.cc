#include "auth/verified_tokens.h"

#include <algorithm>
#include <functional>

namespace mporders::auth {

VerifiedTokens::VerifiedTokens(std::size_t capacity)
    : per_shard_(std::max<std::size_t>(capacity / kShards, 1)),
      shards_(std::make_unique<Shard[]>(kShards)) {}

VerifiedTokens::Shard& VerifiedTokens::ShardFor(const std::string& token) const {
  return shards_[std::hash<std::string>{}(token) % kShards];
}

std::optional<TokenClaims> VerifiedTokens::Find(const std::string& token) const {
  Shard& shard = ShardFor(token);
  std::lock_guard lock(shard.mutex);
  auto it = shard.claims.find(token);
  if (it == shard.claims.end()) return std::nullopt;
  return it->second;
}

void VerifiedTokens::Keep(const std::string& token, const TokenClaims& claims) {
  Shard& shard = ShardFor(token);
  std::lock_guard lock(shard.mutex);
  // Any one goes: tokens live 15 minutes, and a forgotten one that comes
  // back is verified again.
  if (shard.claims.size() >= per_shard_ && !shard.claims.contains(token)) {
    shard.claims.erase(shard.claims.begin());
  }
  shard.claims.insert_or_assign(token, claims);
}

std::size_t VerifiedTokens::size() const {
  std::size_t total = 0;
  for (std::size_t i = 0; i < kShards; ++i) {
    std::lock_guard lock(shards_[i].mutex);
    total += shards_[i].claims.size();
  }
  return total;
}

}  // namespace mporders::auth
