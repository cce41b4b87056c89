#pragma once
// What every endpoint handler may use. Built once by app/ and passed in;
// nothing here is a global.

#include <chrono>
#include <cstdint>
#include <functional>

#include <boost/asio/thread_pool.hpp>

#include "auth/signature_auth.h"
#include "auth/tokens.h"
#include "codec/error_json.h"
#include "events/http_post.h"
#include "core/clock.h"
#include "ratelimit/rate_limiter.h"
#include "store/store.h"

namespace mporders::api {

class SandboxHooks;
class OrderPartCache;
class ApiMetrics;
class Readiness;

// Walmart's Notifications API (api/webhooks_endpoints.cc, src/events).
struct WebhookSettings {
  bool enabled = false;  // the store has webhook tables
  // Reference §16 row 14: Walmart's order events are US only, so other
  // markets' subscriptions are refused unless this is set.
  bool other_markets = false;
  events::DestinationPolicy policy;
  std::chrono::milliseconds timeout{10'000};  // POST /v3/webhooks/test
  // Called after a change that may have queued deliveries (may be empty).
  std::function<void()> wake_deliveries;
};

struct ApiOptions {
  bool empty_list_is_404 = true;       // Walmart answers an empty list with 404
  bool ship_requires_acknowledged = true;
  bool customer_cancel_requires_intent = false;  // see LifecyclePolicy
  std::int64_t max_orders_per_query = 20000;
  int default_limit = 100;
  int max_limit = 200;
  int default_window_days = 7;          // createdStartDate default: now - 7 days
  int retention_days = 180;             // lists only see orders of the last 180 days
  // JSON error bodies (reference §4.1): the documented flat list on the
  // Orders and Global routes; Canada's legacy routes answer with the nested
  // list its clients were written against.
  JsonErrorEnvelope error_envelope = JsonErrorEnvelope::kFlat;
  JsonErrorEnvelope ca_error_envelope = JsonErrorEnvelope::kNested;
  // Canada: accept the SUPPLIER_CANCEL_* reasons its schema lists beyond the
  // two it documents.
  bool ca_supplier_cancel_reasons = false;
};

struct ApiContext {
  Store& store;
  auth::TokenService& tokens;
  const Clock& clock;
  // Store calls that may take long (lists, order updates, token issue)
  // run here, never on I/O threads. Point lookups by key (token check, GET of
  // one order) run inline: they are answered from the page cache in
  // microseconds, less than a hop to this pool costs (docs/performance.md).
  boost::asio::thread_pool& blocking;
  ApiOptions options;
  // Per-seller buckets of the Orders endpoints; null: no rate limiting
  // (serve --no-rate-limit), and no rate-limit headers.
  ratelimit::RateLimiter* rate_limiter = nullptr;
  // Mexico's label calls, which render documents and record the print
  // (serve --write-threads), kept off `blocking` so that a burst of them
  // does not hold up lists. Order updates need no pool: they wait in the
  // store's commit queue (AwaitOrderUpdate). Null: labels run on `blocking`.
  boost::asio::thread_pool* writes = nullptr;

  boost::asio::thread_pool& WritePool() { return writes != nullptr ? *writes : blocking; }
  // The sandbox control API and fault rules (api/sandbox_hooks.h); null:
  // disabled (serve --no-sandbox), /sandbox/v1/ answers 404.
  SandboxHooks* sandbox = nullptr;
  // Signature authentication of consumers (api/signature_step.h); null: off,
  // a call without a token is refused as before.
  const auth::SignatureVerifier* signatures = nullptr;
  // Request, token and store metrics; null: none recorded. GET /metrics is
  // served when `serve_metrics` is set (serve --metrics, on by default).
  ApiMetrics* metrics = nullptr;
  bool serve_metrics = false;
  // Serve the web console's files under /console/ (api/console.cc).
  bool serve_console = false;
  // Starting / ready / draining, for GET /readyz; null: always ready.
  Readiness* readiness = nullptr;
  WebhookSettings webhooks = {};
  // Encoded orders kept between reads (api/order_part_cache.h); null: every
  // answer encodes its orders (serve --order-cache-mb 0).
  OrderPartCache* order_parts = nullptr;
};

}  // namespace mporders::api
