// SqliteStore: sellers, API clients and settings.

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "store/sqlite/access_cache.h"
#include "store/sqlite/shared_state.h"
#include "store/sqlite/sql.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_store_access.h"

namespace mporders {

using sqlite::Connection;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::TxMode;

namespace {

Seller SellerFromRow(const Statement& row) {
  // The schema's CHECK keeps the column to the four codes.
  return Seller{std::string(row.Text(0)), std::string(row.Text(1)), row.Int64(2),
                ParseMarketCode(row.Text(3)).value_or(MarketId::kUs)};
}

constexpr char kSellerKind[] = "seller";
constexpr char kProviderKind[] = "provider";

ClientRecord ClientFromRow(const Statement& row) {
  ClientRecord client;
  client.client_id = std::string(row.Text(0));
  client.seller_id = std::string(row.Text(1));  // NULL (provider) reads as empty
  client.secret_hash = std::string(row.Text(2));
  client.secret_salt = std::string(row.Text(3));
  client.created_at = row.Int64(4);
  if (!row.IsNull(5)) client.revoked_at = row.Int64(5);
  client.kind = row.Text(6) == kProviderKind ? ClientKind::kProvider : ClientKind::kSeller;
  if (!row.IsNull(7)) client.public_key_pem = std::string(row.Text(7));
  return client;
}

// Runs a prepared query and maps every row with `from_row`.
template <typename T, typename FromRow>
Result<std::vector<T>> AllRows(Connection& db, const char* sql, FromRow from_row) {
  Result<Statement> select = db.Prepare(sql);
  if (!select.ok()) return select.status();
  std::vector<T> out;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return out;
    out.push_back(from_row(*select));
  }
}

// The sellers granted to `client_id`, ascending.
Result<std::vector<std::string>> ReadGrants(Connection& db, const std::string& client_id) {
  Result<Statement> select = db.Prepare(sqlite::sql::kSelectClientGrants);
  if (!select.ok()) return select.status();
  select->Bind(1, client_id);
  std::vector<std::string> sellers;
  for (;;) {
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return sellers;
    sellers.emplace_back(select->Text(0));
  }
}

// The row of `sql` whose key (?1) is `key`, mapped by `from_row`; nullopt
// when there is none.
template <typename FromRow, typename Row = std::invoke_result_t<FromRow, const Statement&>>
Result<std::optional<Row>> RowByKey(Connection& db, const char* sql, const std::string& key,
                                    FromRow from_row) {
  Result<Statement> select = db.Prepare(sql);
  if (!select.ok()) return select.status();
  select->Bind(1, key);
  Result<bool> row = select->Step();
  if (!row.ok()) return row.status();
  if (!*row) return std::optional<Row>();
  return std::optional<Row>(from_row(*select));
}

Result<std::optional<std::string>> ReadSetting(Connection& db, const std::string& key) {
  return RowByKey(db, sqlite::sql::kSelectSetting, key,
                  [](const Statement& row) { return std::string(row.Text(0)); });
}

Status ClientNotFound(const std::string& client_id) {
  return Status::NotFound("client " + client_id + " not found");
}

}  // namespace

template <typename Fn>
Status SqliteStore::ChangeAccounts(Fn&& fn) {
  Status status = WithWriter(std::forward<Fn>(fn));
  // After the commit: a check that reads the old generation may still have
  // read the old rows, and is then told apart by its generation.
  shared_->AccountsChanged();
  return status;
}

// --- sellers ------------------------------------------------------------------------

Status SqliteStore::PutSeller(const Seller& seller) {
  if (seller.seller_id.empty()) return Status::InvalidContent("seller without an id", "sellerId");
  return WithWriter([&](Connection& db) -> Status {
    Result<Statement> insert = db.Prepare(sqlite::sql::kInsertSeller);
    if (!insert.ok()) return insert.status();
    insert->Bind(1, seller.seller_id)
        .Bind(2, seller.name)
        .Bind(3, seller.created_at)
        .Bind(4, MarketCode(seller.market));
    return insert->Run();
  });
}

Result<Seller> SqliteStore::GetSeller(const std::string& seller_id) {
  return WithReader([&](Connection& db) -> Result<Seller> {
    Result<std::optional<Seller>> seller =
        RowByKey(db, sqlite::sql::kSelectSeller, seller_id, SellerFromRow);
    if (!seller.ok()) return seller.status();
    if (!seller->has_value()) return Status::NotFound("seller " + seller_id + " not found");
    return std::move(**seller);
  });
}

