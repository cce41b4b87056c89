// Mexico's order API on /v3/orders (mx_mp_orders.json, reference §13): the
// reads (offset, cursor and WFS lists) and the writes (acknowledge, cancel,
// ship, deliver), each write one store transaction answering 202.

#include <algorithm>
#include <charconv>

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/order_change.h"
#include "codec/command_json.h"
#include "codec/mx/mx_command_json.h"
#include "codec/mx/mx_order_json.h"
#include "core/time_format.h"
#include "domain/mx_lifecycle.h"

namespace mporders::api {
namespace {

constexpr EpochMillis kDayMillis = 24LL * 3600 * 1000;
constexpr int kMaxOffset = 1000;

enum class MxList { kOffset, kCursor, kWfs };

struct MxListQuery {
  ListRequest request;
  std::int64_t offset = 0;
  bool nothing = false;  // a status no MX order reaches (OnHold)
};

Result<std::int64_t> IntParam(const http::Request& request, std::string_view name,
                              std::int64_t fallback, std::int64_t low, std::int64_t high) {
  const std::string* text = request.Query(name);
  if (text == nullptr) return fallback;
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size() || value < low || value > high) {
    return Status::InvalidParam(std::string(name) + " must be a whole number from " +
                                    std::to_string(low) + " to " + std::to_string(high) + ".",
                                std::string(name));
  }
  return value;
}

Result<std::optional<EpochMillis>> DateParam(const http::Request& request, std::string_view name) {
  const std::string* text = request.Query(name);
  if (text == nullptr) return std::optional<EpochMillis>();
  auto value = ParseDateTime(*text);
  if (!value) {
    return Status::InvalidParam(
        std::string(name) + " '" + *text + "' is not a date (epoch seconds, or ISO-8601).",
        std::string(name));
  }
  return value;
}

// statusCodeFilter: Walmart's list per API. OnHold (and WFS's
// SentForFulfillment, taken as Acknowledged) are accepted; no order of this
// server is ever on hold.
Status ApplyStatusFilter(const http::Request& request, MxList kind, MxListQuery& query) {
  const std::string* text = request.Query("statusCodeFilter");
  if (text == nullptr) {
    if (kind == MxList::kCursor) {
      return Status::InvalidParam("statusCodeFilter is required.", "statusCodeFilter");
    }
    return Status::Ok();
  }
  if (kind != MxList::kWfs && *text == "OnHold") {
    query.nothing = true;
    return Status::Ok();
  }
  if (kind == MxList::kWfs && *text == "SentForFulfillment") {
    query.request.filter.status = LineStatus::kAcknowledged;
    return Status::Ok();
  }
  auto status = ParseLineStatus(*text);
  if (!status || *status == LineStatus::kRefund ||
      (kind == MxList::kWfs && *status == LineStatus::kAcknowledged) ||
      *text != LineStatusName(*status)) {
    return Status::InvalidParam(
        "statusCodeFilter '" + *text + "' is not one of " +
            (kind == MxList::kWfs
                 ? "Created, SentForFulfillment, Shipped, Cancelled, Delivered."
                 : "Created, Acknowledged, Shipped, Cancelled, OnHold, Delivered."),
        "statusCodeFilter");
  }
  query.request.filter.status = *status;
  return Status::Ok();
}

// cursorMark: "*" for the first page; otherwise "<orderDate>~<purchaseOrderId hex>",
// the last order returned.
std::string EncodeCursorMark(const PageKey& key) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = std::to_string(key.order_date) + "~";
  for (unsigned char c : key.purchase_order_id) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 15]);
  }
  return out;
}

Result<std::optional<PageKey>> DecodeCursorMark(std::string_view mark) {
  if (mark == "*") return std::optional<PageKey>();
  auto bad = Status::InvalidParam(
      "cursorMark '" + std::string(mark) + "' is not one this API returned; start with '*'.",
      "cursorMark");
  const std::size_t tilde = mark.find('~');
  if (tilde == std::string_view::npos || (mark.size() - tilde - 1) % 2 != 0) return bad;
  PageKey key;
  auto [end, ec] = std::from_chars(mark.data(), mark.data() + tilde, key.order_date);
  if (ec != std::errc() || end != mark.data() + tilde) return bad;
  for (std::size_t i = tilde + 1; i < mark.size(); i += 2) {
    int value = 0;
    auto [hex_end, hex_ec] = std::from_chars(mark.data() + i, mark.data() + i + 2, value, 16);
    if (hex_ec != std::errc() || hex_end != mark.data() + i + 2) return bad;
    key.purchase_order_id.push_back(static_cast<char>(value));
  }
  return std::optional<PageKey>(std::move(key));
}

