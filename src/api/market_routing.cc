#include "api/market_routing.h"

#include <string>

namespace mporders::api {

Result<std::optional<MarketId>> HeaderMarket(const http::Request& request) {
  const std::string_view version = request.Header(kGlobalVersionHeader);
  if (!version.empty() && version != kGlobalVersion) {
    return Status::Error(ErrorCode::kInvalidRequestHeader,
                         "WM_GLOBAL_VERSION '" + std::string(version) +
                             "' is not supported; the Global Marketplace API version is 3.1.",
                         std::string(kGlobalVersionHeader));
  }
  const std::string_view code = request.Header(kMarketHeader);
  if (code.empty()) return std::optional<MarketId>();
  const std::optional<MarketId> market = ParseMarketCode(code);
  if (!market) {
    return Status::Error(ErrorCode::kInvalidRequestHeader,
                         "WM_MARKET '" + std::string(code) + "' is not a market: use US, CA, MX or CL.",
                         std::string(kMarketHeader));
  }
  return market;
}

Result<MarketId> ResolveCallMarket(std::optional<MarketId> route_market,
                                   std::optional<MarketId> header_market,
                                   const auth::TokenClaims& claims) {
  const MarketId market = route_market.value_or(header_market.value_or(claims.market));
  if (market == claims.market) return market;
  const Market& asked = GetMarket(market);
  const Market& own = GetMarket(claims.market);
  const std::string asked_for =
      route_market ? "This API serves the " + std::string(asked.name()) + " marketplace"
                   : "WM_MARKET: " + std::string(asked.code()) + " asks for the " +
                         std::string(asked.name()) + " marketplace";
  return Status::Error(ErrorCode::kForbidden,
                       asked_for + ", but seller " + claims.seller_id + " sells in " +
                           std::string(own.name()) + " (" + std::string(own.code()) + ").",
                       route_market ? std::string() : std::string(kMarketHeader));
}

}  // namespace mporders::api
