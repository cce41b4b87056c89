#include "codec/mx/mx_command_json.h"

#include <boost/json.hpp>

#include "codec/json_number.h"
#include "core/time_format.h"

namespace mporders {
namespace {

namespace json = boost::json;

Status Invalid(const std::string& path, std::string_view what) {
  return Status::InvalidContent(path + " " + std::string(what), path);
}

Result<json::value> Parse(std::string_view text) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) {
    return Status::Error(ErrorCode::kMalformedRequestContent,
                         "The request body is not valid JSON: " + ec.message());
  }
  if (!root.is_object()) return Status::InvalidContent("The request body must be a JSON object");
  return root;
}

const json::value* Member(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v == nullptr || v->is_null() ? nullptr : v;
}

Result<const json::object*> Object(const json::object& o, std::string_view key,
                                   const std::string& path) {
  const json::value* v = Member(o, key);
  if (v == nullptr) return Invalid(path, "is required");
  if (!v->is_object()) return Invalid(path, "must be an object");
  return &v->as_object();
}

// An array, or a lone object standing for one element.
Result<std::vector<const json::object*>> Objects(const json::object& o, std::string_view key,
                                                 const std::string& path) {
  const json::value* v = Member(o, key);
  if (v == nullptr) return Invalid(path, "is required");
  std::vector<const json::object*> out;
  if (v->is_object()) {
    out.push_back(&v->as_object());
    return out;
  }
  if (!v->is_array()) return Invalid(path, "must be an array");
  for (std::size_t i = 0; i < v->as_array().size(); ++i) {
    const json::value& element = v->as_array()[i];
    if (!element.is_object())
      return Invalid(path + "[" + std::to_string(i) + "]", "must be an object");
    out.push_back(&element.as_object());
  }
  if (out.empty()) return Invalid(path, "must not be empty");
  return out;
}

Result<std::optional<std::string>> OptText(const json::object& o, std::string_view key,
                                           const std::string& path) {
  const json::value* v = Member(o, key);
  if (v == nullptr) return std::optional<std::string>();
  if (v->is_string()) return std::optional<std::string>(std::string(v->as_string()));
  if (v->is_int64() || v->is_uint64()) return std::optional<std::string>(json::serialize(*v));
  return Invalid(path, "must be a string");
}

Result<std::string> Text(const json::object& o, std::string_view key, const std::string& path) {
  auto text = OptText(o, key, path);
  if (!text.ok()) return text.status();
  if (!*text || (*text)->empty()) return Invalid(path, "is required");
  return **text;
}

Result<std::int64_t> Amount(const json::object& o, std::string_view key, const std::string& path) {
  auto quantity = Object(o, key, path);
  if (!quantity.ok()) return quantity.status();
  auto amount = Text(**quantity, "amount", path + ".amount");
  if (!amount.ok()) return amount.status();
  ParsedNumber n = ParseInteger(*amount);
  if (!n.ok()) return Invalid(path + ".amount", "must be a whole number");
  return n.value;
}

}  // namespace

Result<AcknowledgeLinesCommand> DecodeMxAcknowledgeJson(std::string_view text) {
  auto root = Parse(text);
  if (!root.ok()) return root.status();
  auto ack = Object(root->as_object(), "orderAcknowledge", "orderAcknowledge");
  if (!ack.ok()) return ack.status();
  auto lines = Object(**ack, "orderLines", "orderAcknowledge.orderLines");
  if (!lines.ok()) return lines.status();
  const std::string lines_path = "orderAcknowledge.orderLines.orderLine";
  auto list = Objects(**lines, "orderLine", lines_path);
  if (!list.ok()) return list.status();
  AcknowledgeLinesCommand command;
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json::object& line = *(*list)[i];
    const std::string at = lines_path + "[" + std::to_string(i) + "]";
    AcknowledgeLine out;
    auto number = Text(line, "lineNumber", at + ".lineNumber");
    if (!number.ok()) return number.status();
    out.line_number = *number;
    auto statuses = Object(line, "orderLineStatuses", at + ".orderLineStatuses");
    if (!statuses.ok()) return statuses.status();
    const std::string status_path = at + ".orderLineStatuses.orderLineStatus";
    auto entries = Objects(**statuses, "orderLineStatus", status_path);
    if (!entries.ok()) return entries.status();
    for (std::size_t j = 0; j < entries->size(); ++j) {
      const std::string entry_path = status_path + "[" + std::to_string(j) + "]";
      auto status = Text(*(*entries)[j], "status", entry_path + ".status");
      if (!status.ok()) return status.status();
      if (!out.status.empty() && out.status != *status) {
        return Invalid(entry_path + ".status", "differs from the line's other entries");
      }
      out.status = *status;
      auto amount = Amount(*(*entries)[j], "statusQuantity", entry_path + ".statusQuantity");
      if (!amount.ok()) return amount.status();
      if (*amount < 1) return Invalid(entry_path + ".statusQuantity.amount", "must be at least 1");
      out.quantity += *amount;
    }
    command.lines.push_back(std::move(out));
  }
  return command;
}

