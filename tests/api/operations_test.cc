// Running the server: /healthz, /readyz (and draining after SIGTERM),
// /metrics in the Prometheus text format, and the JSON access log.

#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"
#include "support/prometheus_text.h"

namespace mporders::testing {
namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

HttpResponse GetPlain(unsigned short port, const std::string& target) {
  HttpClient client(port);
  return client.Request("GET", target);
}

// Seller A has ACKED: 1 Acknowledged unit.
class OperationsTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(ImportOrders(db_, kSellerA,
                           {Order("ACKED", NowSeconds() - kHour,
                                  {Line("1", "SKU-1", 1, {Bucket("Acknowledged", 1)})})},
                           dir_.path()),
              0);
  }
};

TEST_F(OperationsTest, HealthzAndReadyzAnswerWithoutCredentials) {
  auto health = GetPlain(server_->port(), "/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_EQ(health.Json().at("status").as_string(), "ok");
  auto ready = GetPlain(server_->port(), "/readyz");
  EXPECT_EQ(ready.status, 200u) << ready.body;
  EXPECT_EQ(ready.Json().at("status").as_string(), "ready");
}

class DrainingTest : public OperationsTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--drain-delay", "30"}; }
};

TEST_F(DrainingTest, ReadyzAnswers503WhileDrainingAndRequestsAreStillServed) {
  ASSERT_EQ(GetPlain(server_->port(), "/readyz").status, 200u);
  server_->Signal(SIGTERM);
  // The flag flips as soon as the signal thread runs: poll, bounded.
  HttpResponse ready;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  do {
    ready = GetPlain(server_->port(), "/readyz");
    if (ready.status == 503) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  } while (std::chrono::steady_clock::now() < deadline);
  ASSERT_EQ(ready.status, 503u) << ready.body;
  EXPECT_EQ(ready.Json().at("status").as_string(), "draining");
  EXPECT_EQ(ready.Header("retry-after"), "1");
  // Still alive and serving while the load balancer notices.
  EXPECT_EQ(GetPlain(server_->port(), "/healthz").status, 200u);
  EXPECT_EQ(Get("/v3/orders/ACKED", token_a_).status, 200u);
  // A second SIGTERM cuts the delay short: the process exits cleanly well
  // before the 30 s delay.
  const auto stop_started = std::chrono::steady_clock::now();
  EXPECT_EQ(server_->Terminate(10000), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - stop_started, std::chrono::seconds(10));
  const std::string log = ReadFile(server_->log_path());
  EXPECT_NE(log.find("draining for 30 s"), std::string::npos) << log;
}

// A server told to stop while writes are in flight answers them and keeps
// them. An acknowledge waits in the store's commit queue without a thread
// of its own (api/blocking.h AwaitOrderUpdate); the I/O threads must not
// finish, nor the process exit, before its commit is answered.
class StoppingDuringWritesTest : public ApiTest {
 protected:
  static constexpr int kOrders = 400;
  static std::string Po(int i) {
    std::string po = "W";  // appended: GCC 12 warns (-Wrestrict) on "W" + to_string
    po += std::to_string(i);
    return po;
  }
  void BeforeServe() override {
    std::vector<OrderSpec> orders;
    for (int i = 0; i < kOrders; ++i) {
      orders.push_back(
          Order(Po(i), NowSeconds() - kHour, {Line("1", "SKU-1", 1, {Bucket("Created", 1)})}));
    }
    ASSERT_EQ(ImportOrders(db_, kSellerA, orders, dir_.path()), 0);
  }
};

