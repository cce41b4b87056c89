#include "sim/ids.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>
#include <unordered_set>

namespace mporders::sim {
namespace {

bool AllDigits(const std::string& text) {
  for (char c : text) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  }
  return !text.empty();
}

TEST(IdsTest, AppendDigitsPadsAndTruncatesToWidth) {
  std::string out = "x";
  AppendDigits(out, 42, 5);
  EXPECT_EQ(out, "x00042");
  out.clear();
  AppendDigits(out, 123456, 3);
  EXPECT_EQ(out, "456");
}

TEST(IdsTest, AppendHexUpperWritesLowNibbleFirst) {
  std::string out;
  AppendHexUpper(out, 0xABC, 4);
  EXPECT_EQ(out, "CBA0");
}

TEST(IdsTest, PurchaseOrderIdsAreThirteenDigitsAndDistinct) {
  std::unordered_set<std::string> seen;
  constexpr std::uint64_t kCount = 300'000;
  seen.reserve(kCount);
  for (std::uint64_t i = 0; i < kCount; ++i) {
    const std::string id = PurchaseOrderId(7, i, "");
    ASSERT_EQ(id.size(), 13u) << id;
    ASSERT_TRUE(AllDigits(id)) << id;
    ASSERT_NE(id[0], '0');
    ASSERT_TRUE(seen.insert(id).second) << "duplicate " << id << " at " << i;
  }
}

TEST(IdsTest, PurchaseOrderIdsDoNotCountUp) {
  // Consecutive indices must not give consecutive ids (they would look fake).
  const std::string a = PurchaseOrderId(1, 0, "");
  const std::string b = PurchaseOrderId(1, 1, "");
  EXPECT_NE(std::stoull(b) - std::stoull(a), 1u);
}

TEST(IdsTest, PurchaseOrderIdDependsOnSeedAndKeepsPrefix) {
  EXPECT_NE(PurchaseOrderId(1, 5, ""), PurchaseOrderId(2, 5, ""));
  const std::string id = PurchaseOrderId(1, 5, "DEMO-");
  EXPECT_EQ(id, "DEMO-" + PurchaseOrderId(1, 5, ""));
}

TEST(IdsTest, HugeIndicesGetFifteenDigitIds) {
  const std::string id = PurchaseOrderId(1, kPermutedIndexLimit + 3, "");
  EXPECT_EQ(id.size(), 15u);
  EXPECT_TRUE(AllDigits(id));
  EXPECT_NE(id, PurchaseOrderId(1, kPermutedIndexLimit + 4, ""));
}

TEST(IdsTest, CustomerOrderIdsAreThirteenDigitsAndDifferFromPurchaseOrderIds) {
  std::unordered_set<std::string> seen;
  for (std::uint64_t i = 0; i < 50'000; ++i) {
    const std::string id = CustomerOrderId(3, i);
    ASSERT_EQ(id.size(), 13u);
    ASSERT_TRUE(AllDigits(id));
    ASSERT_NE(id, PurchaseOrderId(3, i, ""));
    ASSERT_TRUE(seen.insert(id).second);
  }
}

}  // namespace
}  // namespace mporders::sim
