// Rate limits over real HTTP: Walmart's headers on every response of a
// throttled route, 429 with Walmart's body and Retry-After, per-seller and
// per-endpoint buckets from the configuration file, exactness under parallel
// load, and --no-rate-limit.

#include <fstream>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

// Seller A may acknowledge 5 times and read one order 4 times a minute
// (a token every 12 s and 15 s: no refill during a test); everything else,
// and every other seller, has Walmart's defaults.
constexpr char kLimitsJson[] = R"({
  "rate-limits": {
    "sellers": {"seller-a": {"acknowledgeOrders": 5, "getAnOrder": 4}}
  }
})";
constexpr int kAckLimitA = 5;
constexpr int kGetLimitA = 4;

class RateLimitTest : public ApiTest {
 protected:
  void BeforeServe() override {
    std::ofstream(ConfigPath()) << kLimitsJson;
    std::int64_t date = NowSeconds() - kHour;
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("RL-A", date)}, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB, {Order("RL-B", date)}, dir_.path()), 0);
  }
  std::vector<std::string> ServeArgs() override { return {"--config", ConfigPath()}; }

  std::string ConfigPath() const { return (dir_.path() / "limits.json").string(); }

  // POSTs `target` from `n` threads, each on its own connection, all
  // released at once; returns the responses.
  std::vector<HttpResponse> PostInParallel(const std::string& target, const std::string& token,
                                           int n) {
    std::vector<HttpResponse> responses(n);
    std::latch ready(n);
    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
      threads.emplace_back([&, i] {
        try {
          HttpClient client(server_->port());
          ready.arrive_and_wait();
          responses[i] =
              client.Request("POST", target, WalmartHeaders(token, "p-" + std::to_string(i)));
        } catch (const std::exception&) {
          responses[i].status = 0;
        }
      });
    }
    for (auto& thread : threads) thread.join();
    return responses;
  }
};

// Asserts both rate-limit headers, a count within [0, limit) and a
// replenishment instant between now and one token interval from now.
void ExpectRateHeaders(const HttpResponse& response, std::int64_t limit) {
  ASSERT_FALSE(response.Header("x-current-token-count").empty())
      << response.status << " " << response.body;
  ASSERT_FALSE(response.Header("x-next-replenishment-time").empty());
  std::int64_t count = std::stoll(response.Header("x-current-token-count"));
  EXPECT_GE(count, 0);
  EXPECT_LT(count, limit);
  std::int64_t next = std::stoll(response.Header("x-next-replenishment-time"));
  std::int64_t now = NowMillis();
  EXPECT_GE(next, now - 5 * kSecond);
  EXPECT_LE(next, now + kMinute / limit + kSecond);
}

TEST_F(RateLimitTest, EveryResponseOfAThrottledRouteCarriesTheHeaders) {
  ExpectRateHeaders(Get("/v3/orders", token_a_), 5000);             // 200
  ExpectRateHeaders(Get("/v3/orders?limit=0", token_a_), 5000);     // 400 from the handler
  ExpectRateHeaders(Get("/v3/orders/released", token_a_), 5000);    // 200
  ExpectRateHeaders(Get("/v3/orders/RL-A", token_a_), kGetLimitA);  // 200
  ExpectRateHeaders(Get("/v3/orders/NOPE", token_a_), kGetLimitA);  // 404
  ExpectRateHeaders(Post("/v3/orders/RL-A/acknowledge", token_a_, ""), kAckLimitA);
  ExpectRateHeaders(Post("/v3/orders/RL-A/cancel", token_a_, "not json"), 60);  // 400
  ExpectRateHeaders(Post("/v3/orders/RL-A/shipping", token_a_, "{}"), 60);      // 400
  ExpectRateHeaders(Post("/v3/orders/RL-A/refund", token_a_, "{}"), 60);        // 400
}

