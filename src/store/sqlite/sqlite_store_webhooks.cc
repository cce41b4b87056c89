// SqliteStore: Walmart's Notifications API tables (schema 0007_webhooks.sql).

#include <string>
#include <utility>

#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_store_access.h"
#include "store/sqlite/webhook_rows.h"

namespace mporders {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::TxMode;

namespace {

constexpr char kActiveSubscriptionCount[] =
    "SELECT count(*) FROM webhook_subscriptions"
    " WHERE seller_id = ?1 AND event_type = ?2 AND status = 'ACTIVE'";
constexpr char kInsertEvent[] =
    "INSERT INTO webhook_events (seller_id, event_id, event_type, purchase_order_id, payload,"
    " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kFanOut[] =
    "INSERT INTO webhook_deliveries (seller_id, delivery_id, event_id, subscription_id,"
    " event_type, url, status, next_attempt_at, created_at)"
    " SELECT seller_id, lower(hex(randomblob(16))), ?2, subscription_id, event_type, event_url,"
    " 'PENDING', ?3, ?3 FROM webhook_subscriptions"
    " WHERE seller_id = ?1 AND event_type = ?4 AND status = 'ACTIVE'";

constexpr char kSubscriptionColumns[] =
    "seller_id, subscription_id, event_type, event_version, resource_name, event_url, status,"
    " auth_json, headers_json, created_at, updated_at";

constexpr char kDeliveryColumns[] =
    "d.seller_id, d.delivery_id, d.event_id, d.event_type, d.subscription_id, d.url, d.status,"
    " d.round_attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at,"
    " e.payload";

std::string OptionalText(const Statement& row, int column) {
  return row.IsNull(column) ? std::string() : std::string(row.Text(column));
}

WebhookSubscription ReadSubscription(const Statement& row, int first = 0) {
  WebhookSubscription out;
  out.seller_id = row.Text(first + 0);
  out.subscription_id = row.Text(first + 1);
  out.event_type = row.Text(first + 2);
  out.event_version = row.Text(first + 3);
  out.resource_name = row.Text(first + 4);
  out.event_url = row.Text(first + 5);
  out.status = row.Text(first + 6);
  out.auth_json = OptionalText(row, first + 7);
  out.headers_json = OptionalText(row, first + 8);
  out.created_at = row.Int64(first + 9);
  out.updated_at = row.Int64(first + 10);
  return out;
}

DeliveryRecord ReadDelivery(const Statement& row) {
  DeliveryRecord out;
  out.seller_id = row.Text(0);
  out.delivery_id = row.Text(1);
  out.event_id = row.Text(2);
  out.event_type = row.Text(3);
  out.subscription_id = row.Text(4);
  out.url = row.Text(5);
  out.status = ParseDeliveryStatus(row.Text(6)).value_or(DeliveryStatus::kPending);
  out.round_attempts = static_cast<int>(row.Int64(7));
  if (!row.IsNull(8)) out.last_status_code = static_cast<int>(row.Int64(8));
  out.last_error = OptionalText(row, 9);
  if (!row.IsNull(10)) out.next_attempt_at = row.Int64(10);
  out.created_at = row.Int64(11);
  out.payload = OptionalText(row, 12);
  return out;
}

void BindOptionalText(Statement& statement, int index, const std::string& text) {
  if (text.empty()) {
    statement.BindNull(index);
  } else {
    statement.Bind(index, text);
  }
}

Status LoadAttempts(Connection& db, DeliveryRecord& delivery) {
  Result<Statement> select = db.Prepare(
      "SELECT attempt, at, status_code, error, duration_ms FROM webhook_attempts"
      " WHERE seller_id = ?1 AND delivery_id = ?2 ORDER BY attempt");
  if (!select.ok()) return select.status();
  select->Bind(1, delivery.seller_id).Bind(2, delivery.delivery_id);
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
    DeliveryAttempt attempt;
    attempt.attempt = static_cast<int>(select->Int64(0));
    attempt.at = select->Int64(1);
    if (!select->IsNull(2)) attempt.status_code = static_cast<int>(select->Int64(2));
    attempt.error = OptionalText(*select, 3);
    attempt.duration_ms = select->Int64(4);
    delivery.attempts.push_back(std::move(attempt));
  }
}

}  // namespace

