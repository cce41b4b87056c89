// PgStore: Walmart's Notifications API tables (schema/postgres/0002_webhooks.sql),
// the same contract as sqlite_store_webhooks.cc.

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <utility>

#include "store/postgres/pg_store_access.h"

namespace mporders {

using pg::Connection;
using pg::Params;
using pg::Prepared;
using pg::Rows;

namespace {

// One statement per event: the event is inserted only when the seller has an
// ACTIVE subscription of its type (most sellers subscribe to nothing: then
// nothing is written), and one delivery per such subscription, all under one
// snapshot. Subscriptions in creation order, so deliveries created together
// list in a fixed order (seq).
// $1 seller_id, $2 event_id, $3 event_type, $4 purchase_order_id, $5 payload,
// $6 created_at.
constexpr char kWriteEvent[] =
    "WITH event AS ("
    " INSERT INTO webhook_events (seller_id, event_id, event_type, purchase_order_id, payload,"
    " created_at)"
    " SELECT $1, $2, $3, $4, $5, $6::bigint WHERE EXISTS (SELECT 1 FROM webhook_subscriptions"
    " WHERE seller_id = $1 AND event_type = $3 AND status = 'ACTIVE')"
    " RETURNING seller_id, event_id, event_type, created_at)"
    " INSERT INTO webhook_deliveries (seller_id, delivery_id, event_id, subscription_id,"
    " event_type, url, status, next_attempt_at, created_at)"
    " SELECT s.seller_id, replace(gen_random_uuid()::text, '-', ''), e.event_id,"
    " s.subscription_id, s.event_type, s.event_url, 'PENDING', e.created_at, e.created_at"
    " FROM event e JOIN webhook_subscriptions s ON s.seller_id = e.seller_id"
    " AND s.event_type = e.event_type AND s.status = 'ACTIVE'"
    " ORDER BY s.created_at, s.subscription_id";

constexpr char kSubscriptionColumns[] =
    "seller_id, subscription_id, event_type, event_version, resource_name, event_url, status,"
    " auth_json, headers_json, created_at, updated_at";

constexpr char kDeliveryColumns[] =
    "d.seller_id, d.delivery_id, d.event_id, d.event_type, d.subscription_id, d.url, d.status,"
    " d.round_attempts, d.last_status_code, d.last_error, d.next_attempt_at, d.created_at,"
    " e.payload";

// A delivery is due when its next attempt is at or before the seller's time
// (wall clock $1 plus the seller's sandbox offset) and nobody's lease on it
// is still running.
constexpr char kDueCondition[] =
    " d.status IN ('PENDING', 'RETRYING')"
    " AND d.next_attempt_at <= $1::bigint + COALESCE(c.offset_ms, 0)"
    " AND (d.lease_until IS NULL OR d.lease_until < $1::bigint)";

// The sellers with due deliveries, the longest-waiting first. A plain read:
// the claim itself is made seller by seller below.
const std::string kSellersWithDueDeliveries =
    std::string(
        "SELECT d.seller_id FROM webhook_deliveries d"
        " LEFT JOIN sandbox_clocks c ON c.seller_id = d.seller_id WHERE") +
    kDueCondition + " GROUP BY d.seller_id ORDER BY min(d.next_attempt_at) LIMIT $2::bigint";

// One seller's due deliveries, locked. SKIP LOCKED passes over rows another
// transaction is claiming (in this or another process) instead of waiting
// for it; a row claimed and committed since this statement's snapshot is
// re-read under its lock and fails the lease condition. Either way no two
// claims return one delivery. Naming one seller keeps the statement on one
// shard when the tables are distributed (docs/postgres.md).
const std::string kLockDueDeliveries =
    std::string("SELECT ") + kDeliveryColumns +
    ", COALESCE(c.offset_ms, 0) FROM webhook_deliveries d"
    " JOIN webhook_events e ON e.seller_id = d.seller_id AND e.event_id = d.event_id"
    " LEFT JOIN sandbox_clocks c ON c.seller_id = d.seller_id"
    " WHERE d.seller_id = $3 AND" +
    kDueCondition + " ORDER BY d.next_attempt_at LIMIT $2::bigint FOR UPDATE OF d SKIP LOCKED";

std::string OptionalText(const Rows& rows, int row, int column) {
  return rows.IsNull(row, column) ? std::string() : std::string(rows.Text(row, column));
}

// "" is stored as NULL, as on SQLite.
Params& AddOptionalText(Params& params, const std::string& text) {
  return text.empty() ? params.AddNull() : params.Add(text);
}

Params& AddOptionalInt(Params& params, const std::optional<std::int64_t>& value) {
  return value ? params.Add(*value) : params.AddNull();
}

WebhookSubscription SubscriptionFromRow(const Rows& rows, int i) {
  WebhookSubscription out;
  out.seller_id = rows.Text(i, 0);
  out.subscription_id = rows.Text(i, 1);
  out.event_type = rows.Text(i, 2);
  out.event_version = rows.Text(i, 3);
  out.resource_name = rows.Text(i, 4);
  out.event_url = rows.Text(i, 5);
  out.status = rows.Text(i, 6);
  out.auth_json = OptionalText(rows, i, 7);
  out.headers_json = OptionalText(rows, i, 8);
  out.created_at = rows.Int64(i, 9);
  out.updated_at = rows.Int64(i, 10);
  return out;
}

DeliveryRecord DeliveryFromRow(const Rows& rows, int i) {
  DeliveryRecord out;
  out.seller_id = rows.Text(i, 0);
  out.delivery_id = rows.Text(i, 1);
  out.event_id = rows.Text(i, 2);
  out.event_type = rows.Text(i, 3);
  out.subscription_id = rows.Text(i, 4);
  out.url = rows.Text(i, 5);
  out.status = ParseDeliveryStatus(rows.Text(i, 6)).value_or(DeliveryStatus::kPending);
  out.round_attempts = static_cast<int>(rows.Int64(i, 7));
  if (!rows.IsNull(i, 8)) out.last_status_code = static_cast<int>(rows.Int64(i, 8));
  out.last_error = OptionalText(rows, i, 9);
  if (!rows.IsNull(i, 10)) out.next_attempt_at = rows.Int64(i, 10);
  out.created_at = rows.Int64(i, 11);
  out.payload = OptionalText(rows, i, 12);
  return out;
}

// Claims up to `limit` of one seller's due deliveries for `owner`, appending
// them to `claims`. REQUIRES: inside the claim's transaction.
Status ClaimSellerDeliveries(Connection& db, const std::string& seller_id, const std::string& owner,
                             EpochMillis wall_now, EpochMillis lease_ms, int limit,
                             std::vector<DeliveryClaim>& claims) {
  Result<Rows> locked = db.Exec(
      kLockDueDeliveries,
      Params().Add(std::int64_t{wall_now}).Add(static_cast<std::int64_t>(limit)).Add(seller_id));
  if (!locked.ok()) return locked.status();
  if (locked->empty()) return Status::Ok();
  std::vector<std::string> delivery_ids;
  std::vector<std::string> subscription_ids;
  const size_t first = claims.size();
  for (int i = 0; i < locked->size(); ++i) {
    DeliveryClaim claim;
    claim.delivery = DeliveryFromRow(*locked, i);
    claim.seller_offset = locked->Int64(i, 13);
    delivery_ids.push_back(claim.delivery.delivery_id);
    subscription_ids.push_back(claim.delivery.subscription_id);
    claims.push_back(std::move(claim));
  }
  Result<Rows> leased = db.Exec(
      "UPDATE webhook_deliveries SET lease_owner = $3, lease_until = $4::bigint"
      " WHERE seller_id = $1 AND delivery_id = ANY($2::text[])",
      Params()
          .Add(seller_id)
          .AddTextArray(delivery_ids)
          .Add(owner)
          .Add(std::int64_t{wall_now + lease_ms}));
  if (!leased.ok()) return leased.status();
  if (leased->Affected() != static_cast<std::int64_t>(delivery_ids.size())) {
    return Status::Internal("a locked delivery vanished during its claim");
  }
  // The subscriptions as they are now: their URL, auth and headers may have
  // changed since the event, or they may be gone.
  Result<Rows> subscriptions = db.Exec(std::string("SELECT ") + kSubscriptionColumns +
                                           " FROM webhook_subscriptions WHERE seller_id = $1"
                                           " AND subscription_id = ANY($2::text[])",
                                       Params().Add(seller_id).AddTextArray(subscription_ids));
  if (!subscriptions.ok()) return subscriptions.status();
  std::map<std::string, WebhookSubscription> by_id;
  for (int i = 0; i < subscriptions->size(); ++i) {
    WebhookSubscription subscription = SubscriptionFromRow(*subscriptions, i);
    std::string id = subscription.subscription_id;
    by_id.emplace(std::move(id), std::move(subscription));
  }
  for (size_t i = first; i < claims.size(); ++i) {
    auto found = by_id.find(claims[i].delivery.subscription_id);
    if (found != by_id.end()) claims[i].subscription = found->second;
  }
  return Status::Ok();
}

}  // namespace

namespace pg {

Status WriteOrderEvents(Connection& db, const WebhookStore::EventDeriver* deriver,
                        const StoredOrder* before, const StoredOrder& after) {
  if (deriver == nullptr || !*deriver) return Status::Ok();
  // Sent with the transaction's COMMIT, whose failure they become.
  for (const OutboxEvent& event : (*deriver)(before, after)) {
    db.Defer(Prepared{kWriteEvent}, Params()
                                        .Add(after.seller_id)
                                        .Add(event.event_id)
                                        .Add(event.event_type)
                                        .Add(event.purchase_order_id)
                                        .Add(event.payload)
                                        .Add(std::int64_t{event.created_at}));
  }
  return Status::Ok();
}

}  // namespace pg

std::shared_ptr<const WebhookStore::EventDeriver> PgStore::Deriver() const {
  std::lock_guard<std::mutex> lock(deriver_mutex_);
  return event_deriver_;
}

void PgStore::SetEventDeriver(EventDeriver deriver) {
  std::lock_guard<std::mutex> lock(deriver_mutex_);
  event_deriver_ = deriver ? std::make_shared<const EventDeriver>(std::move(deriver)) : nullptr;
}

Status PgStore::InsertSubscriptions(const std::vector<WebhookSubscription>& subscriptions) {
  if (subscriptions.empty()) return Status::Ok();
  std::set<std::string> sellers;
  for (const WebhookSubscription& s : subscriptions) sellers.insert(s.seller_id);
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // The duplicate check reads rows that do not exist yet: two processes
    // subscribing one seller at once take turns (a lock per seller, held to
    // the commit; taken in order, so two batches never wait on each other).
    for (const std::string& seller_id : sellers) {
      Result<Rows> locked = db.Exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                                    Params().Add("webhook_subscriptions/" + seller_id));
      if (!locked.ok()) return locked.status();
    }
    for (const WebhookSubscription& s : subscriptions) {
      Result<Rows> exists = db.Exec(
          "SELECT subscription_id FROM webhook_subscriptions"
          " WHERE seller_id = $1 AND event_type = $2 AND event_url = $3 LIMIT 1",
          Params().Add(s.seller_id).Add(s.event_type).Add(s.event_url));
      if (!exists.ok()) return exists.status();
      if (!exists->empty()) {
        return Status::InvalidContent("a subscription of " + s.event_type + " to " + s.event_url +
                                          " already exists: " + std::string(exists->Text(0, 0)),
                                      "eventType");
      }
      Params params;
      params.Add(s.seller_id)
          .Add(s.subscription_id)
          .Add(s.event_type)
          .Add(s.event_version)
          .Add(s.resource_name)
          .Add(s.event_url)
          .Add(s.status);
      AddOptionalText(params, s.auth_json);
      AddOptionalText(params, s.headers_json);
      params.Add(std::int64_t{s.created_at}).Add(std::int64_t{s.updated_at});
      Result<Rows> inserted =
          db.Exec(std::string("INSERT INTO webhook_subscriptions (") + kSubscriptionColumns +
                      ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                  params);
      if (!inserted.ok()) return inserted.status();
    }
    return Status::Ok();
  });
}

