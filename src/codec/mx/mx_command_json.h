#pragma once
// Request bodies of Mexico's order writes (mx_mp_orders.json): acknowledge
// (OrderAckRequest), ship (ShipmentMx), deliver (Deliver) and bulk labels
// (ShippingLabelRequest). Cancel takes the US body (command_json.h).
// Errors: kMalformedRequestContent when the body is not JSON;
// kInvalidRequestContent naming the member (its JSON path) that is missing or
// of the wrong type.

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "domain/commands.h"

namespace mporders {

// {"orderAcknowledge":{"orderLines":{"orderLine":[{"lineNumber","orderLineStatuses":
//   {"orderLineStatus":[{"status","statusQuantity":{"amount"}}]}}]}}}; a line's
// entries are summed.
Result<AcknowledgeLinesCommand> DecodeMxAcknowledgeJson(std::string_view json);

// {"shipments":[{"shipmentLines":[{"primeLineNo","shipmentLineNo","quantity":{"amount"}}],
//   "trackingNumber","trackingURL","carrier"}]}
Result<MxShipCommand> DecodeMxShipJson(std::string_view json);

// {"packages":[{"trackingNo","eventTime":"<epoch ms>","eventName","purchaseOrderNo","packageNo"}]}
Result<MxDeliverCommand> DecodeMxDeliverJson(std::string_view json);

// {"trackingNumbers":["..."]}: 1 to `max` non-empty strings.
Result<std::vector<std::string>> DecodeMxLabelRequestJson(std::string_view json, std::size_t max);

}  // namespace mporders
