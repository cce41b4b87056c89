#include "store/webhook_store.h"

namespace mporders {

const char* DeliveryStatusName(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kPending:
      return "PENDING";
    case DeliveryStatus::kRetrying:
      return "RETRYING";
    case DeliveryStatus::kDelivered:
      return "DELIVERED";
    case DeliveryStatus::kFailed:
      return "FAILED";
  }
  return "PENDING";
}

std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view text) {
  for (DeliveryStatus status : {DeliveryStatus::kPending, DeliveryStatus::kRetrying,
                                DeliveryStatus::kDelivered, DeliveryStatus::kFailed}) {
    if (text == DeliveryStatusName(status)) return status;
  }
  return std::nullopt;
}

}  // namespace mporders
