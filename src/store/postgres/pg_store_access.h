#pragma once
// Connection and transaction access for the PgStore implementation files
// (not a public header), and the order row helpers they share.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_store.h"

namespace mporders {

template <typename Fn>
auto PgStore::WithConnection(Fn&& fn) -> decltype(fn(std::declval<pg::Connection&>())) {
  Result<pg::ConnectionPool::Lease> lease = pool_->Acquire();
  if (!lease.ok()) return lease.status();
  return fn(**lease);
}

template <typename Fn>
Status PgStore::InTransaction(const char* begin, Fn&& fn, std::string* failed_sqlstate) {
  return WithConnection([&](pg::Connection& db) -> Status {
    // BEGIN goes with the transaction's first statement, and the statements
    // `fn` deferred go with COMMIT: a round trip each saved.
    db.Defer(std::string_view(begin));
    Status status = fn(db);
    if (status.ok()) status = db.Exec("COMMIT").status();
    // ROLLBACK after a failed COMMIT, or of a transaction never begun, is
    // harmless; a connection left in a transaction is never pooled again.
    if (!status.ok()) {
      if (failed_sqlstate != nullptr) *failed_sqlstate = db.sqlstate();
      db.DiscardDeferred();
      (void)db.ExecScript("ROLLBACK");
    }
    return status;
  });
}

namespace pg {

inline constexpr char kBegin[] = "BEGIN";
inline constexpr char kBeginSnapshot[] = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// Reads an order from columns (doc, last_modified, version, order_date,
// purchase_order_id, doc_hash) of `row`; the document's bytes are left
// unread when `skip_document` says so (ListRequest::skip_document).
OrderDocument DocumentFromRow(const Rows& rows, int row, const std::string& seller_id,
                              const std::function<bool(const OrderDocument&)>& skip_document = {});
Result<StoredOrder> OrderFromRow(const Rows& rows, int row, const std::string& seller_id);

// Inserts a new order and its side rows. kInvalidRequestContent when the
// seller already has it. REQUIRES: inside a transaction.
Status InsertOrder(Connection& db, const StoredOrder& order);
// Inserts new orders and their side rows, many per statement; all or none
// (a savepoint). kInvalidRequestContent naming the first order the seller
// already has, or that comes twice. REQUIRES: inside a transaction.
Status InsertOrders(Connection& db, std::span<const StoredOrder> orders);

// The net change a transaction makes to the per-hour status counts
// (schema/postgres/0006), collected as it changes status side rows and
// written as one INSERT into order_status_hour_deltas (pg_store_status_counts.cc).
class StatusCountChanges {
 public:
  // `orders` more (or, negative, fewer) orders of `seller_id` with a line in
  // `status`, of `ship_node_type`, in the hour of `order_date`.
  void Add(const std::string& seller_id, const std::string& status,
           const std::string& ship_node_type, EpochMillis order_date, std::int64_t orders);
  // Queues the INSERT with the transaction's next statement (Connection::Defer);
  // nothing when the changes cancel out.
  void Defer(Connection& db) const;
  // Runs the INSERT now.
  Status Send(Connection& db) const;

 private:
  // The INSERT's parameters; nullopt when nothing changed.
  std::optional<Params> InsertParams() const;

  using Key = std::tuple<std::string, std::string, std::string, std::int64_t>;
  std::map<Key, std::int64_t> changes_;
};

// The DELETE of one side row of each side table, as the writes prepare it
// (for the schema test's check of their plans).
std::vector<std::string_view> SideRowDeletes();

// Deletes all rows of a seller's orders. REQUIRES: inside a transaction.
Status DeleteSellerOrders(Connection& db, const std::string& seller_id);

// The outbox write of an order change (pg_store_webhooks.cc): the events
// `deriver` finds in the change, each with one delivery per ACTIVE
// subscription of its type. An event nobody subscribes to is not written.
// `deriver` may be null (nothing to write). `before` is null for a new
// order. REQUIRES: inside the change's transaction.
Status WriteOrderEvents(Connection& db, const WebhookStore::EventDeriver* deriver,
                        const StoredOrder* before, const StoredOrder& after);

}  // namespace pg
}  // namespace mporders
