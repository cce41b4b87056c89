#include "api/order_answers.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace mporders::api {
namespace {

constexpr OrderPartVariant kJson{OrderFormat::kJson, OrderView{}};

// Three stored documents of the seed order under different ids, each with
// its part already kept in `cache`.
std::vector<OrderDocument> KeptDocuments(OrderPartCache& cache) {
  const char* dir = std::getenv("MPORDERS_TEST_DATA");
  std::ifstream in(std::string(dir != nullptr ? dir : "tests/data") + "/seed_order.json");
  std::ostringstream text;
  text << in.rdbuf();
  Result<Order> order = DecodeOrderJson(text.str());
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  std::vector<OrderDocument> documents;
  for (const char* id : {"po-a", "po-b", "po-c"}) {
    Order copy = order.ok() ? *order : Order{};
    copy.purchase_order_id = id;
    OrderDocument document;
    document.seller_id = "seller-1";
    document.purchase_order_id = id;
    Store::EncodeOrderDocument(copy, document.doc);
    EXPECT_TRUE(cache.Part(document, kJson).ok());
    documents.push_back(std::move(document));
  }
  return documents;
}

TEST(KeptPagePartsTest, TheNthSkippedDocumentGetsTheNthPartFound) {
  OrderPartCache cache(16 << 20);
  const std::vector<OrderDocument> documents = KeptDocuments(cache);
  KeptPageParts kept(&cache, kJson);
  auto skip = kept.SkipDocument();
  for (const OrderDocument& document : documents) ASSERT_TRUE(skip(document));
  for (std::size_t i = 0; i < documents.size(); ++i) {
    EXPECT_EQ(kept.Found(documents[i], i), cache.Find(documents[i], kJson)) << i;
  }
}

TEST(KeptPagePartsTest, ADocumentOutOfStepIsSearchedFor) {
  OrderPartCache cache(16 << 20);
  const std::vector<OrderDocument> documents = KeptDocuments(cache);
  KeptPageParts kept(&cache, kJson);
  auto skip = kept.SkipDocument();
  for (const OrderDocument& document : documents) ASSERT_TRUE(skip(document));
  const OrderPart c = cache.Find(documents[2], kJson);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(kept.Found(documents[2], 0), c);
  EXPECT_EQ(kept.Found(documents[2], 7), c);
  OrderDocument unknown = documents[0];
  unknown.purchase_order_id = "po-z";
  EXPECT_EQ(kept.Found(unknown, 0), nullptr);
}

TEST(KeptPagePartsTest, WithoutACacheNothingIsSkipped) {
  KeptPageParts kept(nullptr, kJson);
  EXPECT_FALSE(kept.SkipDocument());
}

}  // namespace
}  // namespace mporders::api
