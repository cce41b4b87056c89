// POST /v3/orders/{purchaseOrderId}/acknowledge | cancel | shipping | refund.
// Each one is a single store transaction: re-read the order, apply the
// lifecycle rule, save — all or nothing.

#include <algorithm>

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/errors.h"
#include "api/order_change.h"
#include "auth/crypto.h"
#include "codec/command_json.h"
#include "codec/command_xml.h"
#include "codec/order_json.h"
#include "codec/order_xml.h"
#include "domain/lifecycle.h"

namespace mporders::api {

boost::asio::awaitable<Result<StoredOrder>> ApplyOrderChange(Call& call, OrderChange change) {
  LifecyclePolicy policy;
  policy.ship_requires_acknowledged = call.ctx.options.ship_requires_acknowledged;
  policy.customer_cancel_requires_intent = call.ctx.options.customer_cancel_requires_intent;
  policy.accept_optional_cancel_reasons = call.ctx.options.ca_supplier_cancel_reasons;
  co_return co_await ApplyOrderChange(call, std::move(change), policy);
}

boost::asio::awaitable<Result<StoredOrder>> ApplyOrderChange(Call& call, OrderChange change,
                                                             LifecyclePolicy policy) {
  std::string po(call.request.PathParam("purchaseOrderId"));
  const Store::UpdateFn update = [&](StoredOrder& stored) {
    // The time is read inside the transaction so that statusDate and
    // last-modified follow the commit order of concurrent writes.
    LifecycleContext lifecycle{call.ctx.clock.NowMillisFor(call.seller_id()), policy, "",
                               call.market};
    lifecycle.refund_id = std::to_string(lifecycle.now) + auth::RandomHex(3);
    MP_RETURN_IF_ERROR(change(stored.order, lifecycle));
    stored.last_modified = std::max(stored.last_modified, lifecycle.now);
    return Status::Ok();
  };
  co_return co_await AwaitOrderUpdate(call.ctx.store, call.seller_id(), po, update);
}

namespace {

boost::asio::awaitable<http::Reply> ChangeOrder(Call& call, OrderChange change) {
  auto saved = co_await ApplyOrderChange(call, std::move(change));
  if (!saved.ok()) co_return ErrorReply(call, saved.status());
  co_return BodyReply(call, call.wants_xml() ? EncodeOrderResponseXml(saved->order, OrderView{})
                                             : EncodeOrderResponseJson(saved->order, OrderView{}));
}

}  // namespace

boost::asio::awaitable<http::Reply> PostAcknowledge(Call& call) {
  // The endpoint takes no body; whatever is sent, in whatever Content-Type,
  // is ignored, as Walmart's own SDK posts an empty string.
  co_return co_await ChangeOrder(call, [](Order& order, const LifecycleContext& ctx) {
    return Acknowledge(order, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostCancel(Call& call) {
  auto command = DecodeBody(call, DecodeCancelCommandJson, DecodeCancelCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Cancel(order, *command, ctx);
  });
}

boost::asio::awaitable<http::Reply> PostShipping(Call& call) {
  auto command = DecodeBody(call, DecodeShipCommandJson, DecodeShipCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Ship(order, *command, ctx, ctx.market->carriers());
  });
}

boost::asio::awaitable<http::Reply> PostRefund(Call& call) {
  auto command = DecodeBody(call, DecodeRefundCommandJson, DecodeRefundCommandXml);
  if (!command.ok()) co_return ErrorReply(call, command.status());
  co_return co_await ChangeOrder(call, [&](Order& order, const LifecycleContext& ctx) {
    return Refund(order, *command, ctx);
  });
}

}  // namespace mporders::api
