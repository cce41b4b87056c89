#include "api/order_part_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/order_answers.h"
#include "codec/order_xml.h"

namespace mporders::api {
namespace {

Order SeedOrder() {
  const char* dir = std::getenv("MPORDERS_TEST_DATA");
  std::ifstream in(std::string(dir != nullptr ? dir : "tests/data") + "/seed_order.json");
  std::ostringstream text;
  text << in.rdbuf();
  Result<Order> order = DecodeOrderJson(text.str());
  EXPECT_TRUE(order.ok()) << order.status().ToString();
  return order.ok() ? std::move(order).value() : Order{};
}

OrderDocument DocumentOf(const Order& order, const std::string& seller = "seller-1") {
  OrderDocument document;
  document.seller_id = seller;
  document.purchase_order_id = order.purchase_order_id;
  document.order_date = order.order_date;
  Store::EncodeOrderDocument(order, document.doc);
  return document;
}

std::string Json(const Order& order, const OrderView& view) {
  std::string out;
  AppendOrderJson(out, order, view);
  return out;
}

constexpr OrderPartVariant kJson{OrderFormat::kJson, OrderView{}};

TEST(OrderPartCacheTest, KeepsAPartWhileTheDocumentIsTheSame) {
  OrderPartCache cache(64 << 20);
  const Order order = SeedOrder();
  const OrderDocument document = DocumentOf(order);
  Result<OrderPart> first = cache.Part(document, kJson);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(**first, Json(order, OrderView{}));
  Result<OrderPart> second = cache.Part(document, kJson);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->get(), second->get());  // the kept part itself
  EXPECT_EQ(cache.stats().hits, 1);
  EXPECT_EQ(cache.stats().misses, 1);
  EXPECT_EQ(cache.stats().orders, 1);
}

TEST(OrderPartCacheTest, APartIsFoundByStampOnlyUnderTheStampItsDocumentWasReadWith) {
  OrderPartCache cache(64 << 20);
  const Order order = SeedOrder();
  const OrderDocument document = DocumentOf(order);
  const std::string& seller = document.seller_id;
  const std::string& po = document.purchase_order_id;
  const OrderStamp stamp{1, 7};
  EXPECT_EQ(cache.FindStamped(seller, po, stamp, kJson), nullptr) << "nothing kept yet";
  ASSERT_TRUE(cache.Part(document, kJson).ok());
  EXPECT_EQ(cache.FindStamped(seller, po, stamp, kJson), nullptr) << "read without a stamp";

  ASSERT_TRUE(cache.Part(document, kJson, stamp).ok());
  OrderPart found = cache.FindStamped(seller, po, stamp, kJson);
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(*found, Json(order, OrderView{}));
  EXPECT_EQ(cache.FindStamped(seller, po, OrderStamp{1, 8}, kJson), nullptr) << "moved on";
  EXPECT_EQ(cache.FindStamped(seller, po, stamp, {OrderFormat::kXml, OrderView{}}), nullptr)
      << "no XML part made yet";
  EXPECT_EQ(cache.FindStamped("seller-2", po, stamp, kJson), nullptr);

  // Another document kept without a stamp (a list read, which may have
  // started before the stamped read) drops the stamp with the old document.
  Order changed = order;
  changed.customer_order_id = "other";
  OrderDocument other = DocumentOf(changed);
  other.version = document.version + 1;
  ASSERT_TRUE(cache.Part(other, kJson).ok());
  EXPECT_EQ(cache.FindStamped(seller, po, stamp, kJson), nullptr);
}

TEST(OrderPartCacheTest, AChangedDocumentIsEncodedAgain) {
  OrderPartCache cache(64 << 20);
  Order order = SeedOrder();
  ASSERT_TRUE(cache.Part(DocumentOf(order), kJson).ok());
  // Same seller, purchase order and version: only the bytes tell the change.
  order.shipping_info.postal_address.name = "Someone Else";
  Result<OrderPart> changed = cache.Part(DocumentOf(order), kJson);
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(**changed, Json(order, OrderView{}));
  EXPECT_NE((*changed)->find("Someone Else"), std::string::npos);
  EXPECT_EQ(cache.stats().misses, 2);
  EXPECT_EQ(cache.stats().orders, 1);
}

TEST(OrderPartCacheTest, EachVariantAndSellerHasItsOwnPart) {
  OrderPartCache cache(64 << 20);
  const Order order = SeedOrder();
  const OrderDocument document = DocumentOf(order);
  const OrderPartVariant xml{OrderFormat::kXml, OrderView{}};
  const OrderPartVariant full{OrderFormat::kJson, OrderView{true, true}};
  Result<OrderPart> xml_part = cache.Part(document, xml);
  Result<OrderPart> full_part = cache.Part(document, full);
  Result<OrderPart> json_part = cache.Part(document, kJson);
  ASSERT_TRUE(xml_part.ok() && full_part.ok() && json_part.ok());
  std::string expected_xml;
  AppendOrderXmlContent(expected_xml, order, OrderView{});
  EXPECT_EQ(**xml_part, expected_xml);
  EXPECT_EQ(**full_part, Json(order, OrderView{true, true}));
  EXPECT_EQ(**json_part, Json(order, OrderView{}));
  // Another seller's order of the same id is another entry.
  ASSERT_TRUE(cache.Part(DocumentOf(order, "seller-2"), kJson).ok());
  EXPECT_EQ(cache.stats().misses, 4);
  EXPECT_EQ(cache.stats().orders, 2);
}

TEST(OrderPartCacheTest, StaysWithinItsBytesDroppingTheLeastRecentlyRead) {
  const Order order = SeedOrder();
  const std::size_t per_order = DocumentOf(order).doc.size() + Json(order, OrderView{}).size();
  // Room for about 20 orders in each of the 16 shards.
  const std::size_t capacity = 16 * 20 * (per_order + 512);
  OrderPartCache cache(capacity);
  for (int i = 0; i < 2000; ++i) {
    Order copy = order;
    copy.purchase_order_id = "po-" + std::to_string(i);
    ASSERT_TRUE(cache.Part(DocumentOf(copy), kJson).ok());
  }
  const OrderPartCache::Stats stats = cache.stats();
  EXPECT_LE(stats.bytes, static_cast<std::int64_t>(capacity));
  EXPECT_GT(stats.orders, 100);
  EXPECT_LT(stats.orders, 2000);
  // The latest order is kept; the first was dropped long ago.
  Order last = order;
  last.purchase_order_id = "po-1999";
  ASSERT_TRUE(cache.Part(DocumentOf(last), kJson).ok());
  EXPECT_EQ(cache.stats().hits, 1);
  Order first = order;
  first.purchase_order_id = "po-0";
  ASSERT_TRUE(cache.Part(DocumentOf(first), kJson).ok());
  EXPECT_EQ(cache.stats().hits, 1);
}

TEST(OrderPartCacheTest, AnOrderReadAgainAndAgainOutlastsAScanOfOthers) {
  const Order order = SeedOrder();
  const std::size_t per_order = DocumentOf(order).doc.size() + Json(order, OrderView{}).size();
  OrderPartCache cache(16 * 20 * (per_order + 512));  // about 20 orders a shard
  const OrderDocument polled = DocumentOf(order);
  ASSERT_TRUE(cache.Part(polled, kJson).ok());
  for (int i = 0; i < 2000; ++i) {
    Order other = order;
    other.purchase_order_id = "scan-" + std::to_string(i);
    ASSERT_TRUE(cache.Part(DocumentOf(other), kJson).ok());
    ASSERT_NE(cache.Find(polled, kJson), nullptr) << "dropped after " << i << " other orders";
  }
  EXPECT_EQ(cache.stats().misses, 2001);
}

TEST(OrderPartCacheTest, ADocumentThatDoesNotDecodeIsAnErrorAndNotKept) {
  OrderPartCache cache(64 << 20);
  OrderDocument broken = DocumentOf(SeedOrder());
  broken.doc = "{not json";
  Result<OrderPart> part = cache.Part(broken, kJson);
  ASSERT_FALSE(part.ok());
  EXPECT_EQ(part.status().code(), ErrorCode::kInternal);
  EXPECT_EQ(cache.stats().orders, 0);
}

TEST(OrderPartCacheTest, ConcurrentReadersOfChangingOrdersGetTheirDocumentsPart) {
  OrderPartCache cache(1 << 20);  // small: eviction happens under the readers
  const Order order = SeedOrder();
  std::vector<std::thread> readers;
  std::vector<int> wrong(4, 0);
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      for (int i = 0; i < 300; ++i) {
        Order copy = order;
        copy.purchase_order_id = "po-" + std::to_string(i % 40);
        copy.shipping_info.postal_address.name = "name-" + std::to_string((i + t) % 3);
        Result<OrderPart> part = cache.Part(DocumentOf(copy), kJson);
        if (!part.ok() || **part != Json(copy, OrderView{})) ++wrong[t];
      }
    });
  }
  for (std::thread& reader : readers) reader.join();
  for (int t = 0; t < 4; ++t) EXPECT_EQ(wrong[t], 0) << "reader " << t;
  EXPECT_LE(cache.stats().bytes, 1 << 20);
}