namespace sqlite {

Status WriteOrderEvents(Connection& db, const WebhookStore::EventDeriver& deriver,
                        const StoredOrder* before, const StoredOrder& after) {
  if (!deriver) return Status::Ok();
  for (const OutboxEvent& event : deriver(before, after)) {
    // Most sellers subscribe to nothing: one indexed count, nothing written.
    Result<Statement> count = db.Prepare(kActiveSubscriptionCount);
    if (!count.ok()) return count.status();
    count->Bind(1, after.seller_id).Bind(2, event.event_type);
    Result<bool> row = count->Step();
    if (!row.ok()) return row.status();
    if (!*row || count->Int64(0) == 0) continue;
    Result<Statement> insert = db.Prepare(kInsertEvent);
    if (!insert.ok()) return insert.status();
    insert->Bind(1, after.seller_id)
        .Bind(2, event.event_id)
        .Bind(3, event.event_type)
        .Bind(4, event.purchase_order_id)
        .Bind(5, event.payload)
        .Bind(6, event.created_at);
    MP_RETURN_IF_ERROR(insert->Run());
    Result<Statement> fan_out = db.Prepare(kFanOut);
    if (!fan_out.ok()) return fan_out.status();
    fan_out->Bind(1, after.seller_id)
        .Bind(2, event.event_id)
        .Bind(3, event.created_at)
        .Bind(4, event.event_type);
    MP_RETURN_IF_ERROR(fan_out->Run());
  }
  return Status::Ok();
}

}  // namespace sqlite

void SqliteStore::SetEventDeriver(EventDeriver deriver) {
  std::lock_guard<std::mutex> lock(writer_mutex_);
  event_deriver_ = std::move(deriver);
}

Status SqliteStore::InsertSubscriptions(const std::vector<WebhookSubscription>& subscriptions) {
  return WithWriter([&](Connection& db) -> Status {
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    for (const WebhookSubscription& s : subscriptions) {
      Result<Statement> exists = db.Prepare(
          "SELECT subscription_id FROM webhook_subscriptions"
          " WHERE seller_id = ?1 AND event_type = ?2 AND event_url = ?3");
      if (!exists.ok()) return exists.status();
      exists->Bind(1, s.seller_id).Bind(2, s.event_type).Bind(3, s.event_url);
      Result<bool> row = exists->Step();
      if (!row.ok()) return row.status();
      if (*row) {
        return Status::InvalidContent("a subscription of " + s.event_type + " to " + s.event_url +
                                          " already exists: " + std::string(exists->Text(0)),
                                      "eventType");
      }
      Result<Statement> insert =
          db.Prepare(std::string("INSERT INTO webhook_subscriptions (") + kSubscriptionColumns +
                     ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
      if (!insert.ok()) return insert.status();
      insert->Bind(1, s.seller_id)
          .Bind(2, s.subscription_id)
          .Bind(3, s.event_type)
          .Bind(4, s.event_version)
          .Bind(5, s.resource_name)
          .Bind(6, s.event_url)
          .Bind(7, s.status);
      BindOptionalText(*insert, 8, s.auth_json);
      BindOptionalText(*insert, 9, s.headers_json);
      insert->Bind(10, s.created_at).Bind(11, s.updated_at);
      MP_RETURN_IF_ERROR(insert->Run());
    }
    return tx->Commit();
  });
}

Result<std::vector<WebhookSubscription>> SqliteStore::ListSubscriptions(
    const std::string& seller_id) {
  return WithReader([&](Connection& db) -> Result<std::vector<WebhookSubscription>> {
    Result<Statement> select =
        db.Prepare(std::string("SELECT ") + kSubscriptionColumns +
                   " FROM webhook_subscriptions WHERE seller_id = ?1 ORDER BY created_at, "
                   "subscription_id");
    if (!select.ok()) return select.status();
    select->Bind(1, seller_id);
    std::vector<WebhookSubscription> out;
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) return out;
      out.push_back(ReadSubscription(*select));
    }
  });
}

Status SqliteStore::UpdateSubscription(const WebhookSubscription& s) {
  return WithWriter([&](Connection& db) -> Status {
    Result<Statement> update = db.Prepare(
        "UPDATE webhook_subscriptions SET event_version = ?3, event_url = ?4, status = ?5,"
        " auth_json = ?6, headers_json = ?7, updated_at = ?8"
        " WHERE seller_id = ?1 AND subscription_id = ?2");
    if (!update.ok()) return update.status();
    update->Bind(1, s.seller_id)
        .Bind(2, s.subscription_id)
        .Bind(3, s.event_version)
        .Bind(4, s.event_url)
        .Bind(5, s.status);
    BindOptionalText(*update, 6, s.auth_json);
    BindOptionalText(*update, 7, s.headers_json);
    update->Bind(8, s.updated_at);
    MP_RETURN_IF_ERROR(update->Run());
    if (db.Changes() == 0) {
      return Status::NotFound("no subscription " + s.subscription_id);
    }
    return Status::Ok();
  });
}

