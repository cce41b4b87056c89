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

}  // namespace mporders
