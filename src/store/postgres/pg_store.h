#pragma once
// The Store on PostgreSQL, for several server processes on one database.
//
// Each call takes a connection from a pool and runs as one transaction.
// Order writes lock the rows they change (SELECT ... FOR UPDATE), so an
// update always starts from the latest committed state whichever process
// wrote it: two processes never both ship, cancel or refund the same
// quantity. List pages read one snapshot (REPEATABLE READ), so a page and
// its count agree; pages are keyset scans, stable under concurrent writes.
// Commits are durable (the server's synchronous_commit default).
//
// Failures: the server unreachable, a lost connection, a deadlock or a
// serialization failure -> kUnavailable; any other failure -> kInternal.
//
// Thread safety: every method may be called concurrently; calls block.
// Two threads of the store's own: the group commit's committer, and the
// compactor of the per-hour status counts (CompactStatusCounts).
//
// Webhooks (WebhookStore, pg_store_webhooks.cc): order events are written in
// the transaction of the order change that causes them; deliveries are
// claimed with SELECT ... FOR UPDATE SKIP LOCKED and a lease, so processes
// on one database never claim one delivery at once.
//
// Adding a Store method: write it in the file of its group (pg_store.cc
// orders, pg_store_accounts.cc sellers/clients/settings/sandbox) with
// WithConnection/InTransaction, and its tables in a new schema/postgres/
// migration (seller_id first in every key of seller data).

#include <chrono>
#include <memory>
#include <mutex>
#include <span>
#include <stop_token>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/group_commit.h"
#include "store/order_update.h"
#include "store/store.h"

namespace mporders::pg {
class Connection;
class ConnectionPool;
}  // namespace mporders::pg

namespace mporders {

struct PgStoreOptions {
  // Connections open at once; further calls wait for one.
  int max_connections = 16;
  // Most UpdateOrder calls one transaction combines (group commit).
  size_t max_update_batch = 64;
  // How often a background thread runs CompactStatusCounts; zero: never
  // (only when called).
  std::chrono::milliseconds status_count_compaction_interval{1000};
};

class PgStore final : public Store, public WebhookStore {
 public:
  // Connects to `url` (postgres://... or postgresql://..., any libpq URL)
  // and applies pending migrations. kUnavailable when the server cannot be
  // reached.
  static Result<std::unique_ptr<PgStore>> Open(const std::string& url,
                                               const PgStoreOptions& options = {});
  ~PgStore() override;

  // Whether `url` names a PostgreSQL database.
  static bool IsPostgresUrl(const std::string& url);

  Result<OrderDocument> GetOrderDocument(const std::string& seller_id,
                                         const std::string& purchase_order_id) override;
  Result<OrderDocumentPage> ListOrderDocuments(const ListRequest& request) override;  // pg_store_list.cc
  Status InsertOrders(const std::vector<StoredOrder>& orders) override;
  Status UpsertOrders(const std::vector<StoredOrder>& orders) override;
  // Group commit, as on SQLite: concurrent calls of this process run in
  // batches of up to max_update_batch, each batch one transaction that locks
  // all its orders at once (in key order, so that two processes' batches
  // never wait on each other in a cycle). Later calls in a batch see the
  // effects of earlier ones, in queue order; a call whose `fn` fails, or
  // whose order is missing, gets its own error and changes nothing. Every
  // call learns its result after the COMMIT; when the batch's transaction
  // fails, every call in it fails, except after a deadlock or serialization
  // failure, when each call runs again in a transaction of its own.
  // `fn` runs inside the transaction that holds the order's row lock, on the
  // store's committer thread; it must not call the store.
  Result<StoredOrder> UpdateOrder(const std::string& seller_id,
                                  const std::string& purchase_order_id,
                                  const UpdateFn& fn) override;
  void UpdateOrderThen(const std::string& seller_id, const std::string& purchase_order_id,
                       const UpdateFn& fn, UpdateDone done) override;
  void FinishQueuedUpdates() override { updates_.WaitUntilIdle(); }
  std::optional<CommitBatchSizes> CommitBatches() const override;
  // The group commit queue's counts, and the updates waiting in it.
  GroupCommitStats UpdateBatchStats() const { return updates_.Stats(); }
  size_t QueuedUpdates() const { return updates_.Queued(); }
  Result<std::int64_t> CountOrders(const std::string& seller_id) override;

