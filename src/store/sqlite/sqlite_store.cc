#include "store/sqlite/sqlite_store.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "store/order_update.h"
#include "store/sqlite/access_cache.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/order_rows.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/shared_state.h"
#include "store/sqlite/sqlite_store_access.h"
#include "store/sqlite/webhook_rows.h"

namespace mporders {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::TxMode;

namespace {

constexpr char kMemoryPath[] = ":memory:";
// Beside the database file, as SQLite's own -wal and -shm: the generations
// every process on the database shares (shared_state.h).
constexpr char kSharedStateSuffix[] = "-counters";
// (client, seller) pairs a token check remembers; a few per API client.
constexpr std::size_t kMaxCachedAccesses = 4096;

Status CheckOrderIdentity(const StoredOrder& order) {
  if (order.seller_id.empty()) return Status::InvalidContent("order without a seller id");
  if (order.order.purchase_order_id.empty()) {
    return Status::InvalidContent("order without a purchaseOrderId", "purchaseOrderId");
  }
  return Status::Ok();
}

// Applies pending migrations. They may rewrite orders that other processes,
// still serving, have kept: while they run, no order has a stamp.
Status Migrate(Connection& db, sqlite::SharedState& shared) {
  const std::span<const Migration> migrations = sqlite::EmbeddedMigrations();
  Result<std::int64_t> version = sqlite::SchemaVersion(db);
  if (!version.ok()) return version.status();
  std::optional<sqlite::SharedState::OrderChange> change;
  if (!migrations.empty() && *version < migrations.back().version) {
    change.emplace(shared.ChangeAllOrders());
  }
  return sqlite::ApplyMigrations(db, migrations, SystemClock().NowMillis());
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path,
                                                       const SqliteStoreOptions& options) {
  if (path.empty()) return Status::InvalidParam("empty SQLite database path", "store");
  sqlite::ConnectionOptions writer_options;
  writer_options.busy_timeout_ms = options.busy_timeout_ms;
  writer_options.cache_kib = options.writer_cache_kib;
  writer_options.set_wal = true;
  writer_options.wal_autocheckpoint_pages = options.wal_autocheckpoint_pages;
  Result<std::unique_ptr<Connection>> writer = Connection::Open(path, writer_options);
  if (!writer.ok()) return writer.status();
  std::unique_ptr<sqlite::SharedWords> words;
  if (path == kMemoryPath) {
    words = sqlite::SharedWords::Private(sqlite::SharedState::kWords);
  } else {
    Result<std::unique_ptr<sqlite::SharedWords>> opened =
        sqlite::SharedWords::Open(path + kSharedStateSuffix, sqlite::SharedState::kWords);
    if (!opened.ok()) return opened.status();
    words = std::move(*opened);
  }
  auto shared = std::make_unique<sqlite::SharedState>(std::move(words));
  MP_RETURN_IF_ERROR(Migrate(**writer, *shared));

  std::unique_ptr<sqlite::ReaderPool> readers;
  if (path != kMemoryPath) {
    sqlite::ConnectionOptions reader_options;
    reader_options.busy_timeout_ms = options.busy_timeout_ms;
    reader_options.cache_kib = options.reader_cache_kib;
    reader_options.read_only = true;
    readers = std::make_unique<sqlite::ReaderPool>(
        path, reader_options, static_cast<size_t>(std::max(options.max_idle_readers, 0)));
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(options, std::move(*writer), std::move(readers), std::move(shared)));
}

SqliteStore::SqliteStore(const SqliteStoreOptions& options, std::unique_ptr<Connection> writer,
                         std::unique_ptr<sqlite::ReaderPool> readers,
                         std::unique_ptr<sqlite::SharedState> shared)
    : options_(options),
      writer_(std::move(writer)),
      readers_(std::move(readers)),
      shared_(std::move(shared)),
      access_cache_(std::make_unique<sqlite::SellerAccessCache>(options.access_cache_ttl,
                                                                kMaxCachedAccesses)),
      updates_(
          options.max_update_batch,
          [this](std::span<UpdateJob* const> batch) { RunUpdateBatch(batch); },
          options.committer_nice) {}

SqliteStore::~SqliteStore() = default;

Result<std::int64_t> SqliteStore::SchemaVersion() {
  return WithWriter([](Connection& db) { return sqlite::SchemaVersion(db); });
}

// --- orders ----------------------------------------------------------------------

std::optional<OrderStamp> SqliteStore::OrderChangeStamp(const std::string& seller_id,
                                                       const std::string& purchase_order_id) {
  return shared_->OrderStampOf(seller_id, purchase_order_id);
}

Result<OrderDocument> SqliteStore::GetOrderDocument(const std::string& seller_id,
                                                    const std::string& purchase_order_id) {
  return WithReader([&](Connection& db) -> Result<OrderDocument> {
    return sqlite::LoadOrderDocument(db, seller_id, purchase_order_id);
  });
}

Status SqliteStore::InsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  sqlite::SharedState::OrderChange change = shared_->ChangeOrders(orders);
  return WithWriter([&](Connection& db) -> Status {
    // One transaction for the batch: one WAL sync, and all or nothing.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    for (const StoredOrder& order : orders) {
      MP_RETURN_IF_ERROR(sqlite::InsertOrder(db, order, doc_buffer_));
      // PO_CREATED and friends, in the insert's transaction.
      MP_RETURN_IF_ERROR(sqlite::WriteOrderEvents(db, event_deriver_, nullptr, order));
    }
    return tx->Commit();
  });
}

