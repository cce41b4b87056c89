#include "api/endpoints.h"

namespace mporders::api {

std::vector<OrderRoute> OrderRoutes() {
  using boost::beast::http::verb;
  using Group = ratelimit::EndpointGroup;
  return {
      {verb::get, "/v3/orders", GetAllOrders, Group::kGetAllOrders},
      {verb::get, "/v3/orders/released", GetReleasedOrders, Group::kGetAllReleasedOrders},
      {verb::get, "/v3/orders/{purchaseOrderId}", GetOrder, Group::kGetAnOrder},
      {verb::post, "/v3/orders/{purchaseOrderId}/acknowledge", PostAcknowledge,
       Group::kAcknowledgeOrders},
      {verb::post, "/v3/orders/{purchaseOrderId}/cancel", PostCancel, Group::kCancelOrderLines},
      {verb::post, "/v3/orders/{purchaseOrderId}/shipping", PostShipping, Group::kShippingUpdates},
      {verb::post, "/v3/orders/{purchaseOrderId}/refund", PostRefund, Group::kRefundOrderLines},
  };
}

// Mexico's legacy API (mx_mp_orders.json): an MX seller's /v3/orders calls.
// It has no GET of one order and no refund.
std::vector<OrderRoute> MexicoOrderRoutes() {
  using boost::beast::http::verb;
  using Group = ratelimit::EndpointGroup;
  return {
      {verb::get, "/v3/orders", GetMxOrders, Group::kGetAllOrders},
      {verb::get, "/v3/orders/cursor", GetMxOrdersCursor, Group::kGetAllOrdersUsingCursor},
      {verb::get, "/v3/orders/wfsorders", GetMxWfsOrders, Group::kGetAllWfsOrders},
      {verb::post, "/v3/orders/labels", PostMxLabels, Group::kPostBulkShippingLabel},
      {verb::get, "/v3/orders/label/{trackingNumber}", GetMxLabel, Group::kGetShippingLabel},
      {verb::post, "/v3/orders/{purchaseOrderId}/acknowledge", PostMxAcknowledge,
       Group::kAcknowledgeOrders},
      {verb::post, "/v3/orders/{purchaseOrderId}/cancel", PostMxCancel, Group::kCancelOrderLines},
      {verb::post, "/v3/orders/{purchaseOrderId}/ship", PostMxShip, Group::kShippingUpdates},
      {verb::post, "/v3/orders/{purchaseOrderId}/deliver", PostMxDeliver, Group::kDeliveryUpdates},
  };
}

// Canada's legacy API (ca_mp_orders.json) is not served yet.
std::vector<OrderRoute> CanadaOrderRoutes() { return {}; }

}  // namespace mporders::api
