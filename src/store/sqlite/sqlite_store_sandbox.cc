// SqliteStore: what the sandbox control API keeps in the database — each
// seller's simulated-time offset, and whole-seller replacement (reset and
// snapshot import).

#include <string>
#include <utility>

#include "store/sqlite/order_rows.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/shared_state.h"
#include "store/sqlite/sqlite_store_access.h"

namespace mporders {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::TxMode;

namespace {

constexpr char kSelectClockOffsets[] = "SELECT seller_id, offset_ms FROM sandbox_clocks";
constexpr char kUpsertClockOffset[] =
    "INSERT INTO sandbox_clocks (seller_id, offset_ms) VALUES (?1, ?2)"
    " ON CONFLICT (seller_id) DO UPDATE SET offset_ms = excluded.offset_ms";
constexpr char kDeleteClockOffset[] = "DELETE FROM sandbox_clocks WHERE seller_id = ?1";

// Every table that holds rows of a seller's orders. The side tables are
// kept in step with `orders`, so all of them go together.
constexpr const char* kDeleteSellerOrders[] = {
    "DELETE FROM order_status_idx WHERE seller_id = ?1",
    "DELETE FROM order_programs_idx WHERE seller_id = ?1",
    "DELETE FROM order_lines_idx WHERE seller_id = ?1",
    "DELETE FROM orders WHERE seller_id = ?1",
};

Status WriteClockOffset(Connection& db, const std::string& seller_id, EpochMillis offset) {
  Result<Statement> write = db.Prepare(offset == 0 ? kDeleteClockOffset : kUpsertClockOffset);
  if (!write.ok()) return write.status();
  write->Bind(1, seller_id);
  if (offset != 0) write->Bind(2, offset);
  return write->Run();
}

}  // namespace

Result<std::map<std::string, EpochMillis>> SqliteStore::ListClockOffsets() {
  return WithReader([](Connection& db) -> Result<std::map<std::string, EpochMillis>> {
    Result<Statement> select = db.Prepare(kSelectClockOffsets);
    if (!select.ok()) return select.status();
    std::map<std::string, EpochMillis> offsets;
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) return offsets;
      offsets.emplace(std::string(select->Text(0)), select->Int64(1));
    }
  });
}

Status SqliteStore::SetClockOffset(const std::string& seller_id, EpochMillis offset) {
  if (seller_id.empty()) return Status::InvalidContent("seller without an id", "sellerId");
  return WithWriter(
      [&](Connection& db) -> Status { return WriteClockOffset(db, seller_id, offset); });
}

Status SqliteStore::ReplaceSellerState(const std::string& seller_id,
                                       const std::vector<StoredOrder>& orders,
                                       EpochMillis clock_offset) {
  MP_RETURN_IF_ERROR(CheckSellerState(seller_id, orders));
  // Every order of the seller goes, whichever they are.
  sqlite::SharedState::OrderChange change = shared_->ChangeAllOrders();
  return WithWriter([&](Connection& db) -> Status {
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    for (const char* sql : kDeleteSellerOrders) {
      Result<Statement> remove = db.Prepare(sql);
      if (!remove.ok()) return remove.status();
      remove->Bind(1, seller_id);
      MP_RETURN_IF_ERROR(remove->Run());
    }
    for (const StoredOrder& order : orders) {
      MP_RETURN_IF_ERROR(sqlite::InsertOrder(db, order, doc_buffer_));
    }
    MP_RETURN_IF_ERROR(WriteClockOffset(db, seller_id, clock_offset));
    return tx->Commit();
  });
}

}  // namespace mporders
