// Control API: read-only views for the web console and other admin tools —
// every seller, and any seller's orders as that seller's own client would
// read them. The admin key stands in for the seller's token; the answer is
// the one the Global API's GET /v3/orders (and GET /v3/orders/{purchaseOrderId})
// gives the seller, with the same filters, cursors, representations and
// errors, for every market (Mexico's own list shape is not offered here).

#include "api/endpoints.h"
#include "api/errors.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"

namespace mporders::sandbox {
namespace {

// Sets up `call` as a call of the seller's own client: its claims carry the
// seller and its market. kNotFound when the seller does not exist.
boost::asio::awaitable<Status> ActAsSeller(api::Call& call, const ControlCall& control) {
  Sandbox& sandbox = *control.sandbox;
  auto seller = co_await api::RunBlocking(
      call.ctx.blocking, [&] { return sandbox.store().GetSeller(control.seller_id); });
  if (!seller.ok()) {
    if (seller.status().code() == ErrorCode::kNotFound) {
      co_return Status::Error(ErrorCode::kNotFound, "No seller " + control.seller_id + ".");
    }
    co_return seller.status();
  }
  call.claims.seller_id = seller->seller_id;
  call.claims.market = seller->market;
  call.market = &GetMarket(seller->market);
  co_return Status::Ok();
}

}  // namespace

Reply GetSellers(api::Call& call) {
  Sandbox& sandbox = Sandbox::Of(call);
  if (auto refused = sandbox.Authorize(call)) co_return *refused;
  auto listed = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<boost::json::array> {
    auto sellers = sandbox.store().ListSellers();
    if (!sellers.ok()) return sellers.status();
    boost::json::array out;
    for (const Seller& seller : *sellers) {
      auto count = sandbox.store().CountOrders(seller.seller_id);
      if (!count.ok()) return count.status();
      boost::json::object item;
      item["sellerId"] = seller.seller_id;
      item["name"] = seller.name;
      item["market"] = GetMarket(seller.market).code();
      item["orders"] = *count;
      out.push_back(std::move(item));
    }
    return out;
  });
  if (!listed.ok()) co_return api::ErrorReply(call, listed.status());
  boost::json::object out;
  out["sellers"] = std::move(listed).value();
  co_return JsonValueReply(out);
}

Reply GetSellerOrders(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  Status acting = co_await ActAsSeller(call, control);
  if (!acting.ok()) co_return api::ErrorReply(call, acting);
  co_return co_await api::GetAllOrders(call);
}

Reply GetSellerOrder(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  Status acting = co_await ActAsSeller(call, control);
  if (!acting.ok()) co_return api::ErrorReply(call, acting);
  co_return co_await api::GetOrder(call);
}

}  // namespace mporders::sandbox
