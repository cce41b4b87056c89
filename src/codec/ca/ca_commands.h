#pragma once
// Request bodies of Canada's write endpoints (ca_mp_orders.json
// OrderShipment, OrderCancellation, OrderRefund), XML (the API's default) and
// JSON, decoded to the same domain commands as the US bodies.
//
// - JSON: the schema's bare object ({"orderLines": ...}); the US envelope
//   ({"orderShipment": {...}}) is accepted as well.
// - XML: the root orderShipment / orderCancellation / orderRefund in an
//   orders namespace (xml_reader.h: an unqualified root is refused, as
//   Walmart's parser does).
// - methodCode in the schema's (ONE_DAY) or the examples' (OneDay) spelling,
//   any case, becomes the domain's (OneDay); statuses in any case.
// - Shipping: every line needs shipFromCountry, an ISO 3166 alpha-2 code of
//   the schema's enum (upper case); kInvalidRequestContent naming the field
//   (orderShipment.orderLines.orderLine[i].shipFromCountry) otherwise.
// Other rules and errors as command_json.h.

#include <string_view>

#include "core/status.h"
#include "domain/commands.h"

namespace mporders::ca {

Result<ShipCommand> DecodeShipCommandJson(std::string_view json);
Result<ShipCommand> DecodeShipCommandXml(std::string_view xml);
Result<CancelCommand> DecodeCancelCommandJson(std::string_view json);
Result<CancelCommand> DecodeCancelCommandXml(std::string_view xml);
Result<RefundCommand> DecodeRefundCommandJson(std::string_view json);
Result<RefundCommand> DecodeRefundCommandXml(std::string_view xml);

}  // namespace mporders::ca
