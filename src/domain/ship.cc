// Ship: seller confirms shipment of open quantity, package by package.

#include <utility>

#include "domain/lifecycle.h"
#include "domain/line_buckets.h"
#include "domain/shipment_rules.h"
#include "domain/tracking_correction.h"

namespace mporders {

using lifecycle_internal::AddClamped;
using lifecycle_internal::CheckLineNumbers;
using lifecycle_internal::CorrectTracking;
using lifecycle_internal::DescribeQuantities;
using lifecycle_internal::EqualsIgnoreCase;
using lifecycle_internal::FindLine;
using lifecycle_internal::HasIntentToCancel;
using lifecycle_internal::IsWalmartFulfilled;
using lifecycle_internal::LineNotFound;
using lifecycle_internal::MakeBucket;
using lifecycle_internal::NormalizeBuckets;
using lifecycle_internal::QuantityIn;
using lifecycle_internal::ShipErrorPrefix;
using lifecycle_internal::TakeQuantity;
using lifecycle_internal::ValidateShipLineShape;

namespace {

constexpr std::string_view kOverShipped =
    "Qty OverShipped : Some or All Line(s)/Qty cannot be Shipped due to invalid Lines Or invalid "
    "Qty Or Qty more than allowed";

std::int64_t ShippableQuantity(const OrderLine& line, const LifecyclePolicy& policy) {
  std::int64_t open = QuantityIn(line, LineStatus::kAcknowledged);
  if (!policy.ship_requires_acknowledged) open += QuantityIn(line, LineStatus::kCreated);
  return open;
}

Status ValidateNewShipment(const Order& order, const ShipLine& request, const OrderLine& line,
                           const LifecycleContext& ctx) {
  const std::string prefix = ShipErrorPrefix(order);
  const std::string at = prefix + "line " + request.line_number + ": ";
  if (HasIntentToCancel(line) && !request.intent_to_cancel_override) {
    return Status::InvalidContent(at + "the customer asked to cancel this line (intentToCancel); "
                                       "set intentToCancelOverride to true to ship it anyway",
                                  "intentToCancelOverride");
  }
  std::int64_t requested = 0;
  for (const ShipPackage& package : request.packages) {
    requested = AddClamped(requested, package.quantity);
  }
  const std::int64_t open = ShippableQuantity(line, ctx.policy);
  if (requested <= open) return Status::Ok();

  const bool created_is_open = !ctx.policy.ship_requires_acknowledged;
  std::string state = DescribeQuantities(line, [created_is_open](LineStatus status) {
    return status == LineStatus::kAcknowledged ||
           (created_is_open && status == LineStatus::kCreated);
  });
  if (state.empty()) state = "the line has " + std::to_string(open) + " qty";
  if (!created_is_open && QuantityIn(line, LineStatus::kCreated) > 0) {
    state += " (Created qty must be acknowledged before it can be shipped)";
  }
  return Status::InvalidContent(prefix + std::string(kOverShipped) + ". line " +
                                request.line_number + ": only " + std::to_string(open) + " of " +
                                std::to_string(requested) + " qty can be shipped; " + state);
}

// The carrier a package names: carrierName.carrier, else otherCarrier.
std::string CarrierOf(const TrackingInfo& tracking) {
  return tracking.carrier_name.carrier.value_or(tracking.carrier_name.other_carrier.value_or(""));
}

// Markets with one carrier per line (Canada): a line may ship in several
// packages, in one request or several, but all of them with one carrier and
// from one country. Several lines may still share a package.
Status ValidateOneCarrierPerLine(const Order& order, const ShipLine& request,
                                 const OrderLine& line) {
  const std::string at = ShipErrorPrefix(order) + "line " + request.line_number + ": ";
  std::string carrier = CarrierOf(request.packages.front().tracking_info);
  for (const ShipPackage& package : request.packages) {
    if (CarrierOf(package.tracking_info) != carrier) {
      return Status::InvalidContent(at + "all packages of a line must ship with one carrier; got '" +
                                        carrier + "' and '" + CarrierOf(package.tracking_info) +
                                        "'",
                                    "carrierName");
    }
  }
  for (const OrderLineStatus& bucket : line.statuses) {
    if (!bucket.tracking_info) continue;
    const std::string shipped_with = CarrierOf(*bucket.tracking_info);
    if (shipped_with != carrier) {
      return Status::InvalidContent(at + "all packages of a line must ship with one carrier; it "
                                         "already shipped with '" +
                                        shipped_with + "', not '" + carrier + "'",
                                    "carrierName");
    }
  }
  const std::optional<std::string> country = ShipFromCountry(line);
  if (country && request.ship_from_country && *country != *request.ship_from_country) {
    return Status::InvalidContent(at + "all packages of a line must ship from one country; it "
                                       "already shipped from " +
                                      *country + ", not " + *request.ship_from_country,
                                  "shipFromCountry");
  }
  return Status::Ok();
}

void ApplyNewShipment(OrderLine& line, const ShipLine& request, const LifecycleContext& ctx) {
  for (const ShipPackage& package : request.packages) {
    const std::int64_t acknowledged =
        TakeQuantity(line, LineStatus::kAcknowledged, package.quantity);
    // Validation guarantees the rest is Created quantity the policy lets ship.
    TakeQuantity(line, LineStatus::kCreated, package.quantity - acknowledged);
    OrderLineStatus shipped = MakeBucket(LineStatus::kShipped, package.quantity);
    shipped.tracking_info = package.tracking_info;
    shipped.return_center_address = package.return_center_address;
    line.statuses.push_back(std::move(shipped));
  }
  if (request.seller_order_id) line.seller_order_id = request.seller_order_id;
  if (request.ship_from_country) SetShipFromCountry(line, *request.ship_from_country);
  NormalizeBuckets(line);
  line.status_date = ctx.now;
}

}  // namespace

Status Ship(Order& order, const ShipCommand& command, const LifecycleContext& ctx,
            const CarrierList& carriers) {
  const std::string prefix = ShipErrorPrefix(order);
  if (IsWalmartFulfilled(order)) {
    return Status::InvalidContent(prefix + "WFS fulfilled orders are shipped by Walmart");
  }
  bool correction = false;
  if (command.process_mode) {
    if (!EqualsIgnoreCase(*command.process_mode, "PARTIAL_UPDATE")) {
      return Status::InvalidContent(
          prefix + "processMode must be PARTIAL_UPDATE, not '" + *command.process_mode + "'",
          "processMode");
    }
    correction = true;
  }
  std::vector<std::string> numbers;
  for (const ShipLine& request : command.lines) numbers.push_back(request.line_number);
  MP_RETURN_IF_ERROR(CheckLineNumbers(numbers, prefix));

  // Validate every line before changing any.
  for (const ShipLine& request : command.lines) {
    const OrderLine* line = FindLine(std::as_const(order), request.line_number);
    if (line == nullptr) return LineNotFound(order, request.line_number);
    MP_RETURN_IF_ERROR(
        ValidateShipLineShape(prefix + "line " + request.line_number + ": ", request, carriers,
                              *ctx.market));
    if (!correction) MP_RETURN_IF_ERROR(ValidateNewShipment(order, request, *line, ctx));
    if (!correction && ctx.market->one_carrier_per_line()) {
      MP_RETURN_IF_ERROR(ValidateOneCarrierPerLine(order, request, *line));
    }
  }

  Order result = order;
  for (const ShipLine& request : command.lines) {
    OrderLine& line = *FindLine(result, request.line_number);
    if (correction) {
      // Checks that depend on the buckets found run here, on the copy.
      MP_RETURN_IF_ERROR(CorrectTracking(prefix, line, request, ctx));
    } else {
      ApplyNewShipment(line, request, ctx);
    }
  }
  order = std::move(result);
  return Status::Ok();
}

}  // namespace mporders
