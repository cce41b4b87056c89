#include "api/endpoints.h"
#include "api/errors.h"
#include "codec/order_json.h"
#include "codec/order_xml.h"

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
  // A point lookup by key: inline on this thread (see ApiContext::blocking).
  auto stored = call.ctx.store.GetOrder(call.seller_id(), po);
  if (!stored.ok()) co_return ErrorReply(call, stored.status());
  const OrderView view{*product_info, *replacement_info};
  co_return BodyReply(call, call.wants_xml() ? EncodeOrderResponseXml(stored->order, view)
                                             : EncodeOrderResponseJson(stored->order, view));
}

}  // namespace mporders::api
