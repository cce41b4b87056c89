#include "support/order_builders.h"

#include <atomic>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <stdexcept>

#include "support/server_process.h"

namespace mporders::testing {
namespace {

// A JSON string literal; test values are plain ASCII.
std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out.push_back('\\');
    out.push_back(c);
  }
  return out + "\"";
}

// Appends `item` to a comma-separated JSON list.
void Append(std::string& list, const std::string& item) {
  if (!list.empty()) list += ",";
  list += item;
}

std::string Num(std::int64_t value) { return std::to_string(value); }

std::tm UtcFields(std::int64_t millis) {
  std::time_t seconds =
      static_cast<std::time_t>(millis >= 0 ? millis / 1000 : (millis - 999) / 1000);
  std::tm fields{};
  gmtime_r(&seconds, &fields);
  return fields;
}

std::string Format(const char* pattern, std::int64_t millis) {
  std::tm fields = UtcFields(millis);
  char text[64];
  std::strftime(text, sizeof(text), pattern, &fields);
  return text;
}

std::string Quantity(std::int64_t amount) {
  return R"({"unitOfMeasurement":"EACH","amount":")" + Num(amount) + "\"}";
}

std::string Money(const std::string& amount, const std::string& currency = "USD") {
  return "{\"currency\":" + Quote(currency) + ",\"amount\":" + amount + "}";
}

std::string ChargeJson(const std::string& type, const std::string& name, const std::string& amount,
                       const std::string& tax, const std::string& currency) {
  std::string json = "{\"chargeType\":" + Quote(type) + ",\"chargeName\":" + Quote(name) +
                     ",\"chargeAmount\":" + Money(amount, currency);
  if (!tax.empty()) {
    json += ",\"tax\":{\"taxName\":\"Tax1\",\"taxAmount\":" + Money(tax, currency) + "}";
  }
  return json + "}";
}

std::string TrackingJson(const std::string& tracking_number, std::int64_t ship_time,
                         const std::string& carrier = "UPS",
                         const std::string& method_code = "Standard") {
  return "{\"shipDateTime\":" + Num(ship_time) + ",\"carrierName\":{\"carrier\":" + Quote(carrier) +
         "},\"methodCode\":" + Quote(method_code) +
         ",\"trackingNumber\":" + Quote(tracking_number) +
         ",\"trackingURL\":" + Quote("https://example.com/track/" + tracking_number) + "}";
}

std::string BucketJson(const BucketSpec& bucket, const std::string& po, const LineSpec& line,
                       std::int64_t ship_time) {
  std::string json =
      "{\"status\":" + Quote(bucket.status) + ",\"statusQuantity\":" + Quantity(bucket.quantity);
  if (!bucket.cancellation_reason.empty())
    json += ",\"cancellationReason\":" + Quote(bucket.cancellation_reason);
  if (bucket.status == "Shipped" || bucket.status == "Delivered") {
    std::string number =
        bucket.tracking_number.empty() ? "T" + po + "-" + line.line_number : bucket.tracking_number;
    json += ",\"trackingInfo\":" + TrackingJson(number, ship_time);
  }
  return json + "}";
}

std::string LineJson(const LineSpec& line, const OrderSpec& order) {
  std::string charges =
      ChargeJson("PRODUCT", "ItemPrice", line.product_amount, line.tax_amount, order.currency);
  if (!line.shipping_amount.empty()) {
    charges += "," + ChargeJson("SHIPPING", "Shipping", line.shipping_amount, "", order.currency);
  }
  std::vector<BucketSpec> buckets = line.buckets;
  if (buckets.empty()) buckets.push_back(Bucket("Created", line.quantity));
  std::string statuses;
  for (const BucketSpec& bucket : buckets) {
    Append(statuses, BucketJson(bucket, order.purchase_order_id, line, order.order_date));
  }
  std::string fulfillment = R"({"fulfillmentOption":"S2H","shipMethod":"STANDARD")";
  if (!line.shipping_program_type.empty()) {
    fulfillment += ",\"shippingProgramType\":" + Quote(line.shipping_program_type);
  }
  fulfillment += "}";
  return "{\"lineNumber\":" + Quote(line.line_number) +
         ",\"item\":{\"productName\":" + Quote("Product " + line.sku) +
         ",\"sku\":" + Quote(line.sku) +
         ",\"imageUrl\":" + Quote("https://example.com/img/" + line.sku + ".jpg") +
         R"(,"weight":{"value":"1.5","unit":"Pounds"}},"charges":{"charge":[)" + charges +
         "]},\"orderLineQuantity\":" + Quantity(line.quantity) +
         ",\"statusDate\":" + Num(order.order_date) +
         ",\"orderLineStatuses\":{\"orderLineStatus\":[" + statuses +
         "]},\"fulfillment\":" + fulfillment + "}";
}

}  // namespace

