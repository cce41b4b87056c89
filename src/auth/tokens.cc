#include "auth/tokens.h"

#include <charconv>
#include <vector>

#include "auth/crypto.h"

namespace mporders::auth {
namespace {

constexpr char kSigningKeySetting[] = "token_signing_key";
// v2 adds the seller's market; v1 tokens (minted before markets existed,
// and only ever for US sellers) stay valid until they expire.
constexpr char kVersion[] = "v2";
constexpr char kVersionWithoutMarket[] = "v1";
// Live tokens whose signature check is remembered: one per client and
// seller in use, so thousands for a provider serving many sellers.
constexpr std::size_t kVerifiedTokensKept = 16384;

Status Unauthorized(std::string why) {
  return Status::Error(ErrorCode::kUnauthorized, std::move(why));
}

std::vector<std::string_view> SplitDots(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t dot = text.find('.', start);
    parts.push_back(text.substr(start, dot == std::string_view::npos ? dot : dot - start));
    if (dot == std::string_view::npos) break;
    start = dot + 1;
  }
  return parts;
}

bool ParseMillis(std::string_view text, EpochMillis& out) {
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

Result<std::unique_ptr<TokenService>> TokenService::Create(Store& store, const Clock& clock,
                                                           std::int64_t ttl_seconds) {
  auto key_hex = store.GetOrCreateSetting(kSigningKeySetting, RandomHex(32));
  if (!key_hex.ok()) return key_hex.status();
  auto key = HexDecode(*key_hex);
  if (!key || key->size() < 16) return Status::Internal("the stored token signing key is corrupt");
  return std::unique_ptr<TokenService>(
      new TokenService(store, clock, std::move(*key), ttl_seconds));
}

TokenService::TokenService(Store& store, const Clock& clock, std::string key,
                           std::int64_t ttl_seconds)
    : store_(store),
      clock_(clock),
      key_(std::move(key)),
      ttl_seconds_(ttl_seconds),
      verified_(kVerifiedTokensKept) {}

std::string TokenService::Sign(std::string_view payload) const {
  return Base64UrlEncode(HmacSha256(key_, payload));
}

IssuedToken TokenService::Issue(const ClientRecord& client) const {
  return Issue(client, client.seller_id);
}

IssuedToken TokenService::Issue(const ClientRecord& client, const std::string& seller_id,
                                MarketId market) const {
  IssuedToken issued;
  issued.claims.client_id = client.client_id;
  issued.claims.seller_id = seller_id;
  issued.claims.market = market;
  issued.claims.issued_at = clock_.NowMillisFor(seller_id);
  issued.claims.expires_at = issued.claims.issued_at + ttl_seconds_ * kMillisPerSecond;
  issued.expires_in_seconds = ttl_seconds_;
  // v2.<client>.<seller>.<issued>.<expires>.<nonce>.<market> then
  // .<signature>; the nonce makes two tokens minted in the same millisecond
  // differ.
  std::string payload = std::string(kVersion) + "." + Base64UrlEncode(client.client_id) + "." +
                        Base64UrlEncode(seller_id) + "." + std::to_string(issued.claims.issued_at) +
                        "." + std::to_string(issued.claims.expires_at) + "." + RandomHex(8) + "." +
                        std::string(MarketCode(market));
  issued.access_token = payload + "." + Sign(payload);
  return issued;
}

Result<TokenClaims> TokenService::CheckedClaims(const std::string& token) const {
  if (token.empty() || token.size() > 1024) {
    return Unauthorized("The access token is missing or malformed.");
  }
  if (std::optional<TokenClaims> kept = verified_.Find(token)) return *std::move(kept);
  auto parts = SplitDots(token);
  const bool with_market = parts.size() == 8 && parts[0] == kVersion;
  if (!with_market && !(parts.size() == 7 && parts[0] == kVersionWithoutMarket)) {
    return Unauthorized("The access token is malformed.");
  }
  std::string_view signature = parts.back();
  std::string_view payload(token.data(), token.size() - signature.size() - 1);
  if (!ConstantTimeEquals(Sign(payload), signature)) {
    return Unauthorized("The access token signature is invalid.");
  }
  TokenClaims claims;
  auto client_id = Base64UrlDecode(parts[1]);
  auto seller_id = Base64UrlDecode(parts[2]);
  if (!client_id || !seller_id || !ParseMillis(parts[3], claims.issued_at) ||
      !ParseMillis(parts[4], claims.expires_at)) {
    return Unauthorized("The access token is malformed.");
  }
  if (with_market) {
    auto market = ParseMarketCode(parts[6]);
    if (!market) return Unauthorized("The access token is malformed.");
    claims.market = *market;
  }
  claims.client_id = std::move(*client_id);
  claims.seller_id = std::move(*seller_id);
  verified_.Keep(token, claims);
  return claims;
}

Result<TokenClaims> TokenService::Verify(const std::string& token) const {
  Result<TokenClaims> claims = CheckedClaims(token);
  if (!claims.ok()) return claims.status();
  if (clock_.NowMillisFor(claims->seller_id) >= claims->expires_at) {
    return Unauthorized("The access token has expired. Request a new one from POST /v3/token.");
  }
  // Every call, never cached: revocation and a removed grant must bite on the
  // very next request, on every process sharing the store.
  auto access = store_.CheckSellerAccess(claims->client_id, claims->seller_id);
  if (!access.ok()) return access.status();
  switch (*access) {
    case SellerAccess::kAllowed:
      return *std::move(claims);
    case SellerAccess::kNoClient:
      return Unauthorized("The client of this access token no longer exists.");
    case SellerAccess::kRevoked:
      return Unauthorized("The client of this access token has been revoked.");
    case SellerAccess::kNotAllowed:
      break;
  }
  return Unauthorized("The client of this access token may no longer act for its seller.");
}

}  // namespace mporders::auth
