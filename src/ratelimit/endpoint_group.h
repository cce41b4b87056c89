#pragma once
// The throttled Orders endpoints. Each has its own bucket per seller, as
// Walmart allots each API its own limit. Names are Walmart's operationIds
// (us_mp_orders.json), which is also how the configuration file spells them.

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <optional>
#include <string_view>

namespace mporders::ratelimit {

enum class EndpointGroup {
  kGetAllOrders,          // GET  /v3/orders
  kGetAllReleasedOrders,  // GET  /v3/orders/released
  kGetAnOrder,            // GET  /v3/orders/{purchaseOrderId}
  kAcknowledgeOrders,     // POST /v3/orders/{purchaseOrderId}/acknowledge
  kCancelOrderLines,      // POST /v3/orders/{purchaseOrderId}/cancel
  kShippingUpdates,       // POST /v3/orders/{purchaseOrderId}/shipping
  kRefundOrderLines,      // POST /v3/orders/{purchaseOrderId}/refund
  // Mexico's own operations (mx_mp_orders.json); its getAllOrders,
  // acknowledgeOrders, cancelOrderLines and shippingUpdates share the groups
  // above, with the market's limits.
  kGetAllOrdersUsingCursor,  // GET  /v3/orders/cursor (MX)
  kGetAllWfsOrders,          // GET  /v3/orders/wfsorders (MX)
  kDeliveryUpdates,          // POST /v3/orders/{purchaseOrderId}/deliver (MX)
  kPostBulkShippingLabel,    // POST /v3/orders/labels (MX)
  kGetShippingLabel,         // GET  /v3/orders/label/{trackingNumber} (MX)
  // Walmart's Notifications API (us_mp_notifications.json), reference §11.2.
  kGetEventTypes,        // GET    /v3/webhooks/eventTypes
  kCreateSubscription,   // POST   /v3/webhooks/subscriptions
  kGetAllSubscriptions,  // GET    /v3/webhooks/subscriptions
  kUpdateSubscription,   // PATCH  /v3/webhooks/subscriptions/{subscriptionId}
  kDeleteSubscription,   // DELETE /v3/webhooks/subscriptions/{subscriptionId}
  kTestNotification,     // POST   /v3/webhooks/test
};

constexpr std::size_t kEndpointGroupCount = 18;

constexpr std::array<EndpointGroup, kEndpointGroupCount> kAllEndpointGroups = {
    EndpointGroup::kGetAllOrders,     EndpointGroup::kGetAllReleasedOrders,
    EndpointGroup::kGetAnOrder,       EndpointGroup::kAcknowledgeOrders,
    EndpointGroup::kCancelOrderLines, EndpointGroup::kShippingUpdates,
    EndpointGroup::kRefundOrderLines,
    EndpointGroup::kGetAllOrdersUsingCursor, EndpointGroup::kGetAllWfsOrders,
    EndpointGroup::kDeliveryUpdates,  EndpointGroup::kPostBulkShippingLabel,
    EndpointGroup::kGetShippingLabel,
    EndpointGroup::kGetEventTypes,    EndpointGroup::kCreateSubscription,
    EndpointGroup::kGetAllSubscriptions, EndpointGroup::kUpdateSubscription,
    EndpointGroup::kDeleteSubscription, EndpointGroup::kTestNotification,
};

// "getAllOrders", "acknowledgeOrders", ...
std::string_view EndpointGroupName(EndpointGroup group);
// The group named `name` (exact spelling), or nullopt.
std::optional<EndpointGroup> EndpointGroupFromName(std::string_view name);

// Requests per minute for each group, indexed by EndpointGroup.
using GroupLimits = std::array<std::int64_t, kEndpointGroupCount>;

// Walmart's documented US limits: 5000/min for the reads, 60/min for each
// write. Mexico's own groups, for which Walmart publishes nothing, follow the
// same rule: reads 5000, writes (deliver, bulk labels) 60. Walmart's figure for /released is uncertain (one source says 60);
// it is the same query as getAllOrders, so it gets the same 5000.
GroupLimits DefaultGroupLimits();

// Where a market's published limits differ from the US ones, keyed by market
// code: Mexico's getAllOrders is 60/min (reference §11.2, MX column), and
// so is its cursor read, the same query paged another way.
std::map<std::string, std::map<EndpointGroup, std::int64_t>> DefaultMarketLimits();

}  // namespace mporders::ratelimit
