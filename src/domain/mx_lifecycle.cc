// Mexico's writes: the shared quantity rules plus the order's shipments.

#include "domain/mx_lifecycle.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "domain/line_buckets.h"
#include "domain/stable_hash.h"

namespace mporders {

using lifecycle_internal::EqualsIgnoreCase;
using lifecycle_internal::FindLine;
using lifecycle_internal::LineNotFound;
using lifecycle_internal::NormalizeBuckets;

namespace {

constexpr std::string_view kDefaultCarrier = "MX-FEDX";

// `digits` decimal digits, the first one not zero.
std::string StableDigits(std::string_view seed, int digits) {
  std::uint64_t value = StableHash(seed);
  std::string out;
  for (int i = 0; i < digits; ++i) {
    out.push_back(static_cast<char>('0' + value % 10));
    value /= 10;
  }
  if (out.front() == '0') out.front() = '7';
  return out;
}

std::int64_t OpenQuantity(const OrderLine& line) {
  return QuantityIn(line, LineStatus::kCreated) + QuantityIn(line, LineStatus::kAcknowledged);
}

// Open shipments keep only quantity that is still open on their lines, in
// shipment order; one left with nothing is closed.
void ReconcileOpenShipments(Order& order) {
  if (!order.mx) return;
  std::map<std::string, std::int64_t> available;
  for (const OrderLine& line : order.order_lines) available[line.line_number] = OpenQuantity(line);
  for (MxShipment& shipment : order.mx->shipments) {
    if (shipment.status != kMxShipmentCreated) continue;
    for (MxShipmentLine& part : shipment.lines) {
      std::int64_t& left = available[part.prime_line_no];
      part.quantity = std::min(part.quantity, left);
      left -= part.quantity;
    }
    std::erase_if(shipment.lines, [](const MxShipmentLine& part) { return part.quantity <= 0; });
    if (shipment.lines.empty()) shipment.status = kMxShipmentCancelled;
  }
}

MxShipment* FindShipment(Order& order, std::string_view tracking_number) {
  if (!order.mx) return nullptr;
  for (MxShipment& shipment : order.mx->shipments) {
    if (shipment.tracking_number && *shipment.tracking_number == tracking_number) return &shipment;
  }
  return nullptr;
}

Status ValidateShipment(const std::string& at, const MxShipmentRequest& request, const Order& order,
                        const Market& market) {
  if (request.lines.empty()) {
    return Status::InvalidContent(at + "shipmentLines must not be empty", "shipmentLines");
  }
  if (request.carrier.empty()) return Status::InvalidContent(at + "carrier is required", "carrier");
  if (!market.carriers().Contains(request.carrier)) {
    return Status::InvalidContent(at + "carrier '" + request.carrier +
                                      "' is not one of MX-FEDX, MX-DHL, Estafeta, SFC, Other",
                                  "carrier");
  }
  if (!request.tracking_number || request.tracking_number->empty()) {
    return Status::InvalidContent(at + "trackingNumber is required", "trackingNumber");
  }
  if (request.carrier == "Other" && (!request.tracking_url || request.tracking_url->empty())) {
    return Status::InvalidContent(at + "trackingURL is required with carrier Other", "trackingURL");
  }
  for (const MxShipmentLine& part : request.lines) {
    if (FindLine(order, part.prime_line_no) == nullptr) {
      return LineNotFound(order, part.prime_line_no);
    }
    if (part.quantity < 1) {
      return Status::InvalidContent(
          at + "line " + part.prime_line_no + ": quantity must be at least 1", "quantity");
    }
  }
  return Status::Ok();
}

}  // namespace

void OpenMxShipments(Order& order, EpochMillis now) {
  if (!order.mx) order.mx = MxOrderData{};
  for (OrderLine& line : order.order_lines) {
    if (!line.mx) line.mx = MxLine{};
    if (line.mx->co_line_number.empty()) line.mx->co_line_number = line.line_number;
    if (line.mx->so_prime_line_sub_line_no.empty()) {
      line.mx->so_prime_line_sub_line_no = order.customer_order_id + "-" + line.line_number + "-1";
    }
  }
  std::map<std::string, std::int64_t> covered;
  // Only open shipments hold open quantity; shipped ones hold shipped units.
  for (const MxShipment& shipment : order.mx->shipments) {
    if (shipment.status != kMxShipmentCreated) continue;
    for (const MxShipmentLine& part : shipment.lines) covered[part.prime_line_no] += part.quantity;
  }
  for (const OrderLine& line : order.order_lines) {
    const std::int64_t uncovered = OpenQuantity(line) - covered[line.line_number];
    if (uncovered <= 0) continue;
    MxShipment shipment;
    shipment.carrier = std::string(kDefaultCarrier);
    shipment.lines.push_back(MxShipmentLine{line.line_number, "1", uncovered});
    shipment.created_date = now;
    shipment.expected_ack_date = now + kMxAckWindow;
    order.mx->shipments.push_back(std::move(shipment));
  }
  int index = 0;
  for (MxShipment& shipment : order.mx->shipments) {
    ++index;
    const std::string seed = order.purchase_order_id + "#" + std::to_string(index);
    if (shipment.shipment_no.empty()) shipment.shipment_no = StableDigits(seed, 9);
    if (shipment.package_no.empty()) shipment.package_no = shipment.shipment_no;
    if (!shipment.tracking_number && shipment.status == kMxShipmentCreated) {
      shipment.tracking_number = StableDigits("tracking:" + seed, 12);
    }
  }
}

Status MxAcknowledge(Order& order, const AcknowledgeLinesCommand& command,
                     const LifecycleContext& ctx) {
  Order result = order;
  MP_RETURN_IF_ERROR(AcknowledgeLines(result, command, ctx));
  if (result.mx) {
    std::set<std::string> acknowledged;
    for (const AcknowledgeLine& line : command.lines) acknowledged.insert(line.line_number);
    for (MxShipment& shipment : result.mx->shipments) {
      if (shipment.status != kMxShipmentCreated) continue;
      for (const MxShipmentLine& part : shipment.lines) {
        if (acknowledged.contains(part.prime_line_no)) {
          shipment.ack_date = ctx.now;
          shipment.expected_shipped_date = ctx.now + kMxShipWindow;
          break;
        }
      }
    }
  }
  order = std::move(result);
  return Status::Ok();
}

Status MxShip(Order& order, const MxShipCommand& command, const LifecycleContext& ctx) {
  const std::string prefix =
      "Failed when called shipConfirm API for " + order.purchase_order_id + ". ";
  if (command.shipments.empty()) {
    return Status::InvalidContent(prefix + "shipments must not be empty", "shipments");
  }
  std::set<std::string> tracking_numbers;
  ShipCommand ship;
  for (std::size_t i = 0; i < command.shipments.size(); ++i) {
    const MxShipmentRequest& request = command.shipments[i];
    const std::string at = prefix + "shipments[" + std::to_string(i) + "]: ";
    MP_RETURN_IF_ERROR(ValidateShipment(at, request, order, *ctx.market));
    if (!tracking_numbers.insert(*request.tracking_number).second) {
      return Status::InvalidContent(
          at + "trackingNumber " + *request.tracking_number + " is given to two shipments",
          "trackingNumber");
    }
    if (const MxShipment* known = FindMxShipment(order, *request.tracking_number);
        known != nullptr && known->status != kMxShipmentCreated) {
      return Status::InvalidContent(at + "trackingNumber " + *request.tracking_number +
                                        " belongs to a shipment that is " + known->status,
                                    "trackingNumber");
    }
    for (const MxShipmentLine& part : request.lines) {
      auto line = std::find_if(ship.lines.begin(), ship.lines.end(), [&](const ShipLine& l) {
        return l.line_number == part.prime_line_no;
      });
      if (line == ship.lines.end()) {
        ShipLine added;
        added.line_number = part.prime_line_no;
        ship.lines.push_back(std::move(added));
        line = ship.lines.end() - 1;
      }
      ShipPackage package;
      package.quantity = part.quantity;
      package.status = "Shipped";
      package.tracking_info.ship_date_time = ctx.now;
      package.tracking_info.carrier_name.carrier = request.carrier;
      package.tracking_info.method_code = "Standard";
      package.tracking_info.tracking_number = *request.tracking_number;
      package.tracking_info.tracking_url = request.tracking_url;
      line->packages.push_back(std::move(package));
    }
  }
  Order result = order;
  MP_RETURN_IF_ERROR(Ship(result, ship, ctx, ctx.market->carriers()));
  if (!result.mx) result.mx = MxOrderData{};
  for (const MxShipmentRequest& request : command.shipments) {
    MxShipment* shipment = FindShipment(result, *request.tracking_number);
    if (shipment == nullptr) {
      MxShipment added;
      added.shipment_no = StableDigits(
          result.purchase_order_id + "#" + std::to_string(result.mx->shipments.size() + 1), 9);
      added.seller_owned = true;
      added.created_date = ctx.now;
      result.mx->shipments.push_back(std::move(added));
      shipment = &result.mx->shipments.back();
    }
    shipment->status = kMxShipmentShipped;
    shipment->package_no = shipment->shipment_no + "_1";
    shipment->carrier = request.carrier;
    shipment->tracking_number = request.tracking_number;
    shipment->tracking_url = request.tracking_url;
    shipment->ship_date_time = ctx.now;
    shipment->shipped_date = ctx.now;
    shipment->lines = request.lines;
    for (std::size_t i = 0; i < shipment->lines.size(); ++i) {
      shipment->lines[i].shipment_line_no = std::to_string(i + 1);
    }
  }
  ReconcileOpenShipments(result);
  order = std::move(result);
  return Status::Ok();
}

Status MxCancel(Order& order, const CancelCommand& command, const LifecycleContext& ctx) {
  Order result = order;
  MP_RETURN_IF_ERROR(Cancel(result, command, ctx));
  ReconcileOpenShipments(result);
  order = std::move(result);
  return Status::Ok();
}

Status MxDeliver(Order& order, const MxDeliverCommand& command, const LifecycleContext& ctx) {
  const std::string prefix = "Failed to deliver PO " + order.purchase_order_id + ". ";
  if (command.packages.empty()) {
    return Status::InvalidContent(prefix + "packages must not be empty", "packages");
  }
  Order result = order;
  for (std::size_t i = 0; i < command.packages.size(); ++i) {
    const MxDeliveryPackage& package = command.packages[i];
    const std::string at = prefix + "packages[" + std::to_string(i) + "]: ";
    if (package.event_name != "DELIVERY_UPDATE") {
      return Status::InvalidContent(
          at + "eventName must be DELIVERY_UPDATE, not '" + package.event_name + "'", "eventName");
    }
    if (package.purchase_order_no && *package.purchase_order_no != order.purchase_order_id) {
      return Status::InvalidContent(
          at + "purchaseOrderNo " + *package.purchase_order_no + " is not this order",
          "purchaseOrderNo");
    }
    MxShipment* shipment = FindShipment(result, package.tracking_no);
    if (shipment == nullptr ||
        (package.package_no && *package.package_no != shipment->package_no)) {
      return Status::InvalidContent(
          at + "no package of this order has trackingNo " + package.tracking_no +
              (package.package_no ? " and packageNo " + *package.package_no : std::string()),
          "trackingNo");
    }
    if (shipment->status != kMxShipmentShipped) {
      return Status::InvalidContent(
          at + "package " + package.tracking_no + " is not shipped (" + shipment->status + ")",
          "trackingNo");
    }
    if (shipment->delivered_date) {
      return Status::InvalidContent(at + "package " + package.tracking_no + " is already delivered",
                                    "trackingNo");
    }
    for (const MxShipmentLine& part : shipment->lines) {
      OrderLine* line = FindLine(result, part.prime_line_no);
      if (line == nullptr) continue;
      bool changed = false;
      for (OrderLineStatus& bucket : line->statuses) {
        if (bucket.status == LineStatus::kShipped && bucket.tracking_info &&
            bucket.tracking_info->tracking_number == package.tracking_no) {
          bucket.status = LineStatus::kDelivered;
          changed = true;
        }
      }
      if (changed) {
        NormalizeBuckets(*line);
        line->status_date = ctx.now;
      }
    }
    shipment->delivered_date = package.event_time.value_or(ctx.now);
  }
  order = std::move(result);
  return Status::Ok();
}

bool MarkMxLabelPrinted(Order& order, std::string_view tracking_number, EpochMillis now) {
  MxShipment* shipment = FindShipment(order, tracking_number);
  if (shipment == nullptr) return false;
  if (!shipment->label_date) shipment->label_date = now;
  return true;
}

const MxShipment* FindMxShipment(const Order& order, std::string_view tracking_number) {
  if (!order.mx) return nullptr;
  for (const MxShipment& shipment : order.mx->shipments) {
    if (shipment.tracking_number && *shipment.tracking_number == tracking_number) return &shipment;
  }
  return nullptr;
}

std::int64_t MxReadyToShipQuantity(const Order& order, const OrderLine& line) {
  if (!order.mx) return 0;
  std::int64_t labelled = 0;
  for (const MxShipment& shipment : order.mx->shipments) {
    if (shipment.status != kMxShipmentCreated || !shipment.label_date) continue;
    for (const MxShipmentLine& part : shipment.lines) {
      if (part.prime_line_no == line.line_number) labelled += part.quantity;
    }
  }
  return std::min(labelled, QuantityIn(line, LineStatus::kAcknowledged));
}

}  // namespace mporders
