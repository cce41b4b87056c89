// GET /readyz through each state of Readiness, with the real API handler and
// HTTP server in this process (the start-up window of `mporders serve` is
// too short to hit from outside).

#include <gtest/gtest.h>

#include <boost/asio/thread_pool.hpp>
#include <memory>
#include <string>
#include <thread>

#include "api/errors.h"
#include "api/readiness.h"
#include "api/routes.h"
#include "auth/tokens.h"
#include "core/clock.h"
#include "http/server.h"
#include "store/open/store_open.h"
#include "store/store.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace mporders::testing {
namespace {

class ReadinessTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto store = OpenStore("sqlite:" + (dir_.path() / "ready.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto tokens = auth::TokenService::Create(*store_, clock_, 900);
    ASSERT_TRUE(tokens.ok());
    tokens_ = std::move(tokens).value();
    context_ = std::make_unique<api::ApiContext>(
        api::ApiContext{*store_, *tokens_, clock_, blocking_, api::ApiOptions{}});
    context_->readiness = &readiness_;
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

  HttpResponse Ready() {
    HttpClient client(server_->port());
    return client.Request("GET", "/readyz");
  }

  TempDir dir_;
  ManualClock clock_{1700000000000};
  std::unique_ptr<Store> store_;
  std::unique_ptr<auth::TokenService> tokens_;
  boost::asio::thread_pool blocking_{1};
  api::Readiness readiness_;
  std::unique_ptr<api::ApiContext> context_;
  std::unique_ptr<http::Server> server_;
  std::thread runner_;
};

TEST_F(ReadinessTest, Answers503UntilReadyThen200Then503WhenDraining) {
  auto starting = Ready();
  EXPECT_EQ(starting.status, 503u);
  EXPECT_EQ(starting.Json().at("status").as_string(), "starting");

  readiness_.SetReady();
  auto ready = Ready();
  EXPECT_EQ(ready.status, 200u) << ready.body;
  EXPECT_EQ(ready.Json().at("status").as_string(), "ready");

  readiness_.SetDraining();
  auto draining = Ready();
  EXPECT_EQ(draining.status, 503u);
  EXPECT_EQ(draining.Json().at("status").as_string(), "draining");

  // Liveness does not follow readiness.
  HttpClient client(server_->port());
  EXPECT_EQ(client.Request("GET", "/healthz").status, 200u);
}

}  // namespace
}  // namespace mporders::testing
