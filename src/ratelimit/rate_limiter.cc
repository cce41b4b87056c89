#include "ratelimit/rate_limiter.h"

#include <functional>
#include <mutex>
#include <unordered_map>

namespace mporders::ratelimit {
namespace {

// A power of two well above the number of threads, so that two requests
// rarely share a stripe unless they share a bucket.
constexpr std::size_t kStripeCount = 64;

std::size_t Index(EndpointGroup group) { return static_cast<std::size_t>(group); }

std::string BucketKey(std::string_view seller_id, EndpointGroup group) {
  std::string key;
  key.reserve(seller_id.size() + 2);
  key.append(seller_id);
  key.push_back('\0');  // seller ids never contain NUL, so keys cannot collide
  key.push_back(static_cast<char>('0' + Index(group)));
  return key;
}

Status OutOfRange(const std::string& where, EndpointGroup group, std::int64_t limit) {
  return Status::Error(ErrorCode::kInvalidRequestParam,
                       "rate limit " + where + std::string(EndpointGroupName(group)) + " = " +
                           std::to_string(limit) + ": must be between 1 and " +
                           std::to_string(kMaxLimitPerMinute) + " requests per minute",
                       std::string(EndpointGroupName(group)));
}

}  // namespace

struct RateLimiter::Stripe {
  std::mutex mutex;
  std::unordered_map<std::string, TokenBucket> buckets;
};

Status ValidateRateLimitConfig(const RateLimitConfig& config) {
  for (EndpointGroup group : kAllEndpointGroups) {
    std::int64_t limit = config.defaults[Index(group)];
    if (limit < 1 || limit > kMaxLimitPerMinute) return OutOfRange("", group, limit);
  }
  for (const auto& [market, limits] : config.markets) {
    for (const auto& [group, limit] : limits) {
      if (limit < 1 || limit > kMaxLimitPerMinute) {
        return OutOfRange("of market " + market + " for ", group, limit);
      }
    }
  }
  for (const auto& [seller, limits] : config.sellers) {
    for (const auto& [group, limit] : limits) {
      if (limit < 1 || limit > kMaxLimitPerMinute) {
        return OutOfRange("of seller " + seller + " for ", group, limit);
      }
    }
  }
  return Status::Ok();
}

RateLimiter::RateLimiter(const Clock& clock, RateLimitConfig config)
    : clock_(clock), config_(std::move(config)), stripes_(new Stripe[kStripeCount]) {}

RateLimiter::~RateLimiter() = default;

std::int64_t RateLimiter::LimitFor(std::string_view seller_id, EndpointGroup group,
                                  std::string_view market) const {
  for (const auto* overrides : {&config_.sellers, &config_.markets}) {
    const std::string_view key = overrides == &config_.sellers ? seller_id : market;
    auto found = overrides->find(std::string(key));
    if (found == overrides->end()) continue;
    auto limit = found->second.find(group);
    if (limit != found->second.end()) return limit->second;
  }
  return config_.defaults[Index(group)];
}

RateDecision RateLimiter::Take(std::string_view seller_id, EndpointGroup group,
                               std::string_view market) {
  std::string key = BucketKey(seller_id, group);
  Stripe& stripe = stripes_[std::hash<std::string>{}(key) % kStripeCount];
  std::lock_guard lock(stripe.mutex);
  // Read the clock under the lock: callers then see time advance in the
  // order they take tokens, so no refill interval is counted twice.
  EpochMillis now = clock_.NowMillisFor(seller_id);
  auto it = stripe.buckets.find(key);
  if (it == stripe.buckets.end()) {
    it =
        stripe.buckets
            .emplace(std::move(key), TokenBucket(LimitFor(seller_id, group, market), kMillisPerMinute, now))
            .first;
  }
  RateDecision decision = it->second.Take(now);
  if (!decision.allowed) {
    rejections_[static_cast<std::size_t>(group)].fetch_add(1, std::memory_order_relaxed);
  }
  return decision;
}

}  // namespace mporders::ratelimit
