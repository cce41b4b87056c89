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

// Canada's legacy API (ca_mp_orders.json): XML unless Accept asks for JSON,
// except the WFS list, which the spec defines in JSON only.
std::vector<OrderRoute> CanadaOrderRoutes() {
  using boost::beast::http::verb;
  using Group = ratelimit::EndpointGroup;
  constexpr BodyFormat kXml = BodyFormat::kXml;
  return {
      {verb::get, "/v3/ca/orders", GetCaOrders, Group::kGetAllOrders, kXml},
      {verb::get, "/v3/ca/orders/released", GetCaReleasedOrders, Group::kGetAllReleasedOrders,
       kXml},
      {verb::get, "/v3/ca/orders/wfs", GetCaWfsOrders, Group::kGetAllOrders, BodyFormat::kJson},
      {verb::get, "/v3/ca/orders/{purchaseOrderId}", GetCaOrder, Group::kGetAnOrder, kXml},
      {verb::post, "/v3/ca/orders/{purchaseOrderId}/acknowledge", PostCaAcknowledge,
       Group::kAcknowledgeOrders, kXml},
      {verb::post, "/v3/ca/orders/{purchaseOrderId}/cancel", PostCaCancel, Group::kCancelOrderLines,
       kXml},
      {verb::post, "/v3/ca/orders/{purchaseOrderId}/shipping", PostCaShipping,
       Group::kShippingUpdates, kXml},
      {verb::post, "/v3/ca/orders/{purchaseOrderId}/refund", PostCaRefund,
       Group::kRefundOrderLines, kXml},
  };
}

}  // namespace mporders::api
