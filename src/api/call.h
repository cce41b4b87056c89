#pragma once
// One API call as endpoint handlers see it, after the pre-handler steps.

#include <optional>
#include <string>
#include <string_view>

#include <boost/asio/awaitable.hpp>

#include "api/api_context.h"
#include "api/errors.h"
#include "api/representation.h"
#include "auth/tokens.h"
#include "core/status.h"
#include "domain/market.h"
#include "http/reply.h"
#include "http/request.h"

namespace mporders::api {

struct Call {
  http::Request& request;
  ApiContext& ctx;
  auth::TokenClaims claims;       // set on authenticated routes
  Representation representation;  // negotiated once, from Accept
  ErrorService service = ErrorService::kOrders;  // suffix of its error codes
  // The market the call resolved to (market_routing.h); the US on routes
  // without a seller.
  const Market* market = &UsMarket();

  const std::string& seller_id() const { return claims.seller_id; }
  bool wants_xml() const { return representation.body == BodyFormat::kXml; }
};

using Endpoint = boost::asio::awaitable<http::Reply> (*)(Call&);

// A 200 JSON reply.
http::Reply JsonReply(std::string body, unsigned status = 200);

// A 200 reply whose body is already in the call's negotiated representation
// (the handler encodes it with the JSON or XML codec, as wants_xml() says).
http::Reply BodyReply(const Call& call, std::string body);
http::Reply BodyReply(const Call& call, http::GatheredBody body);

// The error reply for `status` in the call's representation and service.
// REQUIRES: !status.ok().
http::Reply ErrorReply(const Call& call, const Status& status);

// Boolean query flag: absent -> `fallback`; "true"/"false" in any case;
// anything else -> kInvalidRequestParam naming the parameter.
Result<bool> BoolParam(const http::Request& request, std::string_view name, bool fallback);

}  // namespace mporders::api
