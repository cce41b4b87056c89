#include "store/sqlite/order_rows.h"

#include <sqlite3.h>

#include <bit>
#include <optional>
#include <vector>

#include "store/order_index.h"
#include "store/sqlite/sql.h"

namespace mporders::sqlite {
namespace {

struct SideTable {
  const char* insert_sql;
  const char* delete_sql;
  std::vector<std::string> OrderIndexValues::*values;
  bool copies_categories;  // also holds ship_node_type and order_type
};

constexpr SideTable kSideTables[] = {
    {sql::kInsertStatusRow, sql::kDeleteStatusRow, &OrderIndexValues::statuses, true},
    {sql::kInsertProgramRow, sql::kDeleteProgramRow, &OrderIndexValues::programs, true},
    {sql::kInsertSkuRow, sql::kDeleteSkuRow, &OrderIndexValues::skus, false},
};

// Binds the parameter layout shared by kInsertOrder and kUpdateOrder.
void BindOrderRow(Statement& stmt, const StoredOrder& order, const OrderIndexValues& index,
                  const std::string& doc) {
  const Order& o = order.order;
  stmt.Bind(1, order.seller_id)
      .Bind(2, o.purchase_order_id)
      .Bind(3, o.customer_order_id)
      .Bind(4, o.order_date)
      .Bind(5, index.ship_node_type)
      .Bind(6, index.order_type)
      .Bind(7, o.shipping_info.estimated_ship_date)
      .Bind(8, order.last_modified)
      .Bind(9, order.version)
      .Bind(10, doc)
      .Bind(11, std::bit_cast<std::int64_t>(Store::DocumentHash(doc)));
}

Status InsertSideRow(Connection& db, const SideTable& table, const StoredOrder& order,
                     const OrderIndexValues& index, const std::string& value) {
  Result<Statement> insert = db.Prepare(table.insert_sql);
  if (!insert.ok()) return insert.status();
  insert->Bind(1, order.seller_id)
      .Bind(2, value)
      .Bind(3, order.order.order_date)
      .Bind(4, order.order.purchase_order_id);
  if (table.copies_categories) insert->Bind(5, index.ship_node_type).Bind(6, index.order_type);
  return insert->Run();
}

Status DeleteSideRow(Connection& db, const SideTable& table, const StoredOrder& order,
                     const std::string& value) {
  Result<Statement> remove = db.Prepare(table.delete_sql);
  if (!remove.ok()) return remove.status();
  remove->Bind(1, order.seller_id)
      .Bind(2, value)
      .Bind(3, order.order.order_date)
      .Bind(4, order.order.purchase_order_id);
  return remove->Run();
}

Status InsertSideRows(Connection& db, const StoredOrder& order, const OrderIndexValues& index) {
  for (const SideTable& table : kSideTables) {
    for (const std::string& value : index.*table.values) {
      MP_RETURN_IF_ERROR(InsertSideRow(db, table, order, index, value));
    }
  }
  return Status::Ok();
}

// Brings the side rows of `previous` in line with `order`: only the rows
// that differ are touched (ChangedSideValues).
Status UpdateSideRows(Connection& db, const StoredOrder& previous,
                      const OrderIndexValues& old_index, const StoredOrder& order,
                      const OrderIndexValues& index) {
  const bool rewrite = SideRowsRewritten(previous.order, old_index, order.order, index);
  for (const SideTable& table : kSideTables) {
    const SideValueChanges changes =
        ChangedSideValues(rewrite, old_index.*table.values, index.*table.values);
    for (const std::string* value : changes.removed) {
      MP_RETURN_IF_ERROR(DeleteSideRow(db, table, previous, *value));
    }
    for (const std::string* value : changes.added) {
      MP_RETURN_IF_ERROR(InsertSideRow(db, table, order, index, *value));
    }
  }
  return Status::Ok();
}

// The order's keys, version and change time from a row laid out as
// sql::kOrder*Column; `hash` gets the stored document hash, if any.
OrderDocument HeadFromRow(const Statement& row, const std::string& seller_id,
                          std::optional<std::uint64_t>& hash) {
  OrderDocument document;
  document.seller_id = seller_id;
  document.purchase_order_id = std::string(row.Text(sql::kOrderPurchaseOrderIdColumn));
  document.order_date = row.Int64(sql::kOrderDateColumn);
  document.last_modified = row.Int64(sql::kOrderLastModifiedColumn);
  document.version = row.Int64(sql::kOrderVersionColumn);
  hash.reset();
  if (!row.IsNull(sql::kOrderDocHashColumn)) {
    hash = std::bit_cast<std::uint64_t>(row.Int64(sql::kOrderDocHashColumn));
  }
  return document;
}

}  // namespace

OrderDocument DocumentFromRow(const Statement& row, const std::string& seller_id,
                              const std::function<bool(const OrderDocument&)>& skip_document) {
  std::optional<std::uint64_t> hash;
  OrderDocument document = HeadFromRow(row, seller_id, hash);
  Store::FillDocument(document, hash, row.Text(sql::kOrderDocColumn), skip_document);
  return document;
}

Result<OrderDocument> ListedDocumentFromRow(
    Connection& db, const Statement& row, const std::string& seller_id,
    const std::function<bool(const OrderDocument&)>& skip_document) {
  std::optional<std::uint64_t> hash;
  OrderDocument document = HeadFromRow(row, seller_id, hash);
  if (hash) {
    document.doc_hash = *hash;
    if (skip_document && skip_document(document)) {
      document.doc_skipped = true;
      return document;
    }
  }
  Result<Statement> select = db.Prepare(sql::kSelectDocumentByRowid);
  if (!select.ok()) return select.status();
  select->Bind(1, row.Int64(sql::kOrderDocColumn));
  Result<bool> found = select->Step();
  if (!found.ok()) return found.status();
  if (!*found) {
    return Status::Internal("the row of purchase order " + document.purchase_order_id +
                            " went missing within its read transaction");
  }
  // Asked once: with a stored hash, `skip_document` has had its say above.
  Store::FillDocument(document, hash, select->Text(0),
                      hash ? std::function<bool(const OrderDocument&)>() : skip_document);
  return document;
}

Result<OrderDocument> LoadOrderDocument(Connection& db, const std::string& seller_id,
                                        const std::string& purchase_order_id) {
  Result<Statement> select = db.Prepare(sql::kSelectOrder);
  if (!select.ok()) return select.status();
  select->Bind(1, seller_id).Bind(2, purchase_order_id);
  Result<bool> row = select->Step();
  if (!row.ok()) return row.status();
  if (!*row) return Status::NotFound("purchase order " + purchase_order_id + " not found");
  return DocumentFromRow(*select, seller_id);
}

Result<StoredOrder> LoadOrder(Connection& db, const std::string& seller_id,
                              const std::string& purchase_order_id) {
  Result<OrderDocument> document = LoadOrderDocument(db, seller_id, purchase_order_id);
  if (!document.ok()) return document.status();
  return Store::DecodeOrderDocument(*document);
}

Status InsertOrder(Connection& db, const StoredOrder& order, std::string& doc) {
  const OrderIndexValues index = IndexValuesOf(order.order);
  Store::EncodeOrderDocument(order.order, doc);
  {
    Result<Statement> insert = db.Prepare(sql::kInsertOrder);
    if (!insert.ok()) return insert.status();
    BindOrderRow(*insert, order, index, doc);
    const int rc = insert->StepCode();
    if (rc == SQLITE_CONSTRAINT_PRIMARYKEY || rc == SQLITE_CONSTRAINT_UNIQUE) {
      return Status::InvalidContent("purchase order " + order.order.purchase_order_id +
                                    " already exists for seller " + order.seller_id);
    }
    if (rc != SQLITE_DONE) return insert->Error(rc, sql::kInsertOrder);
  }
  return InsertSideRows(db, order, index);
}

Status ReplaceOrder(Connection& db, const StoredOrder& previous, const StoredOrder& order,
                    std::string& doc) {
  const OrderIndexValues index = IndexValuesOf(order.order);
  Store::EncodeOrderDocument(order.order, doc);
  {
    Result<Statement> update = db.Prepare(sql::kUpdateOrder);
    if (!update.ok()) return update.status();
    BindOrderRow(*update, order, index, doc);
    MP_RETURN_IF_ERROR(update->Run());
    if (db.Changes() != 1) {
      return Status::Internal("purchase order " + order.order.purchase_order_id +
                              " vanished during its update");
    }
  }
  return UpdateSideRows(db, previous, IndexValuesOf(previous.order), order, index);
}

}  // namespace mporders::sqlite
