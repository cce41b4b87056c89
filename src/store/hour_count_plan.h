#pragma once
// How a list's totalCount is taken from per-hour order counts (the
// order_hour_counts table both engines keep with triggers, and
// order_status_hour_counts for a status filter, on PostgreSQL together with
// the changes not yet compacted into it, order_status_hour_deltas): the whole
// hours of the createdStartDate window are summed there, and only the orders of the
// partial hours at the window's edges are counted one by one (from orders,
// or from the status side table). Engine-neutral: each engine turns the plan
// into its SQL.

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
  // Only orders with a line in this status (its wire name); nullopt: any.
  std::optional<std::string> status;
  // With a status: also sum order_status_hour_deltas.
  bool status_deltas = false;
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

// Whether the engine keeps order_status_hour_counts, and whether its
// recent changes wait in order_status_hour_deltas.
enum class StatusHourCounts { kNotKept, kKept, kKeptWithDeltas };

// The plan, or nullopt when the summaries cannot answer: the filter has more
// than the seller, the createdStartDate/createdEndDate window, the
// shipNode type (which every API list query has) and, with `status_counts`
// kept, a status; the window does not start after 1970-01-01T00:00Z, or it
// holds no whole hour.
std::optional<HourCountPlan> PlanHourCount(const OrderFilter& filter,
                                           StatusHourCounts status_counts);

// The plan as one query answering the count in its one row and column. Its
// parameters are numbered from 1 and written `prefix`N ('?' for SQLite, '$'
// for PostgreSQL): 1 is the seller id, the next the integers of `numbers` in
// order (2, 3, ...), and then the strings of `texts` in order.
struct HourCountQuery {
  std::string sql;
  std::vector<std::int64_t> numbers;
  std::vector<std::string> texts;
};
HourCountQuery BuildHourCountQuery(const HourCountPlan& plan, char prefix);

}  // namespace mporders