TEST_F(StoppingDuringWritesTest, WritesInFlightAreAnsweredAndKept) {
  constexpr int kWriters = 8;
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  std::vector<std::vector<std::string>> acknowledged(kWriters);
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      try {
        HttpClient client(server_->port());
        for (int i = w; i < kOrders; i += kWriters) {
          HttpResponse r = client.Request("POST", "/v3/orders/" + Po(i) + "/acknowledge",
                                          WalmartHeaders(token_a_));
          if (r.status != 200) {
            failed.fetch_add(1);
            return;
          }
          acknowledged[static_cast<size_t>(w)].push_back(Po(i));
          answered.fetch_add(1);
        }
      } catch (const std::exception&) {
        // The stopping server closed this connection between two requests.
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (answered.load() < 40 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ASSERT_GE(answered.load(), 40);
  EXPECT_EQ(server_->Terminate(10000), 0);  // SIGTERM: finish what is in flight
  for (std::thread& writer : writers) writer.join();
  EXPECT_EQ(failed.load(), 0) << "a write answered with an error while stopping";
  EXPECT_LT(answered.load(), kOrders) << "stopped after the last write: none was in flight";

  // A fresh server on the same database: every answered write is there.
  server_ = std::make_unique<ServerProcess>(ServeArgs(), &dir_);
  const std::string token = FetchToken(server_->port(), kClientA, kSecret);
  int checked = 0;
  for (const std::vector<std::string>& pos : acknowledged) {
    for (const std::string& po : pos) {
      HttpResponse order = Get("/v3/orders/" + po, token);
      ASSERT_EQ(order.status, 200u) << order.body;
      EXPECT_NE(order.body.find("\"status\":\"Acknowledged\""), std::string::npos) << po;
      ++checked;
    }
  }
  EXPECT_EQ(checked, answered.load());
}

TEST(PrometheusTextCheckerTest, RefusesWhatAScraperWouldRefuse) {
  const std::string good =
      "# HELP a_total A.\n# TYPE a_total counter\na_total{x=\"1\\\"\"} 3\n"
      "# HELP h H.\n# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\n"
      "h_sum 3.5\nh_count 2\n";
  EXPECT_TRUE(CheckPrometheusText(good).errors.empty());
  for (const std::string& bad : std::vector<std::string>{
           "a_total 1\n",                                    // no TYPE
           "# TYPE a counter\na 1\n",                                     // counter without _total
           "# TYPE a_total counter\na_total{x=\"1} 1\n",                  // unterminated value
           "# TYPE a_total counter\na_total{x=\"\\t\"} 1\n",              // invalid escape
           "# TYPE a_total counter\na_total one\n",                       // bad value
           "# TYPE a_total counter\na_total 1\na_total 2\n",              // repeated series
           "# TYPE g gauge\ng 1\n# TYPE a_total counter\na_total 1\n# TYPE g gauge\n",  // split
           "# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n",
           "# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n",  // no +Inf
           "# TYPE h histogram\nh_bucket{le=\"+Inf\"} 2\nh_sum 1\nh_count 1\n",  // +Inf != count
           "# TYPE g gauge\ng 1",                                         // no final newline
       }) {
    EXPECT_FALSE(CheckPrometheusText(bad).errors.empty()) << bad;
  }
}

// One request per minute on GET /v3/orders/{id}, so a second one is a 429.
class MetricsTest : public OperationsTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    const auto config = dir_.path() / "limits.json";
    std::ofstream(config) << R"({"rate-limits": {"defaults": {"getAnOrder": 1}}})";
    return {"--config", config.string()};
  }
};

