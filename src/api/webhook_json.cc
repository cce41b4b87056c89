#include "api/webhook_json.h"

namespace mporders::api {

namespace json = boost::json;

json::object SubscriptionJson(const WebhookSubscription& s, bool full) {
  json::object out;
  out["eventType"] = s.event_type;
  out["subscriptionId"] = s.subscription_id;
  out["partnerId"] = s.seller_id;
  out["eventVersion"] = s.event_version;
  out["resourceName"] = s.resource_name;
  if (full) {
    out["eventUrl"] = s.event_url;
    boost::system::error_code ec;
    if (!s.headers_json.empty()) {
      json::value headers = json::parse(s.headers_json, ec);
      if (!ec) out["headers"] = std::move(headers);
    }
    if (!s.auth_json.empty()) {
      json::value auth = json::parse(s.auth_json, ec);
      if (!ec) out["authDetails"] = std::move(auth);
    }
  }
  out["status"] = s.status;
  return out;
}

Result<json::object> ParseJsonObject(const std::string& body) {
  boost::system::error_code ec;
  json::value value = json::parse(body, ec);
  if (ec) {
    return Status::Error(ErrorCode::kMalformedRequestContent,
                         "The request body is not valid JSON: " + ec.message());
  }
  if (!value.is_object()) return Status::InvalidContent("The request body must be a JSON object");
  return std::move(value.as_object());
}

}  // namespace mporders::api
