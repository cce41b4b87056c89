// The HTTP layer against the real server: keep-alive, concurrency, limits,
// malformed requests, graceful shutdown.

#include <atomic>
#include <thread>

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

class ServerTest : public ApiTest {};

TEST_F(ServerTest, HealthzAnswersWithoutCredentials) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/healthz");
  EXPECT_EQ(response.status, 200u);
  EXPECT_EQ(response.Json().at("status").as_string(), "ok");
}

TEST_F(ServerTest, KeepAliveServesManyRequestsOnOneConnection) {
  HttpClient client(server_->port());
  for (int i = 0; i < 50; ++i) {
    auto response = client.Request("GET", "/healthz");
    ASSERT_EQ(response.status, 200u);
    ASSERT_TRUE(response.keep_alive);
  }
}

TEST_F(ServerTest, ConnectionCloseIsHonoured) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/healthz", {{"Connection", "close"}});
  EXPECT_EQ(response.status, 200u);
  EXPECT_FALSE(response.keep_alive);
  EXPECT_TRUE(client.ServerClosed());
}

TEST_F(ServerTest, ConcurrentClientsAllGetAnswers) {
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 16; ++t) {
    threads.emplace_back([&, t] {
      HttpClient client(server_->port());
      for (int i = 0; i < 20; ++i) {
        auto response = client.Request("GET", "/v3/orders/does-not-exist",
                                       WalmartHeaders(token_a_, "cid-" + std::to_string(t)));
        if (response.status == 404 && response.Header("wm_qos.correlation_id") == "cid-" + std::to_string(t)) {
          ++ok;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(ok.load(), 16 * 20);
}

TEST_F(ServerTest, CorrelationIdIsEchoed) {
  auto response = Get("/v3/orders/unknown", token_a_);
  EXPECT_EQ(response.Header("wm_qos.correlation_id"), "test-cid");
}

TEST_F(ServerTest, OversizedHeaderBlockGets431) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/healthz", {{"X-Padding", std::string(17 * 1024, 'a')}});
  ExpectWalmartError(response, 431, "REQUEST_HEADER_FIELDS_TOO_LARGE.GMP_ORDER_API");
}

TEST_F(ServerTest, OversizedBodyGets413) {
  HttpClient client(server_->port());
  auto headers = WalmartHeaders(token_a_);
  headers.emplace_back("Content-Type", "application/json");
  auto response = client.Request("POST", "/v3/orders/123/shipping", headers,
                                 std::string(1024 * 1024 + 1, ' '));
  ExpectWalmartError(response, 413, "PAYLOAD_TOO_LARGE.GMP_ORDER_API");
}

TEST_F(ServerTest, MalformedRequestLineGets400AndServerStaysUp) {
  HttpClient client(server_->port());
  auto response = client.RawExchange("GARBAGE\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 400u);
  HttpClient again(server_->port());
  EXPECT_EQ(again.Request("GET", "/healthz").status, 200u);
}

TEST_F(ServerTest, MalformedPercentEscapeGets400) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/v3/orders/%zz", WalmartHeaders(token_a_));
  ExpectWalmartError(response, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
}

TEST_F(ServerTest, UnknownRouteGets404AndWrongMethod405) {
  HttpClient client(server_->port());
  ExpectWalmartError(client.Request("GET", "/v3/nothing-here", WalmartHeaders(token_a_)), 404,
                     "URI_NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(client.Request("DELETE", "/v3/orders/123", WalmartHeaders(token_a_)), 405,
                     "METHOD_NOT_ALLOWED.GMP_ORDER_API");
}

TEST_F(ServerTest, Expect100ContinueIsAnswered) {
  HttpClient client(server_->port());
  std::string body = "grant_type=client_credentials";
  auto response = client.RawExchange(
      "POST /v3/token HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n"
      "Authorization: Basic " + Base64(std::string(kClientA) + ":" + kSecret) +
      "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  ASSERT_TRUE(response.has_value());
  EXPECT_EQ(response->status, 100u);
  auto final_response = client.RawExchange(body);
  ASSERT_TRUE(final_response.has_value());
  EXPECT_EQ(final_response->status, 200u) << final_response->body;
}

TEST_F(ServerTest, GracefulShutdownClosesIdleConnectionsAndExitsCleanly) {
  HttpClient idle(server_->port());
  ASSERT_EQ(idle.Request("GET", "/healthz").status, 200u);
  EXPECT_EQ(server_->Terminate(), 0);
  EXPECT_TRUE(idle.ServerClosed());
}

TEST_F(ServerTest, GracefulShutdownFinishesRequestsInFlight) {
  // Token requests run a deliberately slow key derivation, so several sent at
  // once are still in flight when the signal arrives. Each connection must get
  // either its complete answer (with Connection: close) or, if its request was
  // never read, a clean close - never a cut-off response.
  std::string body = "grant_type=client_credentials";
  std::string request =
      "POST /v3/token HTTP/1.1\r\nHost: x\r\nAuthorization: Basic " +
      Base64(std::string(kClientA) + ":" + kSecret) +
      "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body;
  constexpr int kClients = 4;
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int i = 0; i < kClients; ++i) clients.push_back(std::make_unique<HttpClient>(server_->port()));
  std::vector<std::optional<HttpResponse>> responses(kClients);
  std::vector<std::thread> senders;
  for (int i = 0; i < kClients; ++i) {
    senders.emplace_back([&, i] { responses[i] = clients[i]->RawExchange(request); });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  int exit_code = server_->Terminate();
  for (auto& sender : senders) sender.join();
  int answered = 0;
  for (const auto& response : responses) {
    if (!response.has_value()) continue;
    ++answered;
    EXPECT_EQ(response->status, 200u) << response->body;
    EXPECT_NO_THROW(response->Json().at("access_token"));
  }
  EXPECT_GE(answered, 1);
  EXPECT_EQ(exit_code, 0);
}

}  // namespace
}  // namespace mporders::testing
