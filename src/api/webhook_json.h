#pragma once
// JSON of Walmart's Notifications API (us_mp_notifications.json): the
// subscription records it answers with, and the request bodies it reads.

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "core/status.h"
#include "store/webhook_store.h"

namespace mporders::api {

// The full record (GET answers): eventUrl, headers and authDetails included.
boost::json::object SubscriptionJson(const WebhookSubscription& subscription, bool full = true);

// Parses a body that must be a JSON object: kMalformedRequestContent if it
// does not parse, kInvalidRequestContent if it is not an object.
Result<boost::json::object> ParseJsonObject(const std::string& body);

}  // namespace mporders::api
