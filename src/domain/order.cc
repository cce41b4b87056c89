#include "domain/order.h"

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

}  // namespace mporders
