#include "store/postgres/pg_store.h"

#include <algorithm>
#include <array>
#include <bit>
#include <initializer_list>
#include <map>
#include <iterator>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "store/hour_count_plan.h"
#include "store/order_index.h"
#include "store/order_update.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_store_access.h"

namespace mporders {

using pg::Connection;
using pg::Params;
using pg::Rows;

namespace {

constexpr char kSelectOrder[] =
    "SELECT doc, last_modified, version, order_date, purchase_order_id, doc_hash FROM orders"
    " WHERE seller_id = $1 AND purchase_order_id = $2";
constexpr char kSelectOrderForUpdate[] =
    "SELECT doc, last_modified, version, order_date, purchase_order_id, doc_hash FROM orders"
    " WHERE seller_id = $1 AND purchase_order_id = $2 FOR UPDATE";
// A batch's orders, locked in key order: $1 sellers and $2 purchase order
// ids, pairwise. The seller is the last column.
constexpr char kSelectOrdersForUpdate[] =
    "SELECT o.doc, o.last_modified, o.version, o.order_date, o.purchase_order_id, o.doc_hash,"
    " o.seller_id FROM unnest($1::text[], $2::text[]) AS k(seller_id, purchase_order_id)"
    " JOIN orders o ON o.seller_id = k.seller_id AND o.purchase_order_id = k.purchase_order_id"
    " ORDER BY o.seller_id, o.purchase_order_id FOR UPDATE OF o";
// Columns of an orders row, in the order of OrderRowParams.
constexpr char kInsertOrderHead[] =
    "INSERT INTO orders (seller_id, purchase_order_id, customer_order_id, order_date,"
    " ship_node_type, order_type, est_ship_date, last_modified, version, doc, doc_hash) VALUES";
constexpr int kOrderColumns = 11;
// $1 seller_id, $2 purchase_order_id, $3 customer_order_id, $4 order_date,
// $5 ship_node_type, $6 order_type, $7 est_ship_date, $8 last_modified,
// $9 version, $10 doc, $11 doc_hash.
constexpr char kUpdateOrder[] =
    "UPDATE orders SET customer_order_id = $3, order_date = $4, ship_node_type = $5,"
    " order_type = $6, est_ship_date = $7, last_modified = $8, version = $9, doc = $10,"
    " doc_hash = $11 WHERE seller_id = $1 AND purchase_order_id = $2";
// The same without the hour key (order_date, ship_node_type; $4 and $5 left
// out, the rest renumbered), for an order that keeps both: every
// acknowledgement, shipment, cancellation and refund. An UPDATE that sets
// either column fires the per-hour count trigger of migration 0003 (`AFTER
// UPDATE OF ... WHEN ...`), whose WHEN clause PostgreSQL reads and prepares
// again for every statement.
constexpr char kUpdateOrderKeepingHourKey[] =
    "UPDATE orders SET customer_order_id = $3, order_type = $4, est_ship_date = $5,"
    " last_modified = $6, version = $7, doc = $8, doc_hash = $9"
    " WHERE seller_id = $1 AND purchase_order_id = $2";
constexpr char kOnConflictDoNothing[] = " ON CONFLICT DO NOTHING";

// One side table: its statements and which index values it holds.
struct SideTable {
  // Columns: seller, value, order_date, po, [ship_node_type, order_type].
  const char* insert_head;
  // $1 seller, $2 value, $3 order_date, $4 po, [$5 ship_node_type]. A
  // table with two indexes on (seller, value, ...) names every column of
  // both, so that the prepared (generic) plan finds the row through either:
  // with the ship node type left out, PostgreSQL chose the ship-node index
  // and walked every row of the seller's status (0.4 ms per delete on
  // 20,000 orders, most of a write's database time).
  const char* delete_sql;
  std::vector<std::string> OrderIndexValues::*values;
  bool copies_categories;
  // Its rows are counted per hour (the status table: StatusCountChanges).
  bool counted_per_hour;
  int Columns() const { return copies_categories ? 6 : 4; }
};

constexpr SideTable kSideTables[] = {
    {"INSERT INTO order_status_idx (seller_id, status, order_date, purchase_order_id,"
     " ship_node_type, order_type) VALUES",
     "DELETE FROM order_status_idx WHERE seller_id = $1 AND status = $2 AND order_date = $3"
     " AND purchase_order_id = $4 AND ship_node_type = $5",
     &OrderIndexValues::statuses, true, true},
    {"INSERT INTO order_programs_idx (seller_id, shipping_program_type, order_date,"
     " purchase_order_id, ship_node_type, order_type) VALUES",
     "DELETE FROM order_programs_idx WHERE seller_id = $1 AND shipping_program_type = $2"
     " AND order_date = $3 AND purchase_order_id = $4 AND ship_node_type = $5",
     &OrderIndexValues::programs, true, false},
    {"INSERT INTO order_lines_idx (seller_id, sku, order_date, purchase_order_id) VALUES",
     "DELETE FROM order_lines_idx WHERE seller_id = $1 AND sku = $2 AND order_date = $3"
     " AND purchase_order_id = $4",
     &OrderIndexValues::skus, false, false},
};

// Rows of one table sent as multi-row INSERTs: one round trip for many rows,
// which is what makes seeding a large store practical (each statement costs a
// round trip to the server, and an order has several side rows). A statement
// is sent when it holds kMaxParams values (PostgreSQL takes at most 65,535)
// and on Flush().
class MultiRowInsert {
 public:
  MultiRowInsert(Connection& db, const char* head, int columns, const char* tail)
      : db_(db), head_(head), columns_(columns), tail_(tail) {}