Result<MxShipCommand> DecodeMxShipJson(std::string_view text) {
  auto root = Parse(text);
  if (!root.ok()) return root.status();
  auto shipments = Objects(root->as_object(), "shipments", "shipments");
  if (!shipments.ok()) return shipments.status();
  MxShipCommand command;
  for (std::size_t i = 0; i < shipments->size(); ++i) {
    const json::object& shipment = *(*shipments)[i];
    const std::string at = "shipments[" + std::to_string(i) + "]";
    MxShipmentRequest out;
    auto lines = Objects(shipment, "shipmentLines", at + ".shipmentLines");
    if (!lines.ok()) return lines.status();
    for (std::size_t j = 0; j < lines->size(); ++j) {
      const json::object& line = *(*lines)[j];
      const std::string line_path = at + ".shipmentLines[" + std::to_string(j) + "]";
      MxShipmentLine part;
      auto number = Text(line, "primeLineNo", line_path + ".primeLineNo");
      if (!number.ok()) return number.status();
      part.prime_line_no = *number;
      auto shipment_line = OptText(line, "shipmentLineNo", line_path + ".shipmentLineNo");
      if (!shipment_line.ok()) return shipment_line.status();
      part.shipment_line_no = shipment_line->value_or("");
      auto amount = Amount(line, "quantity", line_path + ".quantity");
      if (!amount.ok()) return amount.status();
      part.quantity = *amount;
      out.lines.push_back(std::move(part));
    }
    auto carrier = Text(shipment, "carrier", at + ".carrier");
    if (!carrier.ok()) return carrier.status();
    out.carrier = *carrier;
    auto tracking = OptText(shipment, "trackingNumber", at + ".trackingNumber");
    if (!tracking.ok()) return tracking.status();
    out.tracking_number = *tracking;
    auto url = OptText(shipment, "trackingURL", at + ".trackingURL");
    if (!url.ok()) return url.status();
    out.tracking_url = *url;
    command.shipments.push_back(std::move(out));
  }
  return command;
}

Result<MxDeliverCommand> DecodeMxDeliverJson(std::string_view text) {
  auto root = Parse(text);
  if (!root.ok()) return root.status();
  auto packages = Objects(root->as_object(), "packages", "packages");
  if (!packages.ok()) return packages.status();
  MxDeliverCommand command;
  for (std::size_t i = 0; i < packages->size(); ++i) {
    const json::object& package = *(*packages)[i];
    const std::string at = "packages[" + std::to_string(i) + "]";
    MxDeliveryPackage out;
    auto tracking = Text(package, "trackingNo", at + ".trackingNo");
    if (!tracking.ok()) return tracking.status();
    out.tracking_no = *tracking;
    auto event = Text(package, "eventName", at + ".eventName");
    if (!event.ok()) return event.status();
    out.event_name = *event;
    auto time = OptText(package, "eventTime", at + ".eventTime");
    if (!time.ok()) return time.status();
    if (*time) {
      out.event_time = ParseDateTime(**time);
      if (!out.event_time) return Invalid(at + ".eventTime", "must be epoch milliseconds");
    }
    auto po = OptText(package, "purchaseOrderNo", at + ".purchaseOrderNo");
    if (!po.ok()) return po.status();
    out.purchase_order_no = *po;
    auto package_no = OptText(package, "packageNo", at + ".packageNo");
    if (!package_no.ok()) return package_no.status();
    out.package_no = *package_no;
    command.packages.push_back(std::move(out));
  }
  return command;
}

Result<std::vector<std::string>> DecodeMxLabelRequestJson(std::string_view text, std::size_t max) {
  auto root = Parse(text);
  if (!root.ok()) return root.status();
  const json::value* numbers = Member(root->as_object(), "trackingNumbers");
  if (numbers == nullptr) return Invalid("trackingNumbers", "is required");
  if (!numbers->is_array()) return Invalid("trackingNumbers", "must be an array of strings");
  const json::array& array = numbers->as_array();
  if (array.empty() || array.size() > max) {
    return Invalid("trackingNumbers",
                   "must hold 1 to " + std::to_string(max) + " tracking numbers");
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::string path = "trackingNumbers[" + std::to_string(i) + "]";
    if (!array[i].is_string() || array[i].as_string().empty()) {
      return Invalid(path, "must be a non-empty string");
    }
    out.emplace_back(array[i].as_string());
  }
  return out;
}

}  // namespace mporders
