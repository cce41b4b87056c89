#include "store/sqlite/access_cache.h"

namespace mporders::sqlite {

std::string SellerAccessCache::Key(std::string_view client_id, std::string_view seller_id) {
  std::string key = std::to_string(client_id.size());
  key.reserve(key.size() + 1 + client_id.size() + seller_id.size());
  key += ':';
  key += client_id;
  key += seller_id;
  return key;
}

bool SellerAccessCache::IsAllowed(std::string_view client_id, std::string_view seller_id,
                                  std::uint64_t generation, Clock::time_point now) const {
  const std::string key = Key(client_id, seller_id);
  std::lock_guard lock(mutex_);
  auto found = entries_.find(key);
  return found != entries_.end() && found->second.generation == generation &&
         now - found->second.checked_at < ttl_;
}

void SellerAccessCache::RememberAllowed(std::string_view client_id, std::string_view seller_id,
                                        std::uint64_t generation, Clock::time_point now) {
  std::string key = Key(client_id, seller_id);
  std::lock_guard lock(mutex_);
  if (entries_.size() >= max_entries_ && !entries_.contains(key)) entries_.clear();
  entries_.insert_or_assign(std::move(key), Entry{generation, now});
}

}  // namespace mporders::sqlite
