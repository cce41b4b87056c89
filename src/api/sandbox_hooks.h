#pragma once
// The seam between the Walmart-compatible API and the sandbox control API
// (src/sandbox). The API knows only this interface; the sandbox implements
// it. ApiContext::sandbox is null when the sandbox is disabled, and then
// neither its routes nor its fault rules exist.

#include <boost/asio/awaitable.hpp>
#include <boost/beast/http/verb.hpp>
#include <optional>
#include <string_view>
#include <vector>

#include "api/call.h"

namespace mporders::api {

struct SandboxRoute {
  boost::beast::http::verb method;
  std::string_view path;  // under /sandbox/v1/
  Endpoint endpoint;      // authenticates the admin key itself
};

class SandboxHooks {
 public:
  virtual ~SandboxHooks() = default;

  // The control API routes, literal paths first.
  virtual std::vector<SandboxRoute> Routes() const = 0;

  // Walmart's dynamic-sandbox routes (/v1/simulations/...): called with the
  // seller's access token and WM_* headers like the Orders API.
  virtual std::vector<SandboxRoute> SellerRoutes() const { return {}; }

  // Runs for every seller-authenticated call after its token is verified and
  // before rate limiting and the handler: an injected fault answers instead
  // of the handler (a reply), or delays the call (nullopt after a wait).
  virtual boost::asio::awaitable<std::optional<http::Reply>> BeforeSellerCall(Call& call) = 0;
};

}  // namespace mporders::api
