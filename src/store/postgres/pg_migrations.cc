#include "store/postgres/pg_migrations.h"

#include <string>

#include "store/postgres/pg_connection.h"

namespace mporders::pg {
namespace {

// Arbitrary, fixed: the advisory lock that serialises migrations.
constexpr std::int64_t kMigrationLock = 0x6d706f7264657273;  // "mporders"

constexpr char kCreateSchemaMigrations[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    " version BIGINT NOT NULL PRIMARY KEY,"
    " name TEXT NOT NULL,"
    " applied_at BIGINT NOT NULL)";

Status Rollback(Connection& db, Status status) {
  (void)db.ExecScript("ROLLBACK");
  return status;
}

}  // namespace

Result<std::int64_t> SchemaVersion(Connection& db) {
  Result<Rows> exists = db.Exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.ok()) return exists.status();
  if (exists->Text(0, 0) != "t") return std::int64_t{0};
  Result<Rows> rows = db.Exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!rows.ok()) return rows.status();
  return rows->Int64(0, 0);
}

Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return Status::Internal("PostgreSQL migrations are not in increasing version order");
    }
  }
  MP_RETURN_IF_ERROR(db.ExecScript("BEGIN"));
  Result<Rows> locked = db.Exec("SELECT pg_advisory_xact_lock($1)", Params().Add(kMigrationLock));
  if (!locked.ok()) return Rollback(db, locked.status());
  if (Status created = db.ExecScript(kCreateSchemaMigrations); !created.ok()) {
    return Rollback(db, created);
  }
  Result<std::int64_t> current = SchemaVersion(db);
  if (!current.ok()) return Rollback(db, current.status());
  const std::int64_t newest = migrations.empty() ? 0 : migrations.back().version;
  if (*current > newest) {
    return Rollback(
        db, Status::Internal("the PostgreSQL schema is at version " + std::to_string(*current) +
                             ", newer than this binary (" + std::to_string(newest) + ")"));
  }
  for (const Migration& migration : migrations) {
    if (migration.version <= *current) continue;
    if (Status applied = db.ExecScript(migration.sql); !applied.ok()) {
      return Rollback(db, Status::Internal("migration " + std::string(migration.name) +
                                           " failed: " + applied.description()));
    }
    Result<Rows> recorded =
        db.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                Params().Add(migration.version).Add(migration.name).Add(now));
    if (!recorded.ok()) return Rollback(db, recorded.status());
  }
  return db.ExecScript("COMMIT");
}

}  // namespace mporders::pg