  Status Add(const Params& row) {
    for (const std::optional<std::string>& value : row.values()) {
      value ? params_.Add(*value) : params_.AddNull();
    }
    ++rows_;
    if (rows_ * columns_ + columns_ > kMaxParams) return Flush();
    return Status::Ok();
  }

  Status Flush() {
    if (rows_ == 0) return Status::Ok();
    std::string sql = head_;
    int param = 1;
    for (int row = 0; row < rows_; ++row) {
      sql += row == 0 ? " (" : ", (";
      for (int column = 0; column < columns_; ++column) {
        if (column > 0) sql += ", ";
        sql += '$';
        sql += std::to_string(param++);
      }
      sql += ")";
    }
    sql += tail_;
    Result<Rows> done = db_.Exec(sql, params_);
    params_ = Params();
    rows_ = 0;
    return done.status();
  }

 private:
  static constexpr int kMaxParams = 10000;
  Connection& db_;
  const char* head_;
  int columns_;
  const char* tail_;
  Params params_;
  int rows_ = 0;
};

enum class HourKey { kWritten, kLeftOut };

Params OrderRowParams(const StoredOrder& order, const OrderIndexValues& index,
                      HourKey hour_key = HourKey::kWritten) {
  std::string doc;
  Store::EncodeOrderDocument(order.order, doc);
  const Order& o = order.order;
  Params params;
  params.Add(order.seller_id).Add(o.purchase_order_id).Add(o.customer_order_id);
  if (hour_key == HourKey::kWritten) {
    params.Add(std::int64_t{o.order_date}).Add(index.ship_node_type);
  }
  params.Add(index.order_type)
      .Add(std::int64_t{o.shipping_info.estimated_ship_date})
      .Add(std::int64_t{order.last_modified})
      .Add(std::int64_t{order.version})
      .Add(doc)
      .Add(std::bit_cast<std::int64_t>(Store::DocumentHash(doc)));
  return params;
}

Params SideRowParams(const StoredOrder& order, const std::string& value) {
  Params params;
  params.Add(order.seller_id)
      .Add(value)
      .Add(std::int64_t{order.order.order_date})
      .Add(order.order.purchase_order_id);
  return params;
}

// Adds `delta` (1: a row added, -1: removed) to the per-hour count of the
// side row `value` of `order`, if `table` is counted per hour.
void CountSideRow(const SideTable& table, pg::StatusCountChanges& counts, const StoredOrder& order,
                  const std::string& value, const std::string& ship_node_type,
                  std::int64_t delta) {
  if (!table.counted_per_hour) return;
  counts.Add(order.seller_id, value, ship_node_type, order.order.order_date, delta);
}

// Adds the side rows of `order` to one MultiRowInsert per side table, and
// its statuses to `counts`.
Status AddSideRows(std::vector<MultiRowInsert>& inserts, const StoredOrder& order,
                   const OrderIndexValues& index, pg::StatusCountChanges& counts) {
  for (size_t t = 0; t < std::size(kSideTables); ++t) {
    const SideTable& table = kSideTables[t];
    for (const std::string& value : index.*table.values) {
      CountSideRow(table, counts, order, value, index.ship_node_type, 1);
      Params params = SideRowParams(order, value);
      if (table.copies_categories) params.Add(index.ship_node_type).Add(index.order_type);
      MP_RETURN_IF_ERROR(inserts[t].Add(params));
    }
  }
  return Status::Ok();
}

std::vector<MultiRowInsert> SideRowInserts(Connection& db) {
  std::vector<MultiRowInsert> inserts;
  for (const SideTable& table : kSideTables) {
    inserts.emplace_back(db, table.insert_head, table.Columns(), kOnConflictDoNothing);
  }
  return inserts;
}

// Inserts the orders rows and side rows of `orders` (new orders), many per
// statement, and their status counts.
Status SendOrderRows(Connection& db, std::span<const StoredOrder> orders) {
  MultiRowInsert order_rows(db, kInsertOrderHead, kOrderColumns, "");
  std::vector<MultiRowInsert> side_rows = SideRowInserts(db);
  pg::StatusCountChanges counts;
  for (const StoredOrder& order : orders) {
    const OrderIndexValues index = IndexValuesOf(order.order);
    MP_RETURN_IF_ERROR(order_rows.Add(OrderRowParams(order, index)));
    MP_RETURN_IF_ERROR(AddSideRows(side_rows, order, index, counts));
  }
  MP_RETURN_IF_ERROR(order_rows.Flush());
  for (MultiRowInsert& insert : side_rows) MP_RETURN_IF_ERROR(insert.Flush());
  return counts.Send(db);
}

// The INSERT of one row of kSideTables[t], built once: the same text on
// every write, so that a connection prepares it once.
const std::string& SingleSideRowInsert(std::size_t t) {
  static const std::array<std::string, std::size(kSideTables)> inserts = [] {
    std::array<std::string, std::size(kSideTables)> sql;
    for (std::size_t i = 0; i < sql.size(); ++i) {
      sql[i] = kSideTables[i].insert_head;
      sql[i] += kSideTables[i].copies_categories ? " ($1, $2, $3, $4, $5, $6)" : " ($1, $2, $3, $4)";
      sql[i] += kOnConflictDoNothing;
    }
    return sql;
  }();
  return inserts[t];
}

// Queues the side-row changes of `previous` becoming `order`: only the rows
// that differ (ChangedSideValues); their status count changes go to `counts`.
void DeferSideRowChanges(Connection& db, const StoredOrder& previous,
                         const OrderIndexValues& before, const StoredOrder& order,
                         const OrderIndexValues& after, pg::StatusCountChanges& counts) {
  const bool rewrite = SideRowsRewritten(previous.order, before, order.order, after);
  for (std::size_t t = 0; t < std::size(kSideTables); ++t) {
    const SideTable& table = kSideTables[t];
    const SideValueChanges changes =
        ChangedSideValues(rewrite, before.*table.values, after.*table.values);
    for (const std::string* value : changes.removed) {
      CountSideRow(table, counts, previous, *value, before.ship_node_type, -1);
      Params params = SideRowParams(previous, *value);
      if (table.copies_categories) params.Add(before.ship_node_type);
      db.Defer(pg::Prepared{table.delete_sql}, std::move(params));
    }
    for (const std::string* value : changes.added) {
      CountSideRow(table, counts, order, *value, after.ship_node_type, 1);
      Params params = SideRowParams(order, *value);
      if (table.copies_categories) params.Add(after.ship_node_type).Add(after.order_type);
      db.Defer(pg::Prepared{SingleSideRowInsert(t)}, std::move(params));
    }
  }
}

// Queues the overwrite of `previous` (locked in this transaction) with
// `order`: the UPDATE and the side rows' changes go with the transaction's
// next round trip (its COMMIT at the latest). The row lock keeps the row
// from vanishing meanwhile. The status count changes go to `counts`, which
// the transaction defers once, after all its orders.
void DeferReplaceOrder(Connection& db, const StoredOrder& previous, const StoredOrder& order,
                       pg::StatusCountChanges& counts) {
  const OrderIndexValues index = IndexValuesOf(order.order);
  const OrderIndexValues before = IndexValuesOf(previous.order);
  DeferSideRowChanges(db, previous, before, order, index, counts);
  const bool keeps_hour_key = previous.order.order_date == order.order.order_date &&
                              before.ship_node_type == index.ship_node_type;
  if (keeps_hour_key) {
    db.Defer(pg::Prepared{kUpdateOrderKeepingHourKey},
             OrderRowParams(order, index, HourKey::kLeftOut));
  } else {
    db.Defer(pg::Prepared{kUpdateOrder}, OrderRowParams(order, index));
  }
}

Result<std::optional<StoredOrder>> LoadOrder(Connection& db, const std::string& seller_id,
                                             const std::string& purchase_order_id,
                                             bool for_update) {
  Result<Rows> rows = db.Exec(pg::Prepared{for_update ? kSelectOrderForUpdate : kSelectOrder},
                              Params().Add(seller_id).Add(purchase_order_id));
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<StoredOrder>();
  Result<StoredOrder> order = pg::OrderFromRow(*rows, 0, seller_id);
  if (!order.ok()) return order.status();
  return std::optional<StoredOrder>(std::move(*order));
}

Status CheckOrderIdentity(const StoredOrder& order) {
  if (order.seller_id.empty()) return Status::InvalidContent("order without a seller id");
  if (order.order.purchase_order_id.empty()) {
    return Status::InvalidContent("order without a purchaseOrderId", "purchaseOrderId");
  }
  return Status::Ok();
}

Status NotFound(const std::string& purchase_order_id) {
  return Status::NotFound("purchase order " + purchase_order_id + " not found");
}

}  // namespace

namespace pg {

OrderDocument DocumentFromRow(const Rows& rows, int row, const std::string& seller_id,
                              const std::function<bool(const OrderDocument&)>& skip_document) {
  OrderDocument document;
  document.seller_id = seller_id;
  document.last_modified = rows.Int64(row, 1);
  document.version = rows.Int64(row, 2);
  document.order_date = rows.Int64(row, 3);
  document.purchase_order_id = std::string(rows.Text(row, 4));
  std::optional<std::uint64_t> hash;
  if (!rows.IsNull(row, 5)) hash = std::bit_cast<std::uint64_t>(rows.Int64(row, 5));
  Store::FillDocument(document, hash, rows.Text(row, 0), skip_document);
  return document;
}

Result<StoredOrder> OrderFromRow(const Rows& rows, int row, const std::string& seller_id) {
  return Store::DecodeOrderDocument(DocumentFromRow(rows, row, seller_id));
}

Status InsertOrder(Connection& db, const StoredOrder& order) {
  Status status = SendOrderRows(db, std::span<const StoredOrder>(&order, 1));
  if (!status.ok() && db.sqlstate() == kUniqueViolation) {
    return Status::InvalidContent("purchase order " + order.order.purchase_order_id +
                                  " already exists for seller " + order.seller_id);
  }
  return status;
}

Status InsertOrders(Connection& db, std::span<const StoredOrder> orders) {
  if (orders.size() <= 1) return orders.empty() ? Status::Ok() : InsertOrder(db, orders[0]);
  MP_RETURN_IF_ERROR(db.ExecScript("SAVEPOINT insert_orders"));
  Status status = SendOrderRows(db, orders);
  if (status.ok()) return db.ExecScript("RELEASE SAVEPOINT insert_orders");
  if (db.sqlstate() != kUniqueViolation) return status;
  // An order already exists or comes twice, and the statement that failed
  // held many orders: the first one to fail on its own names it.
  MP_RETURN_IF_ERROR(db.ExecScript("ROLLBACK TO SAVEPOINT insert_orders"));
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(InsertOrder(db, order));
  return status;
}

std::vector<std::string_view> SideRowDeletes() {
  std::vector<std::string_view> deletes;
  for (const SideTable& table : kSideTables) deletes.emplace_back(table.delete_sql);
  return deletes;
}

Status DeleteSellerOrders(Connection& db, const std::string& seller_id) {
  // The status rows about to go leave the per-hour counts, as negative deltas.
  static const std::string kUncountStatusRows =
      std::string(
          "INSERT INTO order_status_hour_deltas (seller_id, status, ship_node_type, hour, orders)"
          " SELECT seller_id, status, ship_node_type, order_date / ")
          .append(std::to_string(kMillisPerHour))
          .append(", -count(*) FROM order_status_idx WHERE seller_id = $1 GROUP BY 1, 2, 3, 4");
  for (std::string_view sql : std::initializer_list<std::string_view>{
           kUncountStatusRows, "DELETE FROM order_status_idx WHERE seller_id = $1",
           "DELETE FROM order_programs_idx WHERE seller_id = $1",
           "DELETE FROM order_lines_idx WHERE seller_id = $1",
           "DELETE FROM orders WHERE seller_id = $1"}) {
    Result<Rows> done = db.Exec(sql, Params().Add(seller_id));
    if (!done.ok()) return done.status();
  }
  return Status::Ok();
}

}  // namespace pg

// --- opening ----------------------------------------------------------------------

bool PgStore::IsPostgresUrl(const std::string& url) {
  return url.rfind("postgres://", 0) == 0 || url.rfind("postgresql://", 0) == 0;
}

Result<std::unique_ptr<PgStore>> PgStore::Open(const std::string& url,
                                               const PgStoreOptions& options) {
  if (!IsPostgresUrl(url)) {
    return Status::InvalidParam("not a PostgreSQL URL: " + url, "store");
  }
  auto pool = std::make_unique<pg::ConnectionPool>(url, options.max_connections);
  {
    Result<pg::ConnectionPool::Lease> db = pool->Acquire();
    if (!db.ok()) return db.status();
    MP_RETURN_IF_ERROR(
        pg::ApplyMigrations(**db, pg::EmbeddedMigrations(), SystemClock().NowMillis()));
  }
  return std::unique_ptr<PgStore>(new PgStore(std::move(pool), options));
}

PgStore::PgStore(std::unique_ptr<pg::ConnectionPool> pool, const PgStoreOptions& options)
    : pool_(std::move(pool)),
      updates_(options.max_update_batch,
               [this](std::span<UpdateJob* const> batch) { RunUpdateBatch(batch); }) {
  if (const auto interval = options.status_count_compaction_interval; interval.count() > 0) {
    status_count_compactor_ = std::jthread(
        [this, interval](std::stop_token stop) { CompactStatusCountsEvery(interval, stop); });
  }
}

PgStore::~PgStore() = default;

Result<std::int64_t> PgStore::SchemaVersion() {
  return WithConnection([](Connection& db) { return pg::SchemaVersion(db); });
}

Status PgStore::Ping() {
  return WithConnection([](Connection& db) { return db.Exec("SELECT 1").status(); });
}

// --- orders -------------------------------------------------------------------------

Result<OrderDocument> PgStore::GetOrderDocument(const std::string& seller_id,
                                                const std::string& purchase_order_id) {
  return WithConnection([&](Connection& db) -> Result<OrderDocument> {
    Result<Rows> rows =
        db.Exec(pg::Prepared{kSelectOrder}, Params().Add(seller_id).Add(purchase_order_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return NotFound(purchase_order_id);
    return pg::DocumentFromRow(*rows, 0, seller_id);
  });
}

Status PgStore::InsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  const std::shared_ptr<const EventDeriver> deriver = Deriver();
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // Many orders per statement; then PO_CREATED and friends, in the
    // insert's transaction.
    MP_RETURN_IF_ERROR(pg::InsertOrders(db, orders));
    for (const StoredOrder& order : orders) {
      MP_RETURN_IF_ERROR(pg::WriteOrderEvents(db, deriver.get(), nullptr, order));
    }
    return Status::Ok();
  });
}

