#pragma once
// Decoders from a document tree to the model, shared by the JSON front end
// (which builds the tree with ParseJsonTree) and the XML one (ParseXmlTree),
// so both representations follow one set of rules and report the same errors.
// Internal to codec/.

#include "codec/json_tree.h"
#include "core/status.h"
#include "domain/commands.h"
#include "domain/order.h"

namespace mporders {

// `root` is {"order": {...}} or a bare order object. As DecodeOrderJson.
Result<Order> DecodeOrderTree(const JsonNode& root);

// `root` is {"orderShipment": {...}}, {"orderCancellation": {...}},
// {"orderRefund": {...}}. As the *CommandJson decoders.
Result<ShipCommand> DecodeShipCommandTree(const JsonNode& root);
Result<CancelCommand> DecodeCancelCommandTree(const JsonNode& root);
Result<RefundCommand> DecodeRefundCommandTree(const JsonNode& root);

}  // namespace mporders
