#include "store/order_index.h"

#include <algorithm>

namespace mporders {
namespace {

void SortUnique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

}  // namespace

OrderIndexValues IndexValuesOf(const Order& order) {
  OrderIndexValues values;
  values.ship_node_type =
      order.ship_node && order.ship_node->type ? *order.ship_node->type : kDefaultShipNodeType;
  values.order_type = order.order_type.value_or(kDefaultOrderType);
  for (const OrderLine& line : order.order_lines) {
    values.skus.push_back(line.item.sku);
    for (const OrderLineStatus& bucket : line.statuses) {
      values.statuses.push_back(LineStatusName(bucket.status));
    }
    if (line.fulfillment && line.fulfillment->shipping_program_type) {
      values.programs.push_back(*line.fulfillment->shipping_program_type);
    }
  }
  SortUnique(values.statuses);
  SortUnique(values.skus);
  SortUnique(values.programs);
  return values;
}

bool SideRowsRewritten(const Order& before_order, const OrderIndexValues& before,
                       const Order& after_order, const OrderIndexValues& after) {
  return before_order.order_date != after_order.order_date ||
         before.ship_node_type != after.ship_node_type || before.order_type != after.order_type;
}

SideValueChanges ChangedSideValues(bool rewrite, const std::vector<std::string>& before,
                                   const std::vector<std::string>& after) {
  // Both are sorted and distinct (IndexValuesOf).
  auto holds = [](const std::vector<std::string>& values, const std::string& value) {
    return std::binary_search(values.begin(), values.end(), value);
  };
  SideValueChanges changes;
  for (const std::string& value : before) {
    if (rewrite || !holds(after, value)) changes.removed.push_back(&value);
  }
  for (const std::string& value : after) {
    if (rewrite || !holds(before, value)) changes.added.push_back(&value);
  }
  return changes;
}

}  // namespace mporders
