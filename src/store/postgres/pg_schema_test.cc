// The PostgreSQL schema, checked on a live database: migrations apply, and
// every table can be distributed by seller with Citus unchanged.

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "store/postgres/pg_connection.h"
#include "store/postgres/pg_migrations.h"
#include "store/postgres/pg_store.h"
#include "store/postgres/pg_store_access.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

// Small account tables, copied whole to every Citus node (docs/postgres.md).
const std::set<std::string> kReferenceTables = {"sellers", "clients", "client_grants", "settings",
                                                "schema_migrations"};

class PgSchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> url = store_testing::FreshPostgresUrl();
    if (!url) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    url_ = *url;
    auto store = PgStore::Open(url_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    auto db = pg::Connection::Open(url_);
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(*db);
  }

  std::string url_;
  std::unique_ptr<PgStore> store_;
  std::unique_ptr<pg::Connection> db_;
};

TEST_F(PgSchemaTest, EveryKeyAndIndexOfSellerDataLeadsWithSellerId) {
  // Every index (primary keys included) of the tables in this schema, with
  // the name of its first column.
  auto rows = db_->Exec(
      "SELECT t.relname, i.relname, a.attname FROM pg_index x"
      " JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid"
      " JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = x.indkey[0]"
      " WHERE t.relnamespace = current_schema()::regnamespace ORDER BY 1, 2");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  std::set<std::string> distributed;
  for (int i = 0; i < rows->size(); ++i) {
    const std::string table(rows->Text(i, 0));
    if (kReferenceTables.count(table) != 0) continue;
    distributed.insert(table);
    EXPECT_EQ(rows->Text(i, 2), "seller_id") << "index " << rows->Text(i, 1) << " of " << table;
  }
  EXPECT_EQ(distributed,
            (std::set<std::string>{"orders", "order_status_idx", "order_programs_idx",
                                   "order_lines_idx", "sandbox_clocks", "webhook_subscriptions",
                                   "webhook_events", "webhook_deliveries", "webhook_attempts",
                                   "order_hour_counts", "order_status_hour_counts",
                                   "order_status_hour_deltas"}));
  // Every table is one or the other: a new table must be classified.
  auto tables = db_->Exec(
      "SELECT relname FROM pg_class WHERE relkind = 'r'"
      " AND relnamespace = current_schema()::regnamespace");
  ASSERT_TRUE(tables.ok()) << tables.status().ToString();
  for (int i = 0; i < tables->size(); ++i) {
    const std::string table(tables->Text(i, 0));
    EXPECT_TRUE(kReferenceTables.count(table) != 0 || distributed.count(table) != 0)
        << table << " has no index led by seller_id and is no reference table";
  }
}

TEST_F(PgSchemaTest, NoReferenceTablePointsAtADistributedTable) {
  // Citus refuses foreign keys from reference tables to distributed ones.
  auto rows = db_->Exec(
      "SELECT c.conrelid::regclass::text, c.confrelid::regclass::text FROM pg_constraint c"
      " WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  for (int i = 0; i < rows->size(); ++i) {
    EXPECT_EQ(kReferenceTables.count(std::string(rows->Text(i, 1))), 1u)
        << rows->Text(i, 0) << " references " << rows->Text(i, 1);
  }
}

TEST_F(PgSchemaTest, MigrationsAreRecordedAndReopeningAppliesNothingTwice) {
  auto version = store_->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, pg::EmbeddedMigrations().back().version);
  auto again = PgStore::Open(url_);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto count = db_->Exec("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(count.ok());
  EXPECT_EQ(count->Int64(0, 0), static_cast<std::int64_t>(pg::EmbeddedMigrations().size()));
}

// A write prepares its statements once per connection, and PostgreSQL soon
// runs them with a generic plan, blind to the parameters. The side rows'
// DELETEs must still find their row through an index on the whole key. On
// a freshly filled table (not yet analysed) PostgreSQL took the ship-node
// index, whose ship_node_type column comes before order_date: a DELETE that
// did not name the ship node type walked the seller's every entry of that
// status, and made each write cost a walk of thousands of rows.
TEST_F(PgSchemaTest, SideRowDeletesFindTheirRowThroughItsWholeKey) {
  std::vector<StoredOrder> orders;
  for (int i = 0; i < 3000; ++i) {
    std::string id = "P";  // appended: GCC 12 warns (-Wrestrict) on "P" + to_string
    id += std::to_string(i);
    orders.push_back(store_testing::MakeStoredOrder("s1", id, 1700000000000 + i * 60000));
    // A second line with a shipping program: every side table has rows.
    store_testing::AddLine(orders.back().order, "SKU-2", LineStatus::kCreated, "TWO_DAY");
  }
  ASSERT_TRUE(store_->InsertOrders(orders).ok());
  // Not analysed: the state of a store right after its first import.
  ASSERT_TRUE(db_->ExecScript("SET plan_cache_mode = force_generic_plan").ok());
  for (std::string_view sql : pg::SideRowDeletes()) {
    SCOPED_TRACE(std::string(sql));
    ASSERT_TRUE(db_->ExecScript("PREPARE side_delete AS " + std::string(sql)).ok());
    const bool has_ship_node = sql.find("$5") != std::string_view::npos;
    const std::string_view arguments = has_ship_node ? "('s1', 'x', 1, 'P1', 'SellerFulfilled')"
                                                     : "('s1', 'x', 1, 'P1')";
    std::string explain = "EXPLAIN EXECUTE side_delete";
    explain += arguments;
    auto plan = db_->Exec(explain);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    std::string text;
    for (int i = 0; i < plan->size(); ++i) text += std::string(plan->Text(i, 0)) + "\n";
    EXPECT_NE(text.find("Index Cond"), std::string::npos) << text;
    EXPECT_EQ(text.find("Filter"), std::string::npos) << text;
    // Through the primary key, or through an index whose every column up to
    // the purchase order id is given.
    EXPECT_TRUE(text.find("_pkey on") != std::string::npos ||
                text.find("(ship_node_type = $5)") != std::string::npos)
        << text;
    ASSERT_TRUE(db_->ExecScript("DEALLOCATE side_delete").ok());
  }
}

TEST_F(PgSchemaTest, AnUnreachableServerIsUnavailable) {
  auto store = PgStore::Open("postgresql://nobody@127.0.0.1:1/none?connect_timeout=2");
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace mporders