Result<std::vector<Seller>> SqliteStore::ListSellers() {
  return WithReader([](Connection& db) {
    return AllRows<Seller>(db, sqlite::sql::kSelectSellers, SellerFromRow);
  });
}

// --- clients ------------------------------------------------------------------------

Status SqliteStore::AddClient(const ClientRecord& client) {
  MP_RETURN_IF_ERROR(CheckNewClient(client));
  const bool provider = client.kind == ClientKind::kProvider;
  return ChangeAccounts([&](Connection& db) -> Status {
    Result<Statement> insert = db.Prepare(sqlite::sql::kInsertClient);
    if (!insert.ok()) return insert.status();
    insert->Bind(1, client.client_id);
    if (provider) {
      insert->BindNull(2);
    } else {
      insert->Bind(2, client.seller_id);
    }
    insert->Bind(3, client.secret_hash)
        .Bind(4, client.secret_salt)
        .Bind(5, client.created_at)
        .Bind(7, provider ? kProviderKind : kSellerKind);
    if (client.revoked_at) {
      insert->Bind(6, *client.revoked_at);
    } else {
      insert->BindNull(6);
    }
    if (client.public_key_pem) {
      insert->Bind(8, *client.public_key_pem);
    } else {
      insert->BindNull(8);
    }
    const int rc = insert->StepCode();
    switch (rc) {
      case SQLITE_DONE:
        return Status::Ok();
      case SQLITE_CONSTRAINT_PRIMARYKEY:
      case SQLITE_CONSTRAINT_UNIQUE:
        return Status::InvalidContent("client id " + client.client_id + " is taken", "clientId");
      case SQLITE_CONSTRAINT_FOREIGNKEY:
        return Status::InvalidContent("unknown seller " + client.seller_id, "sellerId");
      default:
        return insert->Error(rc, sqlite::sql::kInsertClient);
    }
  });
}

Result<ClientRecord> SqliteStore::GetClient(const std::string& client_id) {
  return WithReader([&](Connection& db) -> Result<ClientRecord> {
    // The client and its grants from one snapshot.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kRead);
    if (!tx.ok()) return tx.status();
    Result<std::optional<ClientRecord>> found =
        RowByKey(db, sqlite::sql::kSelectClient, client_id, ClientFromRow);
    if (!found.ok()) return found.status();
    if (!found->has_value()) return ClientNotFound(client_id);
    ClientRecord client = std::move(**found);
    if (client.kind == ClientKind::kProvider) {
      Result<std::vector<std::string>> grants = ReadGrants(db, client_id);
      if (!grants.ok()) return grants.status();
      client.granted_sellers = std::move(grants).value();
    }
    MP_RETURN_IF_ERROR(tx->Commit());
    return client;
  });
}

Result<std::vector<ClientRecord>> SqliteStore::ListClients() {
  return WithReader([](Connection& db) -> Result<std::vector<ClientRecord>> {
    // Clients and grants in one read transaction, so that the listing is
    // one consistent snapshot.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kRead);
    if (!tx.ok()) return tx.status();
    Result<std::vector<ClientRecord>> clients =
        AllRows<ClientRecord>(db, sqlite::sql::kSelectClients, ClientFromRow);
    if (!clients.ok()) return clients.status();
    using Grant = std::pair<std::string, std::string>;  // client, seller
    Result<std::vector<Grant>> grants =
        AllRows<Grant>(db, sqlite::sql::kSelectAllGrants,
                       [](const Statement& row) { return Grant(row.Text(0), row.Text(1)); });
    if (!grants.ok()) return grants.status();
    // Both lists are sorted by client id: merge them.
    auto grant = grants->begin();
    for (ClientRecord& client : *clients) {
      while (grant != grants->end() && grant->first < client.client_id) ++grant;
      for (; grant != grants->end() && grant->first == client.client_id; ++grant) {
        client.granted_sellers.push_back(grant->second);
      }
    }
    MP_RETURN_IF_ERROR(tx->Commit());
    return clients;
  });
}

Status SqliteStore::RevokeClient(const std::string& client_id, EpochMillis at) {
  return ChangeAccounts([&](Connection& db) -> Status {
    Result<Statement> update = db.Prepare(sqlite::sql::kRevokeClient);
    if (!update.ok()) return update.status();
    update->Bind(1, client_id).Bind(2, at);
    MP_RETURN_IF_ERROR(update->Run());
    if (db.Changes() == 0) return ClientNotFound(client_id);
    return Status::Ok();
  });
}

