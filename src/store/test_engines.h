#pragma once
// The engines a Store contract test runs on: a SQLite file, an in-memory
// SQLite database, and PostgreSQL when the test server is given
// (MPORDERS_TEST_PG_URL, set by scripts/with-postgres.sh).

#include <memory>
#include <optional>
#include <string>

#include "store/store.h"
#include "store/test_orders.h"

namespace mporders::store_testing {

enum class Engine { kSqliteFile, kSqliteMemory, kPostgres };

std::string EngineName(Engine engine);

// The URL of a fresh, empty schema on the PostgreSQL test server, or
// nullopt when MPORDERS_TEST_PG_URL is not set.
std::optional<std::string> FreshPostgresUrl();

// Opens an empty store on `engine` (a file in `dir` for kSqliteFile).
// nullptr with `skip` set when the engine is not available here.
std::unique_ptr<Store> OpenEmptyStore(Engine engine, const TempDir& dir, bool& skip);

}  // namespace mporders::store_testing
