#include "api/endpoints.h"
#include "api/errors.h"
#include "api/order_answers.h"

namespace mporders::api {

// GET /v3/orders/{purchaseOrderId}?productInfo&replacementInfo
boost::asio::awaitable<http::Reply> GetOrder(Call& call) {
  auto product_info = BoolParam(call.request, "productInfo", false);
  if (!product_info.ok()) co_return ErrorReply(call, product_info.status());
  auto replacement_info = BoolParam(call.request, "replacementInfo", false);
  if (!replacement_info.ok()) co_return ErrorReply(call, replacement_info.status());
  // incentiveInfo is accepted for compatibility; orders carry no incentives.
  auto incentive_info = BoolParam(call.request, "incentiveInfo", false);
  if (!incentive_info.ok()) co_return ErrorReply(call, incentive_info.status());

  std::string po(call.request.PathParam("purchaseOrderId"));
  const OrderPartVariant variant{call.wants_xml() ? OrderFormat::kXml : OrderFormat::kJson,
                                 OrderView{*product_info, *replacement_info}};
  // Taken before the read: a change committed after it moves it on.
  std::optional<OrderStamp> stamp;
  OrderPartCache* const parts = call.ctx.order_parts;
  if (parts != nullptr) stamp = call.ctx.store.OrderChangeStamp(call.seller_id(), po);
  if (stamp) {
    // Unchanged since the kept part was made: no need to read it.
    if (OrderPart kept = parts->FindStamped(call.seller_id(), po, *stamp, variant)) {
      co_return BodyReply(call, OrderResponseBody(kept, variant));
    }
  }
  // A point lookup by key: inline on this thread (see ApiContext::blocking).
  auto document = call.ctx.store.GetOrderDocument(call.seller_id(), po);
  if (!document.ok()) co_return ErrorReply(call, document.status());
  auto body = OrderResponseBody(call.ctx.order_parts, *document, variant, stamp);
  if (!body.ok()) co_return ErrorReply(call, body.status());
  co_return BodyReply(call, std::move(*body));
}

}  // namespace mporders::api
