#include "store/sqlite/migrations.h"

#include <optional>

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

// The runner's calls on the writer connection. An IMMEDIATE transaction
// takes the database's write lock, which keeps other processes out.
class SqliteMigrationTarget final : public MigrationTarget {
 public:
  explicit SqliteMigrationTarget(Connection& db) : db_(db) {}

  Status Begin() override {
    Result<Transaction> tx = Transaction::Begin(db_, TxMode::kWrite);
    if (!tx.ok()) return tx.status();
    tx_.emplace(std::move(*tx));
    Status created = db_.Exec(sql::kCreateSchemaMigrations);
    if (!created.ok()) tx_.reset();
    return created;
  }
  Status Commit() override {
    Status committed = tx_->Commit();
    tx_.reset();
    return committed;
  }
  void Rollback() override { tx_.reset(); }  // the destructor rolls back
  Result<std::int64_t> RecordedVersion() override { return ReadVersion(db_); }
  Status Exec(std::string_view sql) override { return db_.Exec(sql); }
  Status Record(const Migration& migration, std::int64_t now) override {
    Result<Statement> record = db_.Prepare(sql::kInsertSchemaMigration);
    if (!record.ok()) return record.status();
    record->Bind(1, migration.version).Bind(2, migration.name).Bind(3, now);
    return record->Run();
  }

 private:
  Connection& db_;
  std::optional<Transaction> tx_;
};

}  // namespace

Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now) {
  SqliteMigrationTarget target(db);
  return RunMigrations(target, migrations, now, MigrationBatch::kOnePerTransaction);
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
