// `mporders clients ...` and `mporders sellers ...`.

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "app/file_output.h"
#include "app/open_store.h"
#include "auth/credentials.h"
#include "auth/signature.h"
#include "core/time_format.h"

namespace mporders::app {
namespace {

// Larger files are no public key.
constexpr std::uintmax_t kMaxPublicKeyFileBytes = 64 * 1024;

std::optional<std::string> ReadSmallFile(const std::string& path) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(path, ec);
  if (ec || size > kMaxPublicKeyFileBytes) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `clients add --seller S --public-key F | --generate-key`.
int AddConsumer(const std::string& db, const std::string& seller,
                std::optional<std::string> client_id, std::optional<std::string> client_secret,
                const ClientKeyOptions& key) {
  std::string public_key_pem;
  std::optional<auth::KeyPair> generated;
  if (key.generate) {
    auto pair = auth::GenerateKeyPair();
    if (!pair.ok()) {
      ReportError("cannot generate a key pair", pair.status());
      return 1;
    }
    generated = std::move(pair).value();
    public_key_pem = generated->public_key_pem;
  } else {
    auto text = ReadSmallFile(key.public_key_file);
    if (!text) {
      std::cerr << "mporders: clients add: cannot read the public key file " << key.public_key_file
                << "\n";
      return 1;
    }
    public_key_pem = std::move(*text);
  }
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  // The private key file first, so that a consumer is never stored whose
  // key could not be saved; removed again if the consumer is refused.
  if (generated && !key.private_key_out.empty()) {
    Status written = WriteFile(key.private_key_out, generated->private_key_pem, 0600, false);
    if (!written.ok()) {
      ReportError("cannot save the private key", written);
      return 1;
    }
  }
  SystemClock clock;
  auto created = auth::CreateConsumer(*store, clock, seller, std::move(client_id), public_key_pem,
                                      std::move(client_secret));
  if (!created.ok()) {
    if (generated && !key.private_key_out.empty()) {
      std::error_code ignored;
      std::filesystem::remove(key.private_key_out, ignored);
    }
    ReportError(key.generate ? "cannot create the consumer"
                             : "cannot create the consumer from " + key.public_key_file,
                created.status());
    return 1;
  }
  std::cout << "seller:        " << seller << "\n"
            << "consumer id:   " << created->client_id << "\n";
  if (!created->client_secret.empty()) {
    std::cout << "client secret: " << created->client_secret << "\n";
  }
  if (generated) {
    std::cout << "private key:   " << generated->private_key_base64 << "\n";
    if (!key.private_key_out.empty()) {
      std::cout << "private key PEM written to " << key.private_key_out << " (mode 0600)\n";
    }
    std::cout << "(the private key is not stored and cannot be shown again; sign requests "
                 "with it as WM_CONSUMER.ID "
              << created->client_id << ")\n";
  } else {
    std::cout << "public key registered: sign requests with its private key as WM_CONSUMER.ID "
              << created->client_id << "\n";
  }
  return 0;
}

}  // namespace

int RunClientsAdd(const std::string& db, const std::string& seller, bool provider,
                  std::optional<std::string> client_id, std::optional<std::string> client_secret,
                  const ClientKeyOptions& key) {
  const bool with_key = key.generate || !key.public_key_file.empty();
  if (key.generate && !key.public_key_file.empty()) {
    std::cerr << "mporders: clients add: give either --public-key FILE or --generate-key\n";
    return 2;
  }
  if (!key.private_key_out.empty() && !key.generate) {
    std::cerr << "mporders: clients add: --private-key-out goes with --generate-key\n";
    return 2;
  }
  if (with_key && provider) {
    std::cerr << "mporders: clients add: a signed call acts for one seller; a solution provider "
                 "gets one consumer per seller it serves (clients add --seller ID "
                 "--generate-key, for each seller)\n";
    return 2;
  }
  if (with_key && !seller.empty()) {
    return AddConsumer(db, seller, std::move(client_id), std::move(client_secret), key);
  }
  if (provider == !seller.empty()) {
    std::cerr << "mporders: clients add: give either --seller ID (a seller's own client) or "
                 "--provider (a solution provider's client)\n";
    return 2;
  }
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  auto created = provider ? auth::CreateProviderClient(*store, clock, std::move(client_id),
                                                       std::move(client_secret))
                          : auth::CreateClient(*store, clock, seller, std::move(client_id),
                                               std::move(client_secret));
  if (!created.ok()) {
    ReportError("cannot create the client", created.status());
    return 1;
  }
  if (provider) {
    std::cout << "provider client (grant sellers with: mporders clients grant --client "
              << created->client_id << " --seller ID)\n";
  } else {
    std::cout << "seller:        " << seller << "\n";
  }
  std::cout << "client id:     " << created->client_id << "\n"
            << "client secret: " << created->client_secret << "\n"
            << "(the secret is stored hashed and cannot be shown again)\n";
  return 0;
}

namespace {

// What `clients list` shows in its SELLERS column.
std::string SellersOf(const ClientRecord& client) {
  if (client.kind == ClientKind::kSeller) return client.seller_id;
  if (client.granted_sellers.empty()) return "-";
  std::string joined;
  for (const auto& seller : client.granted_sellers) {
    if (!joined.empty()) joined += ",";
    joined += seller;
  }
  return joined;
}

// What `clients list` shows in its CREDENTIALS column: how the client
// authenticates (a secret for tokens, a key for signed calls, or both).
std::string CredentialsOf(const ClientRecord& client) {
  const bool secret = !client.secret_hash.empty();
  if (!client.public_key_pem) return "secret";
  return secret ? "secret+key" : "key";
}

}  // namespace

int RunClientsList(const std::string& db) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  auto clients = store->ListClients();
  if (!clients.ok()) {
    ReportError("cannot list clients", clients.status());
    return 1;
  }
  std::cout << "CLIENT ID\tKIND\tSELLERS\tCREDENTIALS\tCREATED\tSTATUS\n";
  for (const auto& client : *clients) {
    std::cout << client.client_id << "\t"
              << (client.kind == ClientKind::kSeller ? "seller" : "provider") << "\t"
              << SellersOf(client) << "\t" << CredentialsOf(client) << "\t"
              << FormatIsoMillis(client.created_at) << "\t"
              << (client.revoked_at ? "revoked " + FormatIsoMillis(*client.revoked_at) : "active")
              << "\n";
  }
  return 0;
}

