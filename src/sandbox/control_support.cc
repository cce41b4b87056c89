#include "sandbox/control_support.h"

#include "api/errors.h"
#include "core/time_format.h"
#include "sandbox/body_json.h"

namespace mporders::sandbox {

http::Reply JsonValueReply(const boost::json::value& value, unsigned status) {
  http::Reply reply;
  reply.status = status;
  reply.body = boost::json::serialize(value);
  reply.headers.emplace_back("Cache-Control", "no-store");
  return reply;
}

Result<std::string> SellerParam(const api::Call& call) {
  std::string seller(call.request.PathParam("sellerId"));
  bool valid = !seller.empty() && seller.size() <= 64;
  for (char c : seller) {
    valid =
        valid && (std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-');
  }
  if (!valid) {
    return Status::InvalidParam(
        "sellerId must be 1-64 letters, digits, '.', '_' or '-', got '" + seller + "'", "sellerId");
  }
  return seller;
}

boost::json::object ClockJson(Sandbox& sandbox, const std::string& seller_id) {
  // One read of the offset, so that now and offsetMillis agree even while
  // another call moves the clock.
  const EpochMillis offset = sandbox.clock().OffsetFor(seller_id);
  const EpochMillis now = sandbox.clock().NowMillis() + offset;
  boost::json::object clock;
  clock["sellerId"] = seller_id;
  clock["now"] = now;
  clock["nowIso"] = FormatIsoMillis(now);
  clock["offsetMillis"] = offset;
  return clock;
}

boost::json::object SweepJson(const SweepResult& sweep) {
  boost::json::array ids;
  for (const auto& id : sweep.purchase_order_ids) ids.emplace_back(id);
  boost::json::object out;
  out["orders"] = static_cast<std::int64_t>(sweep.purchase_order_ids.size());
  out["units"] = sweep.units;
  out["purchaseOrderIds"] = std::move(ids);
  return out;
}

ControlCall BeginControlCall(api::Call& call, ControlBody body) {
  ControlCall control;
  control.sandbox = &Sandbox::Of(call);
  control.reply = control.sandbox->Authorize(call);
  if (control.reply) return control;
  auto seller = SellerParam(call);
  if (!seller.ok()) {
    control.reply = api::ErrorReply(call, seller.status());
    return control;
  }
  control.seller_id = std::move(seller).value();
  if (body == ControlBody::kJsonObject) {
    auto parsed = ParseObjectBody(call.request.message.body());
    if (!parsed.ok()) {
      control.reply = api::ErrorReply(call, parsed.status());
    } else {
      control.body = std::move(parsed).value();
    }
  }
  return control;
}

}  // namespace mporders::sandbox
