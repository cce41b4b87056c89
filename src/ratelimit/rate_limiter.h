#pragma once
// Per-seller, per-endpoint rate limits: one TokenBucket per (seller,
// EndpointGroup), created full on the seller's first call to that group.
//
// Buckets live in this process's memory. Several server processes sharing one
// database each keep their own buckets, so together they allow up to N times
// the limit; put one process in front of a seller when the limit must hold
// exactly.
//
// Thread safety: Take() may be called from any number of threads at once and
// is exact — with K tokens in a bucket, exactly K concurrent takes succeed.
// Buckets are spread over mutex-guarded stripes so that different sellers and
// endpoints rarely wait for one another.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "ratelimit/endpoint_group.h"
#include "ratelimit/token_bucket.h"

namespace mporders::ratelimit {

// Largest per-minute limit a bucket accepts (keeps the bucket's integer
// arithmetic far from overflow).
constexpr std::int64_t kMaxLimitPerMinute = 1'000'000;

using LimitOverrides = std::map<EndpointGroup, std::int64_t>;

struct RateLimitConfig {
  GroupLimits defaults = DefaultGroupLimits();
  // Per-market overrides, keyed by market code ("MX"); a group missing from a
  // market's map uses `defaults`.
  std::map<std::string, LimitOverrides> markets = DefaultMarketLimits();
  // Per-seller overrides, keyed by seller id; a group missing from a
  // seller's map uses its market's limit.
  std::map<std::string, LimitOverrides> sellers;
};

// OK when every limit is within [1, kMaxLimitPerMinute]; otherwise
// kInvalidRequestParam naming the seller and group.
Status ValidateRateLimitConfig(const RateLimitConfig& config);

class RateLimiter {
 public:
  // REQUIRES: ValidateRateLimitConfig(config).ok(). `clock` must outlive this.
  RateLimiter(const Clock& clock, RateLimitConfig config);
  ~RateLimiter();
  RateLimiter(const RateLimiter&) = delete;
  RateLimiter& operator=(const RateLimiter&) = delete;

  // Takes one token from the bucket of the seller (who sells in `market`, a
  // market code) for `group`. Refused decisions take nothing.
  RateDecision Take(std::string_view seller_id, EndpointGroup group,
                    std::string_view market = "US");

  // The per-minute limit that applies to the seller for `group`: the
  // seller's own, else its market's, else the default.
  std::int64_t LimitFor(std::string_view seller_id, EndpointGroup group,
                        std::string_view market = "US") const;

  const RateLimitConfig& config() const { return config_; }

  // Requests refused (429) so far for `group`, over all sellers.
  std::uint64_t Rejections(EndpointGroup group) const {
    return rejections_[static_cast<std::size_t>(group)].load(std::memory_order_relaxed);
  }

 private:
  struct Stripe;

  const Clock& clock_;
  RateLimitConfig config_;
  std::unique_ptr<Stripe[]> stripes_;
  std::array<std::atomic<std::uint64_t>, kEndpointGroupCount> rejections_{};
};

}  // namespace mporders::ratelimit
