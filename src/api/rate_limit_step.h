#pragma once
// The rate-limit pre-handler step: after the token (the seller is known),
// before the handler. Each call of a throttled route takes one token from
// the seller's bucket for the route's endpoint group.
//
// Every response of a throttled route then carries Walmart's headers:
//   X-Current-Token-Count      whole requests still allowed right now
//   X-Next-Replenishment-Time  epoch milliseconds when that count next grows
// and a refused call (429) also carries Retry-After, in whole seconds.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"
#include "http/reply.h"
#include "ratelimit/rate_limiter.h"

namespace mporders::api {

struct RateLimitOutcome {
  std::vector<std::pair<std::string, std::string>> headers;
  std::optional<Status> refusal;  // kRateLimited: answer it instead of calling the handler
};

RateLimitOutcome TakeRateLimit(ratelimit::RateLimiter& limiter, const std::string& seller_id,
                               ratelimit::EndpointGroup group, std::string_view market);

// Appends the outcome's headers to `reply`.
void AddRateLimitHeaders(const RateLimitOutcome& outcome, http::Reply& reply);

}  // namespace mporders::api