Status SqliteStore::DeleteSubscription(const std::string& seller_id,
                                       const std::string& subscription_id) {
  return WithWriter([&](Connection& db) -> Status {
    Result<Statement> remove = db.Prepare(
        "DELETE FROM webhook_subscriptions WHERE seller_id = ?1 AND subscription_id = ?2");
    if (!remove.ok()) return remove.status();
    remove->Bind(1, seller_id).Bind(2, subscription_id);
    MP_RETURN_IF_ERROR(remove->Run());
    if (db.Changes() == 0) {
      return Status::NotFound("no subscription " + subscription_id);
    }
    return Status::Ok();
  });
}

Result<std::vector<DeliveryClaim>> SqliteStore::ClaimDueDeliveries(const std::string& owner,
                                                                   EpochMillis wall_now,
                                                                   EpochMillis lease_ms,
                                                                   int limit) {
  return WithWriter([&](Connection& db) -> Result<std::vector<DeliveryClaim>> {
    // BEGIN IMMEDIATE: the select and the lease update are one step for
    // every process on this database.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    Result<Statement> select =
        db.Prepare(std::string("SELECT ") + kDeliveryColumns +
                   ", COALESCE(c.offset_ms, 0) FROM webhook_deliveries d"
                   " JOIN webhook_events e ON e.seller_id = d.seller_id AND e.event_id = d.event_id"
                   " LEFT JOIN sandbox_clocks c ON c.seller_id = d.seller_id"
                   " WHERE d.status IN ('PENDING', 'RETRYING')"
                   " AND d.next_attempt_at <= ?1 + COALESCE(c.offset_ms, 0)"
                   " AND (d.lease_until IS NULL OR d.lease_until < ?1)"
                   " ORDER BY d.next_attempt_at LIMIT ?2");
    if (!select.ok()) return select.status();
    select->Bind(1, wall_now).Bind(2, static_cast<std::int64_t>(limit));
    std::vector<DeliveryClaim> claims;
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      DeliveryClaim claim;
      claim.delivery = ReadDelivery(*select);
      claim.seller_offset = select->Int64(13);
      claims.push_back(std::move(claim));
    }
    for (DeliveryClaim& claim : claims) {
      Result<Statement> lease = db.Prepare(
          "UPDATE webhook_deliveries SET lease_owner = ?3, lease_until = ?4"
          " WHERE seller_id = ?1 AND delivery_id = ?2");
      if (!lease.ok()) return lease.status();
      lease->Bind(1, claim.delivery.seller_id)
          .Bind(2, claim.delivery.delivery_id)
          .Bind(3, owner)
          .Bind(4, wall_now + lease_ms);
      MP_RETURN_IF_ERROR(lease->Run());
      Result<Statement> subscription =
          db.Prepare(std::string("SELECT ") + kSubscriptionColumns +
                     " FROM webhook_subscriptions WHERE seller_id = ?1 AND subscription_id = ?2");
      if (!subscription.ok()) return subscription.status();
      subscription->Bind(1, claim.delivery.seller_id).Bind(2, claim.delivery.subscription_id);
      Result<bool> found = subscription->Step();
      if (!found.ok()) return found.status();
      if (*found) claim.subscription = ReadSubscription(*subscription);
    }
    MP_RETURN_IF_ERROR(tx->Commit());
    return claims;
  });
}

Status SqliteStore::RecordAttempt(const std::string& seller_id, const std::string& delivery_id,
                                  const std::string& owner, const AttemptOutcome& outcome) {
  return WithWriter([&](Connection& db) -> Status {
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    Result<Statement> update = db.Prepare(
        "UPDATE webhook_deliveries SET status = ?4, round_attempts = round_attempts + 1,"
        " last_status_code = ?5, last_error = ?6, next_attempt_at = ?7, url = ?8,"
        " lease_owner = NULL, lease_until = NULL"
        " WHERE seller_id = ?1 AND delivery_id = ?2 AND lease_owner = ?3");
    if (!update.ok()) return update.status();
    update->Bind(1, seller_id)
        .Bind(2, delivery_id)
        .Bind(3, owner)
        .Bind(4, DeliveryStatusName(outcome.status));
    if (outcome.attempt.status_code) {
      update->Bind(5, static_cast<std::int64_t>(*outcome.attempt.status_code));
    } else {
      update->BindNull(5);
    }
    BindOptionalText(*update, 6, outcome.attempt.error);
    if (outcome.next_attempt_at) {
      update->Bind(7, *outcome.next_attempt_at);
    } else {
      update->BindNull(7);
    }
    update->Bind(8, outcome.url);
    MP_RETURN_IF_ERROR(update->Run());
    if (db.Changes() == 0)
      return Status::NotFound("the claim of delivery " + delivery_id + " was lost");
    Result<Statement> insert = db.Prepare(
        "INSERT INTO webhook_attempts (seller_id, delivery_id, attempt, at, status_code, error,"
        " duration_ms) SELECT ?1, ?2, COALESCE(MAX(attempt), 0) + 1, ?3, ?4, ?5, ?6"
        " FROM webhook_attempts WHERE seller_id = ?1 AND delivery_id = ?2");
    if (!insert.ok()) return insert.status();
    insert->Bind(1, seller_id).Bind(2, delivery_id).Bind(3, outcome.attempt.at);
    if (outcome.attempt.status_code) {
      insert->Bind(4, static_cast<std::int64_t>(*outcome.attempt.status_code));
    } else {
      insert->BindNull(4);
    }
    BindOptionalText(*insert, 5, outcome.attempt.error);
    insert->Bind(6, outcome.attempt.duration_ms);
    MP_RETURN_IF_ERROR(insert->Run());
    return tx->Commit();
  });
}

