#include "store/metered_store.h"

#include <chrono>
#include <iterator>
#include <utility>

namespace mporders {
namespace {

constexpr const char* kOperationNames[] = {
    "GetOrder",         "ListOrders",         "InsertOrders",  "UpsertOrders",
    "UpdateOrder",      "CountOrders",        "PutSeller",     "GetSeller",
    "ListSellers",      "AddClient",          "GetClient",     "ListClients",
    "RevokeClient",     "GrantSeller",        "UngrantSeller", "CheckSellerAccess",
    "GetOrCreateSetting", "ListClockOffsets", "SetClockOffset", "ReplaceSellerState",
    "Ping"};
static_assert(std::size(kOperationNames) == MeteredStore::kOperationCount);

}  // namespace

MeteredStore::MeteredStore(Store& inner) : inner_(inner) {}

void MeteredStore::ObserveSince(Operation operation,
                                std::chrono::steady_clock::time_point started) {
  latency_[operation].Observe(
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
}

template <typename Fn>
auto MeteredStore::Timed(Operation operation, Fn&& fn) {
  const auto started = std::chrono::steady_clock::now();
  auto result = std::forward<Fn>(fn)();
  ObserveSince(operation, started);
  return result;
}

Result<StoredOrder> MeteredStore::GetOrder(const std::string& seller_id,
                                           const std::string& purchase_order_id) {
  return Timed(kGetOrder, [&] { return inner_.GetOrder(seller_id, purchase_order_id); });
}
Result<OrderPage> MeteredStore::ListOrders(const ListRequest& request) {
  return Timed(kListOrders, [&] { return inner_.ListOrders(request); });
}

Result<OrderDocument> MeteredStore::GetOrderDocument(const std::string& seller_id,
                                                     const std::string& purchase_order_id) {
  return Timed(kGetOrder, [&] { return inner_.GetOrderDocument(seller_id, purchase_order_id); });
}

Result<OrderDocumentPage> MeteredStore::ListOrderDocuments(const ListRequest& request) {
  return Timed(kListOrders, [&] { return inner_.ListOrderDocuments(request); });
}
Status MeteredStore::InsertOrders(const std::vector<StoredOrder>& orders) {
  return Timed(kInsertOrders, [&] { return inner_.InsertOrders(orders); });
}
Status MeteredStore::UpsertOrders(const std::vector<StoredOrder>& orders) {
  return Timed(kUpsertOrders, [&] { return inner_.UpsertOrders(orders); });
}
Result<StoredOrder> MeteredStore::UpdateOrder(const std::string& seller_id,
                                              const std::string& purchase_order_id,
                                              const UpdateFn& fn) {
  return Timed(kUpdateOrder, [&] { return inner_.UpdateOrder(seller_id, purchase_order_id, fn); });
}
void MeteredStore::UpdateOrderThen(const std::string& seller_id,
                                   const std::string& purchase_order_id, const UpdateFn& fn,
                                   UpdateDone done) {
  const auto started = std::chrono::steady_clock::now();
  inner_.UpdateOrderThen(seller_id, purchase_order_id, fn,
                         [this, started, done = std::move(done)](Result<StoredOrder> saved) {
                           ObserveSince(kUpdateOrder, started);
                           done(std::move(saved));
                         });
}
Result<std::int64_t> MeteredStore::CountOrders(const std::string& seller_id) {
  return Timed(kCountOrders, [&] { return inner_.CountOrders(seller_id); });
}
Status MeteredStore::PutSeller(const Seller& seller) {
  return Timed(kPutSeller, [&] { return inner_.PutSeller(seller); });
}
Result<Seller> MeteredStore::GetSeller(const std::string& seller_id) {
  return Timed(kGetSeller, [&] { return inner_.GetSeller(seller_id); });
}
Result<std::vector<Seller>> MeteredStore::ListSellers() {
  return Timed(kListSellers, [&] { return inner_.ListSellers(); });
}
Status MeteredStore::AddClient(const ClientRecord& client) {
  return Timed(kAddClient, [&] { return inner_.AddClient(client); });
}
Result<ClientRecord> MeteredStore::GetClient(const std::string& client_id) {
  return Timed(kGetClient, [&] { return inner_.GetClient(client_id); });
}
Result<std::vector<ClientRecord>> MeteredStore::ListClients() {
  return Timed(kListClients, [&] { return inner_.ListClients(); });
}
Status MeteredStore::RevokeClient(const std::string& client_id, EpochMillis at) {
  return Timed(kRevokeClient, [&] { return inner_.RevokeClient(client_id, at); });
}
Status MeteredStore::GrantSeller(const std::string& client_id, const std::string& seller_id,
                                 EpochMillis at) {
  return Timed(kGrantSeller, [&] { return inner_.GrantSeller(client_id, seller_id, at); });
}
Status MeteredStore::UngrantSeller(const std::string& client_id, const std::string& seller_id) {
  return Timed(kUngrantSeller, [&] { return inner_.UngrantSeller(client_id, seller_id); });
}
Result<SellerAccess> MeteredStore::CheckSellerAccess(const std::string& client_id,
                                                     const std::string& seller_id) {
  return Timed(kCheckSellerAccess, [&] { return inner_.CheckSellerAccess(client_id, seller_id); });
}
Result<std::string> MeteredStore::GetOrCreateSetting(const std::string& key,
                                                     const std::string& value_if_absent) {
  return Timed(kGetOrCreateSetting,
               [&] { return inner_.GetOrCreateSetting(key, value_if_absent); });
}
Result<std::map<std::string, EpochMillis>> MeteredStore::ListClockOffsets() {
  return Timed(kListClockOffsets, [&] { return inner_.ListClockOffsets(); });
}
Status MeteredStore::SetClockOffset(const std::string& seller_id, EpochMillis offset) {
  return Timed(kSetClockOffset, [&] { return inner_.SetClockOffset(seller_id, offset); });
}
Status MeteredStore::ReplaceSellerState(const std::string& seller_id,
                                        const std::vector<StoredOrder>& orders,
                                        EpochMillis clock_offset) {
  return Timed(kReplaceSellerState,
               [&] { return inner_.ReplaceSellerState(seller_id, orders, clock_offset); });
}
Status MeteredStore::Ping() {
  return Timed(kPing, [&] { return inner_.Ping(); });
}
std::optional<Store::CommitBatchSizes> MeteredStore::CommitBatches() const {
  return inner_.CommitBatches();
}

void MeteredStore::Render(metrics::TextWriter& writer) const {
  writer.Family("mporders_store_call_duration_seconds", "histogram",
                "Time of store calls, by operation.");
  for (std::size_t i = 0; i < kOperationCount; ++i) {
    const metrics::Histogram::Snapshot snapshot = latency_[i].Read();
    if (snapshot.count == 0) continue;
    writer.HistogramSamples("mporders_store_call_duration_seconds",
                            {{"operation", kOperationNames[i]}}, snapshot);
  }
  const auto batches = inner_.CommitBatches();
  if (!batches) return;
  writer.Family("mporders_store_commit_batch_size", "histogram",
                "Order updates made durable by one commit (group commit).");
  metrics::Histogram::Snapshot snapshot;
  for (const auto& [at_most, count] : batches->cumulative) {
    snapshot.cumulative.emplace_back(static_cast<double>(at_most),
                                     static_cast<std::uint64_t>(count));
  }
  snapshot.count = static_cast<std::uint64_t>(batches->batches);
  snapshot.sum = static_cast<double>(batches->jobs);
  writer.HistogramSamples("mporders_store_commit_batch_size", {}, snapshot);
}

}  // namespace mporders