TEST_F(MetricsTest, ExposesRequestsTokensRateLimitsStoreAndProcessInPrometheusFormat) {
  // Traffic: the fixture's token (issued), one bad secret (refused), an order
  // read (200) then a 429, an acknowledge (a store commit), an unknown route.
  HttpClient client(server_->port());
  auto refused = client.Request(
      "POST", "/v3/token",
      {{"Authorization", "Basic " + Base64(std::string(kClientA) + ":wrong-secret")},
       {"Content-Type", "application/x-www-form-urlencoded"}},
      "grant_type=client_credentials");
  ASSERT_EQ(refused.status, 401u);
  ASSERT_EQ(Get("/v3/orders/ACKED", token_a_).status, 200u);
  ASSERT_EQ(Get("/v3/orders/ACKED", token_a_).status, 429u);
  ASSERT_EQ(Post("/v3/orders/ACKED/acknowledge", token_a_, "").status, 200u);
  ASSERT_EQ(GetPlain(server_->port(), "/no/such/route").status, 404u);

  auto response = GetPlain(server_->port(), "/metrics");
  ASSERT_EQ(response.status, 200u);
  EXPECT_EQ(response.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const PromParse metrics = CheckPrometheusText(response.body);
  for (const auto& error : metrics.errors) ADD_FAILURE() << error;
  if (!metrics.errors.empty()) std::cerr << response.body;

  const std::string order_route = "/v3/orders/{purchaseOrderId}";
  auto requests = [&](const std::string& route, const std::string& method,
                      const std::string& status) {
    return metrics.Value("mporders_http_requests_total",
                         {{"route", route}, {"method", method}, {"status", status}});
  };
  EXPECT_EQ(requests(order_route, "GET", "200"), 1);
  EXPECT_EQ(requests(order_route, "GET", "429"), 1);
  EXPECT_EQ(requests(order_route + "/acknowledge", "POST", "200"), 1);
  EXPECT_EQ(requests("/v3/token", "POST", "200"), 1);
  EXPECT_EQ(requests("/v3/token", "POST", "401"), 1);
  EXPECT_EQ(requests("unmatched", "GET", "404"), 1);
  EXPECT_EQ(metrics.Value("mporders_http_request_duration_seconds_count",
                          {{"route", order_route}, {"method", "GET"}}),
            2);
  EXPECT_EQ(metrics.types.at("mporders_http_request_duration_seconds"), "histogram");
  // The scrape itself is the one request in flight.
  EXPECT_EQ(metrics.Value("mporders_http_requests_in_flight"), 1);
  EXPECT_EQ(metrics.Value("mporders_tokens_issued_total"), 1);
  EXPECT_EQ(metrics.Value("mporders_token_failures_total", {{"status", "4xx"}}), 1);
  EXPECT_EQ(metrics.Value("mporders_rate_limit_rejections_total", {{"endpoint", "getAnOrder"}}), 1);
  EXPECT_EQ(metrics.Value("mporders_rate_limit_rejections_total",
                          {{"endpoint", "acknowledgeOrders"}}),
            0);
  EXPECT_GE(metrics.Value("mporders_store_call_duration_seconds_count",
                          {{"operation", "UpdateOrder"}}),
            1);
  EXPECT_GE(metrics.Value("mporders_store_call_duration_seconds_count",
                          {{"operation", "CheckSellerAccess"}}),
            1);
  EXPECT_GE(metrics.Value("mporders_store_commit_batch_size_count"), 1);
  EXPECT_GE(metrics.Value("mporders_store_commit_batch_size_bucket", {{"le", "1"}}), 1);
  EXPECT_GT(metrics.Value("process_resident_memory_bytes"), 1e6);
  EXPECT_GT(metrics.Value("process_open_fds"), 3);
  // Labels are route templates: no ids, no sellers.
  EXPECT_EQ(response.body.find("ACKED"), std::string::npos);
  EXPECT_EQ(response.body.find(kSellerA), std::string::npos);
}

// Prometheus' own checker (promtool, Debian's prometheus package, installed by
// scripts/install-deps.sh) accepts the exposition: syntax and lint. Like the
// label tests' pdfinfo and zbarimg, a missing promtool fails the test.
TEST_F(MetricsTest, PromtoolCheckMetricsAcceptsTheExposition) {
  ASSERT_EQ(Get("/v3/orders/NO-SUCH-ORDER", token_a_).status, 404u);
  ASSERT_EQ(Get("/v3/orders/NO-SUCH-ORDER", token_a_).status, 429u);
  ASSERT_EQ(Get("/v3/orders?limit=abc", token_a_).status, 400u);
  ASSERT_EQ(GetPlain(server_->port(), "/no/such/route").status, 404u);
  auto response = GetPlain(server_->port(), "/metrics");
  ASSERT_EQ(response.status, 200u);
  const auto file = dir_.path() / "metrics.txt";
  std::ofstream(file, std::ios::binary) << response.body;
  const auto report = dir_.path() / "promtool.txt";
  const std::string command =
      "promtool check metrics < '" + file.string() + "' > '" + report.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(report);
  std::stringstream said;
  said << in.rdbuf();
  ASSERT_TRUE(WIFEXITED(status)) << command;
  ASSERT_NE(WEXITSTATUS(status), 127) << "promtool is missing: install Debian's prometheus "
                                         "package (scripts/install-deps.sh)";
  EXPECT_EQ(WEXITSTATUS(status), 0) << said.str() << "\n--- /metrics:\n" << response.body;
  EXPECT_EQ(said.str(), "") << "promtool lint findings";
}

class NoMetricsTest : public OperationsTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--no-metrics"}; }
};

