// PgStore: sellers, API clients, settings and the sandbox's state.

#include <utility>

#include "store/postgres/pg_store_access.h"

namespace mporders {

using pg::Connection;
using pg::Params;
using pg::Rows;

namespace {

constexpr char kSellerColumns[] = "SELECT seller_id, name, created_at, market FROM sellers";
constexpr char kClientColumns[] =
    "SELECT client_id, seller_id, secret_hash, secret_salt, created_at, revoked_at, kind,"
    " public_key_pem FROM clients";
constexpr char kSellerKind[] = "seller";
constexpr char kProviderKind[] = "provider";

Seller SellerFromRow(const Rows& rows, int i) {
  return Seller{std::string(rows.Text(i, 0)), std::string(rows.Text(i, 1)), rows.Int64(i, 2),
                ParseMarketCode(rows.Text(i, 3)).value_or(MarketId::kUs)};
}

ClientRecord ClientFromRow(const Rows& rows, int i) {
  ClientRecord client;
  client.client_id = std::string(rows.Text(i, 0));
  client.seller_id = std::string(rows.Text(i, 1));  // NULL (provider) reads as empty
  client.secret_hash = std::string(rows.Text(i, 2));
  client.secret_salt = std::string(rows.Text(i, 3));
  client.created_at = rows.Int64(i, 4);
  if (!rows.IsNull(i, 5)) client.revoked_at = rows.Int64(i, 5);
  client.kind = rows.Text(i, 6) == kProviderKind ? ClientKind::kProvider : ClientKind::kSeller;
  if (!rows.IsNull(i, 7)) client.public_key_pem = std::string(rows.Text(i, 7));
  return client;
}

Status ClientNotFound(const std::string& client_id) {
  return Status::NotFound("client " + client_id + " not found");
}

Status WriteClockOffset(Connection& db, const std::string& seller_id, EpochMillis offset) {
  Result<Rows> done =
      offset == 0
          ? db.Exec("DELETE FROM sandbox_clocks WHERE seller_id = $1", Params().Add(seller_id))
          : db.Exec(
                "INSERT INTO sandbox_clocks (seller_id, offset_ms) VALUES ($1, $2)"
                " ON CONFLICT (seller_id) DO UPDATE SET offset_ms = excluded.offset_ms",
                Params().Add(seller_id).Add(std::int64_t{offset}));
  return done.status();
}

}  // namespace

// --- sellers ------------------------------------------------------------------------

Status PgStore::PutSeller(const Seller& seller) {
  if (seller.seller_id.empty()) return Status::InvalidContent("seller without an id", "sellerId");
  return WithConnection([&](Connection& db) -> Status {
    return db
        .Exec(
            "INSERT INTO sellers (seller_id, name, created_at, market) VALUES ($1, $2, $3, $4)"
            " ON CONFLICT (seller_id) DO NOTHING",
            Params()
                .Add(seller.seller_id)
                .Add(seller.name)
                .Add(std::int64_t{seller.created_at})
                .Add(MarketCode(seller.market)))
        .status();
  });
}

Result<Seller> PgStore::GetSeller(const std::string& seller_id) {
  return WithConnection([&](Connection& db) -> Result<Seller> {
    Result<Rows> rows =
        db.Exec(std::string(kSellerColumns) + " WHERE seller_id = $1", Params().Add(seller_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::NotFound("seller " + seller_id + " not found");
    return SellerFromRow(*rows, 0);
  });
}

Result<std::vector<Seller>> PgStore::ListSellers() {
  return WithConnection([](Connection& db) -> Result<std::vector<Seller>> {
    Result<Rows> rows = db.Exec(std::string(kSellerColumns) + " ORDER BY seller_id");
    if (!rows.ok()) return rows.status();
    std::vector<Seller> sellers;
    for (int i = 0; i < rows->size(); ++i) sellers.push_back(SellerFromRow(*rows, i));
    return sellers;
  });
}

// --- clients ------------------------------------------------------------------------

Status PgStore::AddClient(const ClientRecord& client) {
  MP_RETURN_IF_ERROR(CheckNewClient(client));
  const bool provider = client.kind == ClientKind::kProvider;
  return WithConnection([&](Connection& db) -> Status {
    Params params;
    params.Add(client.client_id);
    if (provider) {
      params.AddNull();
    } else {
      params.Add(client.seller_id);
    }
    params.Add(client.secret_hash)
        .Add(client.secret_salt)
        .Add(std::int64_t{client.created_at})
        .AddOptional(client.revoked_at)
        .Add(provider ? kProviderKind : kSellerKind)
        .AddOptional(client.public_key_pem);
    Result<Rows> inserted = db.Exec(
        "INSERT INTO clients (client_id, seller_id, secret_hash, secret_salt, created_at,"
        " revoked_at, kind, public_key_pem) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        params);
    if (inserted.ok()) return Status::Ok();
    if (db.sqlstate() == pg::kUniqueViolation) {
      return Status::InvalidContent("client id " + client.client_id + " is taken", "clientId");
    }
    if (db.sqlstate() == pg::kForeignKeyViolation) {
      return Status::InvalidContent("unknown seller " + client.seller_id, "sellerId");
    }
    return inserted.status();
  });
}

Result<ClientRecord> PgStore::GetClient(const std::string& client_id) {
  Result<ClientRecord> found = Status::Internal("client lookup did not run");
  Status status = InTransaction(pg::kBeginSnapshot, [&](Connection& db) -> Status {
    Result<Rows> rows =
        db.Exec(std::string(kClientColumns) + " WHERE client_id = $1", Params().Add(client_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return ClientNotFound(client_id);
    ClientRecord client = ClientFromRow(*rows, 0);
    if (client.kind == ClientKind::kProvider) {
      Result<Rows> grants =
          db.Exec("SELECT seller_id FROM client_grants WHERE client_id = $1 ORDER BY seller_id",
                  Params().Add(client_id));
      if (!grants.ok()) return grants.status();
      for (int i = 0; i < grants->size(); ++i) {
        client.granted_sellers.emplace_back(grants->Text(i, 0));
      }
    }
    found = std::move(client);
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return found;
}

Result<std::vector<ClientRecord>> PgStore::ListClients() {
  std::vector<ClientRecord> clients;
  Status status = InTransaction(pg::kBeginSnapshot, [&](Connection& db) -> Status {
    Result<Rows> rows = db.Exec(std::string(kClientColumns) + " ORDER BY client_id");
    if (!rows.ok()) return rows.status();
    for (int i = 0; i < rows->size(); ++i) clients.push_back(ClientFromRow(*rows, i));
    Result<Rows> grants =
        db.Exec("SELECT client_id, seller_id FROM client_grants ORDER BY client_id, seller_id");
    if (!grants.ok()) return grants.status();
    // Both lists are sorted by client id (bytewise, the "C" collation).
    int g = 0;
    for (ClientRecord& client : clients) {
      while (g < grants->size() && grants->Text(g, 0) < client.client_id) ++g;
      for (; g < grants->size() && grants->Text(g, 0) == client.client_id; ++g) {
        client.granted_sellers.emplace_back(grants->Text(g, 1));
      }
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return clients;
}

Status PgStore::RevokeClient(const std::string& client_id, EpochMillis at) {
  return WithConnection([&](Connection& db) -> Status {
    Result<Rows> updated =
        db.Exec("UPDATE clients SET revoked_at = coalesce(revoked_at, $2) WHERE client_id = $1",
                Params().Add(client_id).Add(std::int64_t{at}));
    if (!updated.ok()) return updated.status();
    return updated->Affected() == 0 ? ClientNotFound(client_id) : Status::Ok();
  });
}

Status PgStore::GrantSeller(const std::string& client_id, const std::string& seller_id,
                            EpochMillis at) {
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    // The client's row stays locked until the grant is in: its kind cannot
    // change in between.
    Result<Rows> client =
        db.Exec("SELECT kind FROM clients WHERE client_id = $1 FOR SHARE", Params().Add(client_id));
    if (!client.ok()) return client.status();
    if (client->empty()) return ClientNotFound(client_id);
    if (client->Text(0, 0) != kProviderKind) {
      return Status::InvalidContent(
          "client " + client_id + " is a seller's own client; only provider clients get grants",
          "clientId");
    }
    Result<Rows> inserted = db.Exec(
        "INSERT INTO client_grants (client_id, seller_id, granted_at) VALUES ($1, $2, $3)"
        " ON CONFLICT (client_id, seller_id) DO NOTHING",
        Params().Add(client_id).Add(seller_id).Add(std::int64_t{at}));
    if (!inserted.ok() && db.sqlstate() == pg::kForeignKeyViolation) {
      return Status::InvalidContent("unknown seller " + seller_id, "sellerId");
    }
    return inserted.status();
  });
}

Status PgStore::UngrantSeller(const std::string& client_id, const std::string& seller_id) {
  return WithConnection([&](Connection& db) -> Status {
    Result<Rows> removed =
        db.Exec("DELETE FROM client_grants WHERE client_id = $1 AND seller_id = $2",
                Params().Add(client_id).Add(seller_id));
    if (!removed.ok()) return removed.status();
    if (removed->Affected() == 0) {
      return Status::NotFound("client " + client_id + " has no grant for seller " + seller_id);
    }
    return Status::Ok();
  });
}

Result<SellerAccess> PgStore::CheckSellerAccess(const std::string& client_id,
                                                const std::string& seller_id) {
  return WithConnection([&](Connection& db) -> Result<SellerAccess> {
    Result<Rows> rows = db.Exec(
        pg::Prepared{"SELECT c.kind, c.seller_id, c.revoked_at, EXISTS (SELECT 1 FROM client_grants g"
                     " WHERE g.client_id = c.client_id AND g.seller_id = $2)"
                     " FROM clients c WHERE c.client_id = $1"},
        Params().Add(client_id).Add(seller_id));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return SellerAccess::kNoClient;
    if (!rows->IsNull(0, 2)) return SellerAccess::kRevoked;
    const bool allowed =
        rows->Text(0, 0) == kProviderKind ? rows->Text(0, 3) == "t" : rows->Text(0, 1) == seller_id;
    return allowed ? SellerAccess::kAllowed : SellerAccess::kNotAllowed;
  });
}

// --- settings -----------------------------------------------------------------------

Result<std::string> PgStore::GetOrCreateSetting(const std::string& key,
                                                const std::string& value_if_absent) {
  return WithConnection([&](Connection& db) -> Result<std::string> {
    // Insert-if-absent waits for a concurrent insert of the key to commit;
    // the read that follows (a new snapshot) then sees the winner's value.
    Result<Rows> inserted =
        db.Exec("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING",
                Params().Add(key).Add(value_if_absent));
    if (!inserted.ok()) return inserted.status();
    Result<Rows> rows = db.Exec("SELECT value FROM settings WHERE key = $1", Params().Add(key));
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::Internal("setting " + key + " vanished");
    return std::string(rows->Text(0, 0));
  });
}

// --- sandbox ------------------------------------------------------------------------

Result<std::map<std::string, EpochMillis>> PgStore::ListClockOffsets() {
  return WithConnection([](Connection& db) -> Result<std::map<std::string, EpochMillis>> {
    Result<Rows> rows = db.Exec("SELECT seller_id, offset_ms FROM sandbox_clocks");
    if (!rows.ok()) return rows.status();
    std::map<std::string, EpochMillis> offsets;
    for (int i = 0; i < rows->size(); ++i) {
      offsets.emplace(std::string(rows->Text(i, 0)), rows->Int64(i, 1));
    }
    return offsets;
  });
}

Status PgStore::SetClockOffset(const std::string& seller_id, EpochMillis offset) {
  if (seller_id.empty()) return Status::InvalidContent("seller without an id", "sellerId");
  return WithConnection(
      [&](Connection& db) -> Status { return WriteClockOffset(db, seller_id, offset); });
}

Status PgStore::ReplaceSellerState(const std::string& seller_id,
                                   const std::vector<StoredOrder>& orders,
                                   EpochMillis clock_offset) {
  MP_RETURN_IF_ERROR(CheckSellerState(seller_id, orders));
  return InTransaction(pg::kBegin, [&](Connection& db) -> Status {
    MP_RETURN_IF_ERROR(pg::DeleteSellerOrders(db, seller_id));
    MP_RETURN_IF_ERROR(pg::InsertOrders(db, orders));
    return WriteClockOffset(db, seller_id, clock_offset);
  });
}

}  // namespace mporders
