#pragma once
// Versioned schema migrations for the SQLite store.
//
// The SQL files of schema/sqlite/ (NNNN_name.sql) are compiled into the
// binary. Opening a store applies, in version order, every migration the
// database has not seen, each in its own IMMEDIATE transaction together with
// its row in `schema_migrations`, so two processes opening the same file at
// once never apply one twice.

#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"

namespace mporders::sqlite {

class Connection;

struct Migration {
  std::int64_t version;   // the file name's number; strictly increasing
  std::string_view name;  // the file name, recorded for operators
  std::string_view sql;   // one or more statements
};

// The migrations built into this binary, in version order.
std::span<const Migration> EmbeddedMigrations();

// Applies the pending ones of `migrations` on `db` (the writer connection).
// kInternal when the database records a version newer than any in
// `migrations` (written by a newer binary), when `migrations` is not in
// strictly increasing order, or when a migration fails; a failed migration
// leaves the database at the previous version.
Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now);

// The highest applied version, 0 for a fresh database.
Result<std::int64_t> SchemaVersion(Connection& db);

}  // namespace mporders::sqlite
