#pragma once
// Quantity-bucket arithmetic on one order line, shared by the lifecycle
// commands. Internal to domain/.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/order.h"

namespace mporders::lifecycle_internal {

using mporders::QuantityIn;  // domain/order.h

// Removes `quantity` units from the line's buckets in `status`, in bucket
// order, dropping buckets that become empty. Returns the units removed (less
// than `quantity` when the line has fewer).
std::int64_t TakeQuantity(OrderLine& line, LineStatus status, std::int64_t quantity);

// A fresh bucket: `quantity` units of `status`, unit "EACH".
OrderLineStatus MakeBucket(LineStatus status, std::int64_t quantity);

// Sorts the buckets into lifecycle order (Shipped and Delivered by ship time)
// and merges buckets that are identical apart from their quantity, except
// Shipped buckets with trackingInfo: each shipped package stays its own.
void NormalizeBuckets(OrderLine& line);

// "2 qty is Shipped, 1 qty is Cancelled": the line's quantity per status, in
// lifecycle order, leaving out the statuses for which `skip` is true.
// Empty when nothing is left.
std::string DescribeQuantities(const OrderLine& line,
                               const std::function<bool(LineStatus)>& skip = nullptr);

// The line with `line_number`, or null.
OrderLine* FindLine(Order& order, std::string_view line_number);
const OrderLine* FindLine(const Order& order, std::string_view line_number);

// "Unable to process this request. The Line: <n> of PO: <PO> does not exist".
Status LineNotFound(const Order& order, std::string_view line_number);

// Fails with "<prefix>Duplicate lineNumber '<n>' in the request" on the first
// repeated number, and with "<prefix>orderLines must not be empty" when empty.
Status CheckLineNumbers(const std::vector<std::string>& line_numbers, std::string_view prefix);

using mporders::IsWalmartFulfilled;  // domain/order.h

// The customer asked to cancel the line: intentToCancel is present and not a
// negative value ("", "N", "NO", "FALSE", any case).
bool HasIntentToCancel(const OrderLine& line);

// a + b for non-negative b, saturating at the int64 maximum: request
// quantities are unbounded on the wire.
std::int64_t AddClamped(std::int64_t a, std::int64_t b);

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace mporders::lifecycle_internal