Result<std::vector<WebhookSubscription>> PgStore::ListSubscriptions(const std::string& seller_id) {
  return WithConnection([&](Connection& db) -> Result<std::vector<WebhookSubscription>> {
    Result<Rows> rows = db.Exec(std::string("SELECT ") + kSubscriptionColumns +
                                    " FROM webhook_subscriptions WHERE seller_id = $1"
                                    " ORDER BY created_at, subscription_id",
                                Params().Add(seller_id));
    if (!rows.ok()) return rows.status();
    std::vector<WebhookSubscription> out;
    for (int i = 0; i < rows->size(); ++i) out.push_back(SubscriptionFromRow(*rows, i));
    return out;
  });
}

Status PgStore::UpdateSubscription(const WebhookSubscription& s) {
  return WithConnection([&](Connection& db) -> Status {
    Params params;
    params.Add(s.seller_id)
        .Add(s.subscription_id)
        .Add(s.event_version)
        .Add(s.event_url)
        .Add(s.status);
    AddOptionalText(params, s.auth_json);
    AddOptionalText(params, s.headers_json);
    params.Add(std::int64_t{s.updated_at});
    Result<Rows> updated = db.Exec(
        "UPDATE webhook_subscriptions SET event_version = $3, event_url = $4, status = $5,"
        " auth_json = $6, headers_json = $7, updated_at = $8::bigint"
        " WHERE seller_id = $1 AND subscription_id = $2",
        params);
    if (!updated.ok()) return updated.status();
    if (updated->Affected() == 0) return Status::NotFound("no subscription " + s.subscription_id);
    return Status::Ok();
  });
}

