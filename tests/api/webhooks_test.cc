// Webhooks, black-box: the real server sends Walmart's order events to a
// real HTTP receiver in this process.

#include <gtest/gtest.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "api/sandbox_fixture.h"
#include "support/prometheus_text.h"
#include "support/webhook_receiver.h"

namespace mporders::testing {
namespace {

constexpr char kHmacSecret[] = "receiver-hmac-secret";

// HMAC-SHA256 hex computed by Python's hmac module: not the server's code.
std::string PythonHmac(const std::string& key, const std::string& body, const TempDir& dir) {
  const auto path = dir.path() / "payload.bin";
  std::ofstream(path, std::ios::binary) << body;
  const std::string command =
      "python3 -c \"import hmac,hashlib,sys; print(hmac.new(b'" + std::string(key) +
      "', open(sys.argv[1],'rb').read(), hashlib.sha256).hexdigest())\" " + path.string();
  FILE* pipe = popen(command.c_str(), "r");
  std::string out;
  char buffer[256];
  while (pipe != nullptr && fgets(buffer, sizeof(buffer), pipe) != nullptr) out += buffer;
  if (pipe != nullptr) pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
  return out;
}

class WebhooksTest : public SandboxTest {
 protected:
  HttpResponse Subscribe(const std::string& event_type, const std::string& url,
                         const std::string& extra = "") {
    const std::string body = R"({"events":[{"eventType":")" + event_type +
                             R"(","eventVersion":"V1","resourceName":"ORDER","eventUrl":")" + url +
                             R"(","status":"ACTIVE")" + extra + "}]}";
    return Post("/v3/webhooks/subscriptions", token_a_, body);
  }
  std::string HmacAuth() {
    return std::string(R"(,"authDetails":{"authMethod":"HMAC","authHeaderName":"X-Signature",)") +
           R"("clientSecret":")" + kHmacSecret + R"("})";
  }
  boost::json::array Deliveries(const std::string& query = "") {
    auto response = Control("GET", std::string(kSellerA) + "/deliveries" + query);
    EXPECT_EQ(response.status, 200u) << response.body;
    return response.Json().at("deliveries").as_array();
  }
  // The only delivery once its first attempt is recorded (empty on timeout).
  boost::json::object FirstAttempted() {
    for (int i = 0; i < 200; ++i) {
      auto deliveries = Deliveries();
      if (deliveries.size() == 1 && !deliveries[0].at("attempts").as_array().empty()) {
        return deliveries[0].as_object();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "no delivery attempt was recorded";
    return {};
  }
  void Advance(int minutes) {
    auto response = Control("POST", std::string(kSellerA) + "/clock/advance",
                            R"({"minutes":)" + std::to_string(minutes) + "}");
    ASSERT_EQ(response.status, 200u) << response.body;
  }
};

TEST_F(WebhooksTest, PoCreatedArrivesOnceSignedWithHmacOfThePayload) {
  WebhookReceiver receiver;
  auto subscribed = Subscribe("PO_CREATED", receiver.Url(), HmacAuth());
  ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
  const auto ids = CreateOrders(R"({"count":3,"seed":7})");
  ASSERT_EQ(ids.size(), 3u);
  auto received = receiver.WaitFor(3);
  ASSERT_EQ(received.size(), 3u);
  std::set<std::string> event_ids;
  std::set<std::string> orders;
  for (const auto& hook : received) {
    auto json = boost::json::parse(hook.body);
    EXPECT_EQ(json.at("source").at("eventType").as_string(), "PO_CREATED");
    event_ids.insert(std::string(json.at("source").at("eventId").as_string()));
    orders.insert(std::string(json.at("payload").at("purchaseOrderId").as_string()));
    EXPECT_EQ(json.at("payload").at("partnerId").as_string(), kSellerA);
    EXPECT_FALSE(json.at("payload").at("orderLines").as_array().empty());
    EXPECT_EQ(json.at("payload").at("orderLines").as_array()[0].at("status").as_string(),
              "CREATED");
    EXPECT_EQ(hook.headers.at("x-signature"), PythonHmac(kHmacSecret, hook.body, dir_));
  }
  EXPECT_EQ(event_ids.size(), 3u);
  EXPECT_EQ(orders, std::set<std::string>(ids.begin(), ids.end()));
  // Nothing more arrives: one attempt per event.
  EXPECT_EQ(receiver.WaitFor(4, 1000).size(), 3u);
  auto deliveries = Deliveries("?status=DELIVERED");
  EXPECT_EQ(deliveries.size(), 3u);
  // The outbox depth on /metrics, read from the store.
  auto metrics = HttpClient(server_->port()).Request("GET", "/metrics");
  ASSERT_EQ(metrics.status, 200u);
  const PromParse parsed = CheckPrometheusText(metrics.body);
  EXPECT_TRUE(parsed.errors.empty()) << parsed.errors.front();
  EXPECT_EQ(parsed.types.at("mporders_webhook_deliveries"), "gauge");
  EXPECT_EQ(parsed.Value("mporders_webhook_deliveries", {{"status", "DELIVERED"}}), 3);
  EXPECT_EQ(parsed.Value("mporders_webhook_deliveries", {{"status", "PENDING"}}), 0);
  EXPECT_EQ(parsed.Value("mporders_webhook_attempts_total", {{"result", "delivered"}}), 3);
  // The command line lists them too.
  std::string output;
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  ASSERT_EQ(RunCli({"sandbox", "deliveries", "--url", url, "--sandbox-key", kSandboxKey, "--seller",
                    kSellerA, "--status", "DELIVERED", "--limit", "2"},
                   &output),
            0)
      << output;
  EXPECT_EQ(boost::json::parse(output).at("deliveries").as_array().size(), 2u);
  const std::string id(deliveries[0].at("deliveryId").as_string());
  ASSERT_EQ(RunCli({"sandbox", "replay", "--url", url, "--sandbox-key", kSandboxKey, "--seller",
                    kSellerA, "--delivery", id},
                   &output),
            0)
      << output;
  EXPECT_EQ(receiver.WaitFor(4).size(), 4u);
}

TEST_F(WebhooksTest, AutoCancelAndCustomerCancelEvents) {
  WebhookReceiver receiver;
  ASSERT_EQ(Subscribe("PO_LINE_AUTOCANCELLED", receiver.Url("/cancelled")).status, 200u);
  ASSERT_EQ(Subscribe("INTENT_TO_CANCEL", receiver.Url("/intent")).status, 200u);
  const auto ids = CreateOrders(R"({"count":2,"seed":3})");
  auto intent =
      Control("POST", std::string(kSellerA) + "/orders/" + ids[1] + "/customer-cancel", "{}");
  ASSERT_EQ(intent.status, 200u) << intent.body;
  auto first = receiver.WaitFor(1);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].target, "/intent");
  auto intent_json = boost::json::parse(first[0].body);
  EXPECT_EQ(intent_json.at("source").at("eventType").as_string(), "INTENT_TO_CANCEL");
  EXPECT_EQ(intent_json.at("payload").at("purchaseOrderId").as_string(), ids[1]);

  auto advanced =
      Control("POST", std::string(kSellerA) + "/clock/advance", R"({"days":30,"autoCancel":true})");
  ASSERT_EQ(advanced.status, 200u) << advanced.body;
  auto all = receiver.WaitFor(3);
  ASSERT_EQ(all.size(), 3u);
  std::set<std::string> cancelled;
  for (std::size_t i = 1; i < all.size(); ++i) {
    EXPECT_EQ(all[i].target, "/cancelled");
    auto json = boost::json::parse(all[i].body);
    EXPECT_EQ(json.at("source").at("eventType").as_string(), "PO_LINE_AUTOCANCELLED");
    cancelled.insert(std::string(json.at("payload").at("purchaseOrderId").as_string()));
    for (const auto& line : json.at("payload").at("orderLines").as_array()) {
      EXPECT_EQ(line.at("status").as_string(), "CANCELLED");
      EXPECT_TRUE(line.at("cancellationReason").as_string().starts_with("Auto-cancel"));
    }
  }
  EXPECT_EQ(cancelled, std::set<std::string>(ids.begin(), ids.end()));
}

