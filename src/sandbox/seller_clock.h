#pragma once
// Simulated time per seller: the wall clock plus an offset the sandbox
// control API sets or advances. Everything time-dependent that a seller's
// calls do (token expiry, default date windows, statusDate, rate-limit
// refill, generated orders, auto-cancel) reads NowMillisFor(seller).
//
// The offsets live in the store (table sandbox_clocks), so every server
// process on one database agrees on a seller's time, and time keeps running
// between calls. Reads come from an in-memory copy: a change made through
// this process is visible at once; one made through another process once
// Reload() has run (serve reloads every second).
//
// Thread safety: every method may be called concurrently.

#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::sandbox {

// How far a seller's time may be from the wall clock: ten thousand years
// either way. Setting the clock to any instant of the years 0000 to 9999
// stays within it, and with it no arithmetic on a seller's time (wall time +
// offset, + days, + hours) can overflow.
inline constexpr EpochMillis kMaxClockOffsetMillis = 10'000LL * 366 * kMillisPerDay;

class SellerClock final : public Clock {
 public:
  // `wall` must outlive this.
  explicit SellerClock(const Clock& wall) : wall_(wall) {}

  // The wall clock: time that belongs to no seller.
  EpochMillis NowMillis() const override { return wall_.NowMillis(); }
  EpochMillis NowMillisFor(std::string_view seller_id) const override;

  // Milliseconds the seller's time is ahead of the wall clock (negative: behind).
  EpochMillis OffsetFor(std::string_view seller_id) const;

  // Replaces the in-memory offsets with the store's. Blocks (store read).
  Status Reload(Store& store);

  // Stores the offset `change(current offset)` for the seller, then uses it;
  // returns it. Changes made through this process are serialised, so two
  // concurrent advances both count. An offset beyond kMaxClockOffsetMillis
  // fails (kInvalidRequestContent) and changes nothing. Blocks (store write).
  Result<EpochMillis> ChangeOffset(Store& store, const std::string& seller_id,
                                   const std::function<EpochMillis(EpochMillis)>& change);

  // Runs `write`, which stores `offset` for the seller itself (with
  // Store::ReplaceSellerState), then uses the offset when it succeeds.
  // Serialised with ChangeOffset, so that an advance running meanwhile cannot
  // put back the offset from before. Blocks (store write).
  Status ReplaceOffset(const std::string& seller_id, EpochMillis offset,
                       const std::function<Status()>& write);

 private:
  // Uses `offset` for the seller without writing it. REQUIRES: change_mutex_ held.
  void Remember(const std::string& seller_id, EpochMillis offset);

  const Clock& wall_;
  std::mutex change_mutex_;  // one ChangeOffset or ReplaceOffset at a time: store write + Remember
  mutable std::shared_mutex mutex_;
  std::map<std::string, EpochMillis, std::less<>> offsets_;  // guarded by mutex_
  // Bumped by every local change, so that a Reload that read the store
  // before the change does not overwrite it with the older value.
  std::uint64_t generation_ = 0;  // guarded by mutex_
};

}  // namespace mporders::sandbox
