#include "store/sqlite/migrations.h"

#include <string>

#include "store/sqlite/connection.h"
#include "store/sqlite/sql.h"

namespace mporders::sqlite {
namespace {

Result<std::int64_t> ReadVersion(Connection& db) {
  Result<Statement> select = db.Prepare(sql::kSelectSchemaVersion);
  if (!select.ok()) return select.status();
  Result<bool> row = select->Step();
  if (!row.ok()) return row.status();
  return *row ? select->Int64(0) : 0;
}

// Applies the first migration newer than the database's version, if any.
// Returns whether one was applied. The version is read inside the write
// transaction, so a process that lost the race sees the winner's work.
Result<bool> ApplyNext(Connection& db, std::span<const Migration> migrations, std::int64_t now) {
  Result<Transaction> tx = Transaction::Begin(db, TxMode::kWrite);
  if (!tx.ok()) return tx.status();
  Result<std::int64_t> version = ReadVersion(db);
  if (!version.ok()) return version.status();
  const std::int64_t newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (*version > newest_known) {
    return Status::Internal("database schema version " + std::to_string(*version) +
                            " is newer than this program supports (" +
                            std::to_string(newest_known) + "); upgrade mporders");
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    Status applied = db.Exec(migration.sql);
    if (!applied.ok()) {
      return Status::Error(applied.code(), "schema migration " + std::string(migration.name) +
                                               " failed: " + applied.description());
    }
    Result<Statement> record = db.Prepare(sql::kInsertSchemaMigration);
    if (!record.ok()) return record.status();
    record->Bind(1, migration.version).Bind(2, migration.name).Bind(3, now);
    MP_RETURN_IF_ERROR(record->Run());
    MP_RETURN_IF_ERROR(tx->Commit());
    return true;
  }
  MP_RETURN_IF_ERROR(tx->Commit());
  return false;
}

}  // namespace

Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return Status::Internal("schema migrations out of order at " +
                              std::string(migrations[i].name));
    }
  }
  MP_RETURN_IF_ERROR(db.Exec(sql::kCreateSchemaMigrations));
  for (;;) {
    Result<bool> applied = ApplyNext(db, migrations, now);
    if (!applied.ok()) return applied.status();
    if (!*applied) return Status::Ok();
  }
}

Result<std::int64_t> SchemaVersion(Connection& db) {
  Result<Statement> exists = db.Prepare(sql::kSchemaMigrationsExists);
  if (!exists.ok()) return exists.status();
  Result<bool> row = exists->Step();
  if (!row.ok()) return row.status();
  if (!*row) return 0;  // never migrated
  return ReadVersion(db);
}

}  // namespace mporders::sqlite
