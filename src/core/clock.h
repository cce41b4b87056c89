#pragma once
// Time is injected so that token expiry, default date windows and rate limits
// are deterministic in tests. All instants are epoch milliseconds, UTC.

#include <atomic>
#include <cstdint>
#include <string_view>

namespace mporders {

using EpochMillis = std::int64_t;

constexpr EpochMillis kMillisPerSecond = 1000;
constexpr EpochMillis kMillisPerDay = 24LL * 3600 * 1000;

// Thread-safe: NowMillis() may be called from any thread.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual EpochMillis NowMillis() const = 0;
  // The time as one seller sees it. The sandbox (src/sandbox) gives each
  // seller its own simulated time; every other clock is the same for all.
  virtual EpochMillis NowMillisFor(std::string_view /*seller_id*/) const { return NowMillis(); }
};

// The wall clock.
class SystemClock final : public Clock {
 public:
  EpochMillis NowMillis() const override;
};

// A clock that only moves when told to. For tests.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(EpochMillis start) : now_(start) {}
  EpochMillis NowMillis() const override { return now_.load(); }
  void Set(EpochMillis now) { now_.store(now); }
  void Advance(EpochMillis delta) { now_.fetch_add(delta); }

 private:
  std::atomic<EpochMillis> now_;
};

}  // namespace mporders
