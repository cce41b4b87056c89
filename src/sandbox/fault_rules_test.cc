#include "sandbox/fault_rules.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace mporders::sandbox {
namespace {

FaultSpec Spec(std::string path, unsigned status) {
  FaultSpec spec;
  spec.path = std::move(path);
  spec.status = status;
  return spec;
}

TEST(PathMatchesTest, LiteralsParametersAndWildcards) {
  EXPECT_TRUE(PathMatches("/v3/orders", "/v3/orders"));
  EXPECT_TRUE(PathMatches("/v3/orders", "/v3/orders/"));
  EXPECT_FALSE(PathMatches("/v3/orders", "/v3/orders/1"));
  EXPECT_TRUE(PathMatches("/v3/orders/{purchaseOrderId}/shipping", "/v3/orders/123/shipping"));
  EXPECT_FALSE(PathMatches("/v3/orders/{purchaseOrderId}/shipping", "/v3/orders//shipping"));
  EXPECT_FALSE(PathMatches("/v3/orders/{purchaseOrderId}", "/v3/orders/1/acknowledge"));
  EXPECT_TRUE(PathMatches("/v3/orders*", "/v3/orders"));
  EXPECT_TRUE(PathMatches("/v3/orders*", "/v3/orders/1/acknowledge"));
  EXPECT_TRUE(PathMatches("/v3/orders/*/cancel", "/v3/orders/9/cancel"));
  EXPECT_FALSE(PathMatches("/v3/orders/*/cancel", "/v3/orders/9/refund"));
  EXPECT_TRUE(PathMatches("*", "/anything/at/all"));
}

TEST(PathMatchesTest, WildcardsCombine) {
  EXPECT_TRUE(PathMatches("/v3/*/{id}/*", "/v3/orders/1/acknowledge"));
  EXPECT_TRUE(PathMatches("/*/orders/*", "/v3/orders/released/orders/9"));
  EXPECT_TRUE(PathMatches("*cancel", "/v3/orders/9/cancel"));
  EXPECT_FALSE(PathMatches("*cancel*refund", "/v3/orders/9/cancel"));
  EXPECT_FALSE(PathMatches("/{id}x", "/abcx"));  // {name} takes the whole segment
  EXPECT_FALSE(PathMatches("/v3/{unclosed", "/v3/orders"));
}

TEST(PathMatchesTest, ManyStarsStayFast) {
  // Each seller call is matched under the rule lock: a pattern of many '*'
  // must not try every way of splitting the path between them.
  std::string pattern = "/";
  for (int i = 0; i < 40; ++i) pattern += "*a";
  pattern += "*b";
  const std::string path = "/" + std::string(2000, 'a');
  EXPECT_FALSE(PathMatches(pattern, path));
  EXPECT_TRUE(PathMatches(pattern, path + "b"));
}

TEST(FaultSpecTest, RejectsMalformedRules) {
  EXPECT_TRUE(ValidateFaultSpec(Spec("/v3/orders", 500)).ok());
  EXPECT_FALSE(ValidateFaultSpec(Spec("v3/orders", 500)).ok());
  EXPECT_FALSE(ValidateFaultSpec(Spec("/v3/orders", 200)).ok());
  EXPECT_FALSE(ValidateFaultSpec(Spec("/v3/orders", 0)).ok());  // neither status nor latency
  FaultSpec latency_only = Spec("/v3/orders", 0);
  latency_only.latency_ms = 10;
  EXPECT_TRUE(ValidateFaultSpec(latency_only).ok());
  FaultSpec zero_times = Spec("/x", 500);
  zero_times.times = 0;
  EXPECT_FALSE(ValidateFaultSpec(zero_times).ok());
  FaultSpec bad_header = Spec("/x", 429);
  bad_header.headers = {{"Retry-After\r\nX", "1"}};
  EXPECT_FALSE(ValidateFaultSpec(bad_header).ok());
}

TEST(FaultBookTest, TimesFiresExactlyNThenPasses) {
  FaultBook book;
  FaultSpec spec = Spec("/v3/orders*", 500);
  spec.times = 3;
  book.Add("s1", spec);
  for (int i = 0; i < 3; ++i) {
    auto action = book.Decide("s1", "GET", "/v3/orders/1");
    ASSERT_TRUE(action.answer);
    EXPECT_EQ(action.answer->spec.status, 500u);
  }
  EXPECT_FALSE(book.Decide("s1", "GET", "/v3/orders/1").answer);
  auto rules = book.List("s1");
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].fired, 3);
  EXPECT_EQ(rules[0].matched, 3);  // spent rules no longer count calls
  EXPECT_TRUE(rules[0].spent());
}

