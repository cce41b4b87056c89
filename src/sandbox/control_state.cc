// Control API: a seller's whole state — reset to empty, export as a
// snapshot, import a snapshot (snapshot.h).

#include "api/errors.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"
#include "sandbox/snapshot.h"
#include "sandbox/system_events.h"

namespace mporders::sandbox {
namespace {

// Every order of the seller, in list order. Pages are separate reads:
// changes made during the export may or may not be in it.
Result<std::vector<StoredOrder>> AllOrders(Store& store, const std::string& seller_id) {
  OrderFilter filter;
  filter.seller_id = seller_id;
  std::vector<StoredOrder> orders;
  MP_RETURN_IF_ERROR(
      ForEachOrder(store, filter, [&](StoredOrder& order) { orders.push_back(std::move(order)); }));
  return orders;
}

}  // namespace

Reply PostReset(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  Sandbox& sandbox = *control.sandbox;
  auto removed = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<std::int64_t> {
    auto count = sandbox.store().CountOrders(control.seller_id);
    if (!count.ok()) return count.status();
    MP_RETURN_IF_ERROR(sandbox.clock().ReplaceOffset(control.seller_id, 0, [&] {
      return sandbox.store().ReplaceSellerState(control.seller_id, {}, 0);
    }));
    return *count;
  });
  if (!removed.ok()) co_return api::ErrorReply(call, removed.status());
  const std::size_t rules = sandbox.faults().Clear(control.seller_id);
  boost::json::object out = ClockJson(sandbox, control.seller_id);
  out["removedOrders"] = *removed;
  out["removedFaultRules"] = rules;
  co_return JsonValueReply(out);
}

Reply GetSnapshot(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  Sandbox& sandbox = *control.sandbox;
  auto text = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<std::string> {
    auto orders = AllOrders(sandbox.store(), control.seller_id);
    if (!orders.ok()) return orders.status();
    return EncodeSnapshot(SellerSnapshot{control.seller_id,
                                         sandbox.clock().OffsetFor(control.seller_id),
                                         std::move(orders).value()});
  });
  if (!text.ok()) co_return api::ErrorReply(call, text.status());
  http::Reply reply;
  reply.body = std::move(text).value();
  reply.headers.emplace_back("Cache-Control", "no-store");
  co_return reply;
}

Reply PutSnapshot(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  Sandbox& sandbox = *control.sandbox;
  auto restored = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<SellerSnapshot> {
    // Decoding a large snapshot is work too: keep it off the I/O threads.
    auto snapshot = DecodeSnapshot(call.request.message.body(), control.seller_id);
    if (!snapshot.ok()) return snapshot.status();
    // A snapshot restores orders into the seller's market: its currency only.
    auto market = SellerMarket(sandbox.store(), control.seller_id);
    if (!market.ok()) return market.status();
    for (const StoredOrder& stored : snapshot->orders) {
      MP_RETURN_IF_ERROR(CheckOrderCurrency(stored.order, GetMarket(*market)));
    }
    MP_RETURN_IF_ERROR(
        sandbox.clock().ReplaceOffset(control.seller_id, snapshot->clock_offset, [&] {
          return sandbox.store().ReplaceSellerState(control.seller_id, snapshot->orders,
                                                    snapshot->clock_offset);
        }));
    // The seller row only once the state is in: a refused snapshot leaves no trace.
    MP_RETURN_IF_ERROR(sandbox.store().PutSeller(
        Seller{control.seller_id, control.seller_id, sandbox.clock().NowMillis()}));
    return snapshot;
  });
  if (!restored.ok()) co_return api::ErrorReply(call, restored.status());
  boost::json::object out = ClockJson(sandbox, control.seller_id);
  out["orders"] = static_cast<std::int64_t>(restored->orders.size());
  co_return JsonValueReply(out);
}

}  // namespace mporders::sandbox
