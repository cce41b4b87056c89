#pragma once
// The Store on SQLite: one database file in WAL mode, one writer connection
// behind a mutex (writes are serialised in-process; SQLite's lock serialises
// them across processes) and a pool of reader connections, so reads never
// wait for a write. Every committed change is durable (synchronous=FULL).
// Concurrent UpdateOrder calls share transactions (group commit, see
// UpdateOrder), so durable updates are not capped at one per disk sync.
//
// Failures: a lock held by another process past the busy timeout ->
// kUnavailable; any other SQLite failure -> kInternal with SQLite's message.
//
// Thread safety: every method may be called concurrently.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <vector>

#include "store/group_commit.h"
#include "store/order_update.h"
#include "store/store.h"

namespace mporders::sqlite {
class Connection;
class ReaderPool;
class SellerAccessCache;
class SharedState;
}  // namespace mporders::sqlite

namespace mporders {

struct SqliteStoreOptions {
  int busy_timeout_ms = 5000;
  // Page caches in KiB: the writer's holds the hot parts of every index
  // during bulk inserts.
  std::int64_t writer_cache_kib = 128 * 1024;
  std::int64_t reader_cache_kib = 32 * 1024;
  // WAL size (pages of 4 KiB) that triggers copying it into the database.
  // Bulk inserts dirty index pages all over the file; copying them once per
  // 256 MiB instead of once per transaction cuts what a seed writes by a
  // third.
  std::int64_t wal_autocheckpoint_pages = 64 * 1024;
  // Idle reader connections kept open.
  int max_idle_readers = 8;
  // A last-modified or expected-ship window with at most this many orders
  // drives a list query (its rows sorted) instead of the date order.
  std::int64_t window_sort_cap = 1000;
  // Most UpdateOrder calls one transaction combines. A batch holds the write
  // lock for its whole run, so this bounds how long other writes wait.
  size_t max_update_batch = 64;
  // How far the committer thread, which runs the batches, yields the CPU to
  // the threads that serve reads (a nice increment, store/thread_priority.h).
  // Under a load of reads and writes together, the two cores of a small
  // machine otherwise go to whichever runs, and list pages wait behind
  // commits (p99 20-25 ms against 15-19 ms, docs/performance.md); yielding,
  // writes wait in the queue and batch larger instead. With writes alone it
  // changes nothing measurable.
  int committer_nice = 10;
  // How long a token check may reuse an earlier "allowed" for the same client
  // and seller while no client or grant has changed (sqlite/access_cache.h);
  // zero checks the database on every call.
  std::chrono::milliseconds access_cache_ttl{1000};
};

// How SQLite would run a list request, for tests and tuning.
struct ListQueryPlan {
  std::string driver;              // the index that drives the query
  std::vector<std::string> page;   // EXPLAIN QUERY PLAN details of the page query
  std::vector<std::string> count;  // ... and of the count query
};

class SqliteStore final : public Store, public WebhookStore {
 public:
  // Opens (creating when needed) the database at `path`, or a private
  // in-memory database for ":memory:", and applies pending migrations.
  // REQUIRES: the parent directory of `path` exists.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path,
                                                   const SqliteStoreOptions& options = {});
  ~SqliteStore() override;

