// GET /v3/orders and GET /v3/orders/released.

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/list_query.h"
#include "api/list_run.h"
#include "api/order_answers.h"

namespace mporders::api {

Result<std::vector<StoredOrder>> ListAnswer::DecodeOrders() const {
  std::vector<StoredOrder> orders;
  orders.reserve(page.documents.size());
  for (const OrderDocument& document : page.documents) {
    Result<StoredOrder> order = Store::DecodeOrderDocument(document);
    if (!order.ok()) return order.status();
    orders.push_back(std::move(*order));
  }
  return orders;
}

std::vector<const Order*> OrderPointers(const std::vector<StoredOrder>& stored) {
  std::vector<const Order*> orders;
  orders.reserve(stored.size());
  for (const StoredOrder& order : stored) orders.push_back(&order.order);
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
    return call.ctx.store.ListOrderDocuments(query.request);
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
  if (page->documents.empty()) {
    if (call.ctx.options.empty_list_is_404) {
      co_return Status::Error(ErrorCode::kNoOrdersFound, "");
    }
    total = query.known_total >= 0 ? total : 0;
  }

  ListAnswer answer;
  answer.page = std::move(page).value();
  answer.meta.total_count = total;
  answer.meta.limit = query.request.limit;
  const auto& documents = answer.page.documents;
  std::int64_t returned = query.returned_before + static_cast<std::int64_t>(documents.size());
  if (answer.page.has_more && !documents.empty()) {
    const OrderDocument& last = documents.back();
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
  const OrderPartVariant variant{call.wants_xml() ? OrderFormat::kXml : OrderFormat::kJson,
                                 query->view};
  KeptPageParts kept(call.ctx.order_parts, variant);
  query->request.skip_document = kept.SkipDocument();
  auto answer = co_await RunListQuery(call, *query);
  if (!answer.ok()) co_return ErrorReply(call, answer.status());
  auto body = OrderListBody(call.ctx.order_parts, answer->meta, answer->page.documents, variant,
                            &kept);
  if (!body.ok()) co_return ErrorReply(call, body.status());
  co_return BodyReply(call, std::move(*body));
}

}  // namespace

boost::asio::awaitable<http::Reply> GetAllOrders(Call& call) { return ListOrders(call, ListKind::kAll); }

boost::asio::awaitable<http::Reply> GetReleasedOrders(Call& call) {
  return ListOrders(call, ListKind::kReleased);
}

}  // namespace mporders::api
