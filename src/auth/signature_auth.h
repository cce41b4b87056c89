#pragma once
// Signature authentication, Walmart's legacy scheme for delegated-access
// keys: instead of WM_SEC.ACCESS_TOKEN a call carries
//   WM_CONSUMER.ID         the consumer (a client of one seller with a public key)
//   WM_SEC.TIMESTAMP       epoch milliseconds when it was signed
//   WM_SEC.AUTH_SIGNATURE  base64 RSA-SHA256 over SignatureString() (signature.h)
// A verified call yields the same TokenClaims a token does, so everything
// after authentication is shared. Like token verification, every call reads
// the consumer again (one indexed lookup): revocation bites on the next call.

#include <cstdint>
#include <string>
#include <string_view>

#include "auth/tokens.h"
#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::auth {

inline constexpr std::string_view kConsumerIdHeader = "WM_CONSUMER.ID";
inline constexpr std::string_view kAuthSignatureHeader = "WM_SEC.AUTH_SIGNATURE";
inline constexpr std::string_view kTimestampHeader = "WM_SEC.TIMESTAMP";
inline constexpr std::string_view kChannelTypeHeader = "WM_CONSUMER.CHANNEL.TYPE";

// How far WM_SEC.TIMESTAMP may be from the server's clock, either way.
inline constexpr std::int64_t kDefaultSignatureSkewSeconds = 300;

// The URL the client called, as it signs it: "http" or "https" (as this
// server serves), "://", the Host header, then the request target (path and
// query) exactly as sent.
std::string FullRequestUrl(bool secure, std::string_view host, std::string_view target);

// The parts of a request that signature authentication reads. Header values
// are "" when the header is absent.
struct SignedRequest {
  std::string_view consumer_id;  // WM_CONSUMER.ID
  std::string_view signature;    // WM_SEC.AUTH_SIGNATURE
  std::string_view timestamp;    // WM_SEC.TIMESTAMP
  std::string_view method;       // "GET", as sent
  std::string full_url;          // FullRequestUrl()
};

// Thread-safe; `store` and `clock` must outlive it.
class SignatureVerifier {
 public:
  SignatureVerifier(Store& store, const Clock& clock,
                    std::int64_t skew_seconds = kDefaultSignatureSkewSeconds);

  // The consumer's claims (its client id and seller; issued_at is the
  // timestamp, expires_at the timestamp plus the skew). Failures, in this
  // order:
  // - a header missing: kMissingRequestHeader, field = the header;
  // - a timestamp that is not epoch milliseconds: kInvalidRequestHeader;
  // - a timestamp further than the skew from now (wall clock): kUnauthorized;
  // - an unknown or revoked consumer, one without a public key, or a
  //   signature that does not verify: kUnauthorized, saying which;
  // - a store failure: its Status.
  Result<TokenClaims> Verify(const SignedRequest& request) const;

  std::int64_t skew_seconds() const { return skew_millis_ / kMillisPerSecond; }

 private:
  Store& store_;
  const Clock& clock_;
  std::int64_t skew_millis_;
};

}  // namespace mporders::auth
