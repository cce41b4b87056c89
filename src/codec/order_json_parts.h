#pragma once
// Decoders for the object types that order documents and write requests
// share. Each takes the JSON value and its path, fills `out` (unknown members
// into `out.extras`) and reports kInvalidRequestContent with field = the path
// of the offending member. Internal to codec/.

#include <string>

#include "codec/json_tree.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders {

// {unitOfMeasurement: EACH|EA (any case, kept as sent), amount: "<digits>" or
// an integer}. The amount must be >= 0.
Status DecodeQuantity(const JsonNode& value, const std::string& path, Quantity& out);

// {currency, amount: number}; the amount must be a whole number of hundredths.
// Members other than these two are not kept (Money has no extras).
Status DecodeMoney(const JsonNode& value, const std::string& path, Money& out);

// {chargeType, chargeName, chargeAmount, tax?}.
Status DecodeCharge(const JsonNode& value, const std::string& path, Charge& out);

// {shipDateTime, carrierName, methodCode, carrierMethodCode?, trackingNumber,
// trackingURL?}. `carrierName` may also be a bare string (the carrier);
// `shipDateTime` epoch ms as a number, or a numeric or ISO-8601 string.
Status DecodeTrackingInfo(const JsonNode& value, const std::string& path, TrackingInfo& out);

Status DecodeReturnCenterAddress(const JsonNode& value, const std::string& path,
                                 ReturnCenterAddress& out);

// {refundId?, refundComments?, refundCharges: {refundCharge: [...]}}.
Status DecodeRefund(const JsonNode& value, const std::string& path, Refund& out);

}  // namespace mporders
