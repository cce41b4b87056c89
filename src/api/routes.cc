#include "api/routes.h"

#include <memory>

#include <spdlog/spdlog.h>

#include "api/endpoints.h"
#include "api/errors.h"
#include "api/market_routing.h"
#include "api/metrics.h"
#include "api/rate_limit_step.h"
#include "api/sandbox_hooks.h"
#include "api/signature_step.h"
#include "auth/delegated_access.h"
#include "http/ascii_case.h"
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
  // Routes of one market's legacy API (Canada's /v3/ca/...) serve that market
  // only; the others serve the market the request resolves to.
  std::optional<MarketId> market = std::nullopt;
  bool requires_channel_type = false;  // WM_CONSUMER.CHANNEL.TYPE (Canada)
  // The representation when Accept leaves the choice open.
  BodyFormat default_body = BodyFormat::kJson;
  // Without WM_SEC.ACCESS_TOKEN, `Authorization: Basic` client credentials
  // stand in for the token (Mexico's GET /v3/token/detail, mx_mp_auth.json):
  // the handler checks them.
  bool accepts_basic = false;
};

using ApiRouter = http::Router<Route>;

// The API is several of Walmart's models on one host. `shared` routes have
// one meaning for everyone (token, health, sandbox, Canada's /v3/ca/).
// The /v3/orders paths mean one thing to the Global API (US, Canada via
// WM_MARKET, Chile) and another to Mexico's legacy API, so which table
// applies is known only once the request's market is.
struct ApiRouters {
  ApiRouter shared;
  ApiRouter global;  // US-shaped /v3/orders routes: US, CA and CL sellers
  ApiRouter mexico;  // Mexico's /v3/orders routes

  const ApiRouter& OrdersFor(MarketId market) const {
    return market == MarketId::kMx ? mexico : global;
  }

  // One numbering of all routes, for metrics and logs: shared, then global,
  // then Mexico's. -1 stays -1 (no route).
  int GlobalIndex(const ApiRouter& router, int index) const {
    if (index < 0) return index;
    int offset = 0;
    for (const ApiRouter* table : {&shared, &global, &mexico}) {
      if (table == &router) return offset + index;
      offset += static_cast<int>(table->size());
    }
    return -1;
  }

  // The route names in GlobalIndex order. Mexico's share paths with the
  // Global API's, so theirs are marked to keep metric labels apart.
  std::vector<ApiMetrics::RouteName> RouteNames() const {
    std::vector<ApiMetrics::RouteName> names;
    for (const ApiRouter* table : {&shared, &global, &mexico}) {
      const std::string suffix = table == &mexico ? " (MX)" : "";
      for (std::size_t i = 0; i < table->size(); ++i) {
        names.push_back({table->MethodAt(i), table->TemplateAt(i) + suffix});
      }
    }
    return names;
  }
};

std::shared_ptr<const ApiRouters> BuildRoutes(const ApiContext& ctx) {
  auto routers = std::make_shared<ApiRouters>();
  ApiRouter* router = &routers->shared;
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
  if (ctx.serve_console) {
    router->Add(verb::get, "/console",
                Route{GetConsoleIndex, false, false, ErrorService::kOrders, std::nullopt});
    router->Add(verb::get, "/console/{asset}",
                Route{GetConsoleAsset, false, false, ErrorService::kOrders, std::nullopt});
  }
  router->Add(verb::post, "/v3/token",
              Route{PostToken, false, false, ErrorService::kGateway, std::nullopt});
  Route token_detail{GetTokenDetail, true, true, ErrorService::kGateway, std::nullopt};
  token_detail.accepts_basic = true;  // Mexico's token detail (mx_mp_auth.json)
  router->Add(verb::get, "/v3/token/detail", token_detail);
  // Walmart's Notifications API, throttled per seller as Walmart does (§11.2).
  if (ctx.webhooks.enabled) {
    using ratelimit::EndpointGroup;
    auto webhook = [](Endpoint endpoint, EndpointGroup group) {
      return Route{endpoint, true, true, ErrorService::kOrders, group};
    };
    router->Add(verb::get, "/v3/webhooks/eventTypes",
                webhook(GetEventTypes, EndpointGroup::kGetEventTypes));
    router->Add(verb::post, "/v3/webhooks/subscriptions",
                webhook(PostSubscriptions, EndpointGroup::kCreateSubscription));
    router->Add(verb::get, "/v3/webhooks/subscriptions",
                webhook(GetSubscriptions, EndpointGroup::kGetAllSubscriptions));
    router->Add(verb::post, "/v3/webhooks/test",
                webhook(PostWebhookTest, EndpointGroup::kTestNotification));
    router->Add(verb::patch, "/v3/webhooks/subscriptions/{subscriptionId}",
                webhook(PatchSubscription, EndpointGroup::kUpdateSubscription));
    router->Add(verb::delete_, "/v3/webhooks/subscriptions/{subscriptionId}",
                webhook(DeleteSubscription, EndpointGroup::kDeleteSubscription));
  }
  for (const auto& order_route : OrderRoutes()) {
    routers->global.Add(order_route.method, std::string(order_route.path),
                        Route{order_route.endpoint, true, true, ErrorService::kOrders,
                              order_route.rate_group});
  }
  for (const auto& order_route : MexicoOrderRoutes()) {
    routers->mexico.Add(order_route.method, std::string(order_route.path),
                        Route{order_route.endpoint, true, true, ErrorService::kOrders,
                              order_route.rate_group, MarketId::kMx});
  }
  for (const auto& order_route : CanadaOrderRoutes()) {
    router->Add(order_route.method, std::string(order_route.path),
                Route{order_route.endpoint, true, true, ErrorService::kOrders,
                      order_route.rate_group, MarketId::kCa, /*requires_channel_type=*/true,
                      order_route.default_body});
  }
  // The sandbox control API checks its own admin key: no WM_* headers, no
  // seller token, never throttled.
  if (ctx.sandbox != nullptr) {
    for (const auto& sandbox_route : ctx.sandbox->Routes()) {
      router->Add(sandbox_route.method, std::string(sandbox_route.path),
                  Route{sandbox_route.endpoint, false, false, ErrorService::kOrders, std::nullopt});
    }
    // Walmart's dynamic sandbox (/v1/simulations/...): a seller's own calls.
    for (const auto& sandbox_route : ctx.sandbox->SellerRoutes()) {
      router->Add(sandbox_route.method, std::string(sandbox_route.path),
                  Route{sandbox_route.endpoint, true, true, ErrorService::kOrders, std::nullopt});
    }
  }
  return routers;
}

