#pragma once
// Which market a request is for (reference §1.3): the /v3/ca/ path prefix
// selects Canada; otherwise the Global API header WM_MARKET (any case, with
// an optional WM_GLOBAL_VERSION); otherwise the market of the seller the
// credential acts for; otherwise the United States. A seller sells in one
// market, and a request for any other is refused before anything is read.

#include <optional>
#include <string_view>

#include "auth/tokens.h"
#include "core/status.h"
#include "domain/market.h"
#include "http/request.h"

namespace mporders::api {

inline constexpr std::string_view kMarketHeader = "WM_MARKET";
inline constexpr std::string_view kGlobalVersionHeader = "WM_GLOBAL_VERSION";
// The one version of the Global Marketplace API there is.
inline constexpr std::string_view kGlobalVersion = "3.1";

// The market WM_MARKET names; nullopt when the header is absent or empty.
// kInvalidRequestHeader when it names no market this API serves, or when
// WM_GLOBAL_VERSION is present with another value than 3.1.
Result<std::optional<MarketId>> HeaderMarket(const http::Request& request);

// The market of an authenticated call: `route_market` when the route belongs
// to one market's legacy API (Canada's /v3/ca/), else `header_market`, else
// the credential's. kForbidden, naming both markets, when that is not the
// market of the credential's seller.
Result<MarketId> ResolveCallMarket(std::optional<MarketId> route_market,
                                   std::optional<MarketId> header_market,
                                   const auth::TokenClaims& claims);

}  // namespace mporders::api
