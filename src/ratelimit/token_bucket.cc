#include "ratelimit/token_bucket.h"

#include <algorithm>

namespace mporders::ratelimit {

TokenBucket::TokenBucket(std::int64_t capacity, EpochMillis period_ms, EpochMillis now)
    : capacity_(capacity), period_ms_(period_ms), units_(capacity * period_ms), last_refill_(now) {}

void TokenBucket::Refill(EpochMillis now) {
  if (now > last_refill_) {
    const std::int64_t full = capacity_ * period_ms_;
    const EpochMillis elapsed = now - last_refill_;
    // elapsed * capacity could overflow after a very long idle time; anything
    // beyond one full period fills the bucket anyway.
    units_ = elapsed >= period_ms_ ? full : std::min(full, units_ + elapsed * capacity_);
  }
  last_refill_ = now;
}

RateDecision TokenBucket::State(bool allowed, EpochMillis now) const {
  RateDecision state;
  state.allowed = allowed;
  state.limit = capacity_;
  state.remaining = units_ / period_ms_;
  if (state.remaining >= capacity_) {
    state.next_replenishment = now;
  } else {
    // Units still missing for the next whole token, at `capacity` units per ms.
    const std::int64_t missing = (state.remaining + 1) * period_ms_ - units_;
    state.next_replenishment = now + (missing + capacity_ - 1) / capacity_;
  }
  if (!allowed) {
    const EpochMillis wait = state.next_replenishment - now;
    state.retry_after_seconds =
        std::max<std::int64_t>(1, (wait + kMillisPerSecond - 1) / kMillisPerSecond);
  }
  return state;
}

RateDecision TokenBucket::Take(EpochMillis now) {
  Refill(now);
  if (units_ < period_ms_) return State(false, now);
  units_ -= period_ms_;
  return State(true, now);
}

RateDecision TokenBucket::Peek(EpochMillis now) {
  Refill(now);
  return State(true, now);
}

}  // namespace mporders::ratelimit
