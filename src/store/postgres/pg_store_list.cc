// PgStore::ListOrderDocuments: one keyset page and its capped count, from one
// snapshot. PostgreSQL's planner picks the index that drives the scan (all of
// them lead with seller_id), but the query says which table's rows are
// walked:
//  - with a status or shipping program filter, the side table's rows of that
//    value (one per matching order, carrying its order date, id, ship node
//    type and order type). Its (value, ship node type, date) index yields
//    them in list order, so a count needs that index alone and a page joins
//    only its own orders. Testing the ship node type on orders instead (the
//    API always has one) read the heap of every order in the date window:
//    0.6-3.3 s for a first page on 1,000,000 orders (docs/performance.md);
//  - without, the orders themselves, in the (date, id) index's order.
// The other filters are conditions on that row, on its orders row, or EXISTS
// probes of another side table's primary key.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "store/hour_count_plan.h"
#include "store/postgres/pg_store_access.h"

namespace mporders {

using pg::Connection;
using pg::Params;
using pg::Rows;

namespace {

// WHERE terms and their parameters, numbered in order.
class Conditions {
 public:
  std::string Param(std::string value) {
    params_.Add(value);
    return Placeholder();
  }
  std::string Param(std::int64_t value) {
    params_.Add(value);
    return Placeholder();
  }
  void Add(std::string term) {
    where_ += where_.empty() ? " WHERE " : " AND ";
    where_ += term;
  }
  // The order date window is repeated on the side table: the planner does not
  // carry a range through x.order_date = o.order_date, and without it the
  // probe scans every side row of the value (on 1,000,000 orders, a first
  // page's count over a 7-day window took 1.8 s instead of 0.5 s).
  // `row`: the alias of the row (orders or side table) the probe belongs to.
  void AddSideExists(const char* row, const char* table, const char* column,
                     const std::optional<std::string>& value,
                     const std::optional<EpochMillis>& created_start,
                     const std::optional<EpochMillis>& created_end) {
    if (!value) return;
    const std::string r(row);
    std::string term = std::string("EXISTS (SELECT 1 FROM ") + table + " AS x WHERE x.seller_id = " +
                       r + ".seller_id AND x." + column + " = " + Param(*value) +
                       " AND x.order_date = " + r + ".order_date AND x.purchase_order_id = " + r +
                       ".purchase_order_id";
    if (created_start) term += " AND x.order_date >= " + Param(std::int64_t{*created_start});
    if (created_end) term += " AND x.order_date < " + Param(std::int64_t{*created_end});
    Add(term + ")");
  }
  const std::string& where() const { return where_; }
  const Params& params() const { return params_; }

