#pragma once
// The server's metrics, rendered by GET /metrics in the Prometheus text
// format 0.0.4: requests by route template, method and status; latency per
// route; requests in flight; token issues and refusals; rate-limit
// rejections; store call latency and commit batch sizes (MeteredStore);
// process resident memory and open file descriptors.
//
// Recording a request costs a few relaxed atomic adds into slots allocated
// at start-up (one per route of the table): no lock, no allocation, no map
// lookup. Labels carry route templates, never ids or sellers, so the number
// of series is fixed by the route table.
//
// Thread safety: SetRoutes() once before serving; everything else from any
// thread.

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "core/metrics.h"

namespace mporders {
class MeteredStore;
class WebhookStore;
namespace events {
struct DeliveryCounters;
}
namespace ratelimit {
class RateLimiter;
}
}  // namespace mporders

namespace mporders::api {

class ApiMetrics {
 public:
  ApiMetrics();
  ~ApiMetrics();
  ApiMetrics(const ApiMetrics&) = delete;
  ApiMetrics& operator=(const ApiMetrics&) = delete;

  struct RouteName {
    boost::beast::http::verb method;
    std::string path_template;
  };
  // The route table, by router index. REQUIRES: called before any Record().
  void SetRoutes(const std::vector<RouteName>& routes);
  // "/v3/orders/{purchaseOrderId}" for a router index; "" for -1 or unknown.
  std::string_view RouteTemplate(int route_index) const;

  // A request entered / left the handler.
  void RequestStarted() { in_flight_.Add(1); }
  void RequestFinished() { in_flight_.Add(-1); }
  // One answered request, as the access log sees it.
  void Record(int route_index, boost::beast::http::verb method, unsigned status,
              std::chrono::microseconds latency);
  // POST /v3/token: a token issued (200) or refused (any other status).
  void RecordTokenRequest(unsigned status);

  // What else /metrics shows; each may be null. Set before serving.
  void SetStore(const MeteredStore* store) { store_ = store; }
  void SetRateLimiter(const ratelimit::RateLimiter* limiter) { rate_limiter_ = limiter; }
  // Webhooks: the outbox depth (deliveries by status, one store query per
  // scrape) and this process's attempt results.
  void SetWebhookStore(WebhookStore* webhooks) { webhooks_ = webhooks; }
  void SetDeliveries(const events::DeliveryCounters* counters) { deliveries_ = counters; }

  // The whole exposition.
  std::string Render() const;

 private:
  static constexpr unsigned kMinStatus = 100;
  static constexpr unsigned kMaxStatus = 599;
  struct Slot {
    std::string route;   // template, or "unmatched"
    std::string method;  // "GET", ...
    std::array<std::atomic<std::uint64_t>, kMaxStatus - kMinStatus + 1> by_status{};
    metrics::Histogram latency;
  };
  Slot& SlotFor(int route_index, boost::beast::http::verb method);

  std::vector<std::unique_ptr<Slot>> routes_;
  // Requests no route matched (404, 405, refused before routing), by method.
  std::vector<std::unique_ptr<Slot>> unmatched_;
  metrics::Gauge in_flight_;
  metrics::Counter tokens_issued_;
  std::array<metrics::Counter, 6> token_refusals_;  // by status class: 0xx..5xx
  const MeteredStore* store_ = nullptr;
  const ratelimit::RateLimiter* rate_limiter_ = nullptr;
  WebhookStore* webhooks_ = nullptr;
  const events::DeliveryCounters* deliveries_ = nullptr;
};

}  // namespace mporders::api
