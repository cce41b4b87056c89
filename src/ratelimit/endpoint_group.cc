#include "ratelimit/endpoint_group.h"

namespace mporders::ratelimit {

std::string_view EndpointGroupName(EndpointGroup group) {
  switch (group) {
    case EndpointGroup::kGetAllOrders:
      return "getAllOrders";
    case EndpointGroup::kGetAllReleasedOrders:
      return "getAllReleasedOrders";
    case EndpointGroup::kGetAnOrder:
      return "getAnOrder";
    case EndpointGroup::kAcknowledgeOrders:
      return "acknowledgeOrders";
    case EndpointGroup::kCancelOrderLines:
      return "cancelOrderLines";
    case EndpointGroup::kShippingUpdates:
      return "shippingUpdates";
    case EndpointGroup::kRefundOrderLines:
      return "refundOrderLines";
    case EndpointGroup::kGetAllOrdersUsingCursor:
      return "getAllOrdersUsingCursor";
    case EndpointGroup::kGetAllWfsOrders:
      return "getAllWFSOrders";
    case EndpointGroup::kDeliveryUpdates:
      return "deliveryUpdates";
    case EndpointGroup::kPostBulkShippingLabel:
      return "postBulkShippingLabel";
    case EndpointGroup::kGetShippingLabel:
      return "getShippingLabel";
    case EndpointGroup::kGetEventTypes:
      return "getEventTypes";
    case EndpointGroup::kCreateSubscription:
      return "createSubscription";
    case EndpointGroup::kGetAllSubscriptions:
      return "getAllSubscriptions";
    case EndpointGroup::kUpdateSubscription:
      return "updateSubscription";
    case EndpointGroup::kDeleteSubscription:
      return "deleteSubscription";
    case EndpointGroup::kTestNotification:
      return "testNotification";
  }
  return "unknown";
}

std::optional<EndpointGroup> EndpointGroupFromName(std::string_view name) {
  for (EndpointGroup group : kAllEndpointGroups) {
    if (EndpointGroupName(group) == name) return group;
  }
  return std::nullopt;
}

GroupLimits DefaultGroupLimits() {
  GroupLimits limits{};
  limits[static_cast<std::size_t>(EndpointGroup::kGetAllOrders)] = 5000;
  limits[static_cast<std::size_t>(EndpointGroup::kGetAllReleasedOrders)] = 5000;
  limits[static_cast<std::size_t>(EndpointGroup::kGetAnOrder)] = 5000;
  limits[static_cast<std::size_t>(EndpointGroup::kAcknowledgeOrders)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kCancelOrderLines)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kShippingUpdates)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kRefundOrderLines)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kGetAllOrdersUsingCursor)] = 5000;
  limits[static_cast<std::size_t>(EndpointGroup::kGetAllWfsOrders)] = 5000;
  limits[static_cast<std::size_t>(EndpointGroup::kDeliveryUpdates)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kPostBulkShippingLabel)] = 60;
  limits[static_cast<std::size_t>(EndpointGroup::kGetShippingLabel)] = 5000;
  // Webhooks (reference §11.2).
  limits[static_cast<std::size_t>(EndpointGroup::kGetEventTypes)] = 5;
  limits[static_cast<std::size_t>(EndpointGroup::kCreateSubscription)] = 200;
  limits[static_cast<std::size_t>(EndpointGroup::kGetAllSubscriptions)] = 50;
  limits[static_cast<std::size_t>(EndpointGroup::kUpdateSubscription)] = 5;
  limits[static_cast<std::size_t>(EndpointGroup::kDeleteSubscription)] = 10;
  limits[static_cast<std::size_t>(EndpointGroup::kTestNotification)] = 10;
  return limits;
}

std::map<std::string, std::map<EndpointGroup, std::int64_t>> DefaultMarketLimits() {
  return {{"MX",
           {{EndpointGroup::kGetAllOrders, 60}, {EndpointGroup::kGetAllOrdersUsingCursor, 60}}}};
}

}  // namespace mporders::ratelimit
