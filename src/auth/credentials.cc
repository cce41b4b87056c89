#include "auth/credentials.h"

#include "auth/crypto.h"
#include "auth/signature.h"

namespace mporders::auth {

std::string HashSecret(const std::string& secret, const std::string& salt_hex) {
  return "pbkdf2-sha256$" + std::to_string(kSecretHashIterations) + "$" +
         HexEncode(Pbkdf2Sha256(secret, salt_hex, kSecretHashIterations, 32));
}

namespace {

Status CheckChosenSecret(const std::optional<std::string>& client_secret) {
  if (client_secret && client_secret->size() < 8) {
    return Status::InvalidParam("the client secret must have at least 8 characters",
                                "client-secret");
  }
  return Status::Ok();
}

// Stores a client of either kind with a fresh salt and the hash of its secret.
// REQUIRES: CheckChosenSecret(client_secret) is OK.
Result<NewClient> StoreNewClient(Store& store, const Clock& clock, ClientKind kind,
                                 const std::string& seller_id, std::optional<std::string> client_id,
                                 std::optional<std::string> client_secret) {
  NewClient created;
  // Walmart client ids are UUID-like; ours are 36 random alphanumerics.
  created.client_id = client_id.value_or(RandomAlphanumeric(36));
  created.client_secret = client_secret.value_or(RandomAlphanumeric(48));

  ClientRecord record;
  record.client_id = created.client_id;
  record.kind = kind;
  record.seller_id = seller_id;
  record.secret_salt = RandomHex(16);
  record.secret_hash = HashSecret(created.client_secret, record.secret_salt);
  record.created_at = clock.NowMillis();
  MP_RETURN_IF_ERROR(store.AddClient(record));
  return created;
}

// kInvalidRequestContent when `client_id` is taken; checked before a seller
// is created so that a refusal leaves nothing behind. (Two commands racing
// for one new id can still leave the loser's seller row: harmless, and the
// insert stays the judge.)
Status CheckIdFree(Store& store, const std::optional<std::string>& client_id) {
  if (!client_id) return Status::Ok();
  auto existing = store.GetClient(*client_id);
  if (existing.ok()) {
    return Status::InvalidContent("client id " + *client_id + " is taken", "clientId");
  }
  if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
  return Status::Ok();
}

}  // namespace

Result<NewClient> CreateClient(Store& store, const Clock& clock, const std::string& seller_id,
                               std::optional<std::string> client_id,
                               std::optional<std::string> client_secret) {
  if (seller_id.empty()) return Status::InvalidParam("a seller id is required", "seller");
  // Before the seller is created: a refused secret or a taken client id
  // leaves nothing behind.
  MP_RETURN_IF_ERROR(CheckChosenSecret(client_secret));
  MP_RETURN_IF_ERROR(CheckIdFree(store, client_id));
  MP_RETURN_IF_ERROR(store.PutSeller(Seller{seller_id, seller_id, clock.NowMillis()}));
  return StoreNewClient(store, clock, ClientKind::kSeller, seller_id, std::move(client_id),
                        std::move(client_secret));
}

Result<NewClient> CreateProviderClient(Store& store, const Clock& clock,
                                       std::optional<std::string> client_id,
                                       std::optional<std::string> client_secret) {
  MP_RETURN_IF_ERROR(CheckChosenSecret(client_secret));
  return StoreNewClient(store, clock, ClientKind::kProvider, "", std::move(client_id),
                        std::move(client_secret));
}

Result<NewClient> CreateConsumer(Store& store, const Clock& clock, const std::string& seller_id,
                                 std::optional<std::string> client_id,
                                 const std::string& public_key_pem,
                                 std::optional<std::string> client_secret) {
  if (seller_id.empty()) return Status::InvalidParam("a seller id is required", "seller");
  if (client_id && client_id->empty()) {
    return Status::InvalidParam("the consumer id must not be empty", "client-id");
  }
  auto canonical = ParsePublicKeyPem(public_key_pem);
  if (!canonical.ok()) return canonical.status();
  MP_RETURN_IF_ERROR(CheckChosenSecret(client_secret));
  MP_RETURN_IF_ERROR(CheckIdFree(store, client_id));
  MP_RETURN_IF_ERROR(store.PutSeller(Seller{seller_id, seller_id, clock.NowMillis()}));

  NewClient created;
  created.client_id = client_id.value_or(RandomUuid());
  ClientRecord record;
  record.client_id = created.client_id;
  record.kind = ClientKind::kSeller;
  record.seller_id = seller_id;
  record.public_key_pem = std::move(canonical).value();
  if (client_secret) {
    created.client_secret = std::move(*client_secret);
    record.secret_salt = RandomHex(16);
    record.secret_hash = HashSecret(created.client_secret, record.secret_salt);
  }
  record.created_at = clock.NowMillis();
  MP_RETURN_IF_ERROR(store.AddClient(record));
  return created;
}

Result<ClientRecord> AuthenticateClient(Store& store, const std::string& client_id,
                                        const std::string& client_secret) {
  auto unauthorized = Status::Error(ErrorCode::kUnauthorized, "Invalid client credentials.");
  auto record = store.GetClient(client_id);
  if (!record.ok()) {
    if (record.status().code() == ErrorCode::kNotFound) {
      // Spend the same time as a real check so that timing does not reveal
      // which client ids exist.
      HashSecret(client_secret, "0000000000000000");
      return unauthorized;
    }
    return record.status();
  }
  // A key-only consumer's empty hash never equals a computed one.
  bool matches =
      ConstantTimeEquals(HashSecret(client_secret, record->secret_salt), record->secret_hash);
  if (!matches || record->revoked_at.has_value()) return unauthorized;
  return std::move(record).value();
}

}  // namespace mporders::auth
