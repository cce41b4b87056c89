#include "store/store.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include "store/sqlite/sqlite_store.h"

namespace mporders {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kSqliteMemory = ":memory:";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Status CreateParentDirectories(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return Status::Internal("cannot create directory '" + parent.string() +
                            "' for the store: " + error.message());
  }
  return Status::Ok();
}

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  if (StartsWith(url, "postgres://") || StartsWith(url, "postgresql://")) {
    // mp_store_pg builds on this library: PostgreSQL stores open with
    // PgStore::Open (app::OpenStore picks the engine by URL).
    return Status::InvalidParam("Store::Open opens SQLite stores; open PostgreSQL with PgStore",
                                "store");
  }
  if (!StartsWith(url, kSqliteScheme)) {
    return Status::InvalidParam(
        "unsupported store URL '" + url + "'; expected sqlite:PATH or sqlite::memory:", "store");
  }
  const std::string path = url.substr(kSqliteScheme.size());
  if (path.empty()) {
    return Status::InvalidParam("store URL '" + url + "' names no database file", "store");
  }
  if (path != kSqliteMemory) MP_RETURN_IF_ERROR(CreateParentDirectories(path));
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(*store));
}

Status Store::CheckSellerState(const std::string& seller_id,
                               const std::vector<StoredOrder>& orders) {
  if (seller_id.empty()) return Status::InvalidContent("seller without an id", "sellerId");
  for (const StoredOrder& order : orders) {
    if (order.seller_id != seller_id) {
      return Status::InvalidContent("order " + order.order.purchase_order_id +
                                    " belongs to another seller");
    }
    if (order.order.purchase_order_id.empty()) {
      return Status::InvalidContent("order without a purchaseOrderId", "purchaseOrderId");
    }
  }
  return Status::Ok();
}

Status Store::CheckNewClient(const ClientRecord& client) {
  if (client.client_id.empty()) return Status::InvalidContent("client without an id", "clientId");
  const bool provider = client.kind == ClientKind::kProvider;
  if (provider != client.seller_id.empty()) {
    return Status::InvalidContent(provider
                                      ? "a provider client acts for granted sellers, not one seller"
                                      : "a seller client needs a seller id",
                                  "sellerId");
  }
  if (provider && client.public_key_pem) {
    // A signed call names no seller: a provider gets one consumer per seller.
    return Status::InvalidContent("a provider client cannot hold a public key", "publicKey");
  }
  return Status::Ok();
}

Status Store::CheckListRequest(const ListRequest& request) {
  if (request.filter.seller_id.empty()) {
    return Status::InvalidParam("a list query needs a seller", "sellerId");
  }
  if (request.limit < 0) return Status::InvalidParam("limit must not be negative", "limit");
  return Status::Ok();
}

Status Store::Ping() {
  // An empty seller id matches no row, but the query still opens the
  // database and walks the index: it fails when the store cannot answer.
  return CountOrders("").status();
}

}  // namespace mporders
