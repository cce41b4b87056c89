// SqliteStore::ListOrderDocuments: driver choice, count and keyset page.

#include <algorithm>
#include <string>
#include <utility>

#include "store/hour_count_plan.h"
#include "store/sqlite/list_query.h"
#include "store/sqlite/order_rows.h"
#include "store/sqlite/sqlite_store.h"
#include "store/sqlite/sqlite_store_access.h"

namespace mporders {

using sqlite::Connection;
using sqlite::ListDriver;
using sqlite::PageDocument;
using sqlite::SqlQuery;
using sqlite::Statement;
using sqlite::Transaction;
using sqlite::TxMode;

namespace {

const char* DriverName(ListDriver driver) {
  switch (driver) {
    case ListDriver::kPurchaseOrder:
      return "purchase_order";
    case ListDriver::kCustomerOrder:
      return "customer_order";
    case ListDriver::kSku:
      return "sku";
    case ListDriver::kStatus:
      return "status";
    case ListDriver::kShippingProgram:
      return "shipping_program";
    case ListDriver::kOrderDate:
      return "order_date";
    case ListDriver::kLastModified:
      return "last_modified";
    case ListDriver::kExpectedShipDate:
      return "expected_ship_date";
  }
  return "unknown";
}

Result<Statement> PrepareBound(Connection& db, const SqlQuery& query) {
  Result<Statement> stmt = db.Prepare(query.sql);
  if (!stmt.ok()) return stmt.status();
  sqlite::BindAll(*stmt, query.params);
  return stmt;
}

Result<std::int64_t> RunCount(Connection& db, const SqlQuery& query) {
  Result<Statement> stmt = PrepareBound(db, query);
  if (!stmt.ok()) return stmt.status();
  Result<bool> row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int64(0) : 0;
}

// The query's matches up to cap + 1: from the per-hour counts when they
// can answer (store/hour_count_plan.h), else by counting the driver's rows.
Result<std::int64_t> CountMatches(Connection& db, const OrderFilter& filter, ListDriver driver,
                                  std::int64_t cap) {
  if (std::optional<HourCountPlan> plan = PlanHourCount(filter, StatusHourCounts::kKept)) {
    HourCountQuery hours = BuildHourCountQuery(*plan, '?');
    SqlQuery query{std::move(hours.sql), {filter.seller_id}};
    for (std::int64_t number : hours.numbers) query.params.emplace_back(number);
    for (std::string& text : hours.texts) query.params.emplace_back(std::move(text));
    Result<std::int64_t> count = RunCount(db, query);
    if (!count.ok()) return count.status();
    return std::min(*count, cap + 1);
  }
  return RunCount(db, sqlite::BuildCountQuery(filter, driver, cap));
}

// The ordered driver, unless it is a broad one (status, program, date) and
// a last-modified or expected-ship window holds at most `cap` orders: then
// the smallest such window, whose rows are few enough to sort.
Result<ListDriver> ChooseDriver(Connection& db, const OrderFilter& filter, std::int64_t cap) {
  ListDriver driver = sqlite::OrderedDriver(filter);
  if (driver != ListDriver::kStatus && driver != ListDriver::kShippingProgram &&
      driver != ListDriver::kOrderDate) {
    return driver;
  }
  std::int64_t fewest = cap + 1;
  for (ListDriver window : sqlite::WindowDrivers(filter)) {
    Result<std::int64_t> count = RunCount(db, sqlite::BuildWindowProbe(filter, window, cap));
    if (!count.ok()) return count.status();
    if (*count <= cap && *count < fewest) {
      fewest = *count;
      driver = window;
    }
  }
  return driver;
}

Result<std::vector<std::string>> QueryPlan(Connection& db, const SqlQuery& query) {
  SqlQuery explain{"EXPLAIN QUERY PLAN " + query.sql, query.params};
  Result<Statement> stmt = PrepareBound(db, explain);
  if (!stmt.ok()) return stmt.status();
  std::vector<std::string> lines;
  for (;;) {
    Result<bool> row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return lines;
    lines.emplace_back(stmt->Text(3));  // columns: id, parent, notused, detail
  }
}

}  // namespace

Result<OrderDocumentPage> SqliteStore::ListOrderDocuments(const ListRequest& request) {
  MP_RETURN_IF_ERROR(CheckListRequest(request));
  const OrderFilter& filter = request.filter;
  const std::int64_t count_cap = std::max<std::int64_t>(request.count_cap, 0);
  return WithReader([&](Connection& db) -> Result<OrderDocumentPage> {
    // One snapshot: the count and the page agree.
    Result<Transaction> tx = Transaction::Begin(db, TxMode::kRead);
    if (!tx.ok()) return tx.status();
    Result<ListDriver> driver = ChooseDriver(db, filter, options_.window_sort_cap);
    if (!driver.ok()) return driver.status();

    OrderDocumentPage page;
    if (request.count_total) {
      Result<std::int64_t> count = CountMatches(db, filter, *driver, count_cap);
      if (!count.ok()) return count.status();
      page.total_count = *count;
    }
    {
      // Without kept answers every document is needed: it comes with its row.
      const PageDocument document_column =
          request.skip_document ? PageDocument::kByRowid : PageDocument::kInRow;
      // One row beyond the page tells whether more follow.
      Result<Statement> rows = PrepareBound(
          db, sqlite::BuildPageQuery(filter, request.after, std::int64_t{request.limit} + 1,
                                     *driver, document_column));
      if (!rows.ok()) return rows.status();
      page.documents.reserve(static_cast<size_t>(request.limit));
      for (;;) {
        Result<bool> row = rows->Step();
        if (!row.ok()) return row.status();
        if (!*row) break;
        if (page.documents.size() == static_cast<size_t>(request.limit)) {
          page.has_more = true;
          break;
        }
        if (document_column == PageDocument::kInRow) {
          page.documents.push_back(sqlite::DocumentFromRow(*rows, filter.seller_id));
          continue;
        }
        Result<OrderDocument> document =
            sqlite::ListedDocumentFromRow(db, *rows, filter.seller_id, request.skip_document);
        if (!document.ok()) return document.status();
        page.documents.push_back(std::move(*document));
      }
    }
    MP_RETURN_IF_ERROR(tx->Commit());
    return page;
  });
}

Result<ListQueryPlan> SqliteStore::ExplainList(const ListRequest& request) {
  MP_RETURN_IF_ERROR(CheckListRequest(request));
  const OrderFilter& filter = request.filter;
  return WithReader([&](Connection& db) -> Result<ListQueryPlan> {
    Result<ListDriver> driver = ChooseDriver(db, filter, options_.window_sort_cap);
    if (!driver.ok()) return driver.status();
    ListQueryPlan plan;
    plan.driver = DriverName(*driver);
    // The page as a server with kept answers (its default) reads it.
    Result<std::vector<std::string>> page = QueryPlan(
        db, sqlite::BuildPageQuery(filter, request.after, std::int64_t{request.limit} + 1,
                                   *driver, PageDocument::kByRowid));
    if (!page.ok()) return page.status();
    plan.page = std::move(*page);
    Result<std::vector<std::string>> count =
        QueryPlan(db, sqlite::BuildCountQuery(filter, *driver, request.count_cap));
    if (!count.ok()) return count.status();
    plan.count = std::move(*count);
    return plan;
  });
}

}  // namespace mporders
