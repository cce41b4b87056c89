// Walmart's Notifications API (us_mp_notifications.json, reference §15.1):
// a seller's webhook subscriptions to its order events, and a test delivery.

#include <algorithm>
#include <string>
#include <vector>

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/webhook_json.h"
#include "auth/crypto.h"
#include "events/delivery_auth.h"
#include "events/http_post.h"
#include "events/order_events.h"

namespace mporders::api {
namespace {

namespace json = boost::json;

struct EventTypeInfo {
  const char* event_type;
  const char* description;
};
constexpr EventTypeInfo kEventTypes[] = {
    {"PO_CREATED", "Notification for new purchase order created"},
    {"PO_LINE_AUTOCANCELLED", "Notification for purchase order line auto-cancelled"},
    {"INTENT_TO_CANCEL", "Notification for customer intent to cancel purchase order lines"},
};

bool KnownEventType(std::string_view type) {
  return std::any_of(std::begin(kEventTypes), std::end(kEventTypes),
                     [&](const EventTypeInfo& info) { return type == info.event_type; });
}

http::Reply ObjectReply(const json::object& object) { return JsonReply(json::serialize(object)); }

// Walmart's order events exist for US sellers only (reference §16 row 14).
std::optional<Status> MarketRefusal(const Call& call) {
  if (call.market->id() == MarketId::kUs || call.ctx.webhooks.other_markets) return std::nullopt;
  return Status::InvalidContent(
      "Order event notifications are available for the US marketplace only; seller " +
          call.seller_id() + " sells in " + std::string(call.market->code()) + ".",
      "WM_MARKET");
}

WebhookStore& Webhooks(Call& call) { return *call.ctx.store.webhooks(); }

Status CheckMemberNames(const json::object& object, std::initializer_list<std::string_view> names,
                        const std::string& where) {
  for (const auto& member : object) {
    if (std::find(names.begin(), names.end(), member.key()) == names.end()) {
      return Status::InvalidContent("Unknown member " + where + std::string(member.key()) + ".",
                                    std::string(member.key()));
    }
  }
  return Status::Ok();
}

Result<std::string> StringMember(const json::object& object, std::string_view name, bool required) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) {
    if (required)
      return Status::InvalidContent(std::string(name) + " is required.", std::string(name));
    return std::string();
  }
  if (!value->is_string() || value->as_string().empty()) {
    return Status::InvalidContent(std::string(name) + " must be a non-empty string.",
                                  std::string(name));
  }
  return std::string(value->as_string());
}

// authDetails and headers, kept as the JSON text the seller sent.
Result<std::string> ObjectMember(const json::object& object, std::string_view name) {
  const json::value* value = object.if_contains(name);
  if (value == nullptr || value->is_null()) return std::string();
  if (!value->is_object()) {
    return Status::InvalidContent(std::string(name) + " must be an object.", std::string(name));
  }
  return json::serialize(*value);
}

// Checks of one subscription's fields, shared by create, update and test.
Status CheckFields(const Call& call, const WebhookSubscription& s) {
  if (!KnownEventType(s.event_type)) {
    return Status::InvalidContent("eventType " + s.event_type +
                                      " is not supported: use PO_CREATED, "
                                      "PO_LINE_AUTOCANCELLED or INTENT_TO_CANCEL.",
                                  "eventType");
  }
  if (s.event_version != "V1") {
    return Status::InvalidContent("eventVersion must be V1.", "eventVersion");
  }
  if (s.resource_name != "ORDER") {
    return Status::InvalidContent("resourceName of " + s.event_type + " is ORDER.", "resourceName");
  }
  if (s.status != "ACTIVE" && s.status != "INACTIVE") {
    return Status::InvalidContent("status must be ACTIVE or INACTIVE.", "status");
  }
  MP_RETURN_IF_ERROR(events::CheckUrl(s.event_url, call.ctx.webhooks.policy));
  MP_RETURN_IF_ERROR(events::ValidateAuthDetails(s.auth_json));
  return events::ValidateHeaders(s.headers_json);
}