 private:
  std::string Placeholder() {
    ++count_;
    std::string placeholder = "$";
    placeholder += std::to_string(count_);
    return placeholder;
  }
  std::string where_;
  Params params_;
  int count_ = 0;
};

// The side table whose rows drive a filtered list: status first, as the
// more selective and the more common in the API's queries.
struct DrivingSide {
  const char* table;
  const char* column;
  std::string value;
};

std::optional<DrivingSide> DrivingSideOf(const OrderFilter& filter) {
  if (filter.status) {
    return DrivingSide{"order_status_idx", "status", std::string(LineStatusName(*filter.status))};
  }
  if (filter.shipping_program_type) {
    return DrivingSide{"order_programs_idx", "shipping_program_type", *filter.shipping_program_type};
  }
  return std::nullopt;
}

// Where the rows come from: " FROM ..." and the alias whose order_date and
// purchase_order_id are the list key.
struct Source {
  std::string from;
  std::string key;
};

// The orders' own columns, on alias `row`.
void AddRange(Conditions& where, const std::string& row, const char* column,
              const std::optional<EpochMillis>& start, const std::optional<EpochMillis>& end) {
  if (start) where.Add(row + "." + column + " >= " + where.Param(std::int64_t{*start}));
  if (end) where.Add(row + "." + column + " < " + where.Param(std::int64_t{*end}));
}
void AddEquals(Conditions& where, const std::string& row, const char* column,
               const std::optional<std::string>& value) {
  if (value) where.Add(row + "." + column + " = " + where.Param(*value));
}

// The filter's conditions; `documents`: the caller reads the orders rows.
Source AddFilter(const OrderFilter& filter, bool documents, Conditions& where) {
  const auto& start = filter.created_start;
  const auto& end = filter.created_end;
  std::optional<DrivingSide> side = DrivingSideOf(filter);
  if (!side) {
    where.Add("o.seller_id = " + where.Param(filter.seller_id));
    AddRange(where, "o", "order_date", start, end);
    AddRange(where, "o", "est_ship_date", filter.expected_ship_start, filter.expected_ship_end);
    AddRange(where, "o", "last_modified", filter.last_modified_start, filter.last_modified_end);
    AddEquals(where, "o", "purchase_order_id", filter.purchase_order_id);
    AddEquals(where, "o", "customer_order_id", filter.customer_order_id);
    AddEquals(where, "o", "ship_node_type", filter.ship_node_type);
    AddEquals(where, "o", "order_type", filter.order_type);
    where.AddSideExists("o", "order_lines_idx", "sku", filter.sku, start, end);
    return Source{" FROM orders AS o", "o"};
  }
  // Side row d stands for its order: same seller, date, id, ship node type
  // and order type (written in the same transaction as the orders row).
  where.Add("d.seller_id = " + where.Param(filter.seller_id));
  where.Add(std::string("d.") + side->column + " = " + where.Param(side->value));
  AddEquals(where, "d", "ship_node_type", filter.ship_node_type);
  AddRange(where, "d", "order_date", start, end);
  AddEquals(where, "d", "order_type", filter.order_type);
  AddEquals(where, "d", "purchase_order_id", filter.purchase_order_id);
  // Only these need the orders row.
  const bool orders_columns = filter.customer_order_id || filter.expected_ship_start ||
                              filter.expected_ship_end || filter.last_modified_start ||
                              filter.last_modified_end;
  AddRange(where, "o", "est_ship_date", filter.expected_ship_start, filter.expected_ship_end);
  AddRange(where, "o", "last_modified", filter.last_modified_start, filter.last_modified_end);
  AddEquals(where, "o", "customer_order_id", filter.customer_order_id);
  where.AddSideExists("d", "order_lines_idx", "sku", filter.sku, start, end);
  if (filter.status) {
    where.AddSideExists("d", "order_programs_idx", "shipping_program_type",
                        filter.shipping_program_type, start, end);
  }
  Source source{std::string(" FROM ") + side->table + " AS d", "d"};
  if (documents || orders_columns) {
    source.from +=
        " JOIN orders AS o ON o.seller_id = d.seller_id AND o.purchase_order_id = d.purchase_order_id";
  }
  return source;
}

}  // namespace

Result<OrderDocumentPage> PgStore::ListOrderDocuments(const ListRequest& request) {
  MP_RETURN_IF_ERROR(CheckListRequest(request));
  const OrderFilter& filter = request.filter;
  const std::int64_t count_cap = std::max<std::int64_t>(request.count_cap, 0);
  OrderDocumentPage page;
  Status status = InTransaction(pg::kBeginSnapshot, [&](Connection& db) -> Status {
    if (request.count_total) {
      // From the per-hour counts when they can answer (store/hour_count_plan.h):
      // status counts include the changes not yet compacted
      // (schema/postgres/0006, CompactStatusCounts).
      if (std::optional<HourCountPlan> plan =
              PlanHourCount(filter, StatusHourCounts::kKeptWithDeltas)) {
        HourCountQuery hours = BuildHourCountQuery(*plan, '$');
        Params params;
        params.Add(filter.seller_id);
        for (std::int64_t number : hours.numbers) params.Add(number);
        for (const std::string& text : hours.texts) params.Add(text);
        Result<Rows> count = db.Exec(hours.sql, params);
        if (!count.ok()) return count.status();
        page.total_count = std::min(count->Int64(0, 0), count_cap + 1);
      }
    }
    if (request.count_total && page.total_count < 0) {
      Conditions where;
      const Source source = AddFilter(filter, /*documents=*/false, where);
      const std::string sql = "SELECT count(*) FROM (SELECT 1" + source.from + where.where() +
                              " LIMIT " + where.Param(count_cap + 1) + ") AS matches";
      Result<Rows> count = db.Exec(sql, where.params());
      if (!count.ok()) return count.status();
      page.total_count = count->Int64(0, 0);
    }
    Conditions where;
    const Source source = AddFilter(filter, /*documents=*/true, where);
    const std::string& k = source.key;
    if (request.after) {
      where.Add("(" + k + ".order_date, " + k + ".purchase_order_id) < (" +
                where.Param(std::int64_t{request.after->order_date}) + ", " +
                where.Param(request.after->purchase_order_id) + ")");
    }
    // One row beyond the page tells whether more follow.
    const std::string sql = "SELECT o.doc, o.last_modified, o.version, o.order_date, o.purchase_order_id,"
                            " o.doc_hash" +
                            source.from + where.where() + " ORDER BY " + k + ".order_date DESC, " +
                            k + ".purchase_order_id DESC LIMIT " +
                            where.Param(std::int64_t{request.limit} + 1);
    Result<Rows> rows = db.Exec(sql, where.params());
    if (!rows.ok()) return rows.status();
    page.documents.reserve(static_cast<size_t>(request.limit));
    for (int i = 0; i < rows->size(); ++i) {
      if (page.documents.size() == static_cast<size_t>(request.limit)) {
        page.has_more = true;
        break;
      }
      page.documents.push_back(
          pg::DocumentFromRow(*rows, i, filter.seller_id, request.skip_document));
    }
    return Status::Ok();
  });
  if (!status.ok()) return status;
  return page;
}

}  // namespace mporders
