#include "domain/reason_codes.h"

#include <algorithm>
#include <array>

namespace mporders {
namespace {

constexpr std::array<std::string_view, 5> kCancellationReasons = {
    kCustomerRequestedSellerToCancel,
    "SELLER_CANCEL_PRICING_ERROR",
    "SELLER_CANCEL_OUT_OF_STOCK",
    "SELLER_CANCEL_FRAUD_STOP_SHIPMENT",
    "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE",
};

constexpr std::array<std::string_view, 22> kRefundReasons = {
    "BillingError",
    "TaxExemptCustomer",
    "ItemNotAsAdvertised",
    "IncorrectItemReceived",
    "CancelledYetShipped",
    "ItemNotReceivedByCustomer",
    "IncorrectShippingPrice",
    "DamagedItem",
    "DefectiveItem",
    "CustomerChangedMind",
    "CustomerReceivedItemLate",
    "Missing Parts / Instructions",
    "Finance -> Goodwill",
    "Finance -> Rollback",
    "Buyer canceled",
    "Customer returned item",
    "General adjustment",
    "Merchandise not received",
    "Quality -> Missing Parts / Instructions",
    "Shipping & Delivery -> Damaged",
    "Shipping & Delivery -> Shipping Price Discrepancy",
    "Others",
};

}  // namespace

std::span<const std::string_view> UsCancellationReasons() { return kCancellationReasons; }
std::span<const std::string_view> UsRefundReasons() { return kRefundReasons; }

bool IsUsCancellationReason(std::string_view reason) {
  return std::find(kCancellationReasons.begin(), kCancellationReasons.end(), reason) !=
         kCancellationReasons.end();
}

bool IsUsRefundReason(std::string_view reason) {
  return std::find(kRefundReasons.begin(), kRefundReasons.end(), reason) != kRefundReasons.end();
}

}  // namespace mporders
