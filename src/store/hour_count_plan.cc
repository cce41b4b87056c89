#include "store/hour_count_plan.h"

#include <string>
#include <utility>

namespace mporders {
namespace {

bool OnlyCreatedWindow(const OrderFilter& filter, StatusHourCounts status_counts) {
  return !filter.sku && !filter.customer_order_id && !filter.purchase_order_id &&
         (!filter.status || status_counts != StatusHourCounts::kNotKept) &&
         !filter.expected_ship_start && !filter.expected_ship_end &&
         !filter.last_modified_start && !filter.last_modified_end &&
         !filter.shipping_program_type && !filter.order_type;
}

// Adds `value` as the next parameter and returns its placeholder.
std::string Param(HourCountQuery& query, char prefix, std::int64_t value) {
  query.numbers.push_back(value);
  return prefix + std::to_string(query.numbers.size() + 1);
}

}  // namespace

std::optional<HourCountPlan> PlanHourCount(const OrderFilter& filter,
                                           StatusHourCounts status_counts) {
  if (!OnlyCreatedWindow(filter, status_counts) || !filter.created_start ||
      *filter.created_start <= 0) {
    return std::nullopt;
  }
  const EpochMillis start = *filter.created_start;
  HourCountPlan plan;
  plan.ship_node_type = filter.ship_node_type;
  if (filter.status) {
    plan.status = std::string(LineStatusName(*filter.status));
    plan.status_deltas = status_counts == StatusHourCounts::kKeptWithDeltas;
  }
  plan.first_hour = (start + kMillisPerHour - 1) / kMillisPerHour;  // start > 0: the ceiling
  if (filter.created_end) {
    const EpochMillis end = *filter.created_end;
    if (end <= 0 || end / kMillisPerHour <= plan.first_hour) return std::nullopt;
    plan.end_hour = end / kMillisPerHour;
  }
  const EpochMillis whole_start = plan.first_hour * kMillisPerHour;
  if (start < whole_start) plan.edges.push_back({start, whole_start});
  if (plan.end_hour) {
    const EpochMillis whole_end = *plan.end_hour * kMillisPerHour;
    if (whole_end < *filter.created_end) plan.edges.push_back({whole_end, *filter.created_end});
  }
  return plan;
}

HourCountQuery BuildHourCountQuery(const HourCountPlan& plan, char prefix) {
  HourCountQuery query;
  const std::string seller = std::string(1, prefix) + "1";
  const char* const rows = plan.status ? "order_status_idx" : "orders";
  std::string hours = " AND hour >= " + Param(query, prefix, plan.first_hour);
  if (plan.end_hour) hours += " AND hour < " + Param(query, prefix, *plan.end_hour);
  // The strings follow every number: two per edge.
  const std::size_t first_text = query.numbers.size() + 2 + 2 * plan.edges.size();
  std::string categories;
  for (const auto& [column, value] : {std::pair{"ship_node_type", &plan.ship_node_type},
                                      std::pair{"status", &plan.status}}) {
    if (!*value) continue;
    categories += std::string(" AND ") + column + " = " + prefix +
                  std::to_string(first_text + query.texts.size());
    query.texts.push_back(**value);
  }
  auto sum_of = [&](const char* summary) {
    return std::string("(SELECT coalesce(sum(orders), 0) FROM ") + summary +
           " WHERE seller_id = " + seller + hours + categories + ")";
  };
  std::string sql = "SELECT CAST(";
  sql += sum_of(plan.status ? "order_status_hour_counts" : "order_hour_counts");
  if (plan.status && plan.status_deltas) sql += " + " + sum_of("order_status_hour_deltas");
  for (const HourCountPlan::Edge& edge : plan.edges) {
    sql += std::string(" + (SELECT count(*) FROM ") + rows + " WHERE seller_id = " + seller +
           " AND order_date >= " + Param(query, prefix, edge.start) +
           " AND order_date < " + Param(query, prefix, edge.end) + categories + ")";
  }
  sql += " AS BIGINT)";
  query.sql = std::move(sql);
  return query;
}

}  // namespace mporders
