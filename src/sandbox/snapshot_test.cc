#include "sandbox/snapshot.h"

#include <gtest/gtest.h>

#include "sandbox/order_factory.h"

namespace mporders::sandbox {
namespace {

SellerSnapshot Sample() {
  SellerSnapshot snapshot;
  snapshot.seller_id = "s1";
  snapshot.clock_offset = -86400000;
  for (std::uint64_t i = 0; i < 3; ++i) {
    StoredOrder stored;
    stored.seller_id = "s1";
    stored.order = MakeNewOrder(5, i, 1714564800000 + static_cast<EpochMillis>(i), {});
    stored.last_modified = 1714564900000 + static_cast<EpochMillis>(i);
    stored.version = static_cast<std::int64_t>(i) + 2;
    snapshot.orders.push_back(stored);
  }
  return snapshot;
}

TEST(SnapshotTest, RoundTripsExactly) {
  const SellerSnapshot snapshot = Sample();
  const std::string text = EncodeSnapshot(snapshot);
  auto decoded = DecodeSnapshot(text, "s1");
  ASSERT_TRUE(decoded.ok()) << decoded.status().description();
  EXPECT_EQ(decoded->clock_offset, snapshot.clock_offset);
  ASSERT_EQ(decoded->orders.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(decoded->orders[i].order, snapshot.orders[i].order);
    EXPECT_EQ(decoded->orders[i].last_modified, snapshot.orders[i].last_modified);
    EXPECT_EQ(decoded->orders[i].version, snapshot.orders[i].version);
  }
  EXPECT_EQ(EncodeSnapshot(*decoded), text);
}

TEST(SnapshotTest, ImportTakesTheTargetSeller) {
  auto decoded = DecodeSnapshot(EncodeSnapshot(Sample()), "other");
  ASSERT_TRUE(decoded.ok());
  EXPECT_EQ(decoded->orders[0].seller_id, "other");
}

TEST(SnapshotTest, RejectsWhatIsNotASnapshot) {
  EXPECT_EQ(DecodeSnapshot("not json", "s").status().code(), ErrorCode::kMalformedRequestContent);
  EXPECT_FALSE(DecodeSnapshot("{}", "s").ok());
  EXPECT_FALSE(DecodeSnapshot(R"({"format":"mporders-sandbox-snapshot","version":2,
      "clockOffsetMillis":0,"orders":[]})",
                              "s")
                   .ok());
  EXPECT_FALSE(DecodeSnapshot(R"({"format":"mporders-sandbox-snapshot","version":1,
      "clockOffsetMillis":0,"orders":[{"lastModified":1,"version":0,"order":{}}]})",
                              "s")
                   .ok());
  auto empty = DecodeSnapshot(R"({"format":"mporders-sandbox-snapshot","version":1,
      "clockOffsetMillis":5,"orders":[]})",
                              "s");
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->clock_offset, 5);
}

TEST(SnapshotTest, RejectsOffsetsAndVersionsThatWouldOverflow) {
  // wall time + INT64_MAX, or version + 1 on the next change, would overflow.
  EXPECT_FALSE(DecodeSnapshot(R"({"format":"mporders-sandbox-snapshot","version":1,
      "clockOffsetMillis":9223372036854775807,"orders":[]})",
                              "s")
                   .ok());
  SellerSnapshot huge_version = Sample();
  huge_version.orders[0].version = INT64_MAX;
  EXPECT_FALSE(DecodeSnapshot(EncodeSnapshot(huge_version), "s").ok());
}

}  // namespace
}  // namespace mporders::sandbox
