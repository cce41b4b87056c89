#include "store/test_engines.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>

#include "store/open/store_open.h"
#include "store/postgres/pg_connection.h"

namespace mporders::store_testing {

std::string EngineName(Engine engine) {
  switch (engine) {
    case Engine::kSqliteFile:
      return "File";
    case Engine::kSqliteMemory:
      return "Memory";
    case Engine::kPostgres:
      return "Postgres";
  }
  return "Unknown";
}

std::optional<std::string> FreshPostgresUrl() {
  const char* base = std::getenv("MPORDERS_TEST_PG_URL");
  if (base == nullptr || *base == '\0') return std::nullopt;
  static std::atomic<int> counter{0};
  const std::string schema =
      "t_" + std::to_string(::getpid()) + "_" + std::to_string(counter.fetch_add(1));
  auto db = pg::Connection::Open(base);
  if (!db.ok()) {
    ADD_FAILURE() << db.status().ToString();
    return std::nullopt;
  }
  Status created =
      (*db)->ExecScript("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema);
  if (!created.ok()) ADD_FAILURE() << created.ToString();
  const std::string url = base;
  return url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" +
         schema;
}

std::unique_ptr<Store> OpenEmptyStore(Engine engine, const TempDir& dir, bool& skip) {
  skip = false;
  std::string url;
  switch (engine) {
    case Engine::kSqliteFile:
      url = "sqlite:" + dir.File("orders.db");
      break;
    case Engine::kSqliteMemory:
      url = "sqlite::memory:";
      break;
    case Engine::kPostgres: {
      std::optional<std::string> pg_url = FreshPostgresUrl();
      if (!pg_url) {
        skip = true;
        return nullptr;
      }
      url = *pg_url;
      break;
    }
  }
  auto store = OpenStore(url);
  if (!store.ok()) {
    ADD_FAILURE() << store.status().ToString();
    return nullptr;
  }
  return std::move(*store);
}

}  // namespace mporders::store_testing