// --- grants of provider clients -------------------------------------------------------

Status SqliteStore::GrantSeller(const std::string& client_id, const std::string& seller_id,
                                EpochMillis at) {
  return ChangeAccounts([&](Connection& db) -> Status {
    // The kind check and the insert in one write transaction: no other
    // process can turn the client into something else in between.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    Result<std::optional<ClientRecord>> client =
        RowByKey(db, sqlite::sql::kSelectClient, client_id, ClientFromRow);
    if (!client.ok()) return client.status();
    if (!client->has_value()) return ClientNotFound(client_id);
    if ((*client)->kind != ClientKind::kProvider) {
      return Status::InvalidContent(
          "client " + client_id + " is a seller's own client; only provider clients get grants",
          "clientId");
    }
    Result<Statement> insert = db.Prepare(sqlite::sql::kInsertGrant);
    if (!insert.ok()) return insert.status();
    insert->Bind(1, client_id).Bind(2, seller_id).Bind(3, at);
    const int rc = insert->StepCode();
    if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
      return Status::InvalidContent("unknown seller " + seller_id, "sellerId");
    }
    if (rc != SQLITE_DONE) return insert->Error(rc, sqlite::sql::kInsertGrant);
    return tx->Commit();
  });
}

Status SqliteStore::UngrantSeller(const std::string& client_id, const std::string& seller_id) {
  return ChangeAccounts([&](Connection& db) -> Status {
    Result<Statement> remove = db.Prepare(sqlite::sql::kDeleteGrant);
    if (!remove.ok()) return remove.status();
    remove->Bind(1, client_id).Bind(2, seller_id);
    MP_RETURN_IF_ERROR(remove->Run());
    if (db.Changes() == 0) {
      return Status::NotFound("client " + client_id + " has no grant for seller " + seller_id);
    }
    return Status::Ok();
  });
}

Result<SellerAccess> SqliteStore::CheckSellerAccess(const std::string& client_id,
                                                    const std::string& seller_id) {
  // Read before the query: a change committed after this read moves the
  // generation past it, so what the query finds is never kept beyond it.
  const std::uint64_t generation = shared_->AccountsGeneration();
  const auto now = sqlite::SellerAccessCache::Clock::now();
  if (access_cache_->IsAllowed(client_id, seller_id, generation, now)) {
    return SellerAccess::kAllowed;
  }
  Result<SellerAccess> access = WithReader([&](Connection& db) -> Result<SellerAccess> {
    Result<Statement> select = db.Prepare(sqlite::sql::kSelectSellerAccess);
    if (!select.ok()) return select.status();
    select->Bind(1, client_id).Bind(2, seller_id);
    Result<bool> row = select->Step();
    if (!row.ok()) return row.status();
    if (!*row) return SellerAccess::kNoClient;
    if (!select->IsNull(2)) return SellerAccess::kRevoked;
    const bool allowed =
        select->Text(0) == kProviderKind ? select->Int64(3) != 0 : select->Text(1) == seller_id;
    return allowed ? SellerAccess::kAllowed : SellerAccess::kNotAllowed;
  });
  if (access.ok() && *access == SellerAccess::kAllowed) {
    access_cache_->RememberAllowed(client_id, seller_id, generation, now);
  }
  return access;
}

// --- settings -----------------------------------------------------------------------

Result<std::string> SqliteStore::GetOrCreateSetting(const std::string& key,
                                                    const std::string& value_if_absent) {
  // Settings are written once and read often: try without the write lock.
  Result<std::optional<std::string>> existing =
      WithReader([&](Connection& db) { return ReadSetting(db, key); });
  if (!existing.ok()) return existing.status();
  if (existing->has_value()) return **existing;

  return WithWriter([&](Connection& db) -> Result<std::string> {
    // Insert-if-absent and read back in one write transaction: whichever
    // process commits first decides the value, and every caller sees it.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    {
      Result<Statement> insert = db.Prepare(sqlite::sql::kInsertSettingIfAbsent);
      if (!insert.ok()) return insert.status();
      insert->Bind(1, key).Bind(2, value_if_absent);
      MP_RETURN_IF_ERROR(insert->Run());
    }
    Result<std::optional<std::string>> value = ReadSetting(db, key);
    if (!value.ok()) return value.status();
    if (!value->has_value()) return Status::Internal("setting " + key + " vanished");
    MP_RETURN_IF_ERROR(tx->Commit());
    return **value;
  });
}

}  // namespace mporders
