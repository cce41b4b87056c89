#pragma once
// One token bucket: holds at most `capacity` tokens, starts full, and refills
// continuously at `capacity` tokens per `period` (a per-minute limit of 60
// gives back one token every second, not 60 at the top of each minute).
//
// The arithmetic is exact integers: the level is kept in units of
// 1/period_ms of a token, and every elapsed millisecond adds `capacity` units,
// so no refill is lost to rounding however often the bucket is read.
//
// Not thread-safe: the owner serialises calls (RateLimiter holds a lock).

#include <cstdint>

#include "core/clock.h"

namespace mporders::ratelimit {

constexpr EpochMillis kMillisPerMinute = 60 * kMillisPerSecond;

// What one Take() decided, and what the caller tells the client about it.
struct RateDecision {
  bool allowed = false;
  std::int64_t limit = 0;                // the bucket's capacity (requests per period)
  std::int64_t remaining = 0;            // whole tokens left after this take
  EpochMillis next_replenishment = 0;    // when `remaining` next grows by one; now when full
  std::int64_t retry_after_seconds = 0;  // refused only: seconds until a token is there (>= 1)
};

class TokenBucket {
 public:
  // REQUIRES: capacity >= 1, period_ms >= 1, capacity * period_ms < 2^62.
  TokenBucket(std::int64_t capacity, EpochMillis period_ms, EpochMillis now);

  // Refills up to `now`, then takes one token if a whole one is there.
  // A clock that moves backwards refills nothing and does not stall later
  // refills: the bucket simply restarts counting from the earlier instant.
  RateDecision Take(EpochMillis now);

  // The state without taking (refills up to `now`).
  RateDecision Peek(EpochMillis now);

  std::int64_t capacity() const { return capacity_; }

 private:
  void Refill(EpochMillis now);
  RateDecision State(bool allowed, EpochMillis now) const;

  std::int64_t capacity_;
  EpochMillis period_ms_;
  std::int64_t units_;  // level, in 1/period_ms of a token
  EpochMillis last_refill_;
};

}  // namespace mporders::ratelimit