std::int64_t NowMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::int64_t NowSeconds() { return NowMillis() / kSecond * kSecond; }

std::string IsoDate(std::int64_t millis) { return Format("%Y-%m-%d", millis); }

std::string IsoSeconds(std::int64_t millis) { return Format("%Y-%m-%dT%H:%M:%SZ", millis); }

std::string IsoMillis(std::int64_t millis) {
  char fraction[8];
  std::snprintf(fraction, sizeof(fraction), ".%03d",
                static_cast<int>(((millis % 1000) + 1000) % 1000));
  return Format("%Y-%m-%dT%H:%M:%S", millis) + fraction + "Z";
}

std::string IsoWithOffset(std::int64_t millis, int offset_minutes) {
  char zone[16];
  int magnitude = offset_minutes < 0 ? -offset_minutes : offset_minutes;
  std::snprintf(zone, sizeof(zone), "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', magnitude / 60,
                magnitude % 60);
  return Format("%Y-%m-%dT%H:%M:%S", millis + offset_minutes * kMinute) + zone;
}

std::string UrlEncode(const std::string& text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    }
  }
  return out;
}

BucketSpec Bucket(const std::string& status, std::int64_t quantity,
                  const std::string& cancellation_reason) {
  BucketSpec bucket;
  bucket.status = status;
  bucket.quantity = quantity;
  bucket.cancellation_reason = cancellation_reason;
  return bucket;
}

LineSpec Line(const std::string& line_number, const std::string& sku, std::int64_t quantity,
              std::vector<BucketSpec> buckets) {
  LineSpec line;
  line.line_number = line_number;
  line.sku = sku;
  line.quantity = quantity;
  line.buckets = std::move(buckets);
  return line;
}

OrderSpec Order(const std::string& purchase_order_id, std::int64_t order_date,
                std::vector<LineSpec> lines) {
  OrderSpec order;
  order.purchase_order_id = purchase_order_id;
  order.order_date = order_date;
  order.lines = std::move(lines);
  return order;
}

std::string OrderJson(const OrderSpec& order) {
  std::vector<LineSpec> lines = order.lines;
  if (lines.empty()) lines.emplace_back();
  std::string line_json;
  for (const LineSpec& line : lines) Append(line_json, LineJson(line, order));
  std::int64_t ship_date =
      order.estimated_ship_date != 0 ? order.estimated_ship_date : order.order_date + kDay;
  std::string customer =
      order.customer_order_id.empty() ? "C" + order.purchase_order_id : order.customer_order_id;
  std::string json = "{\"order\":{\"purchaseOrderId\":" + Quote(order.purchase_order_id) +
                     ",\"customerOrderId\":" + Quote(customer) +
                     ",\"customerEmailId\":\"buyer@example.com\"";
  if (!order.order_type.empty()) {
    json += ",\"orderType\":" + Quote(order.order_type) + ",\"originalCustomerOrderID\":\"ORIG-" +
            order.purchase_order_id + "\"";
  }
  json +=
      ",\"orderDate\":" + Num(order.order_date) +
      ",\"shippingInfo\":{\"phone\":\"5555550100\",\"estimatedDeliveryDate\":" +
      Num(ship_date + 3 * kDay) + ",\"estimatedShipDate\":" + Num(ship_date) +
      R"(,"methodCode":"Standard","postalAddress":{"name":"Pat Buyer","address1":"1 Main St",)"
      R"("city":"Bentonville","state":"AR","postalCode":"72712","country":"USA","addressType":"RESIDENTIAL"}})" +
      ",\"orderLines\":{\"orderLine\":[" + line_json +
      "]},\"shipNode\":{\"type\":" + Quote(order.ship_node_type) + "}}}";
  return json;
}

std::string OrdersFileJson(const std::vector<OrderSpec>& orders) {
  std::string json;
  for (const OrderSpec& order : orders) Append(json, OrderJson(order));
  return "[" + json + "]";
}

int ImportOrders(const std::string& db, const std::string& seller,
                 const std::vector<OrderSpec>& orders, const std::filesystem::path& dir) {
  static std::atomic<int> counter{0};
  std::filesystem::path file = dir / ("import-" + std::to_string(counter++) + ".json");
  {
    std::ofstream out(file, std::ios::binary);
    out << OrdersFileJson(orders);
    if (!out) return -1;
  }
  return RunCli({"import", "--db", db, "--seller", seller, file.string()});
}

PackageSpec Package(const std::string& line_number, std::int64_t quantity,
                    const std::string& tracking_number, const std::string& carrier,
                    const std::string& method_code) {
  PackageSpec package;
  package.line_number = line_number;
  package.quantity = quantity;
  package.tracking_number = tracking_number;
  package.carrier = carrier;
  package.method_code = method_code;
  return package;
}

