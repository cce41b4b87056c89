// `mporders clients ...` and `mporders sellers ...`.

#include <iostream>

#include "app/commands.h"
#include "app/open_store.h"
#include "auth/credentials.h"
#include "core/time_format.h"

namespace mporders::app {

int RunClientsAdd(const std::string& db, const std::string& seller,
                  std::optional<std::string> client_id, std::optional<std::string> client_secret) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  auto created = auth::CreateClient(*store, clock, seller, std::move(client_id), std::move(client_secret));
  if (!created.ok()) {
    ReportError("cannot create the client", created.status());
    return 1;
  }
  std::cout << "seller:        " << seller << "\n"
            << "client id:     " << created->client_id << "\n"
            << "client secret: " << created->client_secret << "\n"
            << "(the secret is stored hashed and cannot be shown again)\n";
  return 0;
}

int RunClientsList(const std::string& db) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  auto clients = store->ListClients();
  if (!clients.ok()) {
    ReportError("cannot list clients", clients.status());
    return 1;
  }
  std::cout << "CLIENT ID\tSELLER\tCREATED\tSTATUS\n";
  for (const auto& client : *clients) {
    std::cout << client.client_id << "\t" << client.seller_id << "\t"
              << FormatIsoMillis(client.created_at) << "\t"
              << (client.revoked_at ? "revoked " + FormatIsoMillis(*client.revoked_at) : "active")
              << "\n";
  }
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

int RunSellersAdd(const std::string& db, const std::string& seller, const std::string& name) {
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  Status put = store->PutSeller(Seller{seller, name, clock.NowMillis()});
  if (!put.ok()) {
    ReportError("cannot add seller " + seller, put);
    return 1;
  }
  std::cout << "seller " << seller << " ready\n";
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
  std::cout << "SELLER ID\tNAME\tCREATED\n";
  for (const auto& seller : *sellers) {
    std::cout << seller.seller_id << "\t" << seller.name << "\t" << FormatIsoMillis(seller.created_at) << "\n";
  }
  return 0;
}

}  // namespace mporders::app
