#include "store/store.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include "codec/order_json.h"
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

Result<StoredOrder> Store::DecodeOrderDocument(const OrderDocument& document) {
  Result<Order> order = DecodeOrderJson(document.doc);
  if (!order.ok()) {
    return Status::Internal("stored order document of seller " + document.seller_id +
                            " does not decode: " + order.status().description());
  }
  StoredOrder stored;
  stored.seller_id = document.seller_id;
  stored.order = std::move(*order);
  stored.last_modified = document.last_modified;
  stored.version = document.version;
  return stored;
}

void Store::EncodeOrderDocument(const Order& order, std::string& doc) {
  doc.clear();
  AppendOrderJson(doc, order, OrderView::Full());
}

Result<StoredOrder> Store::GetOrder(const std::string& seller_id,
                                    const std::string& purchase_order_id) {
  Result<OrderDocument> document = GetOrderDocument(seller_id, purchase_order_id);
  if (!document.ok()) return document.status();
  return DecodeOrderDocument(*document);
}

Result<OrderPage> Store::ListOrders(const ListRequest& request) {
  Result<OrderDocumentPage> documents = ListOrderDocuments(request);
  if (!documents.ok()) return documents.status();
  OrderPage page;
  page.has_more = documents->has_more;
  page.total_count = documents->total_count;
  page.orders.reserve(documents->documents.size());
  for (const OrderDocument& document : documents->documents) {
    Result<StoredOrder> order = DecodeOrderDocument(document);
    if (!order.ok()) return order.status();
    page.orders.push_back(std::move(*order));
  }
  return page;
}

Status Store::Ping() {
  // An empty seller id matches no row, but the query still opens the
  // database and walks the index: it fails when the store cannot answer.
  return CountOrders("").status();
}

}  // namespace mporders