TEST_F(WebhooksTest, FailingReceiverGetsRetriesOnTheSellerClockUntilSuccess) {
  WebhookReceiver receiver;
  receiver.SetStatus(500);
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url()).status, 200u);
  CreateOrders(R"({"count":1,"seed":11})");
  ASSERT_EQ(receiver.WaitFor(1).size(), 1u);
  auto waiting = [&](const char* status) {
    for (int i = 0; i < 100; ++i) {
      auto deliveries = Deliveries();
      if (deliveries.size() == 1 && deliveries[0].at("status").as_string() == status) {
        return deliveries[0].as_object();
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "delivery never became " << status;
    return boost::json::object();
  };
  auto delivery = waiting("RETRYING");
  EXPECT_EQ(delivery.at("lastStatusCode").as_int64(), 500);
  EXPECT_TRUE(delivery.contains("nextAttemptAt"));
  // Not due before +5 minutes of the seller's time.
  Advance(4);
  EXPECT_EQ(receiver.WaitFor(2, 1000).size(), 1u);
  Advance(1);
  ASSERT_EQ(receiver.WaitFor(2).size(), 2u);
  waiting("RETRYING");
  Advance(14);
  EXPECT_EQ(receiver.WaitFor(3, 1000).size(), 2u);
  Advance(1);
  ASSERT_EQ(receiver.WaitFor(3).size(), 3u);
  waiting("RETRYING");
  receiver.SetStatus(200);
  Advance(45);
  ASSERT_EQ(receiver.WaitFor(4).size(), 4u);
  delivery = waiting("DELIVERED");
  EXPECT_EQ(delivery.at("attempts").as_array().size(), 4u);
  // Success stops the retries.
  Advance(600);
  EXPECT_EQ(receiver.WaitFor(5, 1000).size(), 4u);
  // The same event every time.
  auto received = receiver.Received();
  for (const auto& hook : received) EXPECT_EQ(hook.body, received[0].body);
}

TEST_F(WebhooksTest, ReplayAfterFailureSendsAgain) {
  WebhookReceiver receiver;
  receiver.SetStatus(503);
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url()).status, 200u);
  CreateOrders(R"({"count":1,"seed":12})");
  ASSERT_EQ(receiver.WaitFor(1).size(), 1u);
  // Each retry is made due only once the attempt before it is recorded.
  auto recorded = [&](std::size_t attempts) {
    for (int i = 0; i < 200; ++i) {
      auto deliveries = Deliveries();
      if (deliveries.size() == 1 && deliveries[0].at("attempts").as_array().size() == attempts) {
        return true;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  };
  std::size_t attempts = 1;
  for (int minutes : {5, 15, 45}) {
    ASSERT_TRUE(recorded(attempts));
    Advance(minutes);
    ASSERT_EQ(receiver.WaitFor(++attempts).size(), attempts);
  }
  ASSERT_EQ(receiver.WaitFor(4).size(), 4u);
  boost::json::array failed;
  for (int i = 0; i < 100 && failed.empty(); ++i) {
    failed = Deliveries("?status=FAILED");
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(failed.size(), 1u);
  receiver.SetStatus(200);
  auto replay = Control("POST", std::string(kSellerA) + "/deliveries/replay");
  ASSERT_EQ(replay.status, 202u) << replay.body;
  EXPECT_EQ(replay.Json().at("replayed").as_int64(), 1);
  ASSERT_EQ(receiver.WaitFor(5).size(), 5u);
  auto unknown = Control("POST", std::string(kSellerA) + "/deliveries/nope/replay");
  EXPECT_EQ(unknown.status, 404u);
}

TEST_F(WebhooksTest, SubscriptionValidation) {
  auto bad_type = Subscribe("OFFER_UNPUBLISHED", "http://127.0.0.1:1/x");
  EXPECT_EQ(bad_type.status, 400u) << bad_type.body;
  auto bad_url = Subscribe("PO_CREATED", "not a url");
  EXPECT_EQ(bad_url.status, 400u) << bad_url.body;
  auto bad_auth =
      Subscribe("PO_CREATED", "http://127.0.0.1:1/x", R"(,"authDetails":{"authMethod":"HMAC"})");
  EXPECT_EQ(bad_auth.status, 400u) << bad_auth.body;
  auto ok = Subscribe("PO_CREATED", "http://127.0.0.1:1/x");
  ASSERT_EQ(ok.status, 200u) << ok.body;
  const std::string id(ok.Json().at("events").at(0).at("subscriptionId").as_string());
  auto listed = Get("/v3/webhooks/subscriptions", token_a_);
  ASSERT_EQ(listed.status, 200u);
  EXPECT_EQ(listed.Json().at("events").as_array().size(), 1u);
  HttpClient client(server_->port());
  auto headers = WalmartHeaders(token_a_);
  headers.emplace_back("Content-Type", "application/json");
  auto patched = client.Request("PATCH", "/v3/webhooks/subscriptions/" + id, headers,
                                R"({"status":"INACTIVE"})");
  ASSERT_EQ(patched.status, 200u) << patched.body;
  EXPECT_EQ(patched.Json().at("status").as_string(), "INACTIVE");
  auto deleted = client.Request("DELETE", "/v3/webhooks/subscriptions/" + id, headers);
  ASSERT_EQ(deleted.status, 200u) << deleted.body;
  EXPECT_EQ(deleted.Json().at("message").as_string(), "Successfully deleted subscription");
  auto again = client.Request("DELETE", "/v3/webhooks/subscriptions/" + id, headers);
  EXPECT_EQ(again.status, 404u);
}

// The event is committed with the order; a server killed before sending
// it sends it after a restart.
TEST(WebhooksDurability, EventSurvivesKillBeforeDelivery) {
  TempDir dir;
  const std::string db = dir.db_url();
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}),
            0);
  WebhookReceiver receiver;
  std::string po;
  {
    // This process sends nothing: the event can only wait in the outbox.
    ServerProcess server({"--sandbox-key", kSandboxKey, "--webhook-workers", "0"}, &dir);
    const std::string token = FetchToken(server.port(), kClientA, kSecret);
    HttpClient client(server.port());
    auto headers = WalmartHeaders(token);
    headers.emplace_back("Content-Type", "application/json");
    auto subscribed = client.Request(
        "POST", "/v3/webhooks/subscriptions", headers,
        R"({"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ORDER","eventUrl":")" +
            receiver.Url() + R"(","status":"ACTIVE"}]})");
    ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
    HttpClient control(server.port());
    auto created = control.Request(
        "POST", std::string("/sandbox/v1/sellers/") + kSellerA + "/orders",
        {{"X-Sandbox-Key", kSandboxKey}, {"Content-Type", "application/json"}}, "{}");
    ASSERT_EQ(created.status, 201u) << created.body;
    po = std::string(created.Json().at("purchaseOrderIds").at(0).as_string());
    server.Signal(SIGKILL);
    for (int i = 0; i < 100 && server.Running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
  }
  EXPECT_TRUE(receiver.Received().empty());
  ServerProcess restarted({"--sandbox-key", kSandboxKey}, &dir);
  auto received = receiver.WaitFor(1);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(boost::json::parse(received[0].body).at("payload").at("purchaseOrderId").as_string(),
            po);
}

