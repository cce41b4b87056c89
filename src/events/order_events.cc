#include "events/order_events.h"

#include <boost/json.hpp>
#include <cstdio>

#include "auth/crypto.h"
#include "core/time_format.h"

namespace mporders::events {
namespace {

namespace json = boost::json;

std::string Iso(EpochMillis t) { return FormatIsoMillis(t); }

json::object LineJson(const Order& order, const OrderLine& line, const char* status,
                      std::int64_t quantity, EpochMillis status_date,
                      const std::optional<std::string>& reason) {
  json::object out;
  out["lineNumber"] = line.line_number;
  out["sku"] = line.item.sku;
  out["productName"] = line.item.product_name;
  json::object q;
  q["unitOfMeasure"] = line.order_line_quantity.unit;
  q["measurementValue"] = std::to_string(quantity);
  out["quantity"] = std::move(q);
  out["status"] = status;
  out["statusDate"] = Iso(status_date);
  if (line.fulfillment && line.fulfillment->shipping_program_type) {
    out["shippingProgramType"] = *line.fulfillment->shipping_program_type;
  }
  out["shippingMethod"] = order.shipping_info.method_code;
  out["shipNodeType"] =
      order.ship_node && order.ship_node->type ? *order.ship_node->type : "SellerFulfilled";
  if (reason) out["cancellationReason"] = *reason;
  return out;
}

OutboxEvent MakeEvent(const char* type, const StoredOrder& stored, json::array lines,
                      EpochMillis now) {
  const Order& order = stored.order;
  OutboxEvent event;
  event.event_id = NewEventId(now);
  event.event_type = type;
  event.purchase_order_id = order.purchase_order_id;
  event.created_at = now;
  json::object source;
  source["eventType"] = type;
  source["eventTime"] = Iso(now);
  source["eventId"] = event.event_id;
  json::object payload;
  payload["partnerId"] = stored.seller_id;
  payload["purchaseOrderId"] = order.purchase_order_id;
  payload["customerOrderId"] = order.customer_order_id;
  payload["orderDate"] = Iso(order.order_date);
  payload["estimatedDeliveryDate"] = Iso(order.shipping_info.estimated_delivery_date);
  payload["estimatedShipDate"] = Iso(order.shipping_info.estimated_ship_date);
  payload["orderLines"] = std::move(lines);
  json::object root;
  root["source"] = std::move(source);
  root["payload"] = std::move(payload);
  event.payload = json::serialize(root);
  return event;
}

const OrderLine* FindLine(const Order& order, const std::string& number) {
  for (const OrderLine& line : order.order_lines) {
    if (line.line_number == number) return &line;
  }
  return nullptr;
}

bool IsAutoCancelReason(const std::optional<std::string>& reason) {
  return reason && reason->starts_with("Auto-cancel");
}

std::int64_t AutoCancelledUnits(const OrderLine& line, std::optional<std::string>& reason) {
  std::int64_t units = 0;
  for (const OrderLineStatus& bucket : line.statuses) {
    if (bucket.status == LineStatus::kCancelled && IsAutoCancelReason(bucket.cancellation_reason)) {
      units += bucket.status_quantity.amount;
      reason = bucket.cancellation_reason;
    }
  }
  return units;
}

}  // namespace

std::string NewEventId(EpochMillis now) {
  // 100 ns intervals since 1582-10-15 (the UUID epoch).
  const std::uint64_t ticks = static_cast<std::uint64_t>(now) * 10'000ULL + 0x01B21DD213814000ULL;
  const std::string random = auth::RandomHex(8);  // clock sequence and node
  const unsigned long long bits = std::stoull(random, nullptr, 16);
  // Variant 10xx in the clock sequence's top bits.
  const unsigned clock_seq = static_cast<unsigned>((bits >> 48) & 0x3FFFu) | 0x8000u;
  const unsigned long long node = bits & 0xFFFFFFFFFFFFULL;
  char text[40];
  std::snprintf(text, sizeof(text), "%08x-%04x-%04x-%04x-%012llx",
                static_cast<unsigned>(ticks & 0xFFFFFFFFu),
                static_cast<unsigned>((ticks >> 32) & 0xFFFFu),
                static_cast<unsigned>(((ticks >> 48) & 0x0FFFu) | 0x1000u), clock_seq, node);
  return text;
}

std::vector<OutboxEvent> DeriveOrderEvents(const StoredOrder* before, const StoredOrder& after,
                                           EpochMillis now) {
  std::vector<OutboxEvent> events;
  const Order& order = after.order;
  if (before == nullptr) {
    json::array lines;
    for (const OrderLine& line : order.order_lines) {
      lines.push_back(LineJson(order, line, "CREATED", line.order_line_quantity.amount,
                               line.status_date != 0 ? line.status_date : order.order_date,
                               std::nullopt));
    }
    events.push_back(MakeEvent("PO_CREATED", after, std::move(lines), now));
    return events;
  }
  json::array cancelled;
  json::array intents;
  for (const OrderLine& line : order.order_lines) {
    const OrderLine* old = FindLine(before->order, line.line_number);
    std::optional<std::string> reason;
    std::optional<std::string> old_reason;
    const std::int64_t units = AutoCancelledUnits(line, reason);
    const std::int64_t old_units = old != nullptr ? AutoCancelledUnits(*old, old_reason) : 0;
    if (units > old_units) {
      cancelled.push_back(
          LineJson(order, line, "CANCELLED", units - old_units, line.status_date, reason));
    }
    const bool intent = line.intent_to_cancel == "Y";
    const bool old_intent = old != nullptr && old->intent_to_cancel == "Y";
    if (intent && !old_intent) {
      intents.push_back(LineJson(order, line, "CREATED", line.order_line_quantity.amount,
                                 line.status_date, std::nullopt));
    }
  }
  if (!cancelled.empty()) {
    events.push_back(MakeEvent("PO_LINE_AUTOCANCELLED", after, std::move(cancelled), now));
  }
  if (!intents.empty()) {
    events.push_back(MakeEvent("INTENT_TO_CANCEL", after, std::move(intents), now));
  }
  return events;
}

std::string SampleEventPayload(const std::string& event_type, const std::string& seller_id,
                               EpochMillis now) {
  json::object source;
  source["eventType"] = event_type;
  source["eventTime"] = Iso(now);
  source["eventId"] = NewEventId(now);
  json::object payload;
  payload["partnerId"] = seller_id;
  payload["test"] = true;
  json::object root;
  root["source"] = std::move(source);
  root["payload"] = std::move(payload);
  return json::serialize(root);
}

}  // namespace mporders::events