Status PgStore::DeleteSubscription(const std::string& seller_id,
                                   const std::string& subscription_id) {
  return WithConnection([&](Connection& db) -> Status {
    Result<Rows> removed =
        db.Exec("DELETE FROM webhook_subscriptions WHERE seller_id = $1 AND subscription_id = $2",
                Params().Add(seller_id).Add(subscription_id));
    if (!removed.ok()) return removed.status();
    if (removed->Affected() == 0) return Status::NotFound("no subscription " + subscription_id);
    return Status::Ok();
  });
}

Result<std::vector<DeliveryClaim>> PgStore::ClaimDueDeliveries(const std::string& owner,
                                                               EpochMillis wall_now,
                                                               EpochMillis lease_ms, int limit) {
  std::vector<DeliveryClaim> claims;
  if (limit <= 0) return claims;
  Status status = InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    claims.clear();
    Result<Rows> sellers =
        db.Exec(kSellersWithDueDeliveries,
                Params().Add(std::int64_t{wall_now}).Add(static_cast<std::int64_t>(limit)));
    if (!sellers.ok()) return sellers.status();
    for (int i = 0; i < sellers->size() && static_cast<int>(claims.size()) < limit; ++i) {
      MP_RETURN_IF_ERROR(ClaimSellerDeliveries(db, std::string(sellers->Text(i, 0)), owner,
                                               wall_now, lease_ms,
                                               limit - static_cast<int>(claims.size()), claims));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return claims;
}

Status PgStore::RecordAttempt(const std::string& seller_id, const std::string& delivery_id,
                              const std::string& owner, const AttemptOutcome& outcome) {
  auto status_code = [](const std::optional<int>& code) {
    return code ? std::optional<std::int64_t>(*code) : std::nullopt;
  };
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // Only the claim's owner records, and its update locks the delivery row:
    // the attempt number below cannot race.
    Params update;
    update.Add(seller_id).Add(delivery_id).Add(owner).Add(DeliveryStatusName(outcome.status));
    AddOptionalInt(update, status_code(outcome.attempt.status_code));
    AddOptionalText(update, outcome.attempt.error);
    AddOptionalInt(update, outcome.next_attempt_at);
    update.Add(outcome.url);
    Result<Rows> updated = db.Exec(
        "UPDATE webhook_deliveries SET status = $4, round_attempts = round_attempts + 1,"
        " last_status_code = $5::integer, last_error = $6, next_attempt_at = $7::bigint,"
        " url = $8, lease_owner = NULL, lease_until = NULL"
        " WHERE seller_id = $1 AND delivery_id = $2 AND lease_owner = $3",
        update);
    if (!updated.ok()) return updated.status();
    if (updated->Affected() == 0) {
      return Status::NotFound("the claim of delivery " + delivery_id + " was lost");
    }
    Params insert;
    insert.Add(seller_id).Add(delivery_id).Add(std::int64_t{outcome.attempt.at});
    AddOptionalInt(insert, status_code(outcome.attempt.status_code));
    AddOptionalText(insert, outcome.attempt.error);
    insert.Add(std::int64_t{outcome.attempt.duration_ms});
    Result<Rows> inserted = db.Exec(
        "INSERT INTO webhook_attempts (seller_id, delivery_id, attempt, at, status_code, error,"
        " duration_ms) SELECT $1, $2, COALESCE(MAX(attempt), 0) + 1, $3::bigint, $4::integer,"
        " $5, $6::bigint FROM webhook_attempts WHERE seller_id = $1 AND delivery_id = $2",
        insert);
    return inserted.status();
  });
}

