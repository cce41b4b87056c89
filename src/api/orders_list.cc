// GET /v3/orders and GET /v3/orders/released.

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/list_query.h"
#include "codec/order_json.h"
#include "codec/order_xml.h"

namespace mporders::api {
namespace {

boost::asio::awaitable<http::Reply> ListOrders(Call& call, ListKind kind) {
  auto query = ParseListQuery(call.request.query, kind, call.seller_id(),
                              call.ctx.clock.NowMillisFor(call.seller_id()), call.ctx.options);
  if (!query.ok()) co_return ErrorReply(call, query.status());
  const std::optional<LineStatus> status = query->request.filter.status;
  if (status && !call.market->HasStatus(*status)) {
    co_return ErrorReply(call, Status::InvalidParam(
                                   "Orders in " + std::string(call.market->name()) +
                                       " have no status " + LineStatusName(*status) + ".",
                                   "status"));
  }
  auto page = co_await RunBlocking(call.ctx.blocking, [&] {
    return call.ctx.store.ListOrders(query->request);
  });
  if (!page.ok()) co_return ErrorReply(call, page.status());

  std::int64_t total = query->known_total >= 0 ? query->known_total : page->total_count;
  if (total > call.ctx.options.max_orders_per_query) {
    co_return ErrorReply(
        call, Status::InvalidParam(
                  "The query matches more than " +
                      std::to_string(call.ctx.options.max_orders_per_query) +
                      " orders. Narrow the date range (createdStartDate/createdEndDate) or add "
                      "filters.",
                  "createdStartDate"));
  }
  if (page->orders.empty()) {
    if (call.ctx.options.empty_list_is_404) {
      co_return ErrorReply(call, Status::Error(ErrorCode::kNoOrdersFound, ""));
    }
    total = query->known_total >= 0 ? total : 0;
  }

  std::vector<const Order*> orders;
  orders.reserve(page->orders.size());
  for (const auto& stored : page->orders) orders.push_back(&stored.order);
  ListMeta meta;
  meta.total_count = total;
  meta.limit = query->request.limit;
  std::int64_t returned = query->returned_before + static_cast<std::int64_t>(orders.size());
  if (page->has_more && !orders.empty()) {
    const Order& last = *orders.back();
    meta.next_cursor = BuildNextCursor(*query, total, returned, {last.order_date, last.purchase_order_id});
  }
  co_return BodyReply(call, call.wants_xml() ? EncodeOrderListXml(meta, orders, query->view)
                                             : EncodeOrderListJson(meta, orders, query->view));
}

}  // namespace

boost::asio::awaitable<http::Reply> GetAllOrders(Call& call) { return ListOrders(call, ListKind::kAll); }

boost::asio::awaitable<http::Reply> GetReleasedOrders(Call& call) {
  return ListOrders(call, ListKind::kReleased);
}

}  // namespace mporders::api
