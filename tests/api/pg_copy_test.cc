// mporders migrate and mporders copy, SQLite to PostgreSQL, through the CLI;
// the copied store then serves the same order and credentials. Runs only
// with MPORDERS_TEST_ENGINE=postgres (ctest: postgres.two_servers).

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

TEST(PgCopyTest, ASqliteStoreIsCopiedWholeAndServedFromPostgres) {
  if (!TestOnPostgres()) GTEST_SKIP() << "runs on PostgreSQL only";
  TempDir source_dir;
  const std::string source = (source_dir.path() / "source.db").string();  // a plain path
  ASSERT_EQ(RunCli({"clients", "add", "--db", "sqlite:" + source, "--seller", kSellerA,
                    "--client-id", kClientA, "--client-secret", kSecret}),
            0);
  const std::int64_t date = NowSeconds() - kHour;
  ASSERT_EQ(ImportOrders("sqlite:" + source, kSellerA,
                         {Order("CP-1", date), Order("CP-2", date - 60)}, source_dir.path()),
            0);

  TempDir target_dir;
  const std::string target = target_dir.db_url();
  std::string output;
  ASSERT_EQ(RunCli({"migrate", "--db", target}, &output), 0) << output;
  ASSERT_EQ(RunCli({"copy", "--from", source, "--to", target}, &output), 0) << output;
  EXPECT_NE(output.find("2 orders"), std::string::npos) << output;
  EXPECT_NE(output.find("counts verified"), std::string::npos) << output;

  // Copying again into the now full target is refused, not merged.
  EXPECT_NE(RunCli({"copy", "--from", source, "--to", target}, &output), 0);

  ServerProcess server({}, &target_dir);
  const std::string token = FetchToken(server.port(), kClientA, kSecret);
  HttpClient client(server.port());
  auto order = client.Request("GET", "/v3/orders/CP-2", WalmartHeaders(token));
  ASSERT_EQ(order.status, 200u) << order.body;
  EXPECT_EQ(QuantityIn(LineOf(order.Json(), "1"), "Created"), 1);
}

}  // namespace
}  // namespace mporders::testing
