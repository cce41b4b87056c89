#pragma once
// How a list's totalCount is taken from per-hour order counts (the
// order_hour_counts table both engines keep with triggers): the whole hours
// of the createdStartDate window are summed there, and only the orders of the
// partial hours at the window's edges are counted one by one. Engine-neutral:
// each engine turns the plan into its SQL.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/store.h"

namespace mporders {

inline constexpr EpochMillis kMillisPerHour = 3'600'000;

struct HourCountPlan {
  // Only orders of this shipNode type (the column orders keep); nullopt: all.
  std::optional<std::string> ship_node_type;
  // Whole hours [first_hour, end_hour) (hour = order_date / kMillisPerHour);
  // no end_hour: every hour from first_hour on.
  std::int64_t first_hour = 0;
  std::optional<std::int64_t> end_hour;
  // The rest of the window: orderDate ranges [start, end), counted from the
  // orders (none, one or two).
  struct Edge {
    EpochMillis start = 0;
    EpochMillis end = 0;
  };
  std::vector<Edge> edges;
};

// The plan, or nullopt when the summary cannot answer: the filter has more
// than the seller, the createdStartDate/createdEndDate window and the
// shipNode type (which every API list query has), the window
// does not start after 1970-01-01T00:00Z, or it holds no whole hour.
std::optional<HourCountPlan> PlanHourCount(const OrderFilter& filter);

// The plan as one query answering the count in its one row and column. Its
// parameters are numbered from 1 and written `prefix`N ('?' for SQLite, '$'
// for PostgreSQL): 1 is the seller id, the others the integers of `numbers`
// in order (2, 3, ...), and then the shipNode type (a string) if the plan
// has one.
struct HourCountQuery {
  std::string sql;
  std::vector<std::int64_t> numbers;
};
HourCountQuery BuildHourCountQuery(const HourCountPlan& plan, char prefix);

}  // namespace mporders
