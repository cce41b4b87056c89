#pragma once
// What every endpoint handler may use. Built once by app/ and passed in;
// nothing here is a global.

#include <cstdint>

#include <boost/asio/thread_pool.hpp>

#include "auth/tokens.h"
#include "core/clock.h"
#include "ratelimit/rate_limiter.h"
#include "store/store.h"

namespace mporders::api {

class SandboxHooks;

struct ApiOptions {
  bool empty_list_is_404 = true;       // Walmart answers an empty list with 404
  bool ship_requires_acknowledged = true;
  bool customer_cancel_requires_intent = false;  // see LifecyclePolicy
  std::int64_t max_orders_per_query = 20000;
  int default_limit = 100;
  int max_limit = 200;
  int default_window_days = 7;          // createdStartDate default: now - 7 days
  int retention_days = 180;             // lists only see orders of the last 180 days
};

struct ApiContext {
  Store& store;
  auth::TokenService& tokens;
  const Clock& clock;
  boost::asio::thread_pool& blocking;  // store calls run here, never on I/O threads
  ApiOptions options;
  // Per-seller buckets of the Orders endpoints; null: no rate limiting
  // (serve --no-rate-limit), and no rate-limit headers.
  ratelimit::RateLimiter* rate_limiter = nullptr;
  // The sandbox control API and fault rules (api/sandbox_hooks.h); null:
  // disabled (serve --no-sandbox), /sandbox/v1/ answers 404.
  SandboxHooks* sandbox = nullptr;
};

}  // namespace mporders::api
