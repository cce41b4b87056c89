#include "api/endpoints.h"
#include "api/errors.h"
#include "codec/ca/ca_order.h"

namespace mporders::api {

// GET /v3/ca/orders/{purchaseOrderId}?productInfo
boost::asio::awaitable<http::Reply> GetCaOrder(Call& call) {
  auto product_info = BoolParam(call.request, "productInfo", false);
  if (!product_info.ok()) co_return ErrorReply(call, product_info.status());
  std::string po(call.request.PathParam("purchaseOrderId"));
  // A point lookup by key: inline on this thread (see ApiContext::blocking).
  auto stored = call.ctx.store.GetOrder(call.seller_id(), po);
  if (!stored.ok()) co_return ErrorReply(call, stored.status());
  const OrderView view{*product_info, false};
  co_return BodyReply(call, call.wants_xml() ? ca::EncodeOrderXml(stored->order, view)
                                             : ca::EncodeOrderJson(stored->order, view));
}

}  // namespace mporders::api