TEST_F(RateLimitTest, UnthrottledRoutesAndUnauthenticatedCallsCarryNoHeaders) {
  HttpClient client(server_->port());
  auto health = client.Request("GET", "/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_TRUE(health.Header("x-current-token-count").empty());
  auto detail = Get("/v3/token/detail", token_a_);
  EXPECT_EQ(detail.status, 200u);
  EXPECT_TRUE(detail.Header("x-current-token-count").empty());
  auto token =
      client.Request("POST", "/v3/token",
                     {{"Authorization", "Basic " + Base64(std::string(kClientA) + ":" + kSecret)}},
                     "grant_type=client_credentials");
  EXPECT_EQ(token.status, 200u);
  EXPECT_TRUE(token.Header("x-current-token-count").empty());
  // No seller is known before the token is checked: nothing to count against.
  auto unauthorized = Get("/v3/orders/RL-A", "not-a-token");
  EXPECT_EQ(unauthorized.status, 401u);
  EXPECT_TRUE(unauthorized.Header("x-current-token-count").empty());
  auto missing_header =
      client.Request("GET", "/v3/orders/RL-A",
                     {{"WM_SEC.ACCESS_TOKEN", token_a_}, {"WM_QOS.CORRELATION_ID", "c"}});
  EXPECT_EQ(missing_header.status, 400u);
  EXPECT_TRUE(missing_header.Header("x-current-token-count").empty());
  // Neither took a token: the first counted call still finds the bucket full.
  EXPECT_EQ(Get("/v3/orders/RL-A", token_a_).Header("x-current-token-count"),
            std::to_string(kGetLimitA - 1));
}

TEST_F(RateLimitTest, CountGoesDownThenTheCallIsRefusedWith429) {
  for (int expected = kGetLimitA - 1; expected >= 0; --expected) {
    auto response = Get("/v3/orders/RL-A", token_a_);
    ASSERT_EQ(response.status, 200u) << response.body;
    EXPECT_EQ(response.Header("x-current-token-count"), std::to_string(expected));
  }
  auto refused = Get("/v3/orders/RL-A", token_a_);
  ExpectWalmartError(refused, 429, "RATE_LIMIT_EXCEEDED.GMP_ORDER_API");
  EXPECT_EQ(refused.Json().at("errors").as_array()[0].at("info").as_string(),
            "Rate limit exceeded. Retry after the specified time.");
  EXPECT_EQ(refused.Header("x-current-token-count"), "0");
  // 4 per minute: a token every 15 s, so the wait is at most 15 s.
  ASSERT_FALSE(refused.Header("retry-after").empty());
  std::int64_t retry_after = std::stoll(refused.Header("retry-after"));
  EXPECT_GE(retry_after, 1);
  EXPECT_LE(retry_after, 15);
  std::int64_t next = std::stoll(refused.Header("x-next-replenishment-time"));
  std::int64_t wait_ms = next - NowMillis();
  EXPECT_GT(wait_ms, (retry_after - 1) * kSecond - 2 * kSecond);
  EXPECT_LE(wait_ms, retry_after * kSecond);
  // A refused call takes nothing: the next one is refused the same way.
  EXPECT_EQ(Get("/v3/orders/RL-A", token_a_).status, 429u);
}

TEST_F(RateLimitTest, OnlyRefusedCallsCarryRetryAfter) {
  auto allowed = Get("/v3/orders/RL-A", token_a_);
  EXPECT_EQ(allowed.status, 200u);
  EXPECT_TRUE(allowed.Header("retry-after").empty());
}

TEST_F(RateLimitTest, ParallelRequestsAgainstALimitOfFiveLetExactlyFiveThrough) {
  auto responses = PostInParallel("/v3/orders/RL-A/acknowledge", token_a_, 20);
  int allowed = 0, refused = 0;
  for (const auto& response : responses) {
    if (response.status == 429) {
      ++refused;
      EXPECT_FALSE(response.Header("retry-after").empty());
    } else {
      ++allowed;
      EXPECT_EQ(response.status, 200u) << response.body;  // re-acknowledging succeeds
    }
    EXPECT_FALSE(response.Header("x-current-token-count").empty());
  }
  EXPECT_EQ(allowed, kAckLimitA);
  EXPECT_EQ(refused, 20 - kAckLimitA);
}

TEST_F(RateLimitTest, BucketsArePerSellerAndPerEndpoint) {
  for (int i = 0; i < kAckLimitA; ++i) {
    ASSERT_EQ(Post("/v3/orders/RL-A/acknowledge", token_a_, "").status, 200u);
  }
  EXPECT_EQ(Post("/v3/orders/RL-A/acknowledge", token_a_, "").status, 429u);
  // Seller B has its own bucket, with the default limit of 60.
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  auto other_seller = Post("/v3/orders/RL-B/acknowledge", token_b, "");
  EXPECT_EQ(other_seller.status, 200u) << other_seller.body;
  EXPECT_EQ(other_seller.Header("x-current-token-count"), "59");
  // Seller A's other endpoints are untouched.
  auto other_endpoint = Get("/v3/orders/RL-A", token_a_);
  EXPECT_EQ(other_endpoint.status, 200u);
  EXPECT_EQ(other_endpoint.Header("x-current-token-count"), std::to_string(kGetLimitA - 1));
}

TEST_F(RateLimitTest, TokensOfOneSellerShareItsBuckets) {
  // A second token of the same seller does not get a fresh allowance.
  std::string second = FetchToken(server_->port(), kClientA, kSecret);
  for (int i = 0; i < kGetLimitA; ++i) {
    ASSERT_EQ(Get("/v3/orders/RL-A", i % 2 ? second : token_a_).status, 200u);
  }
  EXPECT_EQ(Get("/v3/orders/RL-A", second).status, 429u);
}

class NoRateLimitTest : public RateLimitTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--config", ConfigPath(), "--no-rate-limit"};
  }
};

TEST_F(NoRateLimitTest, NothingIsRefusedAndNoHeadersAreSent) {
  auto responses = PostInParallel("/v3/orders/RL-A/acknowledge", token_a_, 20);
  for (const auto& response : responses) {
    EXPECT_EQ(response.status, 200u) << response.body;
    EXPECT_TRUE(response.Header("x-current-token-count").empty());
    EXPECT_TRUE(response.Header("x-next-replenishment-time").empty());
  }
}

}  // namespace
}  // namespace mporders::testing
