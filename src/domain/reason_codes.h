#pragma once
// The closed vocabularies of the US cancel and refund requests
// (us_mp_orders.json: CancelLineStatusType.cancellationReason and
// RefundChargeType.refundReason). Matched exactly, case-sensitively.

#include <span>
#include <string_view>

namespace mporders {

inline constexpr std::string_view kCustomerRequestedSellerToCancel =
    "CUSTOMER_REQUESTED_SELLER_TO_CANCEL";

std::span<const std::string_view> UsCancellationReasons();
std::span<const std::string_view> UsRefundReasons();

bool IsUsCancellationReason(std::string_view reason);
bool IsUsRefundReason(std::string_view reason);

}  // namespace mporders
