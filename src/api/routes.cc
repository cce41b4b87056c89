#include "api/routes.h"

#include <memory>

#include <boost/algorithm/string/predicate.hpp>
#include <spdlog/spdlog.h>

#include "api/endpoints.h"
#include "api/errors.h"
#include "api/metrics.h"
#include "api/rate_limit_step.h"
#include "api/sandbox_hooks.h"
#include "auth/delegated_access.h"
#include "http/router.h"

namespace mporders::api {
namespace {

using boost::beast::http::verb;

constexpr std::string_view kCorrelationHeader = "WM_QOS.CORRELATION_ID";
constexpr std::string_view kServiceNameHeader = "WM_SVC.NAME";
constexpr std::string_view kAccessTokenHeader = "WM_SEC.ACCESS_TOKEN";

struct Route {
  Endpoint endpoint;
  bool requires_wm_headers;  // WM_QOS.CORRELATION_ID and WM_SVC.NAME
  bool requires_token;       // WM_SEC.ACCESS_TOKEN
  ErrorService service;
  std::optional<ratelimit::EndpointGroup> rate_group;  // nullopt: not throttled
};

using ApiRouter = http::Router<Route>;

std::shared_ptr<const ApiRouter> BuildRoutes(const ApiContext& ctx) {
  auto router = std::make_shared<ApiRouter>();
  // Literal paths before parameterised ones: the router tries routes in order.
  // The token API is not throttled (Walmart publishes no limit for it).
  router->Add(verb::get, "/healthz",
              Route{GetHealth, false, false, ErrorService::kOrders, std::nullopt});
  router->Add(verb::get, "/readyz",
              Route{GetReady, false, false, ErrorService::kOrders, std::nullopt});
  if (ctx.serve_metrics) {
    router->Add(verb::get, "/metrics",
                Route{GetMetrics, false, false, ErrorService::kOrders, std::nullopt});
  }
  router->Add(verb::post, "/v3/token",
              Route{PostToken, false, false, ErrorService::kGateway, std::nullopt});
  router->Add(verb::get, "/v3/token/detail",
              Route{GetTokenDetail, true, true, ErrorService::kGateway, std::nullopt});
  for (const auto& order_route : OrderRoutes()) {
    router->Add(order_route.method, std::string(order_route.path),
                Route{order_route.endpoint, true, true, ErrorService::kOrders,
                      order_route.rate_group});
  }
  // The sandbox control API checks its own admin key: no WM_* headers, no
  // seller token, never throttled.
  if (ctx.sandbox != nullptr) {
    for (const auto& sandbox_route : ctx.sandbox->Routes()) {
      router->Add(sandbox_route.method, std::string(sandbox_route.path),
                  Route{sandbox_route.endpoint, false, false, ErrorService::kOrders, std::nullopt});
    }
  }
  return router;
}

std::optional<Status> MissingWmHeader(const http::Request& request) {
  for (auto name : {kCorrelationHeader, kServiceNameHeader}) {
    if (request.Header(name).empty()) {
      return Status::Error(ErrorCode::kMissingRequestHeader,
                           "The request header " + std::string(name) + " is required.", std::string(name));
    }
  }
  return std::nullopt;
}

Status MissingToken(const http::Request& request) {
  if (boost::algorithm::istarts_with(request.Header("Authorization"), "Bearer ")) {
    return Status::Error(ErrorCode::kUnauthorized,
                         "Send the access token in the WM_SEC.ACCESS_TOKEN header; "
                         "Authorization: Bearer is not read by this API.",
                         std::string(kAccessTokenHeader));
  }
  return Status::Error(ErrorCode::kUnauthorized,
                       "The request header WM_SEC.ACCESS_TOKEN is required.",
                       std::string(kAccessTokenHeader));
}

boost::asio::awaitable<http::Reply> Dispatch(const ApiRouter& router, ApiContext& ctx,
                                             http::Request& request) {
  // Negotiated once: every reply of this request, errors included, uses it.
  const Representation representation = NegotiateRepresentation(request.Header("Accept"));
  auto fail = [&](const Status& status, ErrorService service) {
    return ErrorReply(status, service, representation, request);
  };
  auto match = router.Find(request.message.method(), request.path);
  if (match.kind == ApiRouter::Match::Kind::kNoRoute) {
    co_return fail(Status::Error(ErrorCode::kUriNotFound, "No resource at " + request.path + "."),
                   ErrorService::kOrders);
  }
  if (match.kind == ApiRouter::Match::Kind::kWrongMethod) {
    co_return fail(Status::Error(ErrorCode::kMethodNotAllowed,
                                 std::string(request.message.method_string()) +
                                     " is not supported on " + request.path + "."),
                   ErrorService::kOrders);
  }
  const Route& route = *match.handler;
  request.path_params = std::move(match.params);
  request.route_index = match.index;  // for metrics and the access log

  if (!representation.acceptable) {
    co_return fail(Status::Error(ErrorCode::kNotAcceptable,
                                 "Accept '" + std::string(request.Header("Accept")) +
                                     "' allows no representation this API serves: "
                                     "application/json, application/xml or text/xml.",
                                 "Accept"),
                   route.service);
  }
  if (route.requires_wm_headers) {
    if (auto missing = MissingWmHeader(request)) co_return fail(*missing, route.service);
  }
  Call call{request, ctx, {}, representation, route.service};
  if (route.requires_token) {
    std::string token(request.Header(kAccessTokenHeader));
    if (token.empty()) co_return fail(MissingToken(request), route.service);
    // One indexed lookup (revocation and grants): inline, see ApiContext::blocking.
    auto claims = ctx.tokens.Verify(token);
    if (!claims.ok()) co_return fail(claims.status(), route.service);
    call.claims = std::move(claims).value();
    // A WM_PARTNER.ID naming another seller than the token's: refused before
    // anything is counted or read (delegated_access.h).
    Status same_seller = auth::CheckCallSeller(call.claims, request.Header(auth::kPartnerIdHeader));
    if (!same_seller.ok()) co_return fail(same_seller, route.service);
    if (ctx.sandbox != nullptr) {
      auto injected = co_await ctx.sandbox->BeforeSellerCall(call);
      if (injected) co_return std::move(*injected);
    }
  }
  request.principal = call.seller_id();  // for the access log; "" when unauthenticated
  std::optional<RateLimitOutcome> rate_limit;
  if (route.rate_group && ctx.rate_limiter && route.requires_token) {
    rate_limit = TakeRateLimit(*ctx.rate_limiter, call.seller_id(), *route.rate_group);
    if (rate_limit->refusal) {
      http::Reply refused = fail(*rate_limit->refusal, route.service);
      AddRateLimitHeaders(*rate_limit, refused);
      co_return refused;
    }
  }
  http::Reply reply = co_await route.endpoint(call);
  if (rate_limit) AddRateLimitHeaders(*rate_limit, reply);
  co_return reply;
}

}  // namespace

http::Handler MakeApiHandler(ApiContext& ctx) {
  auto router = BuildRoutes(ctx);
  if (ctx.metrics != nullptr) {
    std::vector<ApiMetrics::RouteName> names;
    for (std::size_t i = 0; i < router->size(); ++i) {
      names.push_back({router->MethodAt(i), router->TemplateAt(i)});
    }
    ctx.metrics->SetRoutes(names);
  }
  return [router, &ctx](http::Request& request) -> boost::asio::awaitable<http::Reply> {
    if (ctx.metrics != nullptr) ctx.metrics->RequestStarted();
    // Left by every path, a thrown handler included.
    struct InFlight {
      ApiMetrics* metrics;
      ~InFlight() {
        if (metrics != nullptr) metrics->RequestFinished();
      }
    } in_flight{ctx.metrics};
    http::Reply reply = co_await Dispatch(*router, ctx, request);
    // Caches must key responses on Accept: the same URL has several representations.
    reply.headers.emplace_back("Vary", "Accept");
    auto correlation_id = request.Header(kCorrelationHeader);
    if (!correlation_id.empty()) reply.headers.emplace_back(kCorrelationHeader, correlation_id);
    co_return reply;
  };
}

void LogAccess(const http::Request& request, const http::Reply& reply,
               std::chrono::microseconds latency) {
  auto correlation_id = request.Header(kCorrelationHeader);
  auto target = request.message.target();
  spdlog::info("{} {} {} {} {}us cid={}", request.remote_address,
               std::string_view(request.message.method_string().data(),
                                request.message.method_string().size()),
               std::string_view(target.data(), target.size()), reply.status, latency.count(),
               correlation_id.empty() ? std::string_view("-") : correlation_id);
}

}  // namespace mporders::api
