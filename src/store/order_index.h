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

// Whether every side row of an order must be rewritten when it changes from
// `before` to `after`: a column every side row copies changed (order date,
// ship node type, order type).
bool SideRowsRewritten(const Order& before_order, const OrderIndexValues& before,
                       const Order& after_order, const OrderIndexValues& after);

// The values of one side table whose rows an order change deletes and
// inserts: those the order lost and gained (a status change usually moves
// one status and leaves the SKU and program rows alone), or all of them when
// `rewrite`. Pointers into `before` and `after`.
struct SideValueChanges {
  std::vector<const std::string*> removed;
  std::vector<const std::string*> added;
};
SideValueChanges ChangedSideValues(bool rewrite, const std::vector<std::string>& before,
                                   const std::vector<std::string>& after);

}  // namespace mporders
