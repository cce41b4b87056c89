#include "store/postgres/pg_migrations.h"

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

Result<std::int64_t> ReadVersion(Connection& db) {
  Result<Rows> rows = db.Exec("SELECT coalesce(max(version), 0) FROM schema_migrations");
  if (!rows.ok()) return rows.status();
  return rows->Int64(0, 0);
}

// The runner's calls on one connection. The transaction-scoped advisory
// lock keeps other processes' runs out until COMMIT or ROLLBACK.
class PgMigrationTarget final : public MigrationTarget {
 public:
  explicit PgMigrationTarget(Connection& db) : db_(db) {}

  Status Begin() override {
    MP_RETURN_IF_ERROR(db_.ExecScript("BEGIN"));
    Result<Rows> locked =
        db_.Exec("SELECT pg_advisory_xact_lock($1)", Params().Add(kMigrationLock));
    if (!locked.ok()) return RollbackWith(locked.status());
    if (Status created = db_.ExecScript(kCreateSchemaMigrations); !created.ok()) {
      return RollbackWith(created);
    }
    return Status::Ok();
  }
  Status Commit() override { return db_.ExecScript("COMMIT"); }
  void Rollback() override { (void)db_.ExecScript("ROLLBACK"); }
  Result<std::int64_t> RecordedVersion() override { return ReadVersion(db_); }
  Status Exec(std::string_view sql) override { return db_.ExecScript(sql); }
  Status Record(const Migration& migration, std::int64_t now) override {
    Result<Rows> recorded =
        db_.Exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)",
                 Params().Add(migration.version).Add(migration.name).Add(now));
    return recorded.status();
  }

 private:
  Status RollbackWith(Status status) {
    Rollback();
    return status;
  }
  Connection& db_;
};

}  // namespace

Result<std::int64_t> SchemaVersion(Connection& db) {
  Result<Rows> exists = db.Exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
  if (!exists.ok()) return exists.status();
  if (exists->Text(0, 0) != "t") return std::int64_t{0};
  return ReadVersion(db);
}

Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now) {
  PgMigrationTarget target(db);
  return RunMigrations(target, migrations, now, MigrationBatch::kAllInOne);
}

}  // namespace mporders::pg
