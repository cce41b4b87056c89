#include "ratelimit/token_bucket.h"

#include <gtest/gtest.h>

namespace mporders::ratelimit {
namespace {

constexpr EpochMillis kStart = 1'700'000'000'000;

TEST(TokenBucketTest, StartsFullAndRefusesWhenEmpty) {
  TokenBucket bucket(3, kMillisPerMinute, kStart);
  for (std::int64_t left = 2; left >= 0; --left) {
    RateDecision taken = bucket.Take(kStart);
    EXPECT_TRUE(taken.allowed);
    EXPECT_EQ(taken.remaining, left);
    EXPECT_EQ(taken.limit, 3);
    EXPECT_EQ(taken.retry_after_seconds, 0);
  }
  RateDecision refused = bucket.Take(kStart);
  EXPECT_FALSE(refused.allowed);
  EXPECT_EQ(refused.remaining, 0);
  // 3 per minute: one token every 20 s.
  EXPECT_EQ(refused.next_replenishment, kStart + 20'000);
  EXPECT_EQ(refused.retry_after_seconds, 20);
}

TEST(TokenBucketTest, RefillsContinuouslyNotPerWindow) {
  TokenBucket bucket(60, kMillisPerMinute, kStart);  // one token per second
  for (int i = 0; i < 60; ++i) ASSERT_TRUE(bucket.Take(kStart).allowed);
  EXPECT_FALSE(bucket.Take(kStart + 999).allowed);
  RateDecision after_one_second = bucket.Take(kStart + 1000);
  EXPECT_TRUE(after_one_second.allowed);
  EXPECT_EQ(after_one_second.remaining, 0);
  EXPECT_FALSE(bucket.Take(kStart + 1000).allowed);
  // Ten seconds later ten tokens are back, not the whole minute's sixty.
  EXPECT_EQ(bucket.Peek(kStart + 11'000).remaining, 10);
}

TEST(TokenBucketTest, FractionalRefillIsNeverLost) {
  // 7 per minute: a token every 8571.43 ms. Reading the bucket every
  // millisecond must not round the partial progress away.
  TokenBucket bucket(7, kMillisPerMinute, kStart);
  for (int i = 0; i < 7; ++i) ASSERT_TRUE(bucket.Take(kStart).allowed);
  EpochMillis now = kStart;
  int granted = 0;
  while (now < kStart + kMillisPerMinute) {
    ++now;
    if (bucket.Take(now).allowed) ++granted;
  }
  EXPECT_EQ(granted, 7);  // exactly one minute's worth
}

TEST(TokenBucketTest, NeverHoldsMoreThanCapacity) {
  TokenBucket bucket(5, kMillisPerMinute, kStart);
  ASSERT_TRUE(bucket.Take(kStart).allowed);
  RateDecision later = bucket.Peek(kStart + 365 * kMillisPerDay);
  EXPECT_EQ(later.remaining, 5);
  // A full bucket has nothing to wait for.
  EXPECT_EQ(later.next_replenishment, kStart + 365 * kMillisPerDay);
}

TEST(TokenBucketTest, NextReplenishmentIsWhenTheCountGrows) {
  TokenBucket bucket(5000, kMillisPerMinute, kStart);  // a token every 12 ms
  RateDecision taken = bucket.Take(kStart);
  EXPECT_EQ(taken.remaining, 4999);
  EXPECT_EQ(taken.next_replenishment, kStart + 12);
  EXPECT_EQ(bucket.Peek(kStart + 11).remaining, 4999);
  EXPECT_EQ(bucket.Peek(kStart + 12).remaining, 5000);
}

TEST(TokenBucketTest, RetryAfterRoundsUpToWholeSeconds) {
  TokenBucket bucket(1, kMillisPerMinute, kStart);
  ASSERT_TRUE(bucket.Take(kStart).allowed);
  EXPECT_EQ(bucket.Take(kStart + 58'999).retry_after_seconds, 2);  // 1001 ms left
  EXPECT_EQ(bucket.Take(kStart + 59'001).retry_after_seconds, 1);  // 999 ms left
  EXPECT_TRUE(bucket.Take(kStart + 60'000).allowed);
}

TEST(TokenBucketTest, ClockGoingBackwardsNeitherRefillsNorStalls) {
  TokenBucket bucket(60, kMillisPerMinute, kStart);
  for (int i = 0; i < 60; ++i) ASSERT_TRUE(bucket.Take(kStart).allowed);
  EXPECT_FALSE(bucket.Take(kStart - 10'000).allowed);
  // Counting restarts from the earlier instant: one second later, one token.
  EXPECT_TRUE(bucket.Take(kStart - 9'000).allowed);
  EXPECT_FALSE(bucket.Take(kStart - 9'000).allowed);
}

}  // namespace
}  // namespace mporders::ratelimit