TEST(FaultBookTest, RulesAreScopedToSellerMethodAndPath) {
  FaultBook book;
  FaultSpec spec = Spec("/v3/orders/{purchaseOrderId}/acknowledge", 503);
  spec.method = "POST";
  book.Add("s1", spec);
  EXPECT_FALSE(book.Decide("s2", "POST", "/v3/orders/1/acknowledge").answer);
  EXPECT_FALSE(book.Decide("s1", "GET", "/v3/orders/1/acknowledge").answer);
  EXPECT_FALSE(book.Decide("s1", "POST", "/v3/orders/1/cancel").answer);
  EXPECT_TRUE(book.Decide("s1", "POST", "/v3/orders/1/acknowledge").answer);
}

TEST(FaultBookTest, ExactCountUnderConcurrency) {
  FaultBook book;
  FaultSpec spec = Spec("/v3/orders", 500);
  spec.times = 137;
  book.Add("s1", spec);
  std::atomic<int> fired{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 100; ++i) {
        if (book.Decide("s1", "GET", "/v3/orders").answer) fired.fetch_add(1);
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(fired.load(), 137);
}

std::string Pattern(FaultBook& book, const std::string& seller, int calls) {
  std::string pattern;
  for (int i = 0; i < calls; ++i)
    pattern += book.Decide(seller, "GET", "/v3/orders").answer ? 'X' : '.';
  return pattern;
}

TEST(FaultBookTest, FractionIsReproducibleForASeed) {
  FaultSpec spec = Spec("/v3/orders", 500);
  spec.fraction_ppm = 250'000;
  spec.seed = 42;
  FaultBook first, second, other_seed;
  first.Add("s", spec);
  second.Add("s", spec);
  spec.seed = 43;
  other_seed.Add("s", spec);
  const std::string a = Pattern(first, "s", 400);
  EXPECT_EQ(a, Pattern(second, "s", 400));
  EXPECT_NE(a, Pattern(other_seed, "s", 400));
  const auto hits = std::count(a.begin(), a.end(), 'X');
  EXPECT_GT(hits, 60);  // about 100 of 400
  EXPECT_LT(hits, 140);
}

TEST(FaultBookTest, FractionWithTimesStopsAfterNFaults) {
  FaultSpec spec = Spec("/v3/orders", 500);
  spec.fraction_ppm = 500'000;
  spec.times = 5;
  FaultBook book;
  book.Add("s", spec);
  const std::string pattern = Pattern(book, "s", 200);
  EXPECT_EQ(std::count(pattern.begin(), pattern.end(), 'X'), 5);
}

TEST(FaultBookTest, LatencyRulesAddUpAndFirstStatusAnswers) {
  FaultBook book;
  FaultSpec slow = Spec("/v3/orders*", 0);
  slow.latency_ms = 20;
  book.Add("s", slow);
  book.Add("s", Spec("/v3/orders*", 429));
  book.Add("s", Spec("/v3/orders*", 500));
  auto action = book.Decide("s", "GET", "/v3/orders");
  EXPECT_EQ(action.latency_ms, 20);
  ASSERT_TRUE(action.answer);
  EXPECT_EQ(action.answer->spec.status, 429u);
  auto rules = book.List("s");
  EXPECT_EQ(rules[2].matched, 0);  // never reached
}

TEST(FaultBookTest, RemoveAndClear) {
  FaultBook book;
  auto rule = book.Add("s", Spec("/a", 500));
  book.Add("s", Spec("/b", 500));
  EXPECT_FALSE(book.Remove("s", "f999"));
  EXPECT_TRUE(book.Remove("s", rule.id));
  EXPECT_EQ(book.List("s").size(), 1u);
  EXPECT_EQ(book.Clear("s"), 1u);
  EXPECT_TRUE(book.List("s").empty());
  EXPECT_FALSE(book.Decide("s", "GET", "/b").answer);
}

}  // namespace
}  // namespace mporders::sandbox
