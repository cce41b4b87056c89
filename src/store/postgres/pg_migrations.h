#pragma once
// Versioned schema migrations for the PostgreSQL store.
//
// The SQL files of schema/postgres/ (NNNN_name.sql) are compiled into the
// binary. ApplyMigrations runs every pending one, in version order, in one
// transaction that holds an advisory lock: server processes starting at once
// wait for each other and never apply a migration twice.

#include <cstdint>
#include <span>
#include <string_view>

#include "core/status.h"

namespace mporders::pg {

class Connection;

struct Migration {
  std::int64_t version;   // the file name's number; strictly increasing
  std::string_view name;  // the file name, recorded for operators
  std::string_view sql;   // one or more statements
};

// The migrations built into this binary, in version order.
std::span<const Migration> EmbeddedMigrations();

// Applies the pending ones of `migrations` in the schema that `db`'s
// search_path names first. kInternal when the database records a version
// newer than this binary knows, or a migration fails (nothing is applied).
Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now);

// The highest applied version, 0 for a fresh database.
Result<std::int64_t> SchemaVersion(Connection& db);

}  // namespace mporders::pg