Status PgStore::UpsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    pg::StatusCountChanges counts;
    for (const StoredOrder& order : orders) {
      Result<std::optional<StoredOrder>> previous =
          LoadOrder(db, order.seller_id, order.order.purchase_order_id, true);
      if (!previous.ok()) return previous.status();
      if (previous->has_value()) {
        StoredOrder replacement = order;
        replacement.version = (*previous)->version + 1;
        DeferReplaceOrder(db, **previous, replacement, counts);
      } else {
        // Another process inserting the same new order at once makes this
        // fail with a duplicate key: the batch is refused, nothing is lost.
        MP_RETURN_IF_ERROR(pg::InsertOrder(db, order));
      }
    }
    counts.Defer(db);
    return Status::Ok();
  });
}

// --- UpdateOrder: group commit ----------------------------------------------------

namespace {

using OrderKey = std::pair<std::string, std::string>;  // seller, purchase order id

// Each of a batch's orders as locked, and as its jobs have changed it so far.
struct LockedOrder {
  StoredOrder locked;
  StoredOrder current;
  bool changed = false;
};

// Locks every order the batch names, in one statement.
Result<std::map<OrderKey, LockedOrder>> LockOrders(Connection& db,
                                                   std::span<const OrderKey> keys) {
  std::vector<std::string> sellers;
  std::vector<std::string> ids;
  for (const auto& [seller, id] : keys) {
    sellers.push_back(seller);
    ids.push_back(id);
  }
  Result<Rows> rows = db.Exec(pg::Prepared{kSelectOrdersForUpdate},
                              Params().AddTextArray(sellers).AddTextArray(ids));
  if (!rows.ok()) return rows.status();
  std::map<OrderKey, LockedOrder> orders;
  for (int row = 0; row < rows->size(); ++row) {
    std::string seller(rows->Text(row, 6));
    Result<StoredOrder> order = pg::OrderFromRow(*rows, row, seller);
    if (!order.ok()) return order.status();
    OrderKey key{seller, order->order.purchase_order_id};
    orders.emplace(std::move(key), LockedOrder{*order, *order});
  }
  return orders;
}

}  // namespace

