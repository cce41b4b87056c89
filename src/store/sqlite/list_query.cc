#include "store/sqlite/list_query.h"

#include <utility>

namespace mporders::sqlite {
namespace {

// Which filter columns a driver's rows (alias d) carry themselves.
enum class Carries {
  kEverything,  // a row of orders
  kCategories,  // ship_node_type and order_type (status and program side tables)
  kKeysOnly,    // the SKU side table
};

// Where a driver's rows come from. A side table joins orders (alias o) to
// read the document and any filter column it does not carry; window drivers
// need a sort.
struct DriverSource {
  const char* from;        // table, alias d, and the index it must use
  const char* key_column;  // equality column after seller_id; nullptr for none
  Carries carries;
  bool sorted;  // rows come out of the index in list order
  bool side_table() const { return carries != Carries::kEverything; }
};

DriverSource SourceOf(ListDriver driver) {
  switch (driver) {
    case ListDriver::kPurchaseOrder:
      // The primary key's automatic index; equality on both columns is unique.
      return {"orders AS d", "purchase_order_id", Carries::kEverything, true};
    case ListDriver::kCustomerOrder:
      return {"orders AS d INDEXED BY orders_by_customer_order", "customer_order_id",
              Carries::kEverything, true};
    case ListDriver::kSku:
      return {"order_lines_idx AS d", "sku", Carries::kKeysOnly, true};
    case ListDriver::kStatus:
      return {"order_status_idx AS d", "status", Carries::kCategories, true};
    case ListDriver::kShippingProgram:
      return {"order_programs_idx AS d", "shipping_program_type", Carries::kCategories, true};
    case ListDriver::kOrderDate:
      return {"orders AS d INDEXED BY orders_by_date", nullptr, Carries::kEverything, true};
    case ListDriver::kLastModified:
      return {"orders AS d INDEXED BY orders_by_last_modified", nullptr, Carries::kEverything,
              false};
    case ListDriver::kExpectedShipDate:
      return {"orders AS d INDEXED BY orders_by_est_ship_date", nullptr, Carries::kEverything,
              false};
  }
  return {"orders AS d INDEXED BY orders_by_date", nullptr, Carries::kEverything, true};
}

// A side-table row finds its order through orders_by_date, which holds every
// column a side-table list reads of the order (its page stamp and the filter
// columns a side table lacks): one index seek per order, where the primary
// key would take a seek in its index and another in the table. A side row's
// order_date is the order's, kept in the same transaction. The unary + keeps
// SQLite from carrying the created window's bound on d.order_date over to
// o.order_date and seeking the order by that range instead of the equality:
// a scan of the window's orders for each listed one (85 pages a second).
constexpr char kJoinOrderEntry[] = " CROSS JOIN orders AS o INDEXED BY orders_by_date";
constexpr char kJoinOrderRow[] =
    "o.seller_id = d.seller_id AND o.order_date = +d.order_date"
    " AND o.purchase_order_id = d.purchase_order_id";

// The value a driver's key column must equal, if the driver has one.
std::optional<std::string> KeyValue(const OrderFilter& filter, ListDriver driver) {
  switch (driver) {
    case ListDriver::kPurchaseOrder:
      return filter.purchase_order_id;
    case ListDriver::kCustomerOrder:
      return filter.customer_order_id;
    case ListDriver::kSku:
      return filter.sku;
    case ListDriver::kStatus:
      if (filter.status) return std::string(LineStatusName(*filter.status));
      return std::nullopt;
    case ListDriver::kShippingProgram:
      return filter.shipping_program_type;
    default:
      return std::nullopt;
  }
}

// Accumulates WHERE terms and their parameters in binding order.
class Conditions {
 public:
  explicit Conditions(const DriverSource& source) : source_(source) {}

  std::string Param(SqlValue value) {
    params_.push_back(std::move(value));
    // Appended rather than "?" + ...: GCC 12 warns falsely on that form.
    std::string placeholder = "?";
    placeholder += std::to_string(params_.size());
    return placeholder;
  }
  void Add(std::string term) { terms_.push_back(std::move(term)); }

  // `column` qualified by the row that carries it: the driver's, else the
  // joined orders row.
  std::string Column(const char* column, bool categorical) {
    const bool on_driver = source_.carries == Carries::kEverything ||
                           (categorical && source_.carries == Carries::kCategories);
    if (!on_driver) uses_order_row_ = true;
    return std::string(on_driver ? "d." : "o.") + column;
  }

