#include "ratelimit/rate_limiter.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

namespace mporders::ratelimit {
namespace {

constexpr EpochMillis kStart = 1'700'000'000'000;

TEST(RateLimiterTest, DefaultsAreWalmartsDocumentedLimits) {
  ManualClock clock(kStart);
  RateLimiter limiter(clock, {});
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kGetAllOrders), 5000);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kGetAnOrder), 5000);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kGetAllReleasedOrders), 5000);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kAcknowledgeOrders), 60);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kShippingUpdates), 60);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kCancelOrderLines), 60);
  EXPECT_EQ(limiter.LimitFor("s", EndpointGroup::kRefundOrderLines), 60);
  EXPECT_EQ(limiter.Take("s", EndpointGroup::kShippingUpdates).remaining, 59);
}

TEST(RateLimiterTest, BucketsAreSeparatePerSellerAndGroup) {
  ManualClock clock(kStart);
  RateLimitConfig config;
  config.defaults[static_cast<std::size_t>(EndpointGroup::kAcknowledgeOrders)] = 2;
  RateLimiter limiter(clock, config);
  EXPECT_TRUE(limiter.Take("a", EndpointGroup::kAcknowledgeOrders).allowed);
  EXPECT_TRUE(limiter.Take("a", EndpointGroup::kAcknowledgeOrders).allowed);
  EXPECT_FALSE(limiter.Take("a", EndpointGroup::kAcknowledgeOrders).allowed);
  // Another seller, and another endpoint of the same seller, are untouched.
  EXPECT_EQ(limiter.Take("b", EndpointGroup::kAcknowledgeOrders).remaining, 1);
  EXPECT_EQ(limiter.Take("a", EndpointGroup::kCancelOrderLines).remaining, 59);
  // A seller id that is a prefix of another does not share its bucket.
  EXPECT_EQ(limiter.Take("aa", EndpointGroup::kAcknowledgeOrders).remaining, 1);
}

TEST(RateLimiterTest, SellerOverridesReplaceOnlyTheirGroups) {
  ManualClock clock(kStart);
  RateLimitConfig config;
  config.sellers["big"][EndpointGroup::kShippingUpdates] = 600;
  RateLimiter limiter(clock, config);
  EXPECT_EQ(limiter.LimitFor("big", EndpointGroup::kShippingUpdates), 600);
  EXPECT_EQ(limiter.LimitFor("big", EndpointGroup::kCancelOrderLines), 60);
  EXPECT_EQ(limiter.LimitFor("other", EndpointGroup::kShippingUpdates), 60);
  RateDecision taken = limiter.Take("big", EndpointGroup::kShippingUpdates);
  EXPECT_EQ(taken.limit, 600);
  EXPECT_EQ(taken.remaining, 599);
}

TEST(RateLimiterTest, RefillFollowsTheInjectedClock) {
  ManualClock clock(kStart);
  RateLimitConfig config;
  config.defaults[static_cast<std::size_t>(EndpointGroup::kRefundOrderLines)] = 1;
  RateLimiter limiter(clock, config);
  EXPECT_TRUE(limiter.Take("s", EndpointGroup::kRefundOrderLines).allowed);
  RateDecision refused = limiter.Take("s", EndpointGroup::kRefundOrderLines);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.next_replenishment, kStart + kMillisPerMinute);
  EXPECT_EQ(refused.retry_after_seconds, 60);
  clock.Advance(kMillisPerMinute);
  EXPECT_TRUE(limiter.Take("s", EndpointGroup::kRefundOrderLines).allowed);
}

TEST(RateLimiterTest, ExactUnderConcurrency) {
  // N threads x M takes against K tokens on a frozen clock: exactly K succeed,
  // on one bucket and on buckets sharing stripes.
  ManualClock clock(kStart);
  constexpr int kThreads = 8;
  constexpr int kTakesPerThread = 2000;
  constexpr std::int64_t kTokens = 5000;
  RateLimitConfig config;
  config.defaults[static_cast<std::size_t>(EndpointGroup::kGetAnOrder)] = kTokens;
  RateLimiter limiter(clock, config);
  std::atomic<std::int64_t> granted{0};
  std::atomic<std::int64_t> other_sellers_granted{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int i = 0; i < kTakesPerThread; ++i) {
        if (limiter.Take("hot", EndpointGroup::kGetAnOrder).allowed) granted.fetch_add(1);
        std::string other = "seller-" + std::to_string((t * kTakesPerThread + i) % 97);
        if (limiter.Take(other, EndpointGroup::kAcknowledgeOrders).allowed) {
          other_sellers_granted.fetch_add(1);
        }
      }
    });
  }
  go.store(true);
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(granted.load(), kTokens);
  EXPECT_EQ(other_sellers_granted.load(), 97 * 60);  // 16000 takes, 97 buckets of 60
  EXPECT_EQ(limiter.Take("hot", EndpointGroup::kGetAnOrder).remaining, 0);
}

TEST(RateLimiterTest, ValidationRejectsLimitsOutOfRange) {
  RateLimitConfig config;
  EXPECT_TRUE(ValidateRateLimitConfig(config).ok());
  config.defaults[static_cast<std::size_t>(EndpointGroup::kGetAllOrders)] = 0;
  Status zero = ValidateRateLimitConfig(config);
  EXPECT_FALSE(zero.ok());
  EXPECT_NE(zero.description().find("getAllOrders"), std::string::npos) << zero.description();
  config = {};
  config.sellers["s1"][EndpointGroup::kRefundOrderLines] = kMaxLimitPerMinute + 1;
  Status huge = ValidateRateLimitConfig(config);
  EXPECT_FALSE(huge.ok());
  EXPECT_NE(huge.description().find("s1"), std::string::npos) << huge.description();
}

TEST(RateLimiterTest, GroupNamesRoundTrip) {
  for (EndpointGroup group : kAllEndpointGroups) {
    EXPECT_EQ(EndpointGroupFromName(EndpointGroupName(group)), group);
  }
  EXPECT_EQ(EndpointGroupFromName("acknowledge"), std::nullopt);
}

}  // namespace
}  // namespace mporders::ratelimit