Result<StoredOrder> PgStore::UpdateOrder(const std::string& seller_id,
                                         const std::string& purchase_order_id, const UpdateFn& fn) {
  // Each transaction costs PostgreSQL a WAL flush and both processes round
  // trips and process switches, which on a busy machine is most of a
  // write's cost; a batch shares them (docs/performance.md).
  return UpdateAndWait(updates_, seller_id, purchase_order_id, fn);
}

void PgStore::UpdateOrderThen(const std::string& seller_id,
                              const std::string& purchase_order_id, const UpdateFn& fn,
                              UpdateDone done) {
  UpdateThen(updates_, seller_id, purchase_order_id, fn, std::move(done));
}

Result<StoredOrder> PgStore::UpdateAlone(const UpdateJob& job, const EventDeriver* deriver) {
  StoredOrder saved;
  Status status = InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // FOR UPDATE waits for any other transaction on this order (in this or
    // another process) and then reads its committed result.
    Result<std::optional<StoredOrder>> previous =
        LoadOrder(db, job.seller_id, job.purchase_order_id, true);
    if (!previous.ok()) return previous.status();
    if (!previous->has_value()) return NotFound(job.purchase_order_id);
    Result<StoredOrder> updated = RunUpdateFn(**previous, job.fn);
    if (!updated.ok()) return updated.status();
    pg::StatusCountChanges counts;
    DeferReplaceOrder(db, **previous, *updated, counts);
    counts.Defer(db);
    // The change's events commit with it, or neither does.
    MP_RETURN_IF_ERROR(pg::WriteOrderEvents(db, deriver, &**previous, *updated));
    saved = std::move(*updated);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return saved;
}