// What the /v3/orders routes of every market have in common, checked before
// the market (and so the route table) is known.
constexpr Route kOrdersFamily{nullptr, true, true, ErrorService::kOrders, std::nullopt};

bool IsCanadaPath(std::string_view path) { return path.starts_with("/v3/ca/"); }

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
  if (http::AsciiIStartsWith(request.Header("Authorization"), "Bearer ")) {
    return Status::Error(ErrorCode::kUnauthorized,
                         "Send the access token in the WM_SEC.ACCESS_TOKEN header; "
                         "Authorization: Bearer is not read by this API.",
                         std::string(kAccessTokenHeader));
  }
  return Status::Error(ErrorCode::kUnauthorized,
                       "The request header WM_SEC.ACCESS_TOKEN is required.",
                       std::string(kAccessTokenHeader));
}

// The caller's claims: from WM_SEC.ACCESS_TOKEN, or from the signature of a
// signed call without a token (api/signature_step.h). One indexed lookup
// either way (revocation and grants): inline, see ApiContext::blocking.
Result<auth::TokenClaims> Authenticate(const ApiContext& ctx, const http::Request& request) {
  if (ctx.signatures != nullptr && UsesSignature(request)) {
    return VerifySignedCall(*ctx.signatures, request);
  }
  std::string token(request.Header(kAccessTokenHeader));
  if (token.empty()) return MissingToken(request);
  return ctx.tokens.Verify(token);
}