// A page of three kept orders, asked about in page order as the store does.
class KeptPagePartsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Order order = SeedOrder();
    for (const char* id : {"po-a", "po-b", "po-c"}) {
      Order copy = order;
      copy.purchase_order_id = id;
      documents_.push_back(DocumentOf(copy));
      ASSERT_TRUE(cache_.Part(documents_.back(), kJson).ok());
    }
    auto skip = kept_.SkipDocument();
    for (const OrderDocument& document : documents_) ASSERT_TRUE(skip(document));
  }

  OrderPartCache cache_{16 << 20};
  KeptPageParts kept_{&cache_, kJson};
  std::vector<OrderDocument> documents_;
};

TEST_F(KeptPagePartsTest, TheNthSkippedDocumentGetsTheNthPartFound) {
  for (std::size_t i = 0; i < documents_.size(); ++i) {
    EXPECT_EQ(kept_.Found(documents_[i], i), cache_.Find(documents_[i], kJson)) << i;
  }
}

TEST_F(KeptPagePartsTest, ADocumentOutOfStepIsSearchedFor) {
  const OrderPart c = cache_.Find(documents_[2], kJson);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(kept_.Found(documents_[2], 0), c);
  EXPECT_EQ(kept_.Found(documents_[2], 7), c);
  OrderDocument unknown = documents_[0];
  unknown.purchase_order_id = "po-z";
  EXPECT_EQ(kept_.Found(unknown, 0), nullptr);
}

TEST(KeptPagePartsWithoutCacheTest, NothingIsSkipped) {
  KeptPageParts kept(nullptr, kJson);
  EXPECT_FALSE(kept.SkipDocument());
}

}  // namespace
}  // namespace mporders::api