Result<std::vector<DeliveryRecord>> SqliteStore::ListDeliveries(const DeliveryQuery& query) {
  return WithReader([&](Connection& db) -> Result<std::vector<DeliveryRecord>> {
    Result<Statement> select =
        db.Prepare(std::string("SELECT ") + kDeliveryColumns +
                   " FROM webhook_deliveries d"
                   " JOIN webhook_events e ON e.seller_id = d.seller_id AND e.event_id = d.event_id"
                   " WHERE d.seller_id = ?1 AND (?2 IS NULL OR d.status = ?2)"
                   " AND (?3 IS NULL OR d.event_type = ?3)"
                   " ORDER BY d.created_at DESC, d.rowid DESC LIMIT ?4");
    if (!select.ok()) return select.status();
    select->Bind(1, query.seller_id);
    if (query.status) {
      select->Bind(2, DeliveryStatusName(*query.status));
    } else {
      select->BindNull(2);
    }
    if (query.event_type) {
      select->Bind(3, *query.event_type);
    } else {
      select->BindNull(3);
    }
    select->Bind(4, static_cast<std::int64_t>(query.limit));
    std::vector<DeliveryRecord> out;
    for (;;) {
      Result<bool> row = select->Step();
      if (!row.ok()) return row.status();
      if (!*row) break;
      out.push_back(ReadDelivery(*select));
    }
    for (DeliveryRecord& delivery : out) MP_RETURN_IF_ERROR(LoadAttempts(db, delivery));
    return out;
  });
}

Status SqliteStore::ReplayDelivery(const std::string& seller_id, const std::string& delivery_id,
                                   EpochMillis seller_now) {
  return WithWriter([&](Connection& db) -> Status {
    Result<Statement> update = db.Prepare(
        "UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0,"
        " next_attempt_at = ?3 WHERE seller_id = ?1 AND delivery_id = ?2");
    if (!update.ok()) return update.status();
    update->Bind(1, seller_id).Bind(2, delivery_id).Bind(3, seller_now);
    MP_RETURN_IF_ERROR(update->Run());
    if (db.Changes() == 0) return Status::NotFound("no delivery " + delivery_id);
    return Status::Ok();
  });
}

Result<std::int64_t> SqliteStore::ReplayFailedDeliveries(const std::string& seller_id,
                                                         EpochMillis seller_now) {
  return WithWriter([&](Connection& db) -> Result<std::int64_t> {
    Result<Statement> update = db.Prepare(
        "UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0,"
        " next_attempt_at = ?2 WHERE seller_id = ?1 AND status = 'FAILED'");
    if (!update.ok()) return update.status();
    update->Bind(1, seller_id).Bind(2, seller_now);
    MP_RETURN_IF_ERROR(update->Run());
    return db.Changes();
  });
}

Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> SqliteStore::CountDeliveries() {
  return WithReader(
      [&](Connection& db) -> Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> {
        Result<Statement> select =
            db.Prepare("SELECT status, count(*) FROM webhook_deliveries GROUP BY status");
        if (!select.ok()) return select.status();
        std::vector<std::pair<DeliveryStatus, std::int64_t>> out;
        for (;;) {
          Result<bool> row = select->Step();
          if (!row.ok()) return row.status();
          if (!*row) return out;
          if (auto status = ParseDeliveryStatus(select->Text(0))) {
            out.emplace_back(*status, select->Int64(1));
          }
        }
      });
}

}  // namespace mporders