Result<MxListQuery> ParseMxListQuery(const Call& call, MxList kind) {
  const http::Request& request = call.request;
  MxListQuery query;
  OrderFilter& filter = query.request.filter;
  filter.seller_id = call.seller_id();
  const EpochMillis now = call.ctx.clock.NowMillisFor(call.seller_id());
  auto limit = IntParam(request, "limit", 10, 1, kind == MxList::kWfs ? 200 : 100);
  if (!limit.ok()) return limit.status();
  query.request.limit = static_cast<int>(*limit);
  if (kind != MxList::kCursor) {
    auto offset = IntParam(request, "offset", 0, 0, kMaxOffset);
    if (!offset.ok()) return offset.status();
    query.offset = *offset;
  } else {
    const std::string* mark = request.Query("cursorMark");
    auto after = DecodeCursorMark(mark == nullptr ? "*" : *mark);
    if (!after.ok()) return after.status();
    query.request.after = *after;
  }
  auto start = DateParam(request, "createdStartDate");
  if (!start.ok()) return start.status();
  auto end = DateParam(request, "createdEndDate");
  if (!end.ok()) return end.status();
  if (kind == MxList::kCursor && start->has_value() != end->has_value()) {
    return Status::InvalidParam("Send both createdStartDate and createdEndDate, or neither.",
                                start->has_value() ? "createdEndDate" : "createdStartDate");
  }
  filter.created_start = start->value_or(now - 180 * kDayMillis);
  filter.created_end = end->value_or(now + 1);
  if (*filter.created_start >= *filter.created_end) {
    return Status::InvalidParam("createdStartDate must be before createdEndDate.",
                                "createdStartDate");
  }
  if (const std::string* id = request.Query("customerOrderId")) filter.customer_order_id = *id;
  if (kind != MxList::kWfs) {
    if (const std::string* id = request.Query("purchaseOrderId")) filter.purchase_order_id = *id;
  } else {
    filter.ship_node_type = "WFSFulfilled";
  }
  MP_RETURN_IF_ERROR(ApplyStatusFilter(request, kind, query));
  query.request.count_total = true;
  query.request.count_cap = call.ctx.options.max_orders_per_query;
  return query;
}

boost::asio::awaitable<http::Reply> ListMxOrders(Call& call, MxList kind) {
  auto query = ParseMxListQuery(call, kind);
  if (!query.ok()) co_return ErrorReply(call, query.status());
  MxListMeta meta;
  meta.limit = query->request.limit;
  std::vector<StoredOrder> orders;
  if (!query->nothing) {
    // Offsets are bounded (<= 1000): the page is read from the top and the
    // first `offset` orders skipped.
    ListRequest request = query->request;
    request.limit = static_cast<int>(query->offset) + query->request.limit;
    auto page =
        co_await RunBlocking(call.ctx.blocking, [&] { return call.ctx.store.ListOrders(request); });
    if (!page.ok()) co_return ErrorReply(call, page.status());
    meta.total_count = std::max<std::int64_t>(page->total_count, 0);
    const auto first =
        std::min<std::size_t>(static_cast<std::size_t>(query->offset), page->orders.size());
    orders.assign(
        std::make_move_iterator(page->orders.begin() + static_cast<std::ptrdiff_t>(first)),
        std::make_move_iterator(page->orders.end()));
    if (kind == MxList::kCursor && page->has_more && !orders.empty()) {
      const Order& last = orders.back().order;
      meta.next_cursor_mark = EncodeCursorMark({last.order_date, last.purchase_order_id});
    }
  }
  if (kind == MxList::kCursor && !meta.next_cursor_mark) meta.next_cursor_mark = "";
  std::vector<const Order*> list;
  for (const StoredOrder& stored : orders) list.push_back(&stored.order);
  co_return JsonReply(EncodeMxOrderListJson(meta, list, kind == MxList::kWfs));
}

// Mexico's writes answer 202 with a JSON string.
http::Reply Accepted(const std::string& po) {
  return JsonReply("\"Request accepted for purchase order " + po + "\"", 202);
}

boost::asio::awaitable<http::Reply> ChangeMxOrder(Call& call, OrderChange change) {
  // Mexico's rules read only this one of the server's lifecycle options.
  LifecyclePolicy policy;
  policy.ship_requires_acknowledged = call.ctx.options.ship_requires_acknowledged;
  auto saved = co_await ApplyOrderChange(call, std::move(change), policy);
  if (!saved.ok()) co_return ErrorReply(call, saved.status());
  co_return Accepted(std::string(call.request.PathParam("purchaseOrderId")));
}

Status CheckJsonBody(const Call& call) {
  auto format = OrderWriteBodyFormat(call.request);
  if (!format.ok()) return format.status();
  if (*format != BodyFormat::kJson) {
    return Status::Error(ErrorCode::kUnsupportedMediaType,
                         "Mexico's order API reads application/json bodies only.", "Content-Type");
  }
  return Status::Ok();
}

template <typename Command>
Result<Command> DecodeMxBody(const Call& call, Result<Command> (*decode)(std::string_view)) {
  MP_RETURN_IF_ERROR(CheckJsonBody(call));
  return decode(call.request.message.body());
}

}  // namespace

boost::asio::awaitable<http::Reply> GetMxOrders(Call& call) {
  return ListMxOrders(call, MxList::kOffset);
}
boost::asio::awaitable<http::Reply> GetMxOrdersCursor(Call& call) {
  return ListMxOrders(call, MxList::kCursor);
}
boost::asio::awaitable<http::Reply> GetMxWfsOrders(Call& call) {
  return ListMxOrders(call, MxList::kWfs);
}

boost::asio::awaitable<http::Reply> PostMxAcknowledge(Call& call) {
  auto command = DecodeMxBody(call, DecodeMxAcknowledgeJson);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeMxOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return MxAcknowledge(order, *command, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostMxCancel(Call& call) {
  auto command = DecodeMxBody(call, DecodeCancelCommandJson);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeMxOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return MxCancel(order, *command, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostMxShip(Call& call) {
  auto command = DecodeMxBody(call, DecodeMxShipJson);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeMxOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return MxShip(order, *command, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostMxDeliver(Call& call) {
  auto command = DecodeMxBody(call, DecodeMxDeliverJson);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeMxOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return MxDeliver(order, *command, ctx);
  });
}

}  // namespace mporders::api
