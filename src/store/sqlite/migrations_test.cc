#include "store/sqlite/migrations.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/sqlite/connection.h"
#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"

namespace mporders::sqlite {
namespace {

using store_testing::TempDir;

std::unique_ptr<Connection> OpenRaw(const std::string& path) {
  auto db = Connection::Open(path, ConnectionOptions{});
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

std::int64_t QueryInt(Connection& db, const std::string& sql) {
  auto stmt = db.Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << stmt.status().ToString();
  if (!stmt.ok()) return -1;
  auto row = stmt->Step();
  EXPECT_TRUE(row.ok() && *row) << sql;
  return row.ok() && *row ? stmt->Int64(0) : -1;
}

bool TableExists(Connection& db, const std::string& name) {
  return QueryInt(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '" +
                          name + "'") == 1;
}

TEST(MigrationsTest, EmbeddedMigrationsStartAtOneAndIncrease) {
  std::span<const Migration> migrations = EmbeddedMigrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations[0].version, 1);
  EXPECT_EQ(migrations[0].name, "0001_init.sql");
  EXPECT_NE(migrations[0].sql.find("CREATE TABLE orders"), std::string_view::npos);
  for (size_t i = 1; i < migrations.size(); ++i) {
    EXPECT_GT(migrations[i].version, migrations[i - 1].version);
  }
}

TEST(MigrationsTest, OpeningAFreshFileAppliesEveryMigrationOnce) {
  TempDir dir;
  const std::string path = dir.File("orders.db");
  const std::int64_t latest = EmbeddedMigrations().back().version;
  {
    auto store = SqliteStore::Open(path);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    EXPECT_EQ((*store)->SchemaVersion().value(), latest);
  }
  std::int64_t applied_at = 0;
  {
    auto db = OpenRaw(path);
    ASSERT_NE(db, nullptr);
    EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM schema_migrations"),
              static_cast<std::int64_t>(EmbeddedMigrations().size()));
    applied_at = QueryInt(*db, "SELECT max(applied_at) FROM schema_migrations");
    for (const char* table : {"sellers", "clients", "settings", "orders", "order_status_idx",
                              "order_lines_idx", "order_programs_idx"}) {
      EXPECT_TRUE(TableExists(*db, table)) << table;
    }
    EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
              1);
  }
  // Re-opening applies nothing: no new rows, no re-run (which would fail on
  // the existing tables).
  auto again = SqliteStore::Open(path);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  again->reset();
  auto db = OpenRaw(path);
  EXPECT_EQ(QueryInt(*db, "SELECT count(*) FROM schema_migrations"),
            static_cast<std::int64_t>(EmbeddedMigrations().size()));
  EXPECT_EQ(QueryInt(*db, "SELECT max(applied_at) FROM schema_migrations"), applied_at);
}

TEST(MigrationsTest, ADatabaseFromANewerProgramIsRejected) {
  TempDir dir;
  const std::string path = dir.File("orders.db");
  ASSERT_TRUE(SqliteStore::Open(path).ok());
  {
    auto db = OpenRaw(path);
    ASSERT_TRUE(db->Exec("INSERT INTO schema_migrations VALUES (9999, '9999_future.sql', 0)").ok());
  }
  auto store = SqliteStore::Open(path);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kInternal);
  EXPECT_NE(store.status().description().find("newer"), std::string::npos)
      << store.status().description();
}

TEST(MigrationsTest, PendingMigrationsApplyInOrderAndAFailureStopsCleanly) {
  auto db = OpenRaw(":memory:");
  const Migration first[] = {{1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"}};
  ASSERT_TRUE(ApplyMigrations(*db, first, 1).ok());
  EXPECT_EQ(SchemaVersion(*db).value(), 1);

  const Migration more[] = {
      {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
      {2, "0002_b.sql", "CREATE TABLE b (y INTEGER); INSERT INTO b VALUES (1);"},
      {3, "0003_bad.sql", "CREATE TABLE c (z INTEGER); THIS IS NOT SQL;"},
  };
  Status status = ApplyMigrations(*db, more, 2);
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.description().find("0003_bad.sql"), std::string::npos);
  EXPECT_EQ(SchemaVersion(*db).value(), 2);
  EXPECT_TRUE(TableExists(*db, "b"));
  EXPECT_FALSE(TableExists(*db, "c"));  // the failed migration left nothing behind
  EXPECT_FALSE(db->InTransaction());
}

TEST(MigrationsTest, OutOfOrderMigrationsAreRejected) {
  auto db = OpenRaw(":memory:");
  const Migration unordered[] = {{2, "0002_b.sql", "SELECT 1;"}, {1, "0001_a.sql", "SELECT 1;"}};
  EXPECT_EQ(ApplyMigrations(*db, unordered, 0).code(), ErrorCode::kInternal);
  EXPECT_EQ(SchemaVersion(*db).value(), 0);
}

}  // namespace
}  // namespace mporders::sqlite
