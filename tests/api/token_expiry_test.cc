// Token expiry in the middle of a session, over real HTTP, with an injected
// clock: the real API handler and HTTP server run in this process on an
// ephemeral port with a ManualClock, so that the 900 s lifetime is crossed by
// moving the clock, not by waiting. One keep-alive connection carries the
// whole session: token, calls, expiry, a new token, calls again.

#include <gtest/gtest.h>

#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <string>
#include <thread>

#include "api/errors.h"
#include "api/routes.h"
#include "auth/credentials.h"
#include "auth/tokens.h"
#include "http/server.h"
#include "store/open/store_open.h"
#include "store/store.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace mporders::testing {
namespace {

constexpr EpochMillis kStart = 1700000000000;  // 2023-11-14T22:13:20Z
constexpr std::int64_t kTtlSeconds = 900;

class TokenExpiryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore("sqlite:" + (dir_.path() / "expiry.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    ASSERT_TRUE(auth::CreateClient(*store_, clock_, "seller-x", std::string("client-x"),
                                   std::string("secret-for-expiry"))
                    .ok());
    auto tokens = auth::TokenService::Create(*store_, clock_, kTtlSeconds);
    ASSERT_TRUE(tokens.ok());
    tokens_ = std::move(tokens).value();
    context_ = std::make_unique<api::ApiContext>(
        api::ApiContext{*store_, *tokens_, clock_, blocking_, api::ApiOptions{}});
    http::ServerOptions options;
    options.port = 0;
    options.threads = 1;
    server_ = std::make_unique<http::Server>(options, api::MakeApiHandler(*context_),
                                             api::TransportErrorReply, api::LogAccess);
    ASSERT_TRUE(server_->Start().ok());
    runner_ = std::thread([this] { server_->Run(); });
  }

  void TearDown() override {
    if (server_) server_->Stop();
    if (runner_.joinable()) runner_.join();
    blocking_.join();
  }

  std::string NewToken(HttpClient& client) {
    auto response =
        client.Request("POST", "/v3/token",
                       {{"Authorization", "Basic " + Base64("client-x:secret-for-expiry")},
                        {"Content-Type", "application/x-www-form-urlencoded"},
                        {"Accept", "application/json"}},
                       "grant_type=client_credentials");
    EXPECT_EQ(response.status, 200u) << response.body;
    EXPECT_EQ(response.Json().at("expires_in").as_int64(), kTtlSeconds);
    return std::string(response.Json().at("access_token").as_string());
  }

  TempDir dir_;
  ManualClock clock_{kStart};
  std::unique_ptr<Store> store_;
  std::unique_ptr<auth::TokenService> tokens_;
  boost::asio::thread_pool blocking_{2};
  std::unique_ptr<api::ApiContext> context_;
  std::unique_ptr<http::Server> server_;
  std::thread runner_;
};

TEST_F(TokenExpiryTest, TokenExpiresMidSessionAndANewOneContinuesIt) {
  HttpClient client(server_->port());  // one connection for the whole session
  const std::string first = NewToken(client);

  auto detail = client.Request("GET", "/v3/token/detail", WalmartHeaders(first));
  ASSERT_EQ(detail.status, 200u) << detail.body;
  EXPECT_EQ(detail.Json().at("issued_at").as_string(), std::to_string(kStart));
  EXPECT_EQ(detail.Json().at("expire_at").as_string(),
            std::to_string(kStart + kTtlSeconds * kMillisPerSecond));

  // Authenticated calls (the order does not exist: 404, not 401) right up to
  // the last millisecond of the token's life.
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(first)).status, 404u);
  clock_.Advance(kTtlSeconds * kMillisPerSecond - 1);
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(first)).status, 404u);

  clock_.Advance(1);
  auto expired = client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(first));
  EXPECT_EQ(expired.status, 401u) << expired.body;
  const boost::json::value body = expired.Json();
  const auto& error = body.at("errors").as_array()[0];
  EXPECT_EQ(error.at("code").as_string(), "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(std::string(error.at("description").as_string()).find("expired"), std::string::npos);
  auto expired_detail = client.Request("GET", "/v3/token/detail", WalmartHeaders(first));
  EXPECT_EQ(expired_detail.status, 401u);
  EXPECT_EQ(expired_detail.Json().at("errors").as_array()[0].at("code").as_string(),
            "UNAUTHORIZED.GMP_GATEWAY_API");
  EXPECT_TRUE(expired.keep_alive);  // a 401 does not end the session

  // Same connection: a new token, and the session goes on.
  const std::string second = NewToken(client);
  EXPECT_NE(second, first);
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(second)).status, 404u);
  auto second_detail = client.Request("GET", "/v3/token/detail", WalmartHeaders(second));
  EXPECT_EQ(second_detail.Json().at("issued_at").as_string(),
            std::to_string(kStart + kTtlSeconds * kMillisPerSecond));
  // The old token stays expired.
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(first)).status, 401u);
}

TEST_F(TokenExpiryTest, TwoTokensOfOneClientExpireEachOnItsOwnSchedule) {
  HttpClient client(server_->port());
  const std::string early = NewToken(client);
  clock_.Advance(600 * kMillisPerSecond);
  const std::string late = NewToken(client);
  clock_.Advance(300 * kMillisPerSecond);  // early: exactly 900 s old
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(early)).status, 401u);
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(late)).status, 404u);
  clock_.Advance(600 * kMillisPerSecond);  // late: 900 s old
  EXPECT_EQ(client.Request("GET", "/v3/orders/PO-1", WalmartHeaders(late)).status, 401u);
}

}  // namespace
}  // namespace mporders::testing