// Two server processes on one database (a SQLite file, or PostgreSQL under
// MPORDERS_TEST_ENGINE=postgres): each attempt is sent once.
TEST(WebhooksDurability, TwoProcessesSendEachAttemptOnce) {
  TempDir dir;
  const std::string db = dir.db_url();
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}),
            0);
  WebhookReceiver receiver;
  ServerProcess first({"--sandbox-key", kSandboxKey}, &dir);
  ServerProcess second({"--sandbox-key", kSandboxKey}, &dir);
  const std::string token = FetchToken(first.port(), kClientA, kSecret);
  HttpClient client(first.port());
  auto headers = WalmartHeaders(token);
  headers.emplace_back("Content-Type", "application/json");
  auto subscribed = client.Request(
      "POST", "/v3/webhooks/subscriptions", headers,
      R"({"events":[{"eventType":"PO_CREATED","eventVersion":"V1","resourceName":"ORDER","eventUrl":")" +
          receiver.Url() + R"(","status":"ACTIVE"}]})");
  ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
  // Orders created through both processes.
  for (const ServerProcess* server : {&first, &second, &first, &second}) {
    HttpClient control(server->port());
    auto created = control.Request(
        "POST", std::string("/sandbox/v1/sellers/") + kSellerA + "/orders",
        {{"X-Sandbox-Key", kSandboxKey}, {"Content-Type", "application/json"}}, R"({"count":10})");
    ASSERT_EQ(created.status, 201u) << created.body;
  }
  auto received = receiver.WaitFor(40);
  ASSERT_EQ(received.size(), 40u);
  EXPECT_EQ(receiver.WaitFor(41, 2000).size(), 40u);
  std::set<std::string> event_ids;
  for (const auto& hook : received) {
    event_ids.insert(
        std::string(boost::json::parse(hook.body).at("source").at("eventId").as_string()));
  }
  EXPECT_EQ(event_ids.size(), 40u);
}

}  // namespace
}  // namespace mporders::testing

