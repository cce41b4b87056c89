#pragma once
// The (client, seller) pairs recently found allowed, so that the token check
// of every API call need not query the store.
//
// An entry holds only while the accounts generation it was found under is
// still current: every change to clients or grants moves the generation (a
// counter all processes on the database share), so a revocation or a removed
// grant bites on the next call on every process. Entries also expire after a
// short time, which bounds how long a change could go unseen if a process
// died between committing it and moving the generation. Only "allowed" is
// kept: every refusal is checked again.
//
// Thread safety: every method may be called concurrently.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace mporders::sqlite {

class SellerAccessCache {
 public:
  using Clock = std::chrono::steady_clock;

  // `max_entries` bounds memory: a full cache starts over empty.
  SellerAccessCache(Clock::duration ttl, std::size_t max_entries)
      : ttl_(ttl), max_entries_(max_entries) {}

  // Whether the pair was found allowed under `generation`, less than the TTL
  // before `now`.
  bool IsAllowed(std::string_view client_id, std::string_view seller_id,
                 std::uint64_t generation, Clock::time_point now) const;

  // Records that the pair was found allowed by a check that read the
  // generation (before its query) as `generation`, at `now`.
  void RememberAllowed(std::string_view client_id, std::string_view seller_id,
                       std::uint64_t generation, Clock::time_point now);

 private:
  struct Entry {
    std::uint64_t generation;
    Clock::time_point checked_at;
  };
  // Length-prefixed, so that no two pairs share a key whatever their bytes.
  static std::string Key(std::string_view client_id, std::string_view seller_id);

  const Clock::duration ttl_;
  const std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;  // guarded by mutex_
};

}  // namespace mporders::sqlite
