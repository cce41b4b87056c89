#pragma once
// Schema migrations for the PostgreSQL store (the runner is store/migrations.h).
//
// The SQL files of schema/postgres/ are compiled into the binary. Every
// pending one is applied, in version order, in one transaction that holds an
// advisory lock: server processes starting at once wait for each other and
// never apply a migration twice.

#include <cstdint>
#include <span>

#include "core/status.h"
#include "store/migrations.h"

namespace mporders::pg {

class Connection;

// The migrations built into this binary, in version order.
std::span<const Migration> EmbeddedMigrations();

// Applies the pending ones of `migrations` in the schema that `db`'s
// search_path names first. Failures as RunMigrations; a failed migration
// leaves nothing applied.
Status ApplyMigrations(Connection& db, std::span<const Migration> migrations, std::int64_t now);

// The highest applied version, 0 for a fresh database.
Result<std::int64_t> SchemaVersion(Connection& db);

}  // namespace mporders::pg