int RunClientsGrant(const std::string& db, const std::string& client_id,
                    const std::string& seller) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  // As `clients add --seller`, a seller named for the first time is created,
  // but only for a provider client: a refused grant leaves no seller behind.
  auto client = store->GetClient(client_id);
  Status granted = client.ok() ? Status::Ok() : client.status();
  if (granted.ok() && client->kind != ClientKind::kProvider) {
    granted = Status::InvalidParam(
        "it is a seller's own client; only clients made with `clients add --provider` get grants",
        "client");
  }
  if (granted.ok()) granted = store->PutSeller(Seller{seller, seller, clock.NowMillis()});
  if (granted.ok()) granted = store->GrantSeller(client_id, seller, clock.NowMillis());
  if (!granted.ok()) {
    ReportError("cannot grant seller " + seller + " to " + client_id, granted);
    return 1;
  }
  std::cout << "client " << client_id << " may act for seller " << seller
            << " (token requests send WM_PARTNER.ID: " << seller << ")\n";
  return 0;
}

int RunClientsUngrant(const std::string& db, const std::string& client_id,
                      const std::string& seller) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  Status removed = store->UngrantSeller(client_id, seller);
  if (!removed.ok()) {
    ReportError("cannot remove the grant of seller " + seller + " from " + client_id, removed);
    return 1;
  }
  std::cout << "client " << client_id << " may no longer act for seller " << seller
            << ": its tokens for that seller are refused from now on\n";
  return 0;
}

int RunClientsRevoke(const std::string& db, const std::string& client_id) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  Status revoked = store->RevokeClient(client_id, clock.NowMillis());
  if (!revoked.ok()) {
    ReportError("cannot revoke " + client_id, revoked);
    return 1;
  }
  std::cout << "revoked " << client_id << ": its tokens and signed calls are refused from now on\n";
  return 0;
}

int RunSellersAdd(const std::string& db, const std::string& seller, const std::string& name,
                  MarketId market) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  Status put = store->PutSeller(Seller{seller, name, clock.NowMillis(), market});
  if (!put.ok()) {
    ReportError("cannot add seller " + seller, put);
    return 1;
  }
  auto stored = store->GetSeller(seller);
  if (!stored.ok()) {
    ReportError("cannot read seller " + seller, stored.status());
    return 1;
  }
  if (stored->market != market) {
    std::cerr << "mporders: sellers add: seller " << seller << " already exists in market "
              << MarketCode(stored->market) << "; a seller's market never changes\n";
    return 1;
  }
  std::cout << "seller " << seller << " ready (market " << MarketCode(market) << ", "
            << GetMarket(market).currency() << ")\n";
  return 0;
}

int RunSellersList(const std::string& db) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  auto sellers = store->ListSellers();
  if (!sellers.ok()) {
    ReportError("cannot list sellers", sellers.status());
    return 1;
  }
  std::cout << "SELLER ID\tMARKET\tNAME\tCREATED\n";
  for (const auto& seller : *sellers) {
    std::cout << seller.seller_id << "\t" << MarketCode(seller.market) << "\t" << seller.name
              << "\t" << FormatIsoMillis(seller.created_at) << "\n";
  }
  return 0;
}

}  // namespace mporders::app
