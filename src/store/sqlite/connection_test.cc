#include "store/sqlite/connection.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"

namespace mporders::sqlite {
namespace {

using store_testing::MakeStoredOrder;
using store_testing::TempDir;

constexpr EpochMillis kT0 = 1700000000000;

std::unique_ptr<Connection> OpenRaw(const std::string& path, int busy_timeout_ms = 5000) {
  ConnectionOptions options;
  options.busy_timeout_ms = busy_timeout_ms;
  options.set_wal = true;
  auto db = Connection::Open(path, options);
  EXPECT_TRUE(db.ok()) << db.status().ToString();
  return db.ok() ? std::move(*db) : nullptr;
}

TEST(ConnectionTest, BadSqlIsAnInternalErrorWithSqlitesMessage) {
  auto db = OpenRaw(":memory:");
  Result<Statement> stmt = db->Prepare("SELEC 1");
  ASSERT_FALSE(stmt.ok());
  EXPECT_EQ(stmt.status().code(), ErrorCode::kInternal);
  EXPECT_NE(stmt.status().description().find("syntax error"), std::string::npos)
      << stmt.status().description();
}

TEST(ConnectionTest, ConstraintFailureIsAnInternalErrorNotACrash) {
  auto db = OpenRaw(":memory:");
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER NOT NULL)").ok());
  Result<Statement> insert = db->Prepare("INSERT INTO t VALUES (?1)");
  ASSERT_TRUE(insert.ok());
  insert->BindNull(1);
  Status status = insert->Run();
  EXPECT_EQ(status.code(), ErrorCode::kInternal);
  EXPECT_NE(status.description().find("NOT NULL"), std::string::npos) << status.description();
}

TEST(ConnectionTest, CachedStatementsAreReusedAfterReset) {
  auto db = OpenRaw(":memory:");
  for (int i = 0; i < 3; ++i) {
    Result<Statement> stmt = db->Prepare("SELECT ?1 + 1");
    ASSERT_TRUE(stmt.ok()) << stmt.status().ToString();
    stmt->Bind(1, std::int64_t{i});
    ASSERT_TRUE(stmt->Step().value());
    EXPECT_EQ(stmt->Int64(0), i + 1);
  }
  // A statement cannot be borrowed twice at once.
  Result<Statement> held = db->Prepare("SELECT 1");
  ASSERT_TRUE(held.ok());
  EXPECT_EQ(db->Prepare("SELECT 1").status().code(), ErrorCode::kInternal);
}

TEST(ConnectionTest, UncommittedTransactionRollsBack) {
  auto db = OpenRaw(":memory:");
  ASSERT_TRUE(db->Exec("CREATE TABLE t (x INTEGER)").ok());
  {
    auto tx = Transaction::Begin(*db, TxMode::kWrite);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(db->Exec("INSERT INTO t VALUES (1)").ok());
  }
  EXPECT_FALSE(db->InTransaction());
  auto count = db->Prepare("SELECT count(*) FROM t");
  ASSERT_TRUE(count->Step().value());
  EXPECT_EQ(count->Int64(0), 0);
}

TEST(ConnectionTest, WriteLockHeldByAnotherConnectionIsUnavailable) {
  TempDir dir;
  const std::string path = dir.File("lock.db");
  auto holder = OpenRaw(path);
  auto waiter = OpenRaw(path, 50);
  auto held = Transaction::Begin(*holder, TxMode::kWrite);
  ASSERT_TRUE(held.ok());
  auto blocked = Transaction::Begin(*waiter, TxMode::kWrite);
  ASSERT_FALSE(blocked.ok());
  EXPECT_EQ(blocked.status().code(), ErrorCode::kUnavailable);
}

// Another process's write lock (a second connection stands in for it).
TEST(SqliteStoreBusyTest, WritesWaitForAShortLockAndFailCleanlyOnALongOne) {
  TempDir dir;
  const std::string path = dir.File("orders.db");
  SqliteStoreOptions options;
  options.busy_timeout_ms = 100;
  auto store = SqliteStore::Open(path, options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto other = OpenRaw(path);

  {
    auto lock = Transaction::Begin(*other, TxMode::kWrite);
    ASSERT_TRUE(lock.ok());
    Status status = (*store)->InsertOrders({MakeStoredOrder("s1", "P1", kT0)});
    EXPECT_EQ(status.code(), ErrorCode::kUnavailable) << status.ToString();
    // Reads are not blocked by the writer in WAL mode.
    EXPECT_EQ((*store)->CountOrders("s1").value(), 0);
  }

  // A lock released within the busy timeout is waited for.
  options.busy_timeout_ms = 5000;
  store->reset();
  store = SqliteStore::Open(path, options);
  ASSERT_TRUE(store.ok());
  auto lock = Transaction::Begin(*other, TxMode::kWrite);
  ASSERT_TRUE(lock.ok());
  std::thread release([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    EXPECT_TRUE(lock->Commit().ok());
  });
  Status status = (*store)->InsertOrders({MakeStoredOrder("s1", "P1", kT0)});
  release.join();
  EXPECT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ((*store)->CountOrders("s1").value(), 1);
}

}  // namespace
}  // namespace mporders::sqlite
