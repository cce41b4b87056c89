#pragma once
// A Store that times every call of another one, for /metrics: one latency
// histogram per operation (mporders_store_call_duration_seconds). Timing a
// call costs two steady-clock reads and a few atomic adds; nothing is locked
// or allocated.
//
// Thread safety: as the wrapped store; the histograms may be read (Render)
// while calls run.

#include <array>
#include <chrono>
#include <string>

#include "core/metrics.h"
#include "store/store.h"

namespace mporders {

class MeteredStore final : public Store {
 public:
  // `inner` must outlive this object.
  explicit MeteredStore(Store& inner);

  // Appends the store families: call latency per operation, and the group
  // commit batch sizes when the engine has them.
  void Render(metrics::TextWriter& writer) const;

  Result<StoredOrder> GetOrder(const std::string& seller_id,
                               const std::string& purchase_order_id) override;
  Result<OrderPage> ListOrders(const ListRequest& request) override;
  // Timed as GetOrder and ListOrders: the same store work, left undecoded.
  // Not timed: a lookup in memory, on every GET.
  std::optional<OrderStamp> OrderChangeStamp(const std::string& seller_id,
                                             const std::string& purchase_order_id) override {
    return inner_.OrderChangeStamp(seller_id, purchase_order_id);
  }
  Result<OrderDocument> GetOrderDocument(const std::string& seller_id,
                                         const std::string& purchase_order_id) override;
  Result<OrderDocumentPage> ListOrderDocuments(const ListRequest& request) override;
  Status InsertOrders(const std::vector<StoredOrder>& orders) override;
  Status UpsertOrders(const std::vector<StoredOrder>& orders) override;
  Result<StoredOrder> UpdateOrder(const std::string& seller_id,
                                  const std::string& purchase_order_id,
                                  const UpdateFn& fn) override;
  void UpdateOrderThen(const std::string& seller_id, const std::string& purchase_order_id,
                       const UpdateFn& fn, UpdateDone done) override;
  void FinishQueuedUpdates() override { inner_.FinishQueuedUpdates(); }
  Result<std::int64_t> CountOrders(const std::string& seller_id) override;
  Status PutSeller(const Seller& seller) override;
  Result<Seller> GetSeller(const std::string& seller_id) override;
  Result<std::vector<Seller>> ListSellers() override;
  Status AddClient(const ClientRecord& client) override;
  Result<ClientRecord> GetClient(const std::string& client_id) override;
  Result<std::vector<ClientRecord>> ListClients() override;
  Status RevokeClient(const std::string& client_id, EpochMillis at) override;
  Status GrantSeller(const std::string& client_id, const std::string& seller_id,
                     EpochMillis at) override;
  Status UngrantSeller(const std::string& client_id, const std::string& seller_id) override;
  Result<SellerAccess> CheckSellerAccess(const std::string& client_id,
                                         const std::string& seller_id) override;
  Result<std::string> GetOrCreateSetting(const std::string& key,
                                         const std::string& value_if_absent) override;
  Result<std::map<std::string, EpochMillis>> ListClockOffsets() override;
  Status SetClockOffset(const std::string& seller_id, EpochMillis offset) override;
  Status ReplaceSellerState(const std::string& seller_id, const std::vector<StoredOrder>& orders,
                            EpochMillis clock_offset) override;
  Status Ping() override;
  std::optional<CommitBatchSizes> CommitBatches() const override;
  WebhookStore* webhooks() override { return inner_.webhooks(); }

  enum Operation : std::size_t {
    kGetOrder, kListOrders, kInsertOrders, kUpsertOrders, kUpdateOrder, kCountOrders,
    kPutSeller, kGetSeller, kListSellers, kAddClient, kGetClient, kListClients, kRevokeClient,
    kGrantSeller, kUngrantSeller, kCheckSellerAccess, kGetOrCreateSetting, kListClockOffsets,
    kSetClockOffset, kReplaceSellerState, kPing, kOperationCount
  };

 private:
  template <typename Fn>
  auto Timed(Operation operation, Fn&& fn);
  // Records how long `operation` took, from `started` to now.
  void ObserveSince(Operation operation, std::chrono::steady_clock::time_point started);

  Store& inner_;
  std::array<metrics::Histogram, kOperationCount> latency_;
};

}  // namespace mporders
