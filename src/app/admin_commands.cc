// `mporders clients ...` and `mporders sellers ...`.

#include <iostream>

#include "app/commands.h"
#include "app/open_store.h"
#include "auth/credentials.h"
#include "core/time_format.h"

namespace mporders::app {

int RunClientsAdd(const std::string& db, const std::string& seller, bool provider,
                  std::optional<std::string> client_id, std::optional<std::string> client_secret) {
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

}  // namespace

int RunClientsList(const std::string& db) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  auto clients = store->ListClients();
  if (!clients.ok()) {
    ReportError("cannot list clients", clients.status());
    return 1;
  }
  std::cout << "CLIENT ID\tKIND\tSELLERS\tCREATED\tSTATUS\n";
  for (const auto& client : *clients) {
    std::cout << client.client_id << "\t"
              << (client.kind == ClientKind::kSeller ? "seller" : "provider") << "\t"
              << SellersOf(client) << "\t" << FormatIsoMillis(client.created_at) << "\t"
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
  std::cout << "revoked " << client_id << ": its tokens are refused from now on\n";
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
