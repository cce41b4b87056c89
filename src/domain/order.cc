#include "domain/order.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace mporders {
namespace {

constexpr std::array<std::pair<LineStatus, const char*>, 6> kStatusNames = {{
    {LineStatus::kCreated, "Created"},
    {LineStatus::kAcknowledged, "Acknowledged"},
    {LineStatus::kShipped, "Shipped"},
    {LineStatus::kDelivered, "Delivered"},
    {LineStatus::kCancelled, "Cancelled"},
    {LineStatus::kRefund, "Refund"},
}};

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

}  // namespace

const char* LineStatusName(LineStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "Created";
}

std::optional<LineStatus> ParseLineStatus(std::string_view text) {
  for (const auto& [value, name] : kStatusNames) {
    if (EqualsIgnoreCase(text, name)) return value;
  }
  return std::nullopt;
}

std::int64_t QuantityIn(const OrderLine& line, LineStatus status) {
  std::int64_t total = 0;
  for (const OrderLineStatus& bucket : line.statuses) {
    if (bucket.status == status) total += bucket.status_quantity.amount;
  }
  return total;
}

bool IsWalmartFulfilled(const Order& order) {
  return order.ship_node && order.ship_node->type &&
         EqualsIgnoreCase(*order.ship_node->type, "WFSFulfilled");
}

std::optional<std::string> ShipFromCountry(const OrderLine& line) {
  for (const auto& [name, raw] : line.extras) {
    // A JSON string of letters: "CA".
    if (name == kShipFromCountryMember && raw.size() >= 2 && raw.front() == '"' &&
        raw.back() == '"') {
      return raw.substr(1, raw.size() - 2);
    }
  }
  return std::nullopt;
}

void SetShipFromCountry(OrderLine& line, std::string_view country) {
  std::string raw;
  raw.reserve(country.size() + 2);
  raw.push_back('"');
  raw.append(country);
  raw.push_back('"');
  for (auto& [name, value] : line.extras) {
    if (name == kShipFromCountryMember) {
      value = std::move(raw);
      return;
    }
  }
  line.extras.emplace_back(std::string(kShipFromCountryMember), std::move(raw));
}

StoredOrder NewStoredOrder(std::string seller_id, Order order) {
  StoredOrder stored;
  stored.seller_id = std::move(seller_id);
  stored.last_modified = order.order_date;
  for (const OrderLine& line : order.order_lines) {
    stored.last_modified = std::max(stored.last_modified, line.status_date);
  }
  stored.order = std::move(order);
  return stored;
}

}  // namespace mporders
