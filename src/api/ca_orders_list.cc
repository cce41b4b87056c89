// GET /v3/ca/orders, /v3/ca/orders/released and /v3/ca/orders/wfs: the
// Orders API's list query and store calls (list_query.h, list_run.h) with
// Canada's rules (reference §12) and wire model (codec/ca).

#include <algorithm>
#include <charconv>

#include "api/ca_cursor.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/list_query.h"
#include "api/list_run.h"
#include "codec/ca/ca_order.h"

namespace mporders::api {
namespace {

// One download of released orders returns at most this many (reference §12).
constexpr std::int64_t kCaReleasedMaxOrders = 2000;
// Released orders come 10 to a page unless `limit` says otherwise.
constexpr int kCaReleasedDefaultLimit = 10;

http::Reply ListReply(const Call& call, const ListMeta& meta,
                      const std::vector<const Order*>& orders, const OrderView& view) {
  return BodyReply(call, call.wants_xml() ? ca::EncodeOrderListXml(meta, orders, view)
                                          : ca::EncodeOrderListJson(meta, orders, view));
}

// `rules` by value: the coroutine outlives the caller's frame.
boost::asio::awaitable<http::Reply> ListCaOrders(Call& call, ListKind kind, ListRules rules) {
  auto params = ExpandCaCursor(call.request.query);
  if (!params.ok()) co_return ErrorReply(call, params.status());
  auto query =
      ParseListQuery(*params, kind, call.seller_id(), call.ctx.clock.NowMillisFor(call.seller_id()),
                     call.ctx.options, rules);
  if (!query.ok()) co_return ErrorReply(call, query.status());
  auto answer = co_await RunListQuery(call, *query);
  if (!answer.ok()) co_return ErrorReply(call, answer.status());
  if (answer->meta.next_cursor)
    answer->meta.next_cursor = EncodeCaCursor(*answer->meta.next_cursor);
  auto orders = answer->DecodeOrders();
  if (!orders.ok()) co_return ErrorReply(call, orders.status());
  co_return ListReply(call, answer->meta, OrderPointers(*orders), query->view);
}

Result<std::int64_t> OffsetParam(const http::QueryParams& params, std::int64_t max) {
  for (const auto& [name, text] : params) {
    if (name != "offset") continue;
    std::int64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() || value < 0 ||
        value > max) {
      return Status::InvalidParam(
          "Invalid value for query parameter 'offset': must be a whole "
          "number between 0 and " +
              std::to_string(max) + ", got '" + text + "'.",
          "offset");
    }
    return value;
  }
  return std::int64_t{0};
}

}  // namespace

// createdStartDate is required; cursor paging (ca_cursor.h).
boost::asio::awaitable<http::Reply> GetCaOrders(Call& call) {
  ListRules rules;
  rules.created_start_required = true;
  return ListCaOrders(call, ListKind::kAll, rules);
}

// Created orders, 10 to a page; more than 2,000 matches is an error.
boost::asio::awaitable<http::Reply> GetCaReleasedOrders(Call& call) {
  ListRules rules;
  rules.default_limit = kCaReleasedDefaultLimit;
  rules.max_total = kCaReleasedMaxOrders;
  return ListCaOrders(call, ListKind::kReleased, rules);
}

// Walmart-fulfilled orders with offset paging: customerOrderId, status
// (Created, Shipped, Cancelled), createdStartDate (required), createdEndDate,
// limit, offset. JSON unless Accept asks for XML.
boost::asio::awaitable<http::Reply> GetCaWfsOrders(Call& call) {
  const http::QueryParams& params = call.request.query;
  ListRules rules;
  rules.created_start_required = true;
  auto query =
      ParseListQuery(params, ListKind::kAll, call.seller_id(),
                     call.ctx.clock.NowMillisFor(call.seller_id()), call.ctx.options, rules);
  if (!query.ok()) co_return ErrorReply(call, query.status());
  const auto status = query->request.filter.status;
  if (status && *status != LineStatus::kCreated && *status != LineStatus::kShipped &&
      *status != LineStatus::kCancelled) {
    co_return ErrorReply(
        call, Status::InvalidParam("Invalid value for query parameter 'status': WFS orders are "
                                   "listed as Created, Shipped or Cancelled, not " +
                                       std::string(LineStatusName(*status)) + ".",
                                   "status"));
  }
  auto offset = OffsetParam(params, query->max_total);
  if (!offset.ok()) co_return ErrorReply(call, offset.status());
  // Offset paging over the keyset store: read offset + limit orders and keep
  // the tail. Bounded by the cap on matches (max_total) plus one page.
  query->request.filter.ship_node_type = "WFSFulfilled";
  const int limit = query->request.limit;
  query->request.limit = static_cast<int>(*offset) + limit;
  auto answer = co_await RunListQuery(call, *query);
  if (!answer.ok()) co_return ErrorReply(call, answer.status());
  auto decoded = answer->DecodeOrders();
  if (!decoded.ok()) co_return ErrorReply(call, decoded.status());
  std::vector<const Order*> orders = OrderPointers(*decoded);
  orders.erase(orders.begin(),
               orders.begin() +
                   std::min<std::ptrdiff_t>(*offset, static_cast<std::ptrdiff_t>(orders.size())));
  ListMeta meta{answer->meta.total_count, limit, std::nullopt};
  co_return ListReply(call, meta, orders, query->view);
}

}  // namespace mporders::api