boost::asio::awaitable<http::Reply> Dispatch(const ApiRouters& routers, ApiContext& ctx,
                                             http::Request& request) {
  // A shared route is final; otherwise the path must be a /v3/orders route
  // of some market, and the table is chosen once the market is known.
  auto match = routers.shared.Find(request.message.method(), request.path);
  // Negotiated once: every reply of this request, errors included, uses it.
  // Canada's paths default to XML (its legacy API is XML-first).
  const BodyFormat default_body = match.kind == ApiRouter::Match::Kind::kFound
                                      ? match.handler->default_body
                                      : (IsCanadaPath(request.path) ? BodyFormat::kXml
                                                                    : BodyFormat::kJson);
  Representation representation =
      NegotiateRepresentation(request.Header("Accept"), default_body);
  representation.json_error_envelope = IsCanadaPath(request.path)
                                           ? ctx.options.ca_error_envelope
                                           : ctx.options.error_envelope;
  // Mexico's API answers errors with its single-object body (reference §4.1
  // f): from the start when the client says it is calling Mexico, otherwise
  // once the token shows an MX seller.
  if (!IsCanadaPath(request.path)) {
    auto said = HeaderMarket(request);
    if (said.ok() && *said == MarketId::kMx) {
      representation.json_error_envelope = JsonErrorEnvelope::kSingle;
    }
  }
  auto fail = [&](const Status& status, ErrorService service) {
    return ErrorReply(status, service, representation, request);
  };
  auto no_route = [&](const ApiRouter::Match& match) {
    if (match.kind == ApiRouter::Match::Kind::kWrongMethod) {
      return fail(Status::Error(ErrorCode::kMethodNotAllowed,
                                std::string(request.message.method_string()) +
                                    " is not supported on " + request.path + "."),
                  ErrorService::kOrders);
    }
    return fail(Status::Error(ErrorCode::kUriNotFound, "No resource at " + request.path + "."),
                ErrorService::kOrders);
  };
  const bool orders_family = match.kind == ApiRouter::Match::Kind::kNoRoute;
  if (orders_family) {
    auto global = routers.global.Find(request.message.method(), request.path);
    auto mexico = routers.mexico.Find(request.message.method(), request.path);
    // Answered before authentication when no market has the route.
    if (global.kind != ApiRouter::Match::Kind::kFound &&
        mexico.kind != ApiRouter::Match::Kind::kFound) {
      co_return no_route(global.kind == ApiRouter::Match::Kind::kWrongMethod ? global : mexico);
    }
  } else if (match.kind == ApiRouter::Match::Kind::kWrongMethod) {
    co_return no_route(match);
  }
  const Route& checks = orders_family ? kOrdersFamily : *match.handler;

  if (!representation.acceptable) {
    co_return fail(Status::Error(ErrorCode::kNotAcceptable,
                                 "Accept '" + std::string(request.Header("Accept")) +
                                     "' allows no representation this API serves: "
                                     "application/json, application/xml or text/xml.",
                                 "Accept"),
                   checks.service);
  }
  if (checks.requires_wm_headers) {
    if (auto missing = MissingWmHeader(request)) co_return fail(*missing, checks.service);
  }
  if (checks.requires_channel_type) {
    if (auto missing = MissingChannelType(request)) co_return fail(*missing, checks.service);
  }
  Call call{request, ctx, {}, representation, checks.service};
  const bool basic_instead =
      checks.accepts_basic && request.Header(kAccessTokenHeader).empty() &&
      http::AsciiIStartsWith(request.Header("Authorization"), "Basic ");
  if (checks.requires_token && !basic_instead) {
    auto claims = Authenticate(ctx, request);
    if (!claims.ok()) co_return fail(claims.status(), checks.service);
    call.claims = std::move(claims).value();
    // A WM_PARTNER.ID naming another seller than the token's: refused before
    // anything is counted or read (delegated_access.h).
    Status same_seller = auth::CheckCallSeller(call.claims, request.Header(auth::kPartnerIdHeader));
    if (!same_seller.ok()) co_return fail(same_seller, checks.service);
    // The market (reference §1.3): never another market's data.
    auto header_market = HeaderMarket(request);
    if (!header_market.ok()) co_return fail(header_market.status(), checks.service);
    auto market = ResolveCallMarket(checks.market, *header_market, call.claims);
    if (!market.ok()) co_return fail(market.status(), checks.service);
    call.market = &GetMarket(*market);
    if (call.market->id() == MarketId::kMx && !IsCanadaPath(request.path)) {
      representation.json_error_envelope = JsonErrorEnvelope::kSingle;
      call.representation.json_error_envelope = JsonErrorEnvelope::kSingle;
    }
    if (ctx.sandbox != nullptr) {
      auto injected = co_await ctx.sandbox->BeforeSellerCall(call);
      if (injected) co_return std::move(*injected);
    }
  }
  const ApiRouter* matched_in = &routers.shared;
  if (orders_family) {
    matched_in = &routers.OrdersFor(call.market->id());
    match = matched_in->Find(request.message.method(), request.path);
    if (match.kind != ApiRouter::Match::Kind::kFound) co_return no_route(match);
  }
  const Route& route = *match.handler;
  request.path_params = std::move(match.params);
  request.route_index = routers.GlobalIndex(*matched_in, match.index);  // metrics, access log
  request.principal = call.seller_id();  // for the access log; "" when unauthenticated

  std::optional<RateLimitOutcome> rate_limit;
  if (route.rate_group && ctx.rate_limiter && route.requires_token) {
    rate_limit = TakeRateLimit(*ctx.rate_limiter, call.seller_id(), *route.rate_group,
                               call.market->code());
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
  auto routers = BuildRoutes(ctx);
  if (ctx.metrics != nullptr) ctx.metrics->SetRoutes(routers->RouteNames());
  return [routers, &ctx](http::Request& request) -> boost::asio::awaitable<http::Reply> {
    if (ctx.metrics != nullptr) ctx.metrics->RequestStarted();
    // Left by every path, a thrown handler included.
    struct InFlight {
      ApiMetrics* metrics;
      ~InFlight() {
        if (metrics != nullptr) metrics->RequestFinished();
      }
    } in_flight{ctx.metrics};
    http::Reply reply = co_await Dispatch(*routers, ctx, request);
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