TEST_F(NoMetricsTest, MetricsEndpointCanBeTurnedOff) {
  EXPECT_EQ(GetPlain(server_->port(), "/metrics").status, 404u);
  EXPECT_EQ(GetPlain(server_->port(), "/readyz").status, 200u);
}

class JsonLogTest : public OperationsTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--log-format", "json"}; }
};

TEST_F(JsonLogTest, EveryLineIsOneJsonObjectAndAccessLinesCarryTheFields) {
  HttpClient client(server_->port());
  // A correlation id needing escapes: a quote, a backslash and a byte that is
  // not UTF-8.
  auto headers = WalmartHeaders(token_a_, "cid-\"quoted\"\\-\xff");
  ASSERT_EQ(client.Request("GET", "/v3/orders/ACKED", headers).status, 200u);
  ASSERT_EQ(client.Request("GET", "/v3/orders/NOPE", WalmartHeaders(token_a_, "cid-2")).status,
            404u);
  server_->Terminate();  // flushes and adds the shutdown lines

  const std::string log = ReadFile(server_->log_path());
  std::istringstream lines(log);
  std::string line;
  int access_lines = 0, other_lines = 0;
  bool saw_found = false, saw_missing = false;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    boost::json::value parsed;
    try {
      parsed = boost::json::parse(line);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "not JSON: " << line << " (" << e.what() << ")";
      continue;
    }
    ASSERT_TRUE(parsed.is_object()) << line;
    const auto& object = parsed.as_object();
    EXPECT_TRUE(object.contains("time") && object.contains("level")) << line;
    if (!object.contains("type")) {
      EXPECT_TRUE(object.at("message").is_string()) << line;
      ++other_lines;
      continue;
    }
    ++access_lines;
    EXPECT_EQ(object.at("type").as_string(), "access");
    for (const char* key : {"cid", "seller", "route", "method", "target", "remote"}) {
      EXPECT_TRUE(object.at(key).is_string()) << key << " in " << line;
    }
    for (const char* key : {"status", "latency_us", "bytes"}) {
      EXPECT_TRUE(object.at(key).is_int64()) << key << " in " << line;
    }
    if (object.at("target").as_string() == "/v3/orders/ACKED") {
      saw_found = true;
      EXPECT_EQ(object.at("cid").as_string(), "cid-\"quoted\"\\-\xc3\xbf");
      EXPECT_EQ(object.at("seller").as_string(), kSellerA);
      EXPECT_EQ(object.at("route").as_string(), "/v3/orders/{purchaseOrderId}");
      EXPECT_EQ(object.at("method").as_string(), "GET");
      EXPECT_EQ(object.at("status").as_int64(), 200);
      EXPECT_GT(object.at("bytes").as_int64(), 100);
    }
    if (object.at("target").as_string() == "/v3/orders/NOPE") {
      saw_missing = true;
      EXPECT_EQ(object.at("status").as_int64(), 404);
      EXPECT_EQ(object.at("cid").as_string(), "cid-2");
    }
  }
  EXPECT_TRUE(saw_found && saw_missing) << log;
  EXPECT_GE(access_lines, 3);  // the token request too
  EXPECT_GE(other_lines, 2);   // "listening", "stopped"
}

}  // namespace
}  // namespace mporders::testing