Result<WebhookSubscription> DecodeSubscription(const Call& call, const json::value& value,
                                               bool with_status) {
  if (!value.is_object()) return Status::InvalidContent("events[] must hold objects.", "events");
  const json::object& object = value.as_object();
  MP_RETURN_IF_ERROR(CheckMemberNames(
      object,
      {"eventType", "eventVersion", "resourceName", "eventUrl", "status", "authDetails", "headers"},
      ""));
  WebhookSubscription s;
  s.seller_id = call.seller_id();
  auto type = StringMember(object, "eventType", true);
  auto version = StringMember(object, "eventVersion", true);
  auto resource = StringMember(object, "resourceName", true);
  auto url = StringMember(object, "eventUrl", true);
  auto status = StringMember(object, "status", with_status);
  auto auth = ObjectMember(object, "authDetails");
  auto headers = ObjectMember(object, "headers");
  for (const Status* st : {&type.status(), &version.status(), &resource.status(), &url.status(),
                           &status.status(), &auth.status(), &headers.status()}) {
    if (!st->ok()) return *st;
  }
  s.event_type = *type;
  s.event_version = *version;
  s.resource_name = *resource;
  s.event_url = *url;
  s.status = with_status ? *status : "ACTIVE";
  s.auth_json = *auth;
  s.headers_json = *headers;
  MP_RETURN_IF_ERROR(CheckFields(call, s));
  return s;
}

Result<WebhookSubscription> FindSubscription(Call& call, const std::string& id) {
  auto all = Webhooks(call).ListSubscriptions(call.seller_id());
  if (!all.ok()) return all.status();
  for (WebhookSubscription& s : *all) {
    if (s.subscription_id == id) return std::move(s);
  }
  return Status::NotFound("No subscription " + id + " for this seller.");
}

}  // namespace

boost::asio::awaitable<http::Reply> GetEventTypes(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  json::array events;
  for (const EventTypeInfo& info : kEventTypes) {
    json::object type;
    type["resourceName"] = "ORDER";
    type["eventType"] = info.event_type;
    type["eventVersion"] = "V1";
    type["description"] = info.description;
    events.push_back(std::move(type));
  }
  json::object out;
  out["events"] = std::move(events);
  co_return ObjectReply(out);
}

boost::asio::awaitable<http::Reply> PostSubscriptions(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  auto body = ParseJsonObject(call.request.message.body());
  if (!body.ok()) co_return ErrorReply(call, body.status());
  Status members = CheckMemberNames(*body, {"events"}, "");
  if (!members.ok()) co_return ErrorReply(call, members);
  const json::value* events = body->if_contains("events");
  if (events == nullptr || !events->is_array() || events->as_array().empty() ||
      events->as_array().size() > 50) {
    co_return ErrorReply(call, Status::InvalidContent(
                                   "events must be an array of 1 to 50 subscriptions.", "events"));
  }
  std::vector<WebhookSubscription> subscriptions;
  const EpochMillis now = call.ctx.clock.NowMillisFor(call.seller_id());
  for (const json::value& element : events->as_array()) {
    auto s = DecodeSubscription(call, element, true);
    if (!s.ok()) co_return ErrorReply(call, s.status());
    s->subscription_id = auth::RandomUuid();
    s->created_at = now;
    s->updated_at = now;
    subscriptions.push_back(std::move(s).value());
  }
  Status saved = co_await RunBlocking(
      call.ctx.blocking, [&] { return Webhooks(call).InsertSubscriptions(subscriptions); });
  if (!saved.ok()) co_return ErrorReply(call, saved);
  json::array out_events;
  for (const WebhookSubscription& s : subscriptions) {
    out_events.push_back(SubscriptionJson(s, /*full=*/false));
  }
  json::object out;
  out["events"] = std::move(out_events);
  co_return ObjectReply(out);
}

boost::asio::awaitable<http::Reply> GetSubscriptions(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  std::optional<std::string> filters[4];
  const char* names[4] = {"subscriptionId", "eventType", "resourceName", "status"};
  for (int i = 0; i < 4; ++i) {
    if (auto value = call.request.Query(names[i])) filters[i] = std::string(*value);
  }
  if (filters[3] && *filters[3] != "ACTIVE" && *filters[3] != "INACTIVE") {
    co_return ErrorReply(call,
                         Status::InvalidParam("status must be ACTIVE or INACTIVE.", "status"));
  }
  auto all = co_await RunBlocking(
      call.ctx.blocking, [&] { return Webhooks(call).ListSubscriptions(call.seller_id()); });
  if (!all.ok()) co_return ErrorReply(call, all.status());
  json::array events;
  for (const WebhookSubscription& s : *all) {
    if ((filters[0] && *filters[0] != s.subscription_id) ||
        (filters[1] && *filters[1] != s.event_type) ||
        (filters[2] && *filters[2] != s.resource_name) || (filters[3] && *filters[3] != s.status)) {
      continue;
    }
    events.push_back(SubscriptionJson(s));
  }
  json::object out;
  out["events"] = std::move(events);
  co_return ObjectReply(out);
}

