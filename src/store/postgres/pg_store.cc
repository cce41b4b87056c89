#include "store/postgres/pg_store.h"

#include <utility>

#include "store/order_document.h"
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
    "SELECT doc, last_modified, version FROM orders"
    " WHERE seller_id = $1 AND purchase_order_id = $2";
constexpr char kSelectOrderForUpdate[] =
    "SELECT doc, last_modified, version FROM orders"
    " WHERE seller_id = $1 AND purchase_order_id = $2 FOR UPDATE";
// $1 seller_id, $2 purchase_order_id, $3 customer_order_id, $4 order_date,
// $5 ship_node_type, $6 order_type, $7 est_ship_date, $8 last_modified,
// $9 version, $10 doc.
constexpr char kInsertOrder[] =
    "INSERT INTO orders (seller_id, purchase_order_id, customer_order_id, order_date,"
    " ship_node_type, order_type, est_ship_date, last_modified, version, doc)"
    " VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)";
constexpr char kUpdateOrder[] =
    "UPDATE orders SET customer_order_id = $3, order_date = $4, ship_node_type = $5,"
    " order_type = $6, est_ship_date = $7, last_modified = $8, version = $9, doc = $10"
    " WHERE seller_id = $1 AND purchase_order_id = $2";

// One side table: its statements and which index values it holds.
struct SideTable {
  const char* insert_sql;  // $1 seller, $2 value, $3 order_date, $4 po, [$5 node, $6 type]
  const char* delete_sql;  // $1 seller, $2 value, $3 order_date, $4 po
  std::vector<std::string> OrderIndexValues::*values;
  bool copies_categories;
};

constexpr SideTable kSideTables[] = {
    {"INSERT INTO order_status_idx (seller_id, status, order_date, purchase_order_id,"
     " ship_node_type, order_type) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
     "DELETE FROM order_status_idx WHERE seller_id = $1 AND status = $2 AND order_date = $3"
     " AND purchase_order_id = $4",
     &OrderIndexValues::statuses, true},
    {"INSERT INTO order_programs_idx (seller_id, shipping_program_type, order_date,"
     " purchase_order_id, ship_node_type, order_type) VALUES ($1, $2, $3, $4, $5, $6)"
     " ON CONFLICT DO NOTHING",
     "DELETE FROM order_programs_idx WHERE seller_id = $1 AND shipping_program_type = $2"
     " AND order_date = $3 AND purchase_order_id = $4",
     &OrderIndexValues::programs, true},
    {"INSERT INTO order_lines_idx (seller_id, sku, order_date, purchase_order_id)"
     " VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
     "DELETE FROM order_lines_idx WHERE seller_id = $1 AND sku = $2 AND order_date = $3"
     " AND purchase_order_id = $4",
     &OrderIndexValues::skus, false},
};

Params OrderRowParams(const StoredOrder& order, const OrderIndexValues& index) {
  std::string doc;
  EncodeOrderDocument(order.order, doc);
  const Order& o = order.order;
  Params params;
  params.Add(order.seller_id)
      .Add(o.purchase_order_id)
      .Add(o.customer_order_id)
      .Add(std::int64_t{o.order_date})
      .Add(index.ship_node_type)
      .Add(index.order_type)
      .Add(std::int64_t{o.shipping_info.estimated_ship_date})
      .Add(std::int64_t{order.last_modified})
      .Add(std::int64_t{order.version})
      .Add(doc);
  return params;
}

Status WriteSideRows(Connection& db, const StoredOrder& order, const OrderIndexValues& index,
                     bool insert) {
  for (const SideTable& table : kSideTables) {
    for (const std::string& value : index.*table.values) {
      Params params;
      params.Add(order.seller_id)
          .Add(value)
          .Add(std::int64_t{order.order.order_date})
          .Add(order.order.purchase_order_id);
      if (insert && table.copies_categories) {
        params.Add(index.ship_node_type).Add(index.order_type);
      }
      Result<Rows> done = db.Exec(insert ? table.insert_sql : table.delete_sql, params);
      if (!done.ok()) return done.status();
    }
  }
  return Status::Ok();
}

// Overwrites `previous` (locked in this transaction) with `order`.
Status ReplaceOrder(Connection& db, const StoredOrder& previous, const StoredOrder& order) {
  const OrderIndexValues index = IndexValuesOf(order.order);
  Result<Rows> updated = db.Exec(kUpdateOrder, OrderRowParams(order, index));
  if (!updated.ok()) return updated.status();
  if (updated->Affected() != 1) {
    return Status::Internal("purchase order " + order.order.purchase_order_id +
                            " vanished during its update");
  }
  // Side rows are few (a handy of statuses, SKUs, programs): the old ones
  // go and the new ones come, in the same transaction.
  MP_RETURN_IF_ERROR(WriteSideRows(db, previous, IndexValuesOf(previous.order), false));
  return WriteSideRows(db, order, index, true);
}