void PgStore::RunUpdateBatch(std::span<UpdateJob* const> jobs) {
  const std::shared_ptr<const EventDeriver> deriver = Deriver();
  if (jobs.size() == 1) {
    jobs[0]->result.emplace(UpdateAlone(*jobs[0], deriver.get()));
    return;
  }
  std::vector<OrderKey> keys;
  for (const UpdateJob* job : jobs) keys.emplace_back(job->seller_id, job->purchase_order_id);
  std::sort(keys.begin(), keys.end());
  keys.erase(std::unique(keys.begin(), keys.end()), keys.end());

  // Each job's outcome, kept until the COMMIT has made it true.
  std::vector<Result<StoredOrder>> outcomes;
  std::string failed_sqlstate;
  Status status = InTransaction(
      pg::kBegin,
      [&](Connection& db) -> Status {
        outcomes.clear();
        Result<std::map<OrderKey, LockedOrder>> orders = LockOrders(db, keys);
        if (!orders.ok()) return orders.status();
        for (const UpdateJob* job : jobs) {
          auto order = orders->find(OrderKey{job->seller_id, job->purchase_order_id});
          if (order == orders->end()) {
            outcomes.emplace_back(NotFound(job->purchase_order_id));
            continue;
          }
          LockedOrder& locked = order->second;
          Result<StoredOrder> updated = RunUpdateFn(locked.current, job->fn);
          if (updated.ok()) {
            MP_RETURN_IF_ERROR(pg::WriteOrderEvents(db, deriver.get(), &locked.current, *updated));
            locked.current = *updated;
            locked.changed = true;
          }
          outcomes.push_back(std::move(updated));
        }
        pg::StatusCountChanges counts;
        for (const auto& [key, locked] : *orders) {
          if (locked.changed) DeferReplaceOrder(db, locked.locked, locked.current, counts);
        }
        counts.Defer(db);
        return Status::Ok();
      },
      &failed_sqlstate);
  if (status.ok()) {
    for (std::size_t i = 0; i < jobs.size(); ++i) jobs[i]->result.emplace(std::move(outcomes[i]));
    return;
  }
  // A deadlock with another process's transaction (one that locks several
  // orders in another order) or a serialization failure changed nothing:
  // each job goes again on its own. Any other failure may have happened at
  // the COMMIT, with the batch's outcome unknown, so it is every job's.
  const bool retry = failed_sqlstate == pg::kDeadlockDetected ||
                     failed_sqlstate == pg::kSerializationFailure;
  for (UpdateJob* job : jobs) {
    job->result.emplace(retry ? UpdateAlone(*job, deriver.get()) : Result<StoredOrder>(status));
  }
}

std::optional<Store::CommitBatchSizes> PgStore::CommitBatches() const {
  return BatchSizesOf(updates_.Stats());
}

Result<std::int64_t> PgStore::CountOrders(const std::string& seller_id) {
  return WithConnection([&](Connection& db) -> Result<std::int64_t> {
    Result<Rows> rows =
        db.Exec("SELECT count(*) FROM orders WHERE seller_id = $1", Params().Add(seller_id));
    if (!rows.ok()) return rows.status();
    return rows->Int64(0, 0);
  });
}

}  // namespace mporders