namespace mporders::testing {
namespace {

// Walmart's dynamic sandbox: the token's seller creates and delivers orders.
TEST_F(WebhooksTest, DynamicSandboxRoutesCreateAndDeliver) {
  WebhookReceiver receiver;
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url()).status, 200u);
  HttpClient client(server_->port());
  auto headers = WalmartHeaders(token_a_);
  headers.emplace_back("WM_SANDBOX", "v2");
  headers.emplace_back("Content-Type", "application/json");
  auto created = client.Request("POST", "/v1/simulations/orders", headers, "");
  ASSERT_EQ(created.status, 201u) << created.body;
  const std::string po(created.Json().at("purchaseOrderIds").at(0).as_string());
  ASSERT_EQ(receiver.WaitFor(1).size(), 1u);
  EXPECT_EQ(GetOrder(po).status, 200u);
  // Nothing shipped yet: delivering is refused with Walmart's error body.
  auto deliver = client.Request("POST", "/v1/simulations/" + po + "/deliver", headers, "");
  EXPECT_EQ(deliver.status, 400u) << deliver.body;
  auto wrong = WalmartHeaders(token_a_);
  wrong.emplace_back("WM_SANDBOX", "v1");
  EXPECT_EQ(client.Request("POST", "/v1/simulations/orders", wrong, "").status, 400u);
  EXPECT_EQ(client.Request("POST", "/v1/simulations/orders", WalmartHeaders("bad"), "").status,
            401u);
}