Result<std::optional<StoredOrder>> LoadOrder(Connection& db, const std::string& seller_id,
                                             const std::string& purchase_order_id,
                                             bool for_update) {
  Result<Rows> rows = db.Exec(for_update ? kSelectOrderForUpdate : kSelectOrder,
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

Result<StoredOrder> OrderFromRow(const Rows& rows, int row, const std::string& seller_id) {
  return StoredOrderFromRow(rows.Text(row, 0), seller_id, rows.Int64(row, 1), rows.Int64(row, 2));
}

Status InsertOrder(Connection& db, const StoredOrder& order) {
  const OrderIndexValues index = IndexValuesOf(order.order);
  Result<Rows> inserted = db.Exec(kInsertOrder, OrderRowParams(order, index));
  if (!inserted.ok()) {
    if (db.sqlstate() == kUniqueViolation) {
      return Status::InvalidContent("purchase order " + order.order.purchase_order_id +
                                    " already exists for seller " + order.seller_id);
    }
    return inserted.status();
  }
  return WriteSideRows(db, order, index, true);
}

Status DeleteSellerOrders(Connection& db, const std::string& seller_id) {
  for (const char* sql : {"DELETE FROM order_status_idx WHERE seller_id = $1",
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
  return std::unique_ptr<PgStore>(new PgStore(std::move(pool)));
}

PgStore::PgStore(std::unique_ptr<pg::ConnectionPool> pool) : pool_(std::move(pool)) {}

PgStore::~PgStore() = default;

Result<std::int64_t> PgStore::SchemaVersion() {
  return WithConnection([](Connection& db) { return pg::SchemaVersion(db); });
}

Status PgStore::Ping() {
  return WithConnection([](Connection& db) { return db.Exec("SELECT 1").status(); });
}

// --- orders -------------------------------------------------------------------------

Result<StoredOrder> PgStore::GetOrder(const std::string& seller_id,
                                      const std::string& purchase_order_id) {
  return WithConnection([&](Connection& db) -> Result<StoredOrder> {
    Result<std::optional<StoredOrder>> order = LoadOrder(db, seller_id, purchase_order_id, false);
    if (!order.ok()) return order.status();
    if (!order->has_value()) return NotFound(purchase_order_id);
    return std::move(**order);
  });
}

Status PgStore::InsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(pg::InsertOrder(db, order));
    return Status::Ok();
  });
}

Status PgStore::UpsertOrders(const std::vector<StoredOrder>& orders) {
  for (const StoredOrder& order : orders) MP_RETURN_IF_ERROR(CheckOrderIdentity(order));
  if (orders.empty()) return Status::Ok();
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    for (const StoredOrder& order : orders) {
      Result<std::optional<StoredOrder>> previous =
          LoadOrder(db, order.seller_id, order.order.purchase_order_id, true);
      if (!previous.ok()) return previous.status();
      if (previous->has_value()) {
        StoredOrder replacement = order;
        replacement.version = (*previous)->version + 1;
        MP_RETURN_IF_ERROR(ReplaceOrder(db, **previous, replacement));
      } else {
        // Another process inserting the same new order at once makes this
        // fail with a duplicate key: the batch is refused, nothing is lost.
        MP_RETURN_IF_ERROR(pg::InsertOrder(db, order));
      }
    }
    return Status::Ok();
  });
}

Result<StoredOrder> PgStore::UpdateOrder(const std::string& seller_id,
                                         const std::string& purchase_order_id, const UpdateFn& fn) {
  StoredOrder saved;
  Status status = InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // FOR UPDATE waits for any other transaction on this order (in this or
    // another process) and then reads its committed result.
    Result<std::optional<StoredOrder>> previous = LoadOrder(db, seller_id, purchase_order_id, true);
    if (!previous.ok()) return previous.status();
    if (!previous->has_value()) return NotFound(purchase_order_id);
    Result<StoredOrder> current = RunUpdateFn(**previous, fn);
    if (!current.ok()) return current.status();
    MP_RETURN_IF_ERROR(ReplaceOrder(db, **previous, *current));
    saved = std::move(*current);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return saved;
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