  void AddRange(const char* column, const std::optional<EpochMillis>& start,
                const std::optional<EpochMillis>& end) {
    if (!start && !end) return;
    const std::string qualified = Column(column, false);
    if (start) Add(qualified + " >= " + Param(*start));
    if (end) Add(qualified + " < " + Param(*end));
  }
  void AddEquals(const char* column, bool categorical, const std::optional<std::string>& value) {
    if (value) Add(Column(column, categorical) + " = " + Param(*value));
  }
  // The order has a row with `value` in a side table: a primary-key lookup.
  void AddSideExists(const char* table, const char* column,
                     const std::optional<std::string>& value) {
    if (!value) return;
    Add(std::string("EXISTS (SELECT 1 FROM ") + table +
        " AS x WHERE x.seller_id = d.seller_id AND x." + column + " = " + Param(*value) +
        " AND x.order_date = d.order_date AND x.purchase_order_id = d.purchase_order_id)");
  }

  // Whether some filter reads the orders row of a side-table driver.
  bool uses_order_row() const { return uses_order_row_; }

  std::string Where() const {
    std::string out;
    for (const std::string& term : terms_) {
      out += out.empty() ? " WHERE " : " AND ";
      out += term;
    }
    return out;
  }
  std::vector<SqlValue> TakeParams() { return std::move(params_); }