TEST_F(WebhooksTest, OAuthFetchesATokenThenSendsBearerAndCustomHeaders) {
  WebhookReceiver receiver;
  receiver.SetBody(R"({"access_token":"tok-123","expires_in":900})");
  const std::string auth = R"(,"headers":{"X-Env":"test"},"authDetails":{"authMethod":"OAUTH",)"
                           R"("authHeaderName":"Authorization","clientId":"cid",)"
                           R"("clientSecret":"csecret","authUrl":")" +
                           receiver.Url("/token") + R"("})";
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url(), auth).status, 200u);
  CreateOrders(R"({"count":1,"seed":21})");
  auto received = receiver.WaitFor(2);
  ASSERT_EQ(received.size(), 2u);
  EXPECT_EQ(received[0].target, "/token");
  EXPECT_EQ(received[0].body, "grant_type=client_credentials");
  EXPECT_EQ(received[0].headers.at("authorization"), "Basic " + Base64("cid:csecret"));
  EXPECT_EQ(received[1].target, "/events");
  EXPECT_EQ(received[1].headers.at("authorization"), "Bearer tok-123");
  EXPECT_EQ(received[1].headers.at("x-env"), "test");
}

TEST_F(WebhooksTest, BasicAuthHeader) {
  WebhookReceiver receiver;
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url(),
                      R"(,"authDetails":{"authMethod":"BASIC_AUTH","authHeaderName":"X-Auth",)"
                      R"("userName":"abc","password":"test"})")
                .status,
            200u);
  CreateOrders(R"({"count":1,"seed":22})");
  auto received = receiver.WaitFor(1);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].headers.at("x-auth"), "Basic " + Base64("abc:test"));
}

