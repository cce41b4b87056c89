// POST /v3/ca/orders/{purchaseOrderId}/acknowledge | cancel | shipping |
// refund: the Orders API's lifecycle with Canada's bodies (codec/ca) and
// market rules (carriers, reasons, one carrier per line); 200 with the order.

#include "api/endpoints.h"
#include "api/errors.h"
#include "api/order_change.h"
#include "codec/ca/ca_commands.h"
#include "codec/ca/ca_order.h"
#include "domain/lifecycle.h"

namespace mporders::api {
namespace {

boost::asio::awaitable<http::Reply> ChangeCaOrder(Call& call, OrderChange change) {
  auto saved = co_await ApplyOrderChange(call, std::move(change));
  if (!saved.ok()) co_return ErrorReply(call, saved.status());
  co_return BodyReply(call, call.wants_xml() ? ca::EncodeOrderXml(saved->order, OrderView{})
                                             : ca::EncodeOrderJson(saved->order, OrderView{}));
}

}  // namespace

boost::asio::awaitable<http::Reply> PostCaAcknowledge(Call& call) {
  // No body. Clients of this API send Content-Type: application/json (or
  // XML) with an empty or any body: it is ignored, never an error.
  co_return co_await ChangeCaOrder(
      call, [](Order& order, const LifecycleContext& ctx) { return Acknowledge(order, ctx); });
}

boost::asio::awaitable<http::Reply> PostCaCancel(Call& call) {
  auto command = DecodeBody(call, ca::DecodeCancelCommandJson, ca::DecodeCancelCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeCaOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Cancel(order, *command, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostCaShipping(Call& call) {
  auto command = DecodeBody(call, ca::DecodeShipCommandJson, ca::DecodeShipCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeCaOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Ship(order, *command, ctx, ctx.market->carriers());
  });
}

boost::asio::awaitable<http::Reply> PostCaRefund(Call& call) {
  auto command = DecodeBody(call, ca::DecodeRefundCommandJson, ca::DecodeRefundCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeCaOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Refund(order, *command, ctx);
  });
}

}  // namespace mporders::api
