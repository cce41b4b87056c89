#pragma once
// Versioned schema migrations: the runner every engine shares.
//
// Each engine compiles the SQL files of its schema/<engine>/ directory
// (NNNN_name.sql) into the binary (embed_migrations.cmake) and, when a store
// opens, applies in version order every migration the database has not seen,
// each recorded in the database's `schema_migrations` table. The version is
// read inside the write transaction, so a process that lost a race to migrate
// sees the winner's work and never applies a migration twice. RunMigrations
// is that logic; an engine supplies only its transaction and statement calls
// (MigrationTarget).

#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"

namespace mporders {

struct Migration {
  std::int64_t version;   // the file name's number; strictly increasing
  std::string_view name;  // the file name, recorded for operators
  std::string_view sql;   // one or more statements
};

// One engine's side of RunMigrations, on one connection.
class MigrationTarget {
 public:
  virtual ~MigrationTarget() = default;
  // Starts a write transaction that no other process's migration run
  // interleaves with, with schema_migrations created in it when missing. On
  // failure no transaction is left open.
  virtual Status Begin() = 0;
  // Ends the transaction; no transaction is left open either way.
  virtual Status Commit() = 0;
  // Undoes the transaction Begin started, reporting nothing: the caller
  // returns the failure that led here.
  virtual void Rollback() = 0;
  // The highest recorded version (0 when none), read in the transaction.
  virtual Result<std::int64_t> RecordedVersion() = 0;
  // Runs a migration's statements.
  virtual Status Exec(std::string_view sql) = 0;
  // Adds the migration's row to schema_migrations.
  virtual Status Record(const Migration& migration, std::int64_t now) = 0;
};

// How the pending migrations share transactions.
enum class MigrationBatch {
  kOnePerTransaction,  // each commits on its own: a failure keeps those before it
  kAllInOne,           // one transaction for all: a failure applies none
};

// Applies the pending ones of `migrations` on `target`. kInternal when
// `migrations` is not in strictly increasing version order (checked before
// anything is written) or the database records a version newer than any in
// `migrations` (written by a newer binary); a failed migration's own error
// code otherwise. A failed migration leaves the database as its batch found it.
Status RunMigrations(MigrationTarget& target, std::span<const Migration> migrations,
                     std::int64_t now, MigrationBatch batch);

}  // namespace mporders
