// The per-hour status counts (schema/postgres/0006 says why writes append):
// StatusCountChanges, the changes a write appends to order_status_hour_deltas,
// and PgStore's compaction, which moves them into order_status_hour_counts.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/hour_count_plan.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/pg_store_access.h"

namespace mporders {

using pg::Connection;
using pg::Params;
using pg::Prepared;
using pg::Rows;

namespace {

// The changes as parallel arrays: one statement whatever their number, and
// the same text every time, so that a connection prepares it once.
constexpr char kAppendDeltas[] =
    "INSERT INTO order_status_hour_deltas (seller_id, status, ship_node_type, hour, orders)"
    " SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::bigint[])";

// Sent unprepared: they run about once a second, and a prepared statement
// would sit on every pooled connection that ever ran one.
constexpr char kSellersWithDeltas[] = "SELECT DISTINCT seller_id FROM order_status_hour_deltas";

// One process compacts a seller at a time: two compactions adding to the
// same counter rows in different orders could deadlock. The other process
// skips the seller instead of waiting; the deltas stay for the next round.
constexpr char kTryLockSeller[] =
    "SELECT pg_try_advisory_xact_lock(hashtextextended('order_status_hour_counts ' || $1, 0))";

// Deletes the seller's deltas this transaction sees and adds their sums to
// the counts. Deltas a concurrent write appends meanwhile are not seen, so
// they stay for the next compaction: a count reading both tables in one
// snapshot counts every change exactly once.
constexpr char kMoveSellerDeltas[] =
    "WITH moved AS (DELETE FROM order_status_hour_deltas WHERE seller_id = $1"
    " RETURNING status, ship_node_type, hour, orders)"
    " INSERT INTO order_status_hour_counts AS c (seller_id, status, ship_node_type, hour, orders)"
    " SELECT $1, status, ship_node_type, hour, sum(orders)::bigint FROM moved GROUP BY 2, 3, 4"
    " ON CONFLICT (seller_id, status, ship_node_type, hour)"
    " DO UPDATE SET orders = c.orders + EXCLUDED.orders";

}  // namespace

namespace pg {

void StatusCountChanges::Add(const std::string& seller_id, const std::string& status,
                             const std::string& ship_node_type, EpochMillis order_date,
                             std::int64_t orders) {
  // As the SQL readers compute it (bigint division).
  changes_[Key{seller_id, status, ship_node_type, order_date / kMillisPerHour}] += orders;
}

std::optional<Params> StatusCountChanges::InsertParams() const {
  std::vector<std::string> sellers, statuses, node_types, hours, orders;
  for (const auto& [key, change] : changes_) {
    if (change == 0) continue;  // a status left and came back within the hour
    const auto& [seller, status, node_type, hour] = key;
    sellers.push_back(seller);
    statuses.push_back(status);
    node_types.push_back(node_type);
    hours.push_back(std::to_string(hour));
    orders.push_back(std::to_string(change));
  }
  if (sellers.empty()) return std::nullopt;
  Params params;
  params.AddTextArray(sellers)
      .AddTextArray(statuses)
      .AddTextArray(node_types)
      .AddTextArray(hours)
      .AddTextArray(orders);
  return params;
}

void StatusCountChanges::Defer(Connection& db) const {
  if (std::optional<Params> params = InsertParams()) {
    db.Defer(Prepared{kAppendDeltas}, std::move(*params));
  }
}

Status StatusCountChanges::Send(Connection& db) const {
  std::optional<Params> params = InsertParams();
  return params ? db.Exec(Prepared{kAppendDeltas}, *params).status() : Status::Ok();
}

}  // namespace pg

Status PgStore::CompactStatusCounts() {
  Result<std::vector<std::string>> sellers =
      WithConnection([](Connection& db) -> Result<std::vector<std::string>> {
        Result<Rows> rows = db.Exec(kSellersWithDeltas);
        if (!rows.ok()) return rows.status();
        std::vector<std::string> ids;
        for (int row = 0; row < rows->size(); ++row) ids.emplace_back(rows->Text(row, 0));
        return ids;
      });
  if (!sellers.ok()) return sellers.status();
  for (const std::string& seller : *sellers) {
    MP_RETURN_IF_ERROR(InTransaction(pg::kBegin, [&](Connection& db) -> Status {
      Result<Rows> locked = db.Exec(kTryLockSeller, Params().Add(seller));
      if (!locked.ok()) return locked.status();
      if (locked->Text(0, 0) != "t") return Status::Ok();
      return db.Exec(kMoveSellerDeltas, Params().Add(seller)).status();
    }));
  }
  return Status::Ok();
}

void PgStore::CompactStatusCountsEvery(std::chrono::milliseconds interval,
                                       std::stop_token stop) {
  std::mutex mutex;
  std::condition_variable_any stopped;
  std::unique_lock lock(mutex);
  while (true) {
    // Wakes at once when `stop` is requested.
    stopped.wait_for(lock, stop, interval, [] { return false; });
    if (stop.stop_requested()) return;
    // A failure (the server briefly unreachable, say) only leaves the deltas
    // for the next round: counts stay exact, they just sum more rows.
    (void)CompactStatusCounts();
  }
}

}  // namespace mporders
