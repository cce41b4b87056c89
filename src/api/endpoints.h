#pragma once
// Every endpoint handler. One file per endpoint family; the route table in
// routes.cc maps method + path to these.

#include "api/call.h"

namespace mporders::api {

// health.cc — operations: /healthz, /readyz, /metrics
boost::asio::awaitable<http::Reply> GetHealth(Call& call);
boost::asio::awaitable<http::Reply> GetReady(Call& call);
boost::asio::awaitable<http::Reply> GetMetrics(Call& call);

// console.cc — the web console's static files (/console/)
boost::asio::awaitable<http::Reply> GetConsoleIndex(Call& call);
boost::asio::awaitable<http::Reply> GetConsoleAsset(Call& call);

// token_endpoints.cc — us_mp_auth.json
boost::asio::awaitable<http::Reply> PostToken(Call& call);
boost::asio::awaitable<http::Reply> GetTokenDetail(Call& call);

// orders_get.cc
boost::asio::awaitable<http::Reply> GetOrder(Call& call);

// orders_list.cc
boost::asio::awaitable<http::Reply> GetAllOrders(Call& call);
boost::asio::awaitable<http::Reply> GetReleasedOrders(Call& call);

// orders_write.cc
boost::asio::awaitable<http::Reply> PostAcknowledge(Call& call);
boost::asio::awaitable<http::Reply> PostCancel(Call& call);
boost::asio::awaitable<http::Reply> PostShipping(Call& call);
boost::asio::awaitable<http::Reply> PostRefund(Call& call);

// Canada's legacy API, ca_mp_orders.json (/v3/ca/orders...).
// ca_orders_list.cc
boost::asio::awaitable<http::Reply> GetCaOrders(Call& call);
boost::asio::awaitable<http::Reply> GetCaReleasedOrders(Call& call);
boost::asio::awaitable<http::Reply> GetCaWfsOrders(Call& call);
// ca_orders_get.cc
boost::asio::awaitable<http::Reply> GetCaOrder(Call& call);
// ca_orders_write.cc
boost::asio::awaitable<http::Reply> PostCaAcknowledge(Call& call);
boost::asio::awaitable<http::Reply> PostCaCancel(Call& call);
boost::asio::awaitable<http::Reply> PostCaShipping(Call& call);
boost::asio::awaitable<http::Reply> PostCaRefund(Call& call);

// mx_orders.cc — Mexico's API on /v3/orders (mx_mp_orders.json)
boost::asio::awaitable<http::Reply> GetMxOrders(Call& call);
boost::asio::awaitable<http::Reply> GetMxOrdersCursor(Call& call);
boost::asio::awaitable<http::Reply> GetMxWfsOrders(Call& call);
boost::asio::awaitable<http::Reply> PostMxAcknowledge(Call& call);
boost::asio::awaitable<http::Reply> PostMxCancel(Call& call);
boost::asio::awaitable<http::Reply> PostMxShip(Call& call);
boost::asio::awaitable<http::Reply> PostMxDeliver(Call& call);

// mx_labels.cc — Mexico's shipping labels
boost::asio::awaitable<http::Reply> PostMxLabels(Call& call);
boost::asio::awaitable<http::Reply> GetMxLabel(Call& call);

// webhooks_endpoints.cc — Walmart's Notifications API (us_mp_notifications.json)
boost::asio::awaitable<http::Reply> GetEventTypes(Call& call);
boost::asio::awaitable<http::Reply> PostSubscriptions(Call& call);
boost::asio::awaitable<http::Reply> GetSubscriptions(Call& call);
boost::asio::awaitable<http::Reply> PatchSubscription(Call& call);
boost::asio::awaitable<http::Reply> DeleteSubscription(Call& call);
boost::asio::awaitable<http::Reply> PostWebhookTest(Call& call);

}  // namespace mporders::api

#include <string_view>
#include <tuple>
#include <vector>

#include <boost/beast/http/verb.hpp>

#include "ratelimit/endpoint_group.h"

namespace mporders::api {

struct OrderRoute {
  boost::beast::http::verb method;
  std::string_view path;
  Endpoint endpoint;
  ratelimit::EndpointGroup rate_group;  // whose per-seller bucket a call takes from
  // The representation when Accept leaves the choice open (Canada: XML).
  BodyFormat default_body = BodyFormat::kJson;
};

// The Walmart Orders routes (orders_routes.cc), literal paths first: the
// Global API's (US, and Canada and Chile through WM_MARKET), Mexico's legacy
// API on the same paths, and Canada's legacy API under /v3/ca/.
std::vector<OrderRoute> OrderRoutes();
std::vector<OrderRoute> MexicoOrderRoutes();
std::vector<OrderRoute> CanadaOrderRoutes();

}  // namespace mporders::api
