#include "auth/signature_auth.h"

#include <charconv>

#include "auth/signature.h"

namespace mporders::auth {
namespace {

// Longer ids are never issued: refused before the store is asked.
constexpr std::size_t kMaxConsumerIdLength = 256;

Status Unauthorized(std::string why, std::string_view field) {
  return Status::Error(ErrorCode::kUnauthorized, std::move(why), std::string(field));
}

Status Missing(std::string_view header) {
  return Status::Error(
      ErrorCode::kMissingRequestHeader,
      "The request header " + std::string(header) + " is required for signature authentication.",
      std::string(header));
}

// Epoch milliseconds: digits only, no sign, no fraction.
bool ParseTimestamp(std::string_view text, EpochMillis& out) {
  if (text.empty() || text.size() > 18) return false;
  for (char c : text) {
    if (c < '0' || c > '9') return false;
  }
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size();
}

}  // namespace

std::string FullRequestUrl(bool secure, std::string_view host, std::string_view target) {
  std::string url = secure ? "https://" : "http://";
  url.append(host).append(target);
  return url;
}

SignatureVerifier::SignatureVerifier(Store& store, const Clock& clock, std::int64_t skew_seconds)
    : store_(store), clock_(clock), skew_millis_(skew_seconds * kMillisPerSecond) {}

Result<TokenClaims> SignatureVerifier::Verify(const SignedRequest& request) const {
  for (auto [header, value] : {std::pair{kConsumerIdHeader, request.consumer_id},
                               std::pair{kTimestampHeader, request.timestamp},
                               std::pair{kAuthSignatureHeader, request.signature}}) {
    if (value.empty()) return Missing(header);
  }
  EpochMillis timestamp = 0;
  if (!ParseTimestamp(request.timestamp, timestamp)) {
    return Status::Error(ErrorCode::kInvalidRequestHeader,
                         "WM_SEC.TIMESTAMP must be the signing time in epoch milliseconds.",
                         std::string(kTimestampHeader));
  }
  // The client signs with its own wall clock, so the wall clock judges (not
  // a sandbox seller's simulated time). Checked before the store is read.
  const EpochMillis now = clock_.NowMillis();
  const EpochMillis drift = now > timestamp ? now - timestamp : timestamp - now;
  if (drift > skew_millis_) {
    return Unauthorized("WM_SEC.TIMESTAMP is more than " + std::to_string(skew_seconds()) +
                            " seconds away from the server's time; sign each request when it is "
                            "sent, with a synchronised clock.",
                        kTimestampHeader);
  }
  if (request.consumer_id.size() > kMaxConsumerIdLength) {
    return Unauthorized("Unknown consumer in WM_CONSUMER.ID.", kConsumerIdHeader);
  }
  // Every call, never cached: a revocation must bite on the very next call,
  // on every process sharing the store.
  auto consumer = store_.GetClient(std::string(request.consumer_id));
  if (!consumer.ok()) {
    if (consumer.status().code() == ErrorCode::kNotFound) {
      return Unauthorized("Unknown consumer in WM_CONSUMER.ID.", kConsumerIdHeader);
    }
    return consumer.status();
  }
  if (consumer->revoked_at) {
    return Unauthorized("The consumer in WM_CONSUMER.ID has been revoked.", kConsumerIdHeader);
  }
  if (!consumer->public_key_pem || consumer->kind != ClientKind::kSeller) {
    return Unauthorized(
        "The client in WM_CONSUMER.ID has no registered public key; it authenticates with "
        "WM_SEC.ACCESS_TOKEN.",
        kConsumerIdHeader);
  }
  const std::string message =
      SignatureString(request.consumer_id, request.full_url, request.method, request.timestamp);
  if (!VerifySignature(*consumer->public_key_pem, message, request.signature)) {
    // The URL as the server rebuilt it is the caller's own data, and naming
    // it is what makes a scheme or Host mismatch findable.
    return Unauthorized(
        "WM_SEC.AUTH_SIGNATURE does not verify with the consumer's public key for "
        "URL " +
            request.full_url + ", method " + std::string(request.method) + " and this timestamp.",
        kAuthSignatureHeader);
  }
  // A token carries its seller's market; a signed call looks it up (the
  // seller's market never changes, so any process reads the same).
  auto seller = store_.GetSeller(consumer->seller_id);
  if (!seller.ok()) {
    if (seller.status().code() != ErrorCode::kNotFound) return seller.status();
    return Unauthorized("The seller of the consumer in WM_CONSUMER.ID no longer exists.",
                        kConsumerIdHeader);
  }
  TokenClaims claims;
  claims.client_id = consumer->client_id;
  claims.seller_id = consumer->seller_id;
  claims.market = seller->market;
  claims.issued_at = timestamp;
  claims.expires_at = timestamp + skew_millis_;
  return claims;
}

}  // namespace mporders::auth
