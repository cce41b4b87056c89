#pragma once
// Mexico's order writes (reference §13.3) on top of the shared lifecycle
// (lifecycle.h): the quantity rules are those of every market; these
// functions add what Mexico's model keeps beside the buckets, its shipments.
//
// Shipments. Walmart opens a shipment per line when the order is created, with
// a carrier and a tracking number, so its label can be printed before the
// seller ships ("Shipment Created"). Shipping with that tracking number ships
// that shipment; another tracking number adds a seller-owned shipment. An open
// shipment whose quantity went elsewhere (shipped in another package, or
// cancelled) is closed as "Shipment Cancelled".
//
// Same contract as lifecycle.h: pure, all or nothing, errors are
// kInvalidRequestContent (400) naming the request member at fault.

#include <cstdint>
#include <string_view>

#include "core/status.h"
#include "domain/commands.h"
#include "domain/lifecycle.h"
#include "domain/order.h"

namespace mporders {

// Days Walmart gives the seller to acknowledge a new shipment, and to ship it
// once acknowledged (inferred from the examples' dates, reference §13.2).
inline constexpr EpochMillis kMxAckWindow = 2LL * 24 * 3600 * 1000;
inline constexpr EpochMillis kMxShipWindow = 2LL * 24 * 3600 * 1000;

// Gives a new MX order what Walmart adds when it is created: `mx` data when
// absent, coLineNumber and soPrimeLineSubLineNo when absent, one open shipment
// for each line's open quantity not yet in an open shipment (carrier
// MX-FEDX; shipped shipments hold shipped units, not open ones), and a
// shipment number and tracking number for every shipment without one. Numbers
// are derived from the purchase order id and line, so they are stable.
void OpenMxShipments(Order& order, EpochMillis now);

// Acknowledge per line (AcknowledgeLines), then stamp shipmentACKDate and
// expectedShipmentShippedDate on the open shipments of the acknowledged lines.
Status MxAcknowledge(Order& order, const AcknowledgeLinesCommand& command,
                     const LifecycleContext& ctx);

// Ship: every shipment is a package. A line in several shipments is one item
// in several packages; several lines in one shipment is a multi-item
// shipment. Rules of Ship() apply to the quantities (acknowledged first, no
// over-ship). Per shipment: shipmentLines not empty; carrier one of the
// market's (exact); trackingNumber required; trackingURL also required for
// carrier "Other"; a tracking number used once in the request.
Status MxShip(Order& order, const MxShipCommand& command, const LifecycleContext& ctx);

// Cancel (Cancel()), then close open shipments left without open quantity.
Status MxCancel(Order& order, const CancelCommand& command, const LifecycleContext& ctx);

// Deliver: each package (eventName DELIVERY_UPDATE) names a shipped shipment
// by trackingNo (and packageNo when given); its Shipped quantity with that
// tracking number becomes Delivered. purchaseOrderNo, when given, must be the
// order's. Errors: no packages; another eventName; an unknown or not shipped
// tracking number; a package already delivered.
Status MxDeliver(Order& order, const MxDeliverCommand& command, const LifecycleContext& ctx);

// Records that the label of the shipment with `tracking_number` was produced
// at `now` (first time only). Returns false when no shipment has it.
bool MarkMxLabelPrinted(Order& order, std::string_view tracking_number, EpochMillis now);

// The shipment with `tracking_number`, or null.
const MxShipment* FindMxShipment(const Order& order, std::string_view tracking_number);

// "Ready to ship" (reference §13.3, low confidence): the line's Acknowledged
// units covered by open shipments whose label has been printed.
std::int64_t MxReadyToShipQuantity(const Order& order, const OrderLine& line);

}  // namespace mporders
