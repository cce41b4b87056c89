// GET /v3/orders and GET /v3/orders/released.

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/list_query.h"
#include "api/list_run.h"
#include "codec/order_json.h"
#include "codec/order_xml.h"

namespace mporders::api {

std::vector<const Order*> ListAnswer::Orders() const {
  std::vector<const Order*> orders;
  orders.reserve(page.orders.size());
  for (const auto& stored : page.orders) orders.push_back(&stored.order);
  return orders;
}

boost::asio::awaitable<Result<ListAnswer>> RunListQuery(Call& call, const ListQuery& query) {
  const std::optional<LineStatus> status = query.request.filter.status;
  if (status && !call.market->HasStatus(*status)) {
    co_return Status::InvalidParam("Orders in " + std::string(call.market->name()) +
                                       " have no status " + LineStatusName(*status) + ".",
                                   "status");
  }
  auto page = co_await RunBlocking(call.ctx.blocking, [&] {
    return call.ctx.store.ListOrders(query.request);
  });
  if (!page.ok()) co_return page.status();

  std::int64_t total = query.known_total >= 0 ? query.known_total : page->total_count;
  if (total > query.max_total) {
    co_return Status::InvalidParam(
        "The query matches more than " + std::to_string(query.max_total) +
            " orders. Narrow the date range (createdStartDate/createdEndDate) or add "
            "filters.",
        "createdStartDate");
  }
  if (page->orders.empty()) {
    if (call.ctx.options.empty_list_is_404) {
      co_return Status::Error(ErrorCode::kNoOrdersFound, "");
    }
    total = query.known_total >= 0 ? total : 0;
  }

  ListAnswer answer;
  answer.page = std::move(page).value();
  answer.meta.total_count = total;
  answer.meta.limit = query.request.limit;
  const auto& orders = answer.page.orders;
  std::int64_t returned = query.returned_before + static_cast<std::int64_t>(orders.size());
  if (answer.page.has_more && !orders.empty()) {
    const Order& last = orders.back().order;
    answer.meta.next_cursor =
        BuildNextCursor(query, total, returned, {last.order_date, last.purchase_order_id});
  }
  co_return answer;
}

namespace {

boost::asio::awaitable<http::Reply> ListOrders(Call& call, ListKind kind) {
  auto query = ParseListQuery(call.request.query, kind, call.seller_id(),
                              call.ctx.clock.NowMillisFor(call.seller_id()), call.ctx.options);
  if (!query.ok()) co_return ErrorReply(call, query.status());
  auto answer = co_await RunListQuery(call, *query);
  if (!answer.ok()) co_return ErrorReply(call, answer.status());
  const std::vector<const Order*> orders = answer->Orders();
  co_return BodyReply(call, call.wants_xml()
                                ? EncodeOrderListXml(answer->meta, orders, query->view)
                                : EncodeOrderListJson(answer->meta, orders, query->view));
}

}  // namespace

boost::asio::awaitable<http::Reply> GetAllOrders(Call& call) { return ListOrders(call, ListKind::kAll); }

boost::asio::awaitable<http::Reply> GetReleasedOrders(Call& call) {
  return ListOrders(call, ListKind::kReleased);
}

}  // namespace mporders::api