 private:
  const DriverSource& source_;
  std::vector<std::string> terms_;
  std::vector<SqlValue> params_;
  bool uses_order_row_ = false;
};

// Every condition of `filter` on the driver's rows (alias d) or, for what a
// side table does not carry, on the joined orders row (alias o).
void AddFilter(const OrderFilter& filter, ListDriver driver, Conditions& where) {
  const DriverSource source = SourceOf(driver);
  where.Add("d.seller_id = " + where.Param(filter.seller_id));
  std::optional<std::string> key = KeyValue(filter, driver);
  if (source.key_column != nullptr && key) {
    where.Add(std::string("d.") + source.key_column + " = " + where.Param(*key));
  }
  // Window drivers put their own range first so it bounds the index scan.
  if (driver == ListDriver::kLastModified) {
    where.AddRange("last_modified", filter.last_modified_start, filter.last_modified_end);
  }
  if (driver == ListDriver::kExpectedShipDate) {
    where.AddRange("est_ship_date", filter.expected_ship_start, filter.expected_ship_end);
  }
  // Every driver carries order_date: the created window bounds its scan.
  if (filter.created_start) where.Add("d.order_date >= " + where.Param(*filter.created_start));
  if (filter.created_end) where.Add("d.order_date < " + where.Param(*filter.created_end));
  if (driver != ListDriver::kExpectedShipDate) {
    where.AddRange("est_ship_date", filter.expected_ship_start, filter.expected_ship_end);
  }
  if (driver != ListDriver::kLastModified) {
    where.AddRange("last_modified", filter.last_modified_start, filter.last_modified_end);
  }
  where.AddEquals("ship_node_type", true, filter.ship_node_type);
  where.AddEquals("order_type", true, filter.order_type);
  if (driver != ListDriver::kPurchaseOrder && filter.purchase_order_id) {
    // Every driver carries the purchase order id.
    where.Add("d.purchase_order_id = " + where.Param(*filter.purchase_order_id));
  }
  if (driver != ListDriver::kCustomerOrder) {
    where.AddEquals("customer_order_id", false, filter.customer_order_id);
  }
  if (driver != ListDriver::kSku) where.AddSideExists("order_lines_idx", "sku", filter.sku);
  if (driver != ListDriver::kStatus && filter.status) {
    where.AddSideExists("order_status_idx", "status", std::string(LineStatusName(*filter.status)));
  }
  if (driver != ListDriver::kShippingProgram) {
    where.AddSideExists("order_programs_idx", "shipping_program_type",
                        filter.shipping_program_type);
  }
}

constexpr char kListOrder[] = " ORDER BY d.order_date DESC, d.purchase_order_id DESC";

}  // namespace

ListDriver OrderedDriver(const OrderFilter& filter) {
  if (filter.purchase_order_id) return ListDriver::kPurchaseOrder;
  if (filter.customer_order_id) return ListDriver::kCustomerOrder;
  // A SKU is usually rarer than a status or a program.
  if (filter.sku) return ListDriver::kSku;
  if (filter.status) return ListDriver::kStatus;
  if (filter.shipping_program_type) return ListDriver::kShippingProgram;
  return ListDriver::kOrderDate;
}

std::vector<ListDriver> WindowDrivers(const OrderFilter& filter) {
  std::vector<ListDriver> drivers;
  if (filter.last_modified_start || filter.last_modified_end) {
    drivers.push_back(ListDriver::kLastModified);
  }
  if (filter.expected_ship_start || filter.expected_ship_end) {
    drivers.push_back(ListDriver::kExpectedShipDate);
  }
  return drivers;
}

SqlQuery BuildWindowProbe(const OrderFilter& filter, ListDriver driver, std::int64_t cap) {
  const DriverSource source = SourceOf(driver);
  Conditions where(source);
  where.Add("d.seller_id = " + where.Param(filter.seller_id));
  if (driver == ListDriver::kLastModified) {
    where.AddRange("last_modified", filter.last_modified_start, filter.last_modified_end);
  } else {
    where.AddRange("est_ship_date", filter.expected_ship_start, filter.expected_ship_end);
  }
  SqlQuery query;
  query.sql = std::string("SELECT count(*) FROM (SELECT 1 FROM ") + source.from + where.Where() +
              " LIMIT " + where.Param(cap + 1) + ")";
  query.params = where.TakeParams();
  return query;
}

SqlQuery BuildPageQuery(const OrderFilter& filter, const std::optional<PageKey>& after,
                        std::int64_t limit, ListDriver driver, PageDocument document) {
  const DriverSource source = SourceOf(driver);
  const std::string first = document == PageDocument::kInRow ? "doc" : "rowid";
  Conditions where(source);
  AddFilter(filter, driver, where);
  if (after) {
    // Row-value comparison: SQLite turns it into an index range bound.
    where.Add("(d.order_date, d.purchase_order_id) < (" + where.Param(after->order_date) + ", " +
              where.Param(after->purchase_order_id) + ")");
  }
  SqlQuery query;
  if (!source.sorted) {
    // Sort only the keys; read the documents of the page alone.
    const std::string seller = where.Param(filter.seller_id);
    const std::string keys = std::string("SELECT d.order_date AS order_date,") +
                             " d.purchase_order_id AS purchase_order_id FROM " + source.from +
                             where.Where() + kListOrder + " LIMIT " + where.Param(limit);
    query.sql = "SELECT o." + first + ", o.last_modified, o.version, o.order_date, o.purchase_order_id, o.doc_hash FROM (" + keys +
                ") AS k CROSS JOIN orders AS o WHERE o.seller_id = " + seller +
                " AND o.purchase_order_id = k.purchase_order_id"
                " ORDER BY k.order_date DESC, k.purchase_order_id DESC";
  } else if (source.side_table()) {
    // CROSS JOIN fixes the side table as the outer loop, so its key order is
    // the list order and only candidate orders are read.
    where.Add(kJoinOrderRow);
    query.sql = "SELECT o." + first + ", o.last_modified, o.version, o.order_date, o.purchase_order_id, o.doc_hash FROM " + source.from +
                kJoinOrderEntry + where.Where() + kListOrder + " LIMIT " + where.Param(limit);
  } else {
    query.sql = "SELECT d." + first + ", d.last_modified, d.version, d.order_date, d.purchase_order_id, d.doc_hash FROM " + source.from +
                where.Where() + kListOrder + " LIMIT " + where.Param(limit);
  }
  query.params = where.TakeParams();
  return query;
}

SqlQuery BuildCountQuery(const OrderFilter& filter, ListDriver driver, std::int64_t cap) {
  const DriverSource source = SourceOf(driver);
  Conditions where(source);
  AddFilter(filter, driver, where);
  std::string from = source.from;
  if (where.uses_order_row()) {
    from += kJoinOrderEntry;
    where.Add(kJoinOrderRow);
  }
  // Counted in list order: a window that favours recent orders (the usual
  // case) reaches its matches first.
  const char* order = source.sorted ? kListOrder : "";
  SqlQuery query;
  query.sql = "SELECT count(*) FROM (SELECT 1 FROM " + from + where.Where() + order + " LIMIT " +
              where.Param(cap + 1) + ")";
  query.params = where.TakeParams();
  return query;
}

}  // namespace mporders::sqlite
