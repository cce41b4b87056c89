#pragma once
// SQL for list queries: which index drives a query, and the page, count and
// probe statements built from an OrderFilter.
//
// Every page is a keyset scan in list order (order_date DESC,
// purchase_order_id DESC) that starts strictly after the page key, so its
// cost does not depend on how deep the page is. The driver is the index
// whose range holds the fewest candidates that can still be read in list
// order: an exact purchase order or customer order id, then the SKU, status
// and shipping-program side tables, then the seller's date index. Filters
// that are not the driver are checked on the driver's own columns where it
// carries them (the date index carries every column filter, the status and
// program tables the ship node and order types), else on the joined orders
// row, and side-table filters by a primary-key lookup, so a page reads no
// document it does not return.
//
// A last-modified or expected-ship window cannot be read in list order. When
// a bounded probe shows that such a window holds few orders (typical for
// polling "what changed lately"), it drives the query instead and its rows
// are sorted; the probe's cap bounds that sort.

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "store/store.h"

namespace mporders::sqlite {

enum class ListDriver {
  kPurchaseOrder,     // orders primary key
  kCustomerOrder,     // orders_by_customer_order
  kSku,               // order_lines_idx
  kStatus,            // order_status_idx
  kShippingProgram,   // order_programs_idx
  kOrderDate,         // orders_by_date
  kLastModified,      // orders_by_last_modified, sorted
  kExpectedShipDate,  // orders_by_est_ship_date, sorted
};

using SqlValue = std::variant<std::int64_t, std::string>;

struct SqlQuery {
  std::string sql;
  std::vector<SqlValue> params;  // bound to ?1, ?2, ... in order
};

// The driver that yields `filter`'s matches already in list order.
// REQUIRES: filter.seller_id is set.
ListDriver OrderedDriver(const OrderFilter& filter);

// The window drivers (kLastModified, kExpectedShipDate) `filter` makes
// possible, each worth a probe.
std::vector<ListDriver> WindowDrivers(const OrderFilter& filter);

// One row, one column: how many orders of the seller fall in the window of
// `driver` (a window driver), counting no further than cap + 1.
SqlQuery BuildWindowProbe(const OrderFilter& filter, ListDriver driver, std::int64_t cap);

// What a page row carries in sql::kOrderDocColumn.
enum class PageDocument {
  kInRow,    // the document (sqlite::DocumentFromRow reads the row)
  kByRowid,  // the row's rowid: the order-date page is then read from its
             // index alone, and sqlite::ListedDocumentFromRow reads a
             // document only when no kept answer spares it
};

// Rows (document or rowid, last_modified, version, order_date,
// purchase_order_id, doc_hash) of the matches after `after`, in list order,
// at most `limit` of them.
SqlQuery BuildPageQuery(const OrderFilter& filter, const std::optional<PageKey>& after,
                        std::int64_t limit, ListDriver driver, PageDocument document);

// One row, one column: the number of matches, counting no further than cap + 1.
SqlQuery BuildCountQuery(const OrderFilter& filter, ListDriver driver, std::int64_t cap);

}  // namespace mporders::sqlite