std::string ShipBody(const std::vector<PackageSpec>& packages) {
  std::vector<std::string> line_order;
  std::vector<std::string> line_packages;
  for (const PackageSpec& package : packages) {
    size_t index = 0;
    while (index < line_order.size() && line_order[index] != package.line_number) ++index;
    if (index == line_order.size()) {
      line_order.push_back(package.line_number);
      line_packages.emplace_back();
    }
    Append(line_packages[index], "{\"status\":\"Shipped\",\"statusQuantity\":" +
                                     Quantity(package.quantity) + ",\"trackingInfo\":" +
                                     TrackingJson(package.tracking_number, NowMillis(),
                                                  package.carrier, package.method_code) +
                                     "}");
  }
  std::string lines;
  for (size_t i = 0; i < line_order.size(); ++i) {
    Append(lines, "{\"lineNumber\":" + Quote(line_order[i]) +
                      ",\"orderLineStatuses\":{\"orderLineStatus\":[" + line_packages[i] + "]}}");
  }
  return "{\"orderShipment\":{\"orderLines\":{\"orderLine\":[" + lines + "]}}}";
}

std::string CancelBody(const std::string& line_number, std::int64_t quantity,
                       const std::string& reason, const std::string& status) {
  return "{\"orderCancellation\":{\"orderLines\":{\"orderLine\":[{\"lineNumber\":" +
         Quote(line_number) +
         ",\"orderLineStatuses\":{\"orderLineStatus\":[{\"status\":" + Quote(status) +
         ",\"cancellationReason\":" + Quote(reason) + ",\"statusQuantity\":" + Quantity(quantity) +
         "}]}}]}}}";
}

std::string RefundBody(const std::string& purchase_order_id, const std::string& line_number,
                       const std::string& amount, const std::string& tax_amount,
                       const std::string& charge_type, const std::string& reason,
                       const std::string& currency) {
  return "{\"orderRefund\":{\"purchaseOrderId\":" + Quote(purchase_order_id) +
         ",\"orderLines\":{\"orderLine\":[{\"lineNumber\":" + Quote(line_number) +
         ",\"refunds\":{\"refund\":[{\"refundComments\":\"test "
         "refund\",\"refundCharges\":{\"refundCharge\":[{"
         "\"refundReason\":" +
         Quote(reason) +
         ",\"charge\":" + ChargeJson(charge_type, "Item Price", amount, tax_amount, currency) + "}]}}]}}]}}}";
}

std::string FullRefundBody(const std::string& purchase_order_id, const std::string& line_number) {
  return "{\"orderRefund\":{\"purchaseOrderId\":" + Quote(purchase_order_id) +
         ",\"orderLines\":{\"orderLine\":[{\"lineNumber\":" + Quote(line_number) +
         ",\"isFullRefund\":true,\"refunds\":{\"refund\":[{\"refundComments\":\"full\","
         "\"refundCharges\":{"
         "\"refundCharge\":[{\"refundReason\":\"DamagedItem\",\"charge\":" +
         ChargeJson("PRODUCT", "Item Price", "-0.01", "", "USD") + "}]}}]}}]}}}";
}

const boost::json::object& OrderOf(const boost::json::value& response) {
  const auto& object = response.as_object();
  if (const auto* order = object.if_contains("order")) return order->as_object();
  return object;
}

const boost::json::object& LineOf(const boost::json::value& response,
                                  const std::string& line_number) {
  for (const auto& line : OrderOf(response).at("orderLines").at("orderLine").as_array()) {
    if (line.at("lineNumber").as_string() == line_number) return line.as_object();
  }
  throw std::out_of_range("no line " + line_number);
}

std::vector<boost::json::object> BucketsOf(const boost::json::object& line,
                                           const std::string& status) {
  std::vector<boost::json::object> buckets;
  for (const auto& bucket : line.at("orderLineStatuses").at("orderLineStatus").as_array()) {
    if (bucket.at("status").as_string() == status) buckets.push_back(bucket.as_object());
  }
  return buckets;
}

std::int64_t QuantityIn(const boost::json::object& line, const std::string& status) {
  std::int64_t total = 0;
  for (const auto& bucket : BucketsOf(line, status)) {
    total += std::stoll(std::string(bucket.at("statusQuantity").at("amount").as_string()));
  }
  return total;
}

std::vector<std::string> PurchaseOrderIds(const boost::json::value& list_response) {
  std::vector<std::string> ids;
  for (const auto& order : list_response.at("list").at("elements").at("order").as_array()) {
    ids.emplace_back(order.at("purchaseOrderId").as_string());
  }
  return ids;
}

}  // namespace mporders::testing
