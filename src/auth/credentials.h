#pragma once
// API clients: creation with a hashed secret, and authentication of a
// clientId/clientSecret pair. Secrets are never stored or logged in clear.

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::auth {

// PBKDF2-HMAC-SHA256 work factor for stored secrets.
constexpr int kSecretHashIterations = 100000;

struct NewClient {
  std::string client_id;
  std::string client_secret;  // only ever known at creation time
};

// Creates a client for `seller_id` (the seller is created if missing).
// Generates the id and/or secret when not given. Fails when the id is taken
// or a given secret is shorter than 8 characters.
Result<NewClient> CreateClient(Store& store, const Clock& clock, const std::string& seller_id,
                               std::optional<std::string> client_id,
                               std::optional<std::string> client_secret);

// Creates a solution provider's client: it acts for no seller until sellers
// are granted to it (Store::GrantSeller), then for each of them, one seller
// per token. Ids, secrets and failures as CreateClient.
Result<NewClient> CreateProviderClient(Store& store, const Clock& clock,
                                       std::optional<std::string> client_id,
                                       std::optional<std::string> client_secret);

// Creates a consumer of `seller_id` (the seller is created if missing): a
// client that signs its calls with the private key matching
// `public_key_pem` (signature_auth.h). The key is checked and stored in
// canonical form (ParsePublicKeyPem; kInvalidRequestParam names what is
// wrong with it). The id defaults to a random UUID, as Walmart's consumer ids
// are. With `client_secret` the consumer can also get tokens; without, it has
// no secret and NewClient::client_secret is empty. A provider serving several
// sellers creates one consumer per seller.
Result<NewClient> CreateConsumer(Store& store, const Clock& clock, const std::string& seller_id,
                                 std::optional<std::string> client_id,
                                 const std::string& public_key_pem,
                                 std::optional<std::string> client_secret);

// The salted hash of `secret` as stored: "pbkdf2-sha256$<iterations>$<hex>".
std::string HashSecret(const std::string& secret, const std::string& salt_hex);

// The client whose id and secret match, or kUnauthorized (unknown client,
// wrong secret, revoked client and a consumer without a secret are
// indistinguishable to the caller).
Result<ClientRecord> AuthenticateClient(Store& store, const std::string& client_id,
                                        const std::string& client_secret);

}  // namespace mporders::auth