// HTTPS receivers: the server verifies the receiver's certificate against
// OpenSSL's trust store, which SSL_CERT_FILE points at a certificate made
// here by `mporders certs` (self-signed, names 127.0.0.1 and localhost).
class WebhooksHttpsTest : public WebhooksTest {
 protected:
  void BeforeServe() override {
    certs_ = dir_.path() / "receiver-certs";
    std::string output;
    ASSERT_EQ(RunCli({"certs", "--out", certs_.string()}, &output), 0) << output;
    ASSERT_EQ(::setenv("SSL_CERT_FILE", Cert().c_str(), 1), 0);
  }
  void TearDown() override { ::unsetenv("SSL_CERT_FILE"); }
  std::string Cert() const { return (certs_ / "cert.pem").string(); }
  std::string Key() const { return (certs_ / "key.pem").string(); }

  std::filesystem::path certs_;
};

TEST_F(WebhooksHttpsTest, PoCreatedArrivesOverHttps) {
  WebhookReceiver receiver(Cert(), Key());
  ASSERT_EQ(receiver.Url().rfind("https://127.0.0.1:", 0), 0u);
  auto subscribed = Subscribe("PO_CREATED", receiver.Url(), HmacAuth());
  ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
  const auto ids = CreateOrders(R"({"count":1,"seed":31})");
  ASSERT_EQ(ids.size(), 1u);
  auto received = receiver.WaitFor(1);
  ASSERT_EQ(received.size(), 1u);
  EXPECT_EQ(received[0].target, "/events");
  auto json = boost::json::parse(received[0].body);
  EXPECT_EQ(json.at("source").at("eventType").as_string(), "PO_CREATED");
  EXPECT_EQ(json.at("payload").at("purchaseOrderId").as_string(), ids[0]);
  EXPECT_EQ(received[0].headers.at("x-signature"), PythonHmac(kHmacSecret, received[0].body, dir_));
  auto delivery = FirstAttempted();
  EXPECT_EQ(delivery.at("status").as_string(), "DELIVERED");
  EXPECT_EQ(delivery.at("lastStatusCode").as_int64(), 200);
}

