// GET /console/ and GET /console/{asset}: the web console's static files.
// Not part of Walmart's API: no WM_* headers, no token. The page itself holds
// no data; it calls /v3/token, /v3/orders, /sandbox/v1/ and /metrics from the
// browser, with the credentials the user signs in with.

#include "api/console_assets.h"
#include "api/endpoints.h"
#include "api/errors.h"

namespace mporders::api {
namespace {

// Same-origin only: the console loads nothing from elsewhere and may not be
// framed, so a page of another origin cannot drive it.
constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

http::Reply AssetReply(const Call& call, std::string_view name) {
  auto asset = FindConsoleAsset(name);
  if (!asset) {
    return ErrorReply(
        call, Status::Error(ErrorCode::kUriNotFound, "No resource at " + call.request.path + "."));
  }
  http::Reply reply;
  reply.content_type = std::string(asset->content_type);
  reply.body = std::string(asset->body);
  // The files change only with the binary; revalidating is cheap and keeps an
  // upgraded server from running an old script.
  reply.headers.emplace_back("Cache-Control", "no-cache");
  reply.headers.emplace_back("Content-Security-Policy", std::string(kContentSecurityPolicy));
  reply.headers.emplace_back("X-Content-Type-Options", "nosniff");
  reply.headers.emplace_back("Referrer-Policy", "no-referrer");
  return reply;
}

}  // namespace

boost::asio::awaitable<http::Reply> GetConsoleIndex(Call& call) {
  co_return AssetReply(call, "index.html");
}

boost::asio::awaitable<http::Reply> GetConsoleAsset(Call& call) {
  co_return AssetReply(call, call.request.PathParam("asset"));
}

}  // namespace mporders::api
