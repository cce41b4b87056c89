#include "domain/line_buckets.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <limits>
#include <unordered_set>

namespace mporders::lifecycle_internal {
namespace {

constexpr std::array<LineStatus, 6> kLifecycleOrder = {
    LineStatus::kCreated,   LineStatus::kAcknowledged, LineStatus::kShipped,
    LineStatus::kDelivered, LineStatus::kCancelled,    LineStatus::kRefund};

int Rank(LineStatus status) {
  for (size_t i = 0; i < kLifecycleOrder.size(); ++i) {
    if (kLifecycleOrder[i] == status) return static_cast<int>(i);
  }
  return static_cast<int>(kLifecycleOrder.size());
}

// Buckets without tracking sort before tracked ones of the same status.
EpochMillis ShipTime(const OrderLineStatus& bucket) {
  return bucket.tracking_info ? bucket.tracking_info->ship_date_time
                              : std::numeric_limits<EpochMillis>::min();
}

// Each shipped package stays its own bucket, even when a seller reuses a
// tracking number; anything else identical apart from quantity is one bucket
// (the parts of a package delivered in steps re-join).
bool Mergeable(const OrderLineStatus& a, const OrderLineStatus& b) {
  if (a.status == LineStatus::kShipped && (a.tracking_info || b.tracking_info)) return false;
  OrderLineStatus same_amount = b;
  same_amount.status_quantity.amount = a.status_quantity.amount;
  return a == same_amount;
}

}  // namespace

std::int64_t TakeQuantity(OrderLine& line, LineStatus status, std::int64_t quantity) {
  std::int64_t taken = 0;
  for (OrderLineStatus& bucket : line.statuses) {
    if (taken == quantity) break;
    if (bucket.status != status || bucket.status_quantity.amount <= 0) continue;
    const std::int64_t part = std::min(quantity - taken, bucket.status_quantity.amount);
    bucket.status_quantity.amount -= part;
    taken += part;
  }
  std::erase_if(line.statuses, [status](const OrderLineStatus& bucket) {
    return bucket.status == status && bucket.status_quantity.amount == 0;
  });
  return taken;
}

OrderLineStatus MakeBucket(LineStatus status, std::int64_t quantity) {
  OrderLineStatus bucket;
  bucket.status = status;
  bucket.status_quantity.unit = "EACH";
  bucket.status_quantity.amount = quantity;
  return bucket;
}

void NormalizeBuckets(OrderLine& line) {
  std::vector<OrderLineStatus>& buckets = line.statuses;
  std::stable_sort(buckets.begin(), buckets.end(),
                   [](const OrderLineStatus& a, const OrderLineStatus& b) {
                     const int rank_a = Rank(a.status);
                     const int rank_b = Rank(b.status);
                     if (rank_a != rank_b) return rank_a < rank_b;
                     return ShipTime(a) < ShipTime(b);
                   });
  for (size_t i = 0; i < buckets.size(); ++i) {
    for (size_t j = i + 1; j < buckets.size() && buckets[j].status == buckets[i].status;) {
      if (Mergeable(buckets[i], buckets[j])) {
        buckets[i].status_quantity.amount += buckets[j].status_quantity.amount;
        buckets.erase(buckets.begin() + static_cast<std::ptrdiff_t>(j));
      } else {
        ++j;
      }
    }
  }
}

std::string DescribeQuantities(const OrderLine& line, const std::function<bool(LineStatus)>& skip) {
  std::string text;
  for (LineStatus status : kLifecycleOrder) {
    if (skip && skip(status)) continue;
    const std::int64_t quantity = QuantityIn(line, status);
    if (quantity == 0) continue;
    if (!text.empty()) text += ", ";
    text += std::to_string(quantity) + " qty is " + LineStatusName(status);
  }
  return text;
}

OrderLine* FindLine(Order& order, std::string_view line_number) {
  for (OrderLine& line : order.order_lines) {
    if (line.line_number == line_number) return &line;
  }
  return nullptr;
}

const OrderLine* FindLine(const Order& order, std::string_view line_number) {
  for (const OrderLine& line : order.order_lines) {
    if (line.line_number == line_number) return &line;
  }
  return nullptr;
}

Status LineNotFound(const Order& order, std::string_view line_number) {
  return Status::InvalidContent(
      "Unable to process this request. The Line: " + std::string(line_number) +
      " of PO: " + order.purchase_order_id + " does not exist");
}

Status CheckLineNumbers(const std::vector<std::string>& line_numbers, std::string_view prefix) {
  if (line_numbers.empty()) {
    return Status::InvalidContent(std::string(prefix) + "orderLines must not be empty",
                                  "orderLines");
  }
  std::unordered_set<std::string_view> seen;
  for (const std::string& number : line_numbers) {
    if (!seen.insert(number).second) {
      return Status::InvalidContent(
          std::string(prefix) + "Duplicate lineNumber '" + number + "' in the request",
          "lineNumber");
    }
  }
  return Status::Ok();
}

bool HasIntentToCancel(const OrderLine& line) {
  if (!line.intent_to_cancel) return false;
  const std::string& value = *line.intent_to_cancel;
  return !(value.empty() || EqualsIgnoreCase(value, "N") || EqualsIgnoreCase(value, "NO") ||
           EqualsIgnoreCase(value, "FALSE"));
}

std::int64_t AddClamped(std::int64_t a, std::int64_t b) {
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  return a > kMax - b ? kMax : a + b;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace mporders::lifecycle_internal
