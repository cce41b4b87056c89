#include "domain/carriers.h"

#include <gtest/gtest.h>

namespace mporders {
namespace {

TEST(CarrierListTest, UsListHasTheSpecEnumAndTheLaterAdditions) {
  const CarrierList& us = CarrierList::Us();
  EXPECT_EQ(us.size(), 56u + 15u);
  for (const char* name : {"UPS",
                           "USPS",
                           "FedEx",
                           "DHL Ecommerce - US",
                           "Metropolitan Warehouse & Delivery",
                           "4PX",
                           "FIRST MILE",
                           "Deutsche Post",
                           "DHL",
                           "Better Trucks",
                           "Asendia",
                           "SFC",
                           "UBI",
                           "ePost Global",
                           "YF Logistics",
                           "RXO",
                           "Estes Express",
                           "Shypmax",
                           "WIN.IT America",
                           "PITT OHIO",
                           "PostNord Sweden",
                           "Equick",
                           "Whistl"}) {
    EXPECT_TRUE(us.Contains(name)) << name;
  }
}

TEST(CarrierListTest, MatchIsExact) {
  const CarrierList& us = CarrierList::Us();
  for (const char* name : {"fedex", "Fedex", "FED_EX", "UPS ", " UPS", "DHL Ecommerce", "", "#"}) {
    EXPECT_FALSE(us.Contains(name)) << "'" << name << "'";
  }
}

TEST(CarrierListTest, ParseSkipsCommentsAndBlankLinesAndTrims) {
  const CarrierList list =
      CarrierList::Parse("# header\n\nUPS\r\n  Royal Mail  \nUPS\n#Not One\nLast");
  EXPECT_EQ(list.names(), (std::vector<std::string>{"Last", "Royal Mail", "UPS"}));
  EXPECT_TRUE(list.Contains("Royal Mail"));
  EXPECT_FALSE(list.Contains("#Not One"));
}

TEST(CarrierListTest, EmptyListContainsNothing) {
  EXPECT_FALSE(CarrierList().Contains("UPS"));
  EXPECT_EQ(CarrierList::Parse("").size(), 0u);
}

}  // namespace
}  // namespace mporders
