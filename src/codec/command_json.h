#pragma once
// Request bodies of the write endpoints, JSON form.

#include <string_view>

#include "core/status.h"
#include "domain/commands.h"

namespace mporders {

// {"orderShipment":{"processMode"?, "orderLines":{"orderLine":[...]}}}
Result<ShipCommand> DecodeShipCommandJson(std::string_view json);
// {"orderCancellation":{"orderLines":{"orderLine":[...]}}}
Result<CancelCommand> DecodeCancelCommandJson(std::string_view json);
// {"orderRefund":{"purchaseOrderId", "orderLines":{"orderLine":[...]}}}
Result<RefundCommand> DecodeRefundCommandJson(std::string_view json);

}  // namespace mporders
