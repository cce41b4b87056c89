#pragma once
// What a store engine copies out of an order document into columns and side
// tables so that list filters never parse documents. Both engines keep the
// same columns and side tables (schema/sqlite, schema/postgres).

#include <string>
#include <vector>

#include "domain/order.h"

namespace mporders {

// Stored in place of an absent shipNode.type / orderType, so that a filter
// for the default value matches orders that leave it out.
inline constexpr char kDefaultShipNodeType[] = "SellerFulfilled";
inline constexpr char kDefaultOrderType[] = "REGULAR";

struct OrderIndexValues {
  std::string ship_node_type;  // normalised
  std::string order_type;      // normalised
  // Distinct and sorted; one side-table row each.
  std::vector<std::string> statuses;  // of every quantity bucket of every line
  std::vector<std::string> skus;      // item.sku of every line
  std::vector<std::string> programs;  // fulfillment.shippingProgramType of every line
};

OrderIndexValues IndexValuesOf(const Order& order);

}  // namespace mporders