Result<std::vector<DeliveryRecord>> PgStore::ListDeliveries(const DeliveryQuery& query) {
  std::vector<DeliveryRecord> out;
  // One snapshot: the attempts belong to the deliveries as listed.
  Status status = InTransaction(pg::kBeginSnapshot, [&](Connection& db) -> Status {
    out.clear();
    Params params;
    params.Add(query.seller_id);
    if (query.status) {
      params.Add(DeliveryStatusName(*query.status));
    } else {
      params.AddNull();
    }
    params.AddOptional(query.event_type).Add(static_cast<std::int64_t>(query.limit));
    Result<Rows> rows = db.Exec(
        std::string("SELECT ") + kDeliveryColumns +
            " FROM webhook_deliveries d"
            " JOIN webhook_events e ON e.seller_id = d.seller_id AND e.event_id = d.event_id"
            " WHERE d.seller_id = $1 AND ($2::text IS NULL OR d.status = $2::text)"
            " AND ($3::text IS NULL OR d.event_type = $3::text)"
            " ORDER BY d.created_at DESC, d.seq DESC LIMIT $4::bigint",
        params);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Ok();
    std::map<std::string, size_t> index;
    std::vector<std::string> ids;
    for (int i = 0; i < rows->size(); ++i) {
      out.push_back(DeliveryFromRow(*rows, i));
      index.emplace(out.back().delivery_id, out.size() - 1);
      ids.push_back(out.back().delivery_id);
    }
    Result<Rows> attempts = db.Exec(
        "SELECT delivery_id, attempt, at, status_code, error, duration_ms FROM webhook_attempts"
        " WHERE seller_id = $1 AND delivery_id = ANY($2::text[]) ORDER BY delivery_id, attempt",
        Params().Add(query.seller_id).AddTextArray(ids));
    if (!attempts.ok()) return attempts.status();
    for (int i = 0; i < attempts->size(); ++i) {
      auto owner = index.find(std::string(attempts->Text(i, 0)));
      if (owner == index.end()) continue;
      DeliveryAttempt attempt;
      attempt.attempt = static_cast<int>(attempts->Int64(i, 1));
      attempt.at = attempts->Int64(i, 2);
      if (!attempts->IsNull(i, 3)) attempt.status_code = static_cast<int>(attempts->Int64(i, 3));
      attempt.error = OptionalText(*attempts, i, 4);
      attempt.duration_ms = attempts->Int64(i, 5);
      out[owner->second].attempts.push_back(std::move(attempt));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return out;
}

Status PgStore::ReplayDelivery(const std::string& seller_id, const std::string& delivery_id,
                               EpochMillis seller_now) {
  return WithConnection([&](Connection& db) -> Status {
    Result<Rows> updated = db.Exec(
        "UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0,"
        " next_attempt_at = $3::bigint WHERE seller_id = $1 AND delivery_id = $2",
        Params().Add(seller_id).Add(delivery_id).Add(std::int64_t{seller_now}));
    if (!updated.ok()) return updated.status();
    if (updated->Affected() == 0) return Status::NotFound("no delivery " + delivery_id);
    return Status::Ok();
  });
}

Result<std::int64_t> PgStore::ReplayFailedDeliveries(const std::string& seller_id,
                                                     EpochMillis seller_now) {
  return WithConnection([&](Connection& db) -> Result<std::int64_t> {
    Result<Rows> updated = db.Exec(
        "UPDATE webhook_deliveries SET status = 'PENDING', round_attempts = 0,"
        " next_attempt_at = $2::bigint WHERE seller_id = $1 AND status = 'FAILED'",
        Params().Add(seller_id).Add(std::int64_t{seller_now}));
    if (!updated.ok()) return updated.status();
    return updated->Affected();
  });
}

Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> PgStore::CountDeliveries() {
  return WithConnection(
      [](Connection& db) -> Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> {
        Result<Rows> rows =
            db.Exec("SELECT status, count(*) FROM webhook_deliveries GROUP BY status");
        if (!rows.ok()) return rows.status();
        std::vector<std::pair<DeliveryStatus, std::int64_t>> out;
        for (int i = 0; i < rows->size(); ++i) {
          if (auto status = ParseDeliveryStatus(rows->Text(i, 0))) {
            out.emplace_back(*status, rows->Int64(i, 1));
          }
        }
        return out;
      });
}

}  // namespace mporders