Status SqliteStore::UpsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  sqlite::SharedState::OrderChange change = shared_->ChangeOrders(orders);
  return WithWriter([&](Connection& db) -> Status {
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    for (const StoredOrder& order : orders) {
      Result<StoredOrder> previous =
          sqlite::LoadOrder(db, order.seller_id, order.order.purchase_order_id);
      if (previous.ok()) {
        // A replaced order is a change like any other: its version moves on.
        StoredOrder replacement = order;
        replacement.version = previous->version + 1;
        MP_RETURN_IF_ERROR(sqlite::ReplaceOrder(db, *previous, replacement, doc_buffer_));
      } else if (previous.status().code() == ErrorCode::kNotFound) {
        MP_RETURN_IF_ERROR(sqlite::InsertOrder(db, order, doc_buffer_));
      } else {
        return previous.status();
      }
    }
    return tx->Commit();
  });
}

// --- UpdateOrder: group commit ----------------------------------------------------

namespace {

// One update inside a batch's transaction: load, apply `fn`, save. On an
// error the caller rolls back to the job's savepoint.
Result<StoredOrder> ApplyUpdate(Connection& db, const std::string& seller_id,
                                const std::string& purchase_order_id, const Store::UpdateFn& fn,
                                std::string& doc_buffer,
                                const WebhookStore::EventDeriver& deriver) {
  Result<StoredOrder> previous = sqlite::LoadOrder(db, seller_id, purchase_order_id);
  if (!previous.ok()) return previous.status();

  Result<StoredOrder> updated = RunUpdateFn(*previous, fn);
  if (!updated.ok()) return updated.status();
  MP_RETURN_IF_ERROR(sqlite::ReplaceOrder(db, *previous, *updated, doc_buffer));
  // The change's events go in its savepoint: both or neither.
  MP_RETURN_IF_ERROR(sqlite::WriteOrderEvents(db, deriver, &*previous, *updated));
  return updated;
}

Status RunStatement(Connection& db, const char* sql) {
  Result<Statement> statement = db.Prepare(sql);
  if (!statement.ok()) return statement.status();
  return statement->Run();
}

}  // namespace

Result<StoredOrder> SqliteStore::UpdateOrder(const std::string& seller_id,
                                             const std::string& purchase_order_id,
                                             const UpdateFn& fn) {
  // A durable commit waits for a WAL sync (0.1 to 2 ms on the reference
  // machine, depending on what else the disk does): one transaction per
  // update caps the store at one update per sync however many clients write.
  // Callers arriving while a batch runs queue up and go in the next batch
  // together, one sync for all of them (docs/performance.md).
  return UpdateAndWait(updates_, seller_id, purchase_order_id, fn);
}

void SqliteStore::UpdateOrderThen(const std::string& seller_id,
                                  const std::string& purchase_order_id, const UpdateFn& fn,
                                  UpdateDone done) {
  UpdateThen(updates_, seller_id, purchase_order_id, fn, std::move(done));
}

void SqliteStore::RunUpdateBatch(std::span<UpdateJob* const> jobs) {
  // Readers that kept these orders read them again from now until after the
  // COMMIT, in every process.
  sqlite::SharedState::OrderChange change =
      shared_->ChangeOrders(jobs, [](const UpdateJob* job) {
        return sqlite::SharedState::OrderKey{job->seller_id, job->purchase_order_id};
      });
  // The writer mutex keeps other writes out of the batch's transaction;
  // BEGIN IMMEDIATE takes the database write lock before the first load, so
  // no other process can commit between a load and its save either.
  WithWriter([&](Connection& db) {
    auto fail_all = [&](const Status& status) {
      for (UpdateJob* job : jobs) job->result.emplace(status);
    };
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return fail_all(tx.status());
    for (UpdateJob* job : jobs) {
      // Savepoint statements fail only when the transaction itself is lost.
      if (Status begun = RunStatement(db, "SAVEPOINT update_job"); !begun.ok()) {
        return fail_all(begun);
      }
      Result<StoredOrder> result =
          ApplyUpdate(db, job->seller_id, job->purchase_order_id, job->fn, doc_buffer_,
                      event_deriver_);
      if (!result.ok() && !db.InTransaction()) {
        // Some failures (I/O, disk full) make SQLite roll back the whole
        // transaction: the earlier jobs' writes are gone as well.
        return fail_all(result.status());
      }
      Status ended = result.ok() ? Status::Ok() : RunStatement(db, "ROLLBACK TO update_job");
      if (ended.ok()) ended = RunStatement(db, "RELEASE update_job");
      if (!ended.ok()) return fail_all(ended);
      job->result.emplace(std::move(result));
    }
    // The results stand only once they are durable; a failed COMMIT rolls
    // the batch back (Transaction's destructor) and fails every job in it,
    // including those whose own step failed on state the batch no longer has.
    if (Status committed = tx->Commit(); !committed.ok()) fail_all(committed);
  });
}

Result<std::int64_t> SqliteStore::CountOrders(const std::string& seller_id) {
  return WithReader([&](Connection& db) -> Result<std::int64_t> {
    Result<Statement> count = db.Prepare(sqlite::sql::kCountOrders);
    if (!count.ok()) return count.status();
    count->Bind(1, seller_id);
    Result<bool> row = count->Step();
    if (!row.ok()) return row.status();
    return *row ? count->Int64(0) : 0;
  });
}

std::optional<Store::CommitBatchSizes> SqliteStore::CommitBatches() const {
  return BatchSizesOf(updates_.Stats());
}

}  // namespace mporders
