#include "sandbox/customer_events.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string_view>

namespace mporders::sandbox {
namespace {

// Appends rather than chaining operator+: GCC 12 misreads such chains as
// overlapping copies (-Wrestrict) once inlined.
Status Refused(const Order& order, std::initializer_list<std::string_view> parts) {
  std::string text = "Customer cancellation of PO ";
  text.append(order.purchase_order_id).append(": ");
  for (std::string_view part : parts) text.append(part);
  return Status::InvalidContent(std::move(text), "lineNumbers");
}

std::int64_t OpenUnits(const OrderLine& line) {
  return QuantityIn(line, LineStatus::kCreated) + QuantityIn(line, LineStatus::kAcknowledged);
}

}  // namespace

Status RequestCancellation(Order& order, const std::vector<std::string>& line_numbers) {
  std::set<std::string> chosen;
  if (line_numbers.empty()) {
    for (const OrderLine& line : order.order_lines) {
      if (OpenUnits(line) > 0) chosen.insert(line.line_number);
    }
    if (chosen.empty()) {
      return Refused(order, {"no line has Created or Acknowledged quantity left"});
    }
  }
  for (const std::string& number : line_numbers) {
    auto line = std::find_if(order.order_lines.begin(), order.order_lines.end(),
                             [&](const OrderLine& l) { return l.line_number == number; });
    if (line == order.order_lines.end()) {
      return Refused(order, {"line ", number, " does not exist"});
    }
    if (!chosen.insert(number).second) {
      return Refused(order, {"line ", number, " is listed twice"});
    }
    if (OpenUnits(*line) == 0) {
      return Refused(order,
                     {"line ", number, " has no Created or Acknowledged quantity left to cancel"});
    }
  }
  for (OrderLine& line : order.order_lines) {
    if (chosen.count(line.line_number) > 0) line.intent_to_cancel.emplace("Y");
  }
  return Status::Ok();
}

}  // namespace mporders::sandbox
