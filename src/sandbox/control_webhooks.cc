// Control API: a seller's webhook subscriptions and deliveries, watched and
// replayed (the contract the web console relies on; README "Webhooks").

#include <boost/json.hpp>

#include "api/errors.h"
#include "api/webhook_json.h"
#include "core/time_format.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"

namespace mporders::sandbox {
namespace {

namespace json = boost::json;

std::optional<http::Reply> NoWebhooks(api::Call& call) {
  if (call.ctx.store.webhooks() != nullptr) return std::nullopt;
  return api::ErrorReply(call, Status::NotFound("This store keeps no webhooks."));
}

json::object DeliveryJson(const DeliveryRecord& d) {
  json::object out;
  out["deliveryId"] = d.delivery_id;
  out["eventId"] = d.event_id;
  out["eventType"] = d.event_type;
  out["subscriptionId"] = d.subscription_id;
  out["url"] = d.url;
  out["status"] = DeliveryStatusName(d.status);
  json::array attempts;
  for (const DeliveryAttempt& a : d.attempts) {
    json::object attempt;
    attempt["attempt"] = a.attempt;
    attempt["at"] = FormatIsoMillis(a.at);
    if (a.status_code) attempt["statusCode"] = *a.status_code;
    if (!a.error.empty()) attempt["error"] = a.error;
    attempt["durationMs"] = a.duration_ms;
    attempts.push_back(std::move(attempt));
  }
  out["attempts"] = std::move(attempts);
  if (d.last_status_code) out["lastStatusCode"] = *d.last_status_code;
  if (!d.last_error.empty()) out["lastError"] = d.last_error;
  if (d.next_attempt_at &&
      (d.status == DeliveryStatus::kPending || d.status == DeliveryStatus::kRetrying)) {
    out["nextAttemptAt"] = FormatIsoMillis(*d.next_attempt_at);
  }
  out["createdAt"] = FormatIsoMillis(d.created_at);
  boost::system::error_code ec;
  json::value payload = json::parse(d.payload, ec);
  out["payload"] = ec ? json::value(d.payload) : std::move(payload);
  return out;
}

// Unknown seller: 404, as elsewhere in /sandbox/v1.
Status KnownSeller(Store& store, const std::string& seller_id) {
  auto seller = store.GetSeller(seller_id);
  if (seller.ok()) return Status::Ok();
  if (seller.status().code() == ErrorCode::kNotFound) {
    return Status::NotFound("No seller " + seller_id + ".");
  }
  return seller.status();
}

}  // namespace

Reply GetSubscriptionsControl(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  if (auto none = NoWebhooks(call)) co_return *none;
  auto listed = co_await api::RunBlocking(
      call.ctx.blocking, [&]() -> Result<std::vector<WebhookSubscription>> {
        MP_RETURN_IF_ERROR(KnownSeller(call.ctx.store, control.seller_id));
        return call.ctx.store.webhooks()->ListSubscriptions(control.seller_id);
      });
  if (!listed.ok()) co_return api::ErrorReply(call, listed.status());
  json::array subscriptions;
  for (const WebhookSubscription& s : *listed) subscriptions.push_back(api::SubscriptionJson(s));
  json::object out;
  out["subscriptions"] = std::move(subscriptions);
  co_return JsonValueReply(out);
}

Reply GetDeliveries(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  if (auto none = NoWebhooks(call)) co_return *none;
  DeliveryQuery query;
  query.seller_id = control.seller_id;
  if (const std::string* status = call.request.Query("status")) {
    query.status = ParseDeliveryStatus(*status);
    if (!query.status) {
      co_return api::ErrorReply(
          call,
          Status::InvalidParam("status must be PENDING, RETRYING, DELIVERED or FAILED", "status"));
    }
  }
  if (const std::string* type = call.request.Query("eventType")) query.event_type = *type;
  if (const std::string* limit = call.request.Query("limit")) {
    int value = 0;
    try {
      std::size_t used = 0;
      value = std::stoi(*limit, &used);
      if (used != limit->size()) value = 0;
    } catch (...) {
      value = 0;
    }
    if (value < 1 || value > 500) {
      co_return api::ErrorReply(
          call, Status::InvalidParam("limit must be an integer from 1 to 500", "limit"));
    }
    query.limit = value;
  }
  auto listed =
      co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<std::vector<DeliveryRecord>> {
        MP_RETURN_IF_ERROR(KnownSeller(call.ctx.store, control.seller_id));
        return call.ctx.store.webhooks()->ListDeliveries(query);
      });
  if (!listed.ok()) co_return api::ErrorReply(call, listed.status());
  json::array deliveries;
  for (const DeliveryRecord& d : *listed) deliveries.push_back(DeliveryJson(d));
  json::object out;
  out["deliveries"] = std::move(deliveries);
  co_return JsonValueReply(out);
}

Reply PostDeliveryReplay(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  if (auto none = NoWebhooks(call)) co_return *none;
  const std::string id(call.request.PathParam("deliveryId"));
  Sandbox& sandbox = *control.sandbox;
  Status replayed = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Status {
    MP_RETURN_IF_ERROR(KnownSeller(call.ctx.store, control.seller_id));
    Status done = call.ctx.store.webhooks()->ReplayDelivery(
        control.seller_id, id, sandbox.clock().NowMillisFor(control.seller_id));
    if (done.code() == ErrorCode::kNotFound) return Status::NotFound("No delivery " + id + ".");
    return done;
  });
  if (!replayed.ok()) co_return api::ErrorReply(call, replayed);
  if (call.ctx.webhooks.wake_deliveries) call.ctx.webhooks.wake_deliveries();
  json::object out;
  out["deliveryId"] = id;
  out["status"] = "PENDING";
  co_return JsonValueReply(out, 202);
}

Reply PostDeliveriesReplay(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  if (auto none = NoWebhooks(call)) co_return *none;
  Sandbox& sandbox = *control.sandbox;
  auto replayed = co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<std::int64_t> {
    MP_RETURN_IF_ERROR(KnownSeller(call.ctx.store, control.seller_id));
    return call.ctx.store.webhooks()->ReplayFailedDeliveries(
        control.seller_id, sandbox.clock().NowMillisFor(control.seller_id));
  });
  if (!replayed.ok()) co_return api::ErrorReply(call, replayed.status());
  if (call.ctx.webhooks.wake_deliveries) call.ctx.webhooks.wake_deliveries();
  json::object out;
  out["replayed"] = *replayed;
  co_return JsonValueReply(out, 202);
}

}  // namespace mporders::sandbox
