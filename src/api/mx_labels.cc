// Mexico's shipping labels: POST /v3/orders/labels (a ZIP of one PDF per
// tracking number, or one PDF with a page per label) and
// GET /v3/orders/label/{trackingNumber} (a 4x6 in PNG). A label exists for
// every shipment Walmart opened with the order; producing it records the
// time on the shipment, which makes its acknowledged units Ready to ship.

#include <algorithm>
#include <boost/algorithm/string/case_conv.hpp>
#include <map>

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "codec/mx/mx_command_json.h"
#include "core/time_format.h"
#include "domain/mx_lifecycle.h"
#include "labels/labels.h"

namespace mporders::api {
namespace {

constexpr std::size_t kMaxLabelsPerCall = 50;
// Labels are found by tracking number among the seller's most recent orders;
// the scan stops after this many (docs/behavior.md).
constexpr int kMaxOrdersScanned = 10000;
constexpr int kScanPage = 500;

// The seller's ship node: Walmart Mexico's model carries no ship-from
// address, so the label names a warehouse in Mexico City's industrial zone.
labels::Address SenderAddress(const std::string& seller_id) {
  labels::Address a;
  a.name = "Almacén " + seller_id;
  a.lines = {"Av. Ceylán 959", "Industrial Vallejo"};
  a.city = "Azcapotzalco";
  a.state = "CDMX";
  a.postal_code = "02300";
  a.country = "MX";
  return a;
}

labels::LabelData LabelFor(const Order& order, const MxShipment& shipment,
                           const std::string& seller_id) {
  labels::LabelData label;
  label.tracking_number = shipment.tracking_number.value_or("");
  label.carrier = shipment.carrier;
  label.carrier_service = "Estándar";
  label.purchase_order_id = order.purchase_order_id;
  label.customer_order_id = order.customer_order_id;
  std::size_t index = 0;
  std::size_t count = 0;
  for (const MxShipment& s : order.mx->shipments) {
    if (s.status == kMxShipmentCancelled) continue;
    ++count;
    if (&s == &shipment) index = count;
  }
  label.package_no = std::to_string(index) + " of " + std::to_string(count);
  label.ship_date = FormatIsoMillis(shipment.ship_date_time.value_or(
                                        shipment.created_date.value_or(order.order_date)))
                        .substr(0, 10);
  label.sender = SenderAddress(seller_id);
  const PostalAddress& to = order.shipping_info.postal_address;
  label.recipient.name = to.name;
  label.recipient.lines.push_back(to.address1);
  if (to.address2) label.recipient.lines.push_back(*to.address2);
  for (const std::string& line : order.mx->shipping_more_lines.lines) {
    label.recipient.lines.push_back(line);
  }
  label.recipient.city = to.city;
  label.recipient.state = to.state;
  label.recipient.postal_code = to.postal_code;
  label.recipient.country = to.country;
  label.recipient.phone = order.shipping_info.phone;
  return label;
}

// Finds the orders holding `tracking_numbers`, records that their labels were
// produced (one transaction per order) and returns the labels in request
// order. kNotFound naming the first tracking number no order has.
Result<std::vector<labels::LabelData>> ProduceLabels(
    Call& call, const std::vector<std::string>& tracking_numbers) {
  Store& store = call.ctx.store;
  std::map<std::string, std::string> po_of;  // tracking number -> purchase order
  ListRequest request;
  request.filter.seller_id = call.seller_id();
  request.limit = kScanPage;
  request.count_total = false;
  for (int scanned = 0; scanned < kMaxOrdersScanned && po_of.size() < tracking_numbers.size();) {
    auto page = store.ListOrders(request);
    if (!page.ok()) return page.status();
    for (const StoredOrder& stored : page->orders) {
      for (const std::string& tracking : tracking_numbers) {
        if (FindMxShipment(stored.order, tracking) != nullptr) {
          po_of.emplace(tracking, stored.order.purchase_order_id);
        }
      }
    }
    scanned += static_cast<int>(page->orders.size());
    if (!page->has_more || page->orders.empty()) break;
    const Order& last = page->orders.back().order;
    request.after = PageKey{last.order_date, last.purchase_order_id};
  }
  std::vector<labels::LabelData> out;
  const EpochMillis now = call.ctx.clock.NowMillisFor(call.seller_id());
  for (const std::string& tracking : tracking_numbers) {
    auto po = po_of.find(tracking);
    if (po == po_of.end()) {
      return Status::Error(ErrorCode::kNotFound,
                           "No shipment of this seller has tracking number " + tracking + ".",
                           "trackingNumber");
    }
    auto saved = store.UpdateOrder(call.seller_id(), po->second, [&](StoredOrder& stored) {
      if (!MarkMxLabelPrinted(stored.order, tracking, now)) {
        return Status::Error(ErrorCode::kNotFound,
                             "No shipment of this seller has tracking number " + tracking + ".",
                             "trackingNumber");
      }
      stored.last_modified = std::max(stored.last_modified, now);
      return Status::Ok();
    });
    if (!saved.ok()) return saved.status();
    const MxShipment* shipment = FindMxShipment(saved->order, tracking);
    out.push_back(LabelFor(saved->order, *shipment, call.seller_id()));
  }
  return out;
}

http::Reply BinaryReply(std::string body, const std::string& file_name) {
  http::Reply reply;
  reply.content_type = "application/octet-stream";
  reply.body = std::move(body);
  reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file_name + "\"");
  return reply;
}

}  // namespace

boost::asio::awaitable<http::Reply> PostMxLabels(Call& call) {
  std::string format(call.request.Header("FORMAT"));
  boost::algorithm::to_upper(format);
  if (format.empty()) format = "ZIP";
  if (format != "ZIP" && format != "PDF") {
    co_return ErrorReply(call, Status::Error(ErrorCode::kInvalidRequestHeader,
                                             "FORMAT must be ZIP or PDF, not '" +
                                                 std::string(call.request.Header("FORMAT")) + "'.",
                                             "FORMAT"));
  }
  auto format_ok = OrderWriteBodyFormat(call.request);
  if (!format_ok.ok()) co_return ErrorReply(call, format_ok.status());
  auto numbers = DecodeMxLabelRequestJson(call.request.message.body(), kMaxLabelsPerCall);
  if (!numbers.ok()) co_return ErrorReply(call, numbers.status());
  auto documents = co_await RunBlocking(call.ctx.WritePool(), [&]() -> Result<std::string> {
    auto labels = ProduceLabels(call, *numbers);
    if (!labels.ok()) return labels.status();
    return format == "PDF" ? labels::RenderLabelsPdf(*labels) : labels::ZipLabelsPdf(*labels);
  });
  if (!documents.ok()) co_return ErrorReply(call, documents.status());
  co_return BinaryReply(std::move(*documents), format == "PDF" ? "labels.pdf" : "labels.zip");
}

boost::asio::awaitable<http::Reply> GetMxLabel(Call& call) {
  const std::string tracking(call.request.PathParam("trackingNumber"));
  auto png = co_await RunBlocking(call.ctx.WritePool(), [&]() -> Result<std::string> {
    auto labels = ProduceLabels(call, {tracking});
    if (!labels.ok()) return labels.status();
    return labels::RenderLabelPng(labels->front());
  });
  if (!png.ok()) co_return ErrorReply(call, png.status());
  co_return BinaryReply(std::move(*png), labels::LabelFileName(tracking).substr(
                                             0, labels::LabelFileName(tracking).size() - 4) +
                                             ".png");
}

}  // namespace mporders::api
