#include "domain/market.h"

#include <gtest/gtest.h>

#include "domain/money.h"

namespace mporders {
namespace {

TEST(MarketTest, ParsesCodesInAnyCase) {
  EXPECT_EQ(ParseMarketCode("US"), MarketId::kUs);
  EXPECT_EQ(ParseMarketCode("ca"), MarketId::kCa);
  EXPECT_EQ(ParseMarketCode("Mx"), MarketId::kMx);
  EXPECT_EQ(ParseMarketCode("cL"), MarketId::kCl);
  EXPECT_FALSE(ParseMarketCode("FR").has_value());
  EXPECT_FALSE(ParseMarketCode("").has_value());
  EXPECT_FALSE(ParseMarketCode("USA").has_value());
  for (MarketId id : kAllMarkets) EXPECT_EQ(GetMarket(id).code(), MarketCode(id));
}

TEST(MarketTest, CurrencyAndItsDigits) {
  EXPECT_EQ(GetMarket(MarketId::kUs).currency(), "USD");
  EXPECT_EQ(GetMarket(MarketId::kCa).currency(), "CAD");
  EXPECT_EQ(GetMarket(MarketId::kMx).currency(), "MXN");
  EXPECT_EQ(GetMarket(MarketId::kCl).currency(), "CLP");
  for (MarketId id : kAllMarkets) {
    const Market& market = GetMarket(id);
    EXPECT_EQ(market.minor_digits(), MinorDigits(market.currency())) << market.code();
  }
  EXPECT_EQ(GetMarket(MarketId::kCl).minor_digits(), 0);
}

TEST(MarketTest, CanadaAndChileHaveNoDelivered) {
  EXPECT_TRUE(UsMarket().HasStatus(LineStatus::kDelivered));
  EXPECT_TRUE(GetMarket(MarketId::kMx).HasStatus(LineStatus::kDelivered));
  EXPECT_FALSE(GetMarket(MarketId::kCa).HasStatus(LineStatus::kDelivered));
  EXPECT_FALSE(GetMarket(MarketId::kCl).HasStatus(LineStatus::kDelivered));
  EXPECT_TRUE(GetMarket(MarketId::kCl).HasStatus(LineStatus::kShipped));
}

TEST(MarketTest, CarriersComeFromEachMarketsList) {
  EXPECT_TRUE(UsMarket().carriers().Contains("UPS"));
  EXPECT_FALSE(UsMarket().carriers().Contains("LETTERMAIL"));
  const Market& ca = GetMarket(MarketId::kCa);
  EXPECT_TRUE(ca.carriers().Contains("CANPAR"));
  EXPECT_TRUE(ca.carriers().Contains("LETTERMAIL"));
  EXPECT_EQ(ca.carriers().size(), 20u);
  EXPECT_TRUE(ca.ShipsWithoutTracking("LETTERMAIL"));
  EXPECT_FALSE(ca.ShipsWithoutTracking("CANPAR"));
  EXPECT_FALSE(UsMarket().ShipsWithoutTracking("UPS"));
  EXPECT_TRUE(GetMarket(MarketId::kMx).carriers().Contains("Estafeta"));
  EXPECT_TRUE(GetMarket(MarketId::kCl).carriers().Contains("Chilexpress"));
  EXPECT_FALSE(GetMarket(MarketId::kCl).carriers().Contains("CANPAR"));
}

TEST(MarketTest, ReasonsFollowTheMarket) {
  const Market& ca = GetMarket(MarketId::kCa);
  EXPECT_TRUE(ca.IsCancellationReason("CANCEL_BY_SELLER"));
  EXPECT_TRUE(ca.IsCancellationReason("CUSTOMER_REQUESTED_SELLER_TO_CANCEL"));
  EXPECT_FALSE(ca.IsCancellationReason("SUPPLIER_CANCEL"));
  EXPECT_TRUE(ca.IsCancellationReason("SUPPLIER_CANCEL", /*with_optional=*/true));
  EXPECT_FALSE(ca.IsCancellationReason("SELLER_CANCEL_OUT_OF_STOCK"));
  EXPECT_TRUE(UsMarket().IsCancellationReason("SELLER_CANCEL_OUT_OF_STOCK"));
  EXPECT_FALSE(UsMarket().IsCancellationReason("CANCEL_BY_SELLER"));
  // Mexico takes free text, but not nothing.
  EXPECT_TRUE(GetMarket(MarketId::kMx).IsCancellationReason("SELLER REJECTION"));
  EXPECT_FALSE(GetMarket(MarketId::kMx).IsCancellationReason(""));
  EXPECT_FALSE(GetMarket(MarketId::kMx).has_refunds());
  EXPECT_FALSE(GetMarket(MarketId::kMx).IsRefundReason("DamagedItem"));
  EXPECT_TRUE(GetMarket(MarketId::kCl).IsRefundReason("DamagedItem"));
}

}  // namespace
}  // namespace mporders
