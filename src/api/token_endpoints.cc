// POST /v3/token and GET /v3/token/detail, as us_mp_auth.json defines them;
// the detail also takes Basic client credentials, as mx_mp_auth.json has it.

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/metrics.h"
#include "api/token_request.h"
#include "auth/credentials.h"
#include "auth/delegated_access.h"
#include "codec/error_json.h"
#include "codec/token_xml.h"

namespace mporders::api {
namespace {

boost::asio::awaitable<http::Reply> IssueToken(Call& call);

}  // namespace

boost::asio::awaitable<http::Reply> PostToken(Call& call) {
  http::Reply reply = co_await IssueToken(call);
  if (call.ctx.metrics != nullptr) call.ctx.metrics->RecordTokenRequest(reply.status);
  co_return reply;
}

namespace {

boost::asio::awaitable<http::Reply> IssueToken(Call& call) {
  auto credentials = ParseBasicAuthorization(call.request.Header("Authorization"));
  if (!credentials.ok()) co_return ErrorReply(call, credentials.status());
  auto grant_type = TokenGrantType(call.request);
  if (!grant_type.ok()) co_return ErrorReply(call, grant_type.status());
  if (*grant_type != "client_credentials") {
    co_return ErrorReply(
        call, Status::InvalidContent("Unsupported grant_type '" + *grant_type +
                                         "': this server issues tokens for "
                                         "grant_type=client_credentials.",
                                     "grant_type"));
  }
  // The seller is chosen only once the credentials are proven, so that a
  // caller without them learns nothing about a client's grants.
  const std::string partner_id(call.request.Header(auth::kPartnerIdHeader));
  // The secret check runs a slow KDF: keep it off the I/O threads.
  auto issued = co_await RunBlocking(call.ctx.blocking, [&]() -> Result<auth::IssuedToken> {
    auto client = auth::AuthenticateClient(call.ctx.store, credentials->client_id,
                                           credentials->client_secret);
    if (!client.ok()) {
      if (client.status().code() != ErrorCode::kUnauthorized) return client.status();
      return Status::Error(ErrorCode::kUnauthorized, "Invalid client credentials.", "UNAUTHORIZED");
    }
    auto seller = auth::SellerForToken(*client, partner_id);
    if (!seller.ok()) return seller.status();
    auto market = call.ctx.store.GetSeller(*seller);
    if (!market.ok()) return market.status();
    return call.ctx.tokens.Issue(*client, *seller, market->market);
  });
  if (!issued.ok()) co_return ErrorReply(call, issued.status());
  http::Reply reply;
  if (call.wants_xml()) {
    reply = BodyReply(call, EncodeOAuthTokenXml(issued->access_token, "Bearer",
                                                issued->expires_in_seconds));
  } else {
    std::string body = R"({"access_token":)";
    AppendJsonString(body, issued->access_token);
    body += R"(,"token_type":"Bearer","expires_in":)" +
            std::to_string(issued->expires_in_seconds) + "}";
    reply = BodyReply(call, std::move(body));
  }
  reply.headers.emplace_back("Cache-Control", "no-store");
  co_return reply;
}

}  // namespace

boost::asio::awaitable<http::Reply> GetTokenDetail(Call& call) {
  auth::TokenClaims claims = call.claims;
  if (claims.client_id.empty()) {
    // Basic client credentials instead of a token (mx_mp_auth.json): the
    // detail of the token they would be issued now.
    auto credentials = ParseBasicAuthorization(call.request.Header("Authorization"));
    if (!credentials.ok()) co_return ErrorReply(call, credentials.status());
    auto issued = co_await RunBlocking(call.ctx.blocking, [&]() -> Result<auth::TokenClaims> {
      auto client = auth::AuthenticateClient(call.ctx.store, credentials->client_id,
                                             credentials->client_secret);
      if (!client.ok()) {
        if (client.status().code() != ErrorCode::kUnauthorized) return client.status();
        return Status::Error(ErrorCode::kUnauthorized, "Invalid client credentials.",
                             "UNAUTHORIZED");
      }
      auto seller = auth::SellerForToken(*client, std::string(call.request.Header(auth::kPartnerIdHeader)));
      if (!seller.ok()) return seller.status();
      auto market = call.ctx.store.GetSeller(*seller);
      if (!market.ok()) return market.status();
      return call.ctx.tokens.Issue(*client, *seller, market->market).claims;
    });
    if (!issued.ok()) co_return ErrorReply(call, issued.status());
    claims = *issued;
  }
  if (call.wants_xml()) {
    TokenDetail detail;
    detail.expire_at = claims.expires_at;
    detail.issued_at = claims.issued_at;
    detail.scopes = {{"orders", "full_access"}};
    co_return BodyReply(call, EncodeTokenDetailXml(detail));
  }
  std::string body =
      R"({"expire_at":")" + std::to_string(claims.expires_at) + R"(","issued_at":")" +
      std::to_string(claims.issued_at) +
      R"(","is_valid":true,"is_channel_match":true,"scopes":{"orders":"full_access"}})";
  co_return BodyReply(call, std::move(body));
}

}  // namespace mporders::api