boost::asio::awaitable<http::Reply> PatchSubscription(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  auto body = ParseJsonObject(call.request.message.body());
  if (!body.ok()) co_return ErrorReply(call, body.status());
  Status members =
      CheckMemberNames(*body, {"eventVersion", "eventUrl", "headers", "authDetails", "status"}, "");
  if (!members.ok()) co_return ErrorReply(call, members);
  if (body->empty()) {
    co_return ErrorReply(
        call, Status::InvalidContent("Send at least one of eventVersion, eventUrl, headers, "
                                     "authDetails, status."));
  }
  const std::string id(call.request.PathParam("subscriptionId"));
  auto updated = co_await RunBlocking(call.ctx.blocking, [&]() -> Result<WebhookSubscription> {
    auto found = FindSubscription(call, id);
    if (!found.ok()) return found.status();
    WebhookSubscription s = std::move(found).value();
    for (const char* name : {"eventVersion", "eventUrl", "status"}) {
      if (!body->contains(name)) continue;
      auto value = StringMember(*body, name, true);
      if (!value.ok()) return value.status();
      std::string_view key(name);
      (key == "eventVersion" ? s.event_version
       : key == "eventUrl"   ? s.event_url
                             : s.status) = *value;
    }
    if (body->contains("headers")) {
      auto headers = ObjectMember(*body, "headers");
      if (!headers.ok()) return headers.status();
      s.headers_json = *headers;
    }
    if (body->contains("authDetails")) {
      auto auth = ObjectMember(*body, "authDetails");
      if (!auth.ok()) return auth.status();
      s.auth_json = *auth;
    }
    MP_RETURN_IF_ERROR(CheckFields(call, s));
    s.updated_at = call.ctx.clock.NowMillisFor(call.seller_id());
    MP_RETURN_IF_ERROR(Webhooks(call).UpdateSubscription(s));
    return s;
  });
  if (!updated.ok()) co_return ErrorReply(call, updated.status());
  co_return ObjectReply(SubscriptionJson(*updated));
}

boost::asio::awaitable<http::Reply> DeleteSubscription(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  const std::string id(call.request.PathParam("subscriptionId"));
  Status deleted = co_await RunBlocking(call.ctx.blocking, [&]() -> Status {
    Status removed = Webhooks(call).DeleteSubscription(call.seller_id(), id);
    if (removed.code() == ErrorCode::kNotFound) {
      return Status::NotFound("No subscription " + id + " for this seller.");
    }
    return removed;
  });
  if (!deleted.ok()) co_return ErrorReply(call, deleted);
  json::object out;
  out["subscriptionId"] = id;
  out["message"] = "Successfully deleted subscription";
  co_return ObjectReply(out);
}

boost::asio::awaitable<http::Reply> PostWebhookTest(Call& call) {
  if (auto refusal = MarketRefusal(call)) co_return ErrorReply(call, *refusal);
  auto body = ParseJsonObject(call.request.message.body());
  if (!body.ok()) co_return ErrorReply(call, body.status());
  auto s = DecodeSubscription(call, *body, false);
  if (!s.ok()) co_return ErrorReply(call, s.status());
  const std::string payload = events::SampleEventPayload(
      s->event_type, call.seller_id(), call.ctx.clock.NowMillisFor(call.seller_id()));
  // A real delivery, off the I/O threads (it waits for the receiver).
  auto sent = co_await RunBlocking(call.ctx.blocking, [&]() -> Result<events::PostResult> {
    events::DeliveryAuth auth(call.ctx.webhooks.policy, call.ctx.webhooks.timeout);
    auto headers = auth.Headers(s->auth_json, s->headers_json, payload);
    if (!headers.ok()) return headers.status();
    return events::HttpPost(s->event_url, *headers, payload, call.ctx.webhooks.timeout,
                            call.ctx.webhooks.policy);
  });
  std::string failure;
  if (!sent.ok()) {
    failure = sent.status().description();
  } else if (!sent->status_code) {
    failure = sent->error;
  } else if (*sent->status_code < 200 || *sent->status_code > 299) {
    failure = "the URL answered HTTP " + std::to_string(*sent->status_code);
  }
  if (!failure.empty()) {
    co_return ErrorReply(
        call, Status::InvalidContent("Eventurl validation failed: " + failure, "eventUrl"));
  }
  json::object out;
  out["message"] = "Eventurl successfully validated";
  co_return ObjectReply(out);
}

}  // namespace mporders::api
