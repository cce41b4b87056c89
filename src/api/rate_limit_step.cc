#include "api/rate_limit_step.h"

namespace mporders::api {

RateLimitOutcome TakeRateLimit(ratelimit::RateLimiter& limiter, const std::string& seller_id,
                               ratelimit::EndpointGroup group, std::string_view market) {
  ratelimit::RateDecision decision = limiter.Take(seller_id, group, market);
  RateLimitOutcome outcome;
  outcome.headers.emplace_back("X-Current-Token-Count", std::to_string(decision.remaining));
  outcome.headers.emplace_back("X-Next-Replenishment-Time",
                               std::to_string(decision.next_replenishment));
  if (!decision.allowed) {
    outcome.headers.emplace_back("Retry-After", std::to_string(decision.retry_after_seconds));
    outcome.refusal = Status::Error(
        ErrorCode::kRateLimited,
        "Too many requests: " + std::string(ratelimit::EndpointGroupName(group)) + " allows " +
            std::to_string(decision.limit) + " requests per minute; retry after " +
            std::to_string(decision.retry_after_seconds) + " s.");
  }
  return outcome;
}

void AddRateLimitHeaders(const RateLimitOutcome& outcome, http::Reply& reply) {
  reply.headers.insert(reply.headers.end(), outcome.headers.begin(), outcome.headers.end());
}

}  // namespace mporders::api
