#include "store/store.h"

#include <xxhash.h>

#include <string>
#include <utility>

#include "codec/order_json.h"
#include "store/group_commit.h"

namespace mporders {

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

std::uint64_t Store::DocumentHash(std::string_view doc) {
  return XXH3_64bits(doc.data(), doc.size());
}

void Store::FillDocument(OrderDocument& document, std::optional<std::uint64_t> stored_hash,
                         std::string_view bytes,
                         const std::function<bool(const OrderDocument&)>& skip_document) {
  document.doc_hash = stored_hash ? *stored_hash : DocumentHash(bytes);
  if (skip_document && skip_document(document)) {
    document.doc_skipped = true;
    return;
  }
  document.doc = std::string(bytes);
}

Result<StoredOrder> Store::GetOrder(const std::string& seller_id,
                                    const std::string& purchase_order_id) {
  Result<OrderDocument> document = GetOrderDocument(seller_id, purchase_order_id);
  if (!document.ok()) return document.status();
  return DecodeOrderDocument(*document);
}

std::optional<OrderStamp> Store::OrderChangeStamp(const std::string&, const std::string&) {
  return std::nullopt;
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

Store::CommitBatchSizes Store::BatchSizesOf(const GroupCommitStats& stats) {
  CommitBatchSizes sizes;
  std::int64_t running = 0;
  for (std::size_t i = 0; i + 1 < kBatchSizeBuckets; ++i) {
    running += stats.batches_by_size[i];
    sizes.cumulative.emplace_back(std::int64_t{1} << i, running);
  }
  sizes.batches = stats.batches;
  sizes.jobs = stats.jobs;
  return sizes;
}

}  // namespace mporders