  // pg_store_accounts.cc
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

  // pg_store_webhooks.cc
  WebhookStore* webhooks() override { return this; }
  void SetEventDeriver(EventDeriver deriver) override;
  Status InsertSubscriptions(const std::vector<WebhookSubscription>& subscriptions) override;
  Result<std::vector<WebhookSubscription>> ListSubscriptions(const std::string& seller_id) override;
  Status UpdateSubscription(const WebhookSubscription& subscription) override;
  Status DeleteSubscription(const std::string& seller_id,
                            const std::string& subscription_id) override;
  Result<std::vector<DeliveryClaim>> ClaimDueDeliveries(const std::string& owner,
                                                        EpochMillis wall_now, EpochMillis lease_ms,
                                                        int limit) override;
  Status RecordAttempt(const std::string& seller_id, const std::string& delivery_id,
                       const std::string& owner, const AttemptOutcome& outcome) override;
  Result<std::vector<DeliveryRecord>> ListDeliveries(const DeliveryQuery& query) override;
  Status ReplayDelivery(const std::string& seller_id, const std::string& delivery_id,
                        EpochMillis seller_now) override;
  Result<std::int64_t> ReplayFailedDeliveries(const std::string& seller_id,
                                              EpochMillis seller_now) override;
  Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> CountDeliveries() override;

  Status Ping() override;

  // Moves the per-hour status count changes that writes append
  // (order_status_hour_deltas) into order_status_hour_counts, one seller per
  // transaction, skipping a seller another process is compacting. Counts are
  // exact either way; this keeps the rows a status list's count sums few.
  // pg_store_status_counts.cc
  Status CompactStatusCounts();

  // The schema version of the database.
  Result<std::int64_t> SchemaVersion();

 private:
  PgStore(std::unique_ptr<pg::ConnectionPool> pool, const PgStoreOptions& options);

  // Runs `fn(Connection&)` on a pooled connection.
  template <typename Fn>
  auto WithConnection(Fn&& fn) -> decltype(fn(std::declval<pg::Connection&>()));
  // Runs `fn(Connection&)` (returning Status) between `begin` and COMMIT;
  // rolls back when it fails, and then sets `*failed_sqlstate` (when given)
  // to the failure's SQLSTATE.
  template <typename Fn>
  Status InTransaction(const char* begin, Fn&& fn, std::string* failed_sqlstate = nullptr);

  using UpdateJob = OrderUpdateJob;
  void RunUpdateBatch(std::span<UpdateJob* const> jobs);
  // One UpdateOrder call in a transaction of its own.
  Result<StoredOrder> UpdateAlone(const UpdateJob& job, const EventDeriver* deriver);

  // The deriver the order writes call (null until SetEventDeriver); order
  // writes take a reference under the mutex and run it without it.
  std::shared_ptr<const EventDeriver> Deriver() const;

  // Runs CompactStatusCounts every `interval` until `stop` is requested.
  void CompactStatusCountsEvery(std::chrono::milliseconds interval, std::stop_token stop);

  std::unique_ptr<pg::ConnectionPool> pool_;
  mutable std::mutex deriver_mutex_;
  std::shared_ptr<const EventDeriver> event_deriver_;  // guarded by deriver_mutex_
  std::jthread status_count_compactor_;  // stopped and joined before pool_ goes
  OrderUpdateQueue updates_;  // last: its thread runs batches on the rest
};

}  // namespace mporders
