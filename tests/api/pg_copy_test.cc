// mporders migrate and mporders copy, SQLite to PostgreSQL, through the CLI;
// the copied store then serves the same order and credentials. Runs only
// with MPORDERS_TEST_ENGINE=postgres (ctest: postgres.two_servers).

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

// A server on the SQLite file <dir>/test.db although the suite runs on
// PostgreSQL: the source of a copy, to subscribe through the real API.
// (TempDir picks the engine from MPORDERS_TEST_ENGINE when the server starts.)
std::unique_ptr<ServerProcess> SqliteServer(const TempDir& dir) {
  const std::string engine = std::getenv("MPORDERS_TEST_ENGINE");
  ::unsetenv("MPORDERS_TEST_ENGINE");
  std::unique_ptr<ServerProcess> server;
  try {
    server = std::make_unique<ServerProcess>(std::vector<std::string>{}, &dir);
  } catch (...) {
    ::setenv("MPORDERS_TEST_ENGINE", engine.c_str(), 1);
    throw;
  }
  ::setenv("MPORDERS_TEST_ENGINE", engine.c_str(), 1);
  return server;
}

HttpResponse Send(unsigned short port, const std::string& method, const std::string& target,
                  const std::string& token, const std::string& body = "") {
  HttpClient client(port);
  auto headers = WalmartHeaders(token);
  if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
  return client.Request(method, target, headers, body);
}

// GET /v3/webhooks/subscriptions, sorted by id (the order of equal
// creation times is the engine's).
boost::json::array Subscriptions(unsigned short port, const std::string& token) {
  auto listed = Send(port, "GET", "/v3/webhooks/subscriptions", token);
  EXPECT_EQ(listed.status, 200u) << listed.body;
  boost::json::array events = listed.Json().at("events").as_array();
  std::sort(events.begin(), events.end(), [](const auto& a, const auto& b) {
    return a.at("subscriptionId").as_string() < b.at("subscriptionId").as_string();
  });
  return events;
}

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

TEST(PgCopyTest, WebhookSubscriptionsAreCopiedWithTheirIdsStatusAndAuth) {
  if (!TestOnPostgres()) GTEST_SKIP() << "runs on PostgreSQL only";
  TempDir source_dir;
  const std::string source = "sqlite:" + (source_dir.path() / "test.db").string();
  ASSERT_EQ(RunCli({"clients", "add", "--db", source, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}),
            0);
  boost::json::array subscribed;
  {
    auto server = SqliteServer(source_dir);
    const std::string token = FetchToken(server->port(), kClientA, kSecret);
    auto created = Send(server->port(), "POST", "/v3/webhooks/subscriptions", token,
                        R"({"events":[{"eventType":"PO_CREATED","eventVersion":"V1",)"
                        R"("resourceName":"ORDER","eventUrl":"http://127.0.0.1:1/created",)"
                        R"("status":"ACTIVE","authDetails":{"authMethod":"HMAC",)"
                        R"("authHeaderName":"X-Signature","clientSecret":"hook-secret"},)"
                        R"("headers":{"X-Tenant":"east"}},)"
                        R"({"eventType":"PO_LINE_AUTOCANCELLED","eventVersion":"V1",)"
                        R"("resourceName":"ORDER","eventUrl":"http://127.0.0.1:1/cancelled",)"
                        R"("status":"ACTIVE"}]})");
    ASSERT_EQ(created.status, 200u) << created.body;
    const std::string id(created.Json().at("events").at(1).at("subscriptionId").as_string());
    auto patched = Send(server->port(), "PATCH", "/v3/webhooks/subscriptions/" + id, token,
                        R"({"status":"INACTIVE"})");
    ASSERT_EQ(patched.status, 200u) << patched.body;
    subscribed = Subscriptions(server->port(), token);
  }
  ASSERT_EQ(subscribed.size(), 2u);

  TempDir target_dir;
  const std::string target = target_dir.db_url();
  std::string output;
  ASSERT_EQ(RunCli({"migrate", "--db", target}, &output), 0) << output;
  ASSERT_EQ(RunCli({"copy", "--from", source, "--to", target}, &output), 0) << output;
  EXPECT_NE(output.find("2 webhook subscriptions"), std::string::npos) << output;

  // Same ids, status (one INACTIVE), auth, headers and times.
  ServerProcess server({}, &target_dir);
  const std::string token = FetchToken(server.port(), kClientA, kSecret);
  EXPECT_EQ(Subscriptions(server.port(), token), subscribed);
}

TEST(PgCopyTest, ATargetWithSubscriptionsOfItsOwnIsRefusedBeforeAnythingIsWritten) {
  if (!TestOnPostgres()) GTEST_SKIP() << "runs on PostgreSQL only";
  TempDir source_dir;
  const std::string source = "sqlite:" + (source_dir.path() / "test.db").string();
  ASSERT_EQ(RunCli({"clients", "add", "--db", source, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}),
            0);
  ASSERT_EQ(
      ImportOrders(source, kSellerA, {Order("CP-3", NowSeconds() - kHour)}, source_dir.path()), 0);
  const std::string subscription =
      R"({"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ORDER",)"
      R"("eventUrl":"http://127.0.0.1:1/created","status":"ACTIVE"}]})";
  {
    auto server = SqliteServer(source_dir);
    const std::string token = FetchToken(server->port(), kClientA, kSecret);
    auto created = Send(server->port(), "POST", "/v3/webhooks/subscriptions", token, subscription);
    ASSERT_EQ(created.status, 200u) << created.body;
  }

  // The target already knows seller A (another client) and subscribed it.
  TempDir target_dir;
  const std::string target = target_dir.db_url();
  ASSERT_EQ(RunCli({"clients", "add", "--db", target, "--seller", kSellerA, "--client-id", kClientB,
                    "--client-secret", kSecret}),
            0);
  ServerProcess server({}, &target_dir);
  const std::string token = FetchToken(server.port(), kClientB, kSecret);
  ASSERT_EQ(Send(server.port(), "POST", "/v3/webhooks/subscriptions", token, subscription).status,
            200u);

  std::string output;
  EXPECT_NE(RunCli({"copy", "--from", source, "--to", target}, &output), 0);
  EXPECT_NE(output.find("webhook subscriptions in the target"), std::string::npos) << output;
  // Nothing of the source was written: no order, no client A.
  EXPECT_EQ(Send(server.port(), "GET", "/v3/orders/CP-3", token).status, 404u);
  EXPECT_EQ(Subscriptions(server.port(), token).size(), 1u);
  std::string clients;
  ASSERT_EQ(RunCli({"clients", "list", "--db", target}, &clients), 0) << clients;
  EXPECT_EQ(clients.find(kClientA), std::string::npos) << clients;
}

}  // namespace
}  // namespace mporders::testing
