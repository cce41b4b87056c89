#pragma once
// Schema migrations for the SQLite store (the runner is store/migrations.h).
//
// The SQL files of schema/sqlite/ are compiled into the binary. Each pending
// migration is applied in its own IMMEDIATE transaction together with its row
// in `schema_migrations`, so two processes opening the same file at once
// never apply one twice.

#include <cstdint>
#include <span>

#include "core/status.h"
#include "store/migrations.h"

namespace mporders::sqlite {

class Connection;

// The migrations built into this binary, in version order.
std::span<const Migration> EmbeddedMigrations();

// Applies the pending ones of `migrations` on `db` (the writer connection).
// Failures as RunMigrations; a failed migration leaves the database at the
// previous version.
Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now);

// The highest applied version, 0 for a fresh database.
Result<std::int64_t> SchemaVersion(Connection& db);

}  // namespace mporders::sqlite
