#pragma once
// Builders for lifecycle unit tests: small orders in a given state and the
// commands that act on them.

#include <gtest/gtest.h>

#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/lifecycle.h"

namespace mporders {
// Readable statuses in gtest failure messages.
void PrintTo(LineStatus status, std::ostream* os);
}  // namespace mporders

namespace mporders::test {

constexpr EpochMillis kT0 = 1'700'000'000'000;
constexpr EpochMillis kHour = 3600 * 1000;

// A line's buckets as (status, quantity) pairs, for compact expectations.
using Shape = std::vector<std::pair<LineStatus, std::int64_t>>;

Shape ShapeOf(const OrderLine& line);

// A line whose buckets are `shape` (untracked; Shipped/Delivered buckets get
// tracking "T-<line>-<index>"), charged PRODUCT `product` + `tax` cents and,
// when `shipping` > 0, SHIPPING `shipping` cents.
OrderLine MakeLine(std::string number, const Shape& shape, std::int64_t product = 1000,
                   std::int64_t tax = 80, std::int64_t shipping = 0);

// PO "PO-1", seller fulfilled, with `lines`.
Order MakeOrder(std::vector<OrderLine> lines);

TrackingInfo Tracking(std::string number, EpochMillis ship_time = kT0, std::string carrier = "UPS");

LifecycleContext Ctx(EpochMillis now = kT0 + kHour, std::string refund_id = "R-1");

ShipPackage Package(std::int64_t quantity, TrackingInfo tracking);
ShipLine ShipLineOf(std::string line, std::vector<ShipPackage> packages);
ShipCommand ShipOne(std::string line, std::int64_t quantity, std::string tracking_number = "TRK1");

CancelCommand CancelOne(std::string line, std::int64_t quantity,
                        std::string reason = "SELLER_CANCEL_OUT_OF_STOCK");

RefundCharge RefundOf(std::string type, std::int64_t amount, std::optional<std::int64_t> tax,
                      std::string reason = "DamagedItem");
RefundLine PartialRefundLine(std::string line, std::vector<RefundCharge> charges,
                             std::string comments = "damaged");
RefundCommand RefundCmd(std::vector<RefundLine> lines, std::string po = "PO-1");

// Success when `status` is kInvalidRequestContent with `field` and a
// description containing `text`.
::testing::AssertionResult Rejected(const Status& status, std::string_view field,
                                    std::string_view text);

}  // namespace mporders::test
