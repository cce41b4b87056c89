#pragma once
// Test orders for black-box tests: Walmart-shaped order documents written as
// `mporders import` files, the request bodies of the write endpoints, and
// small readers for the orders the server returns.
//
// Money amounts are passed and written as JSON number text ("0.30", "-0.1")
// so that a test controls the exact characters the server parses.

#include <boost/json.hpp>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace mporders::testing {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;
constexpr std::int64_t kHour = 60 * kMinute;
constexpr std::int64_t kDay = 24 * kHour;

// The current time in epoch milliseconds.
std::int64_t NowMillis();
// Now truncated to whole seconds, so that second-precision date-time
// parameters name an order's exact orderDate.
std::int64_t NowSeconds();

// Query-parameter forms of an instant (UTC unless an offset is given).
std::string IsoDate(std::int64_t millis);                            // 2024-05-01
std::string IsoSeconds(std::int64_t millis);                         // 2024-05-01T10:30:15Z
std::string IsoMillis(std::int64_t millis);                          // 2024-05-01T10:30:15.123Z
std::string IsoWithOffset(std::int64_t millis, int offset_minutes);  // 2024-05-01T12:30:15+02:00

// Percent-encodes everything but unreserved characters (RFC 3986).
std::string UrlEncode(const std::string& text);

// One orderLineStatus entry of an imported line. Shipped and Delivered
// buckets get a trackingInfo with `tracking_number` (or a generated one).
struct BucketSpec {
  std::string status;
  std::int64_t quantity = 1;
  std::string cancellation_reason;  // empty: absent
  std::string tracking_number;
};

struct LineSpec {
  std::string line_number = "1";
  std::string sku = "SKU-1";
  std::int64_t quantity = 1;
  std::vector<BucketSpec> buckets;      // empty: the whole quantity Created
  std::string product_amount = "5.00";  // PRODUCT chargeAmount.amount
  std::string tax_amount = "0.40";      // its tax; empty: no tax
  std::string shipping_amount;          // a SHIPPING charge; empty: none
  std::string shipping_program_type;    // fulfillment.shippingProgramType; empty: absent
};

struct OrderSpec {
  std::string purchase_order_id;
  std::string customer_order_id;         // empty: "C" + purchase_order_id
  std::int64_t order_date = 0;           // also every line's statusDate
  std::int64_t estimated_ship_date = 0;  // 0: order_date + 1 day
  std::string ship_node_type = "SellerFulfilled";
  std::string order_type;       // empty: absent (REGULAR)
  std::vector<LineSpec> lines;  // empty: one line of 1 Created unit
  std::string currency = "USD";  // of every amount
};

// Shorthands for the common fields; set the others on the result.
BucketSpec Bucket(const std::string& status, std::int64_t quantity,
                  const std::string& cancellation_reason = "");
LineSpec Line(const std::string& line_number, const std::string& sku, std::int64_t quantity,
              std::vector<BucketSpec> buckets = {});
OrderSpec Order(const std::string& purchase_order_id, std::int64_t order_date,
                std::vector<LineSpec> lines = {});

// {"order":{...}} in Walmart's US JSON shape.
std::string OrderJson(const OrderSpec& order);
// A JSON array of {"order":{...}}: the import file format.
std::string OrdersFileJson(const std::vector<OrderSpec>& orders);

// Writes `orders` to a new file in `dir` and runs `mporders import` for
// `seller`; returns the CLI's exit code.
int ImportOrders(const std::string& db, const std::string& seller,
                 const std::vector<OrderSpec>& orders, const std::filesystem::path& dir);

// --- Request bodies -------------------------------------------------------

struct PackageSpec {
  std::string line_number = "1";
  std::int64_t quantity = 1;
  std::string tracking_number = "TRK-1";
  std::string carrier = "UPS";
  std::string method_code = "Standard";
};

PackageSpec Package(const std::string& line_number, std::int64_t quantity,
                    const std::string& tracking_number, const std::string& carrier = "UPS",
                    const std::string& method_code = "Standard");

// {"orderShipment":...}: packages of the same line share its orderLine entry.
std::string ShipBody(const std::vector<PackageSpec>& packages);
// {"orderCancellation":...} for one portion of one line.
std::string CancelBody(const std::string& line_number, std::int64_t quantity,
                       const std::string& reason = "SELLER_CANCEL_OUT_OF_STOCK",
                       const std::string& status = "Cancelled");
// {"orderRefund":...} with one refund charge; `tax_amount` empty: no tax.
std::string RefundBody(const std::string& purchase_order_id, const std::string& line_number,
                       const std::string& amount, const std::string& tax_amount = "",
                       const std::string& charge_type = "PRODUCT",
                       const std::string& reason = "DamagedItem",
                       const std::string& currency = "USD");
// {"orderRefund":...} asking a full refund of the line.
std::string FullRefundBody(const std::string& purchase_order_id, const std::string& line_number);

// --- Reading orders back --------------------------------------------------

// The order object of a {"order":{...}} response (or a bare order).
const boost::json::object& OrderOf(const boost::json::value& response);
// The line with `line_number`; throws std::out_of_range when absent.
const boost::json::object& LineOf(const boost::json::value& response,
                                  const std::string& line_number);
// The line's orderLineStatus entries with `status`.
std::vector<boost::json::object> BucketsOf(const boost::json::object& line,
                                           const std::string& status);
// Σ statusQuantity.amount of the line's buckets with `status`.
std::int64_t QuantityIn(const boost::json::object& line, const std::string& status);
// purchaseOrderIds of a list response, in response order.
std::vector<std::string> PurchaseOrderIds(const boost::json::value& list_response);

}  // namespace mporders::testing