  std::optional<OrderStamp> OrderChangeStamp(const std::string& seller_id,
                                             const std::string& purchase_order_id) override;
  Result<OrderDocument> GetOrderDocument(const std::string& seller_id,
                                         const std::string& purchase_order_id) override;
  Result<OrderDocumentPage> ListOrderDocuments(const ListRequest& request) override;
  Status InsertOrders(const std::vector<StoredOrder>& orders) override;
  Status UpsertOrders(const std::vector<StoredOrder>& orders) override;
  // Group commit: concurrent calls are run in batches of up to
  // max_update_batch, each batch one transaction (BEGIN IMMEDIATE ... COMMIT)
  // in which every call has a SAVEPOINT of its own. A call that fails (its
  // `fn` fails or throws, or the order is missing) is rolled back to its
  // savepoint alone and gets its own error; later calls in the batch see the
  // effects of earlier ones, in queue order, as if they ran one by one. Every
  // call learns its result only after the COMMIT; if the COMMIT (or the batch's
  // transaction as a whole) fails, every call of the batch gets that error and
  // nothing of the batch is saved.
  // `fn` runs while the store's write lock is held, on the store's committer
  // thread: it must not call the store or depend on its thread.
  Result<StoredOrder> UpdateOrder(const std::string& seller_id,
                                  const std::string& purchase_order_id,
                                  const UpdateFn& fn) override;
  void UpdateOrderThen(const std::string& seller_id, const std::string& purchase_order_id,
                       const UpdateFn& fn, UpdateDone done) override;
  void FinishQueuedUpdates() override { updates_.WaitUntilIdle(); }
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

  // sqlite_store_sandbox.cc
  Result<std::map<std::string, EpochMillis>> ListClockOffsets() override;
  Status SetClockOffset(const std::string& seller_id, EpochMillis offset) override;
  Status ReplaceSellerState(const std::string& seller_id, const std::vector<StoredOrder>& orders,
                            EpochMillis clock_offset) override;

  std::optional<CommitBatchSizes> CommitBatches() const override;

  // sqlite_store_webhooks.cc
  WebhookStore* webhooks() override { return this; }
  void SetEventDeriver(EventDeriver deriver) override;
  Status InsertSubscriptions(const std::vector<WebhookSubscription>& subscriptions) override;
  Result<std::vector<WebhookSubscription>> ListSubscriptions(
      const std::string& seller_id) override;
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

  // The plan ListOrders would use for `request` against the current data.
  Result<ListQueryPlan> ExplainList(const ListRequest& request);

  // The schema version of the open database.
  Result<std::int64_t> SchemaVersion();

  // Group commit of UpdateOrder, for tests and tuning: batches run so far,
  // and calls waiting for the next batch.
  GroupCommitStats UpdateBatchStats() const { return updates_.Stats(); }
  size_t QueuedUpdates() const { return updates_.Queued(); }

 private:
  SqliteStore(const SqliteStoreOptions& options, std::unique_ptr<sqlite::Connection> writer,
              std::unique_ptr<sqlite::ReaderPool> readers,
              std::unique_ptr<sqlite::SharedState> shared);

  // Runs `fn(Connection&)` on a reader connection (on the writer for an
  // in-memory database, which has no other connections).
  template <typename Fn>
  auto WithReader(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>()));
  // Runs `fn(Connection&)` on the writer, holding the writer mutex.
  template <typename Fn>
  auto WithWriter(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>()));
  // WithWriter for a change to clients or grants: then moves the accounts
  // generation, whatever the outcome, so that no process keeps an access it
  // found before the change.
  template <typename Fn>
  Status ChangeAccounts(Fn&& fn);

  // One queued UpdateOrder call (sqlite_store.cc).
  using UpdateJob = OrderUpdateJob;
  // Runs a batch of UpdateOrder calls as one transaction and sets each one's result.
  void RunUpdateBatch(std::span<UpdateJob* const> jobs);

  const SqliteStoreOptions options_;
  std::mutex writer_mutex_;
  std::unique_ptr<sqlite::Connection> writer_;   // guarded by writer_mutex_
  std::string doc_buffer_;                       // guarded by writer_mutex_
  EventDeriver event_deriver_;                   // guarded by writer_mutex_
  std::unique_ptr<sqlite::ReaderPool> readers_;  // null for ":memory:"
  // The generations of accounts and orders every process on the database
  // shares (a file beside it).
  std::unique_ptr<sqlite::SharedState> shared_;
  std::unique_ptr<sqlite::SellerAccessCache> access_cache_;
  OrderUpdateQueue updates_;  // last: its thread runs batches on the rest
};

}  // namespace mporders