TEST_F(WebhooksHttpsTest, ReceiverWithAnUntrustedCertificateGetsNothing) {
  TempDir other;
  ASSERT_EQ(RunCli({"certs", "--out", other.path().string()}), 0);
  WebhookReceiver receiver((other.path() / "cert.pem").string(),
                           (other.path() / "key.pem").string());
  ASSERT_EQ(Subscribe("PO_CREATED", receiver.Url()).status, 200u);
  CreateOrders(R"({"count":1,"seed":32})");
  auto delivery = FirstAttempted();
  EXPECT_EQ(delivery.at("status").as_string(), "RETRYING");
  EXPECT_FALSE(delivery.contains("lastStatusCode"));
  const std::string error(delivery.at("lastError").as_string());
  EXPECT_NE(error.find("TLS handshake with 127.0.0.1 failed"), std::string::npos) << error;
  EXPECT_NE(error.find("certificate verify failed"), std::string::npos) << error;
  EXPECT_TRUE(receiver.Received().empty());
}

// --webhook-allow-schemes https: an http URL is refused when subscribing.
class WebhooksHttpsOnlyTest : public WebhooksTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key", kSandboxKey, "--webhook-allow-schemes", "https"};
  }
};

TEST_F(WebhooksHttpsOnlyTest, HttpSubscriptionIsRefused) {
  WebhookReceiver receiver;
  auto refused = Subscribe("PO_CREATED", receiver.Url());
  EXPECT_EQ(refused.status, 400u) << refused.body;
  EXPECT_NE(refused.body.find("eventUrl scheme http is not allowed here"), std::string::npos)
      << refused.body;
  auto listed = Get("/v3/webhooks/subscriptions", token_a_);
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_TRUE(listed.Json().at("events").as_array().empty()) << listed.body;
  CreateOrders(R"({"count":1,"seed":33})");
  EXPECT_TRUE(receiver.WaitFor(1, 1000).empty());
  EXPECT_TRUE(Deliveries().empty());
  // https is still accepted.
  EXPECT_EQ(Subscribe("PO_CREATED", "https://127.0.0.1:1/events").status, 200u);
}

// --webhook-allow-networks 10.0.0.0/8: a loopback address is refused when
// subscribing; a host name is checked at each attempt, and loopback gets nothing.
class WebhooksPrivateNetworkTest : public WebhooksTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key", kSandboxKey, "--webhook-allow-networks", "10.0.0.0/8"};
  }
};

TEST_F(WebhooksPrivateNetworkTest, LoopbackReceiverGetsNothing) {
  WebhookReceiver receiver;
  auto literal = Subscribe("PO_CREATED", receiver.Url());
  EXPECT_EQ(literal.status, 400u) << literal.body;
  EXPECT_NE(literal.body.find("eventUrl address 127.0.0.1 is not allowed here"), std::string::npos)
      << literal.body;

  const std::string by_name = "http://localhost:" + std::to_string(receiver.port()) + "/events";
  auto subscribed = Subscribe("PO_CREATED", by_name);
  ASSERT_EQ(subscribed.status, 200u) << subscribed.body;
  CreateOrders(R"({"count":1,"seed":34})");
  auto delivery = FirstAttempted();
  EXPECT_EQ(delivery.at("status").as_string(), "RETRYING");
  EXPECT_FALSE(delivery.contains("lastStatusCode"));
  EXPECT_EQ(delivery.at("lastError").as_string(),
            "no address of localhost is an allowed destination");
  const auto& attempts = delivery.at("attempts").as_array();
  ASSERT_EQ(attempts.size(), 1u);
  EXPECT_EQ(attempts[0].at("error").as_string(),
            "no address of localhost is an allowed destination");
  // Retries are refused the same way.
  Advance(5);
  for (int i = 0; i < 200 && Deliveries().at(0).at("attempts").as_array().size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(Deliveries().at(0).at("attempts").as_array().size(), 2u);
  EXPECT_TRUE(receiver.Received().empty());
}

TEST(WebhooksNoSandbox, SimulationRoutesAreAbsent) {
  TempDir dir;
  ServerProcess server({"--no-sandbox"}, &dir);
  HttpClient client(server.port());
  EXPECT_EQ(client.Request("POST", "/v1/simulations/orders", {{"WM_SANDBOX", "v2"}}, "").status,
            404u);
}

}  // namespace
}  // namespace mporders::testing
