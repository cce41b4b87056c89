#pragma once
// The order-line lifecycle: how seller commands (acknowledge, ship, cancel,
// refund) and system events (delivery, auto-cancel) change a purchase order.
//
// Pure functions: no I/O, no clock reads, no global state. The caller passes
// the current time and any ids in a LifecycleContext.
//
// Contract shared by every function below:
//  * All or nothing. On success the whole command has been applied to `order`;
//    on error `order` is left exactly as it was (operator== holds).
//  * Errors are kInvalidRequestContent (HTTP 400) unless stated otherwise. The
//    description reproduces Walmart's observed texts where one exists and then
//    names the offending line and its current state; `field` names the request
//    member at fault ("data" when the request as a whole is at fault).
//  * A line whose quantity changes status gets `statusDate` = ctx.now. Tracking
//    corrections and refunds do not change any status and leave `statusDate`
//    alone (Walmart defines it as the time of the latest status change; the
//    store's last-modified time records every other change).
//  * Buckets (orderLineStatus entries) of a changed line are kept in lifecycle
//    order (Created, Acknowledged, Shipped, Delivered, Cancelled, Refund);
//    Shipped and Delivered buckets by ship time. Buckets identical apart from
//    their quantity are merged, except Shipped buckets with trackingInfo: each
//    shipped package stays its own bucket (parts of one package delivered in
//    steps do merge). New buckets use unit "EACH".
//    Σ statusQuantity == orderLineQuantity is preserved.
//
// Thread safety: the functions share no state; concurrent calls on different
// orders are safe.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/status.h"
#include "domain/carriers.h"
#include "domain/commands.h"
#include "domain/invariants.h"
#include "domain/market.h"
#include "domain/order.h"

namespace mporders {

struct LifecyclePolicy {
  // Shipping Created (unacknowledged) quantity is rejected. When false, Created
  // quantity may be shipped too; Acknowledged quantity is consumed first.
  bool ship_requires_acknowledged = true;
  // A processMode PARTIAL_UPDATE tracking correction is accepted while
  // now <= line statusDate + this window (statusDate being set by the shipment).
  EpochMillis tracking_edit_window = 4LL * 3600 * 1000;
  // Reject CUSTOMER_REQUESTED_SELLER_TO_CANCEL on a line without
  // intentToCancel, as the spec's field description asks. Off by default:
  // Walmart's own request example sends that reason on an ordinary line, and
  // integrations copy it.
  bool customer_cancel_requires_intent = false;
  // Accept the cancellation reasons a market's schema lists beyond the
  // documented ones (Canada's SUPPLIER_CANCEL_* codes).
  bool accept_optional_cancel_reasons = false;
};

struct LifecycleContext {
  EpochMillis now = 0;  // becomes statusDate of changed lines
  LifecyclePolicy policy;
  // Id given to a refund created by this call (refundId, and returnOrderId of
  // a full refund). Empty: the refund block carries no refundId.
  std::string refund_id;
  // The order's market: its method codes, cancel and refund reasons, and
  // which carriers ship untracked. Never null.
  const Market* market = &UsMarket();
};

// POST /acknowledge. Moves all Created quantity of the PO to Acknowledged.
// Quantity already Acknowledged stays as it is; a PO with nothing Created
// succeeds without change (re-acknowledging is allowed).
// Errors: any quantity Shipped, Delivered, Cancelled or Refund -> field "data",
// description "Failed when called acknowledge API for '<PO>'. Some or all qty
// in higher status"; a WFSFulfilled PO.
Status Acknowledge(Order& order, const LifecycleContext& ctx);

// Mexico's POST /acknowledge: per line, moves `quantity` Created units to
// Acknowledged. Other quantity of the order (even Shipped or Cancelled) does
// not stop it: the request names what it acknowledges.
// Errors: no lines; duplicate lineNumber; unknown line; status other than
// "Acknowledged" (any case); quantity < 1; more than the line's Created
// quantity ("line 1: only 1 of 3 qty can be acknowledged; 2 qty is
// Acknowledged"); a WFSFulfilled PO.
Status AcknowledgeLines(Order& order, const AcknowledgeLinesCommand& command,
                        const LifecycleContext& ctx);

// POST /cancel. Each portion moves `quantity` units of its line to a Cancelled
// bucket carrying its cancellationReason, taking Created quantity before
// Acknowledged.
// Errors: no lines, or a line without portions; duplicate lineNumber; a line
// not on the PO ("Unable to process this request. The Line: <n> of PO: <PO>
// does not exist"); status other than "Cancelled" (any case); quantity < 1;
// reason outside the market's enum; CUSTOMER_REQUESTED_SELLER_TO_CANCEL on a line
// without intentToCancel (when the policy asks for it); more than the line's open (Created + Acknowledged)
// quantity, e.g. "line 2: only 1 of 3 qty can be cancelled; 2 qty is Shipped";
// a WFSFulfilled PO.
Status Cancel(Order& order, const CancelCommand& command, const LifecycleContext& ctx);

// POST /shipping.
// Without processMode: each package moves `quantity` units to its own Shipped
// bucket with its trackingInfo (and returnCenterAddress when given), taking
// Acknowledged quantity (then Created if the policy allows it). sellerOrderId,
// when given, is stored on the line. Several lines may share a tracking number.
// With processMode "PARTIAL_UPDATE" (any case): each package corrects one
// existing Shipped bucket of its line, found by currentTrackingInfo's
// trackingNumber (or the line's only Shipped bucket when absent): its quantity
// must equal the bucket's; the trackingInfo is replaced (and the
// returnCenterAddress when given). Allowed only within the policy's
// tracking-edit window.
// Errors: no lines, or a line without packages; duplicate lineNumber; unknown
// line; other processMode values; status other than "Shipped"; quantity < 1;
// missing carrierName/methodCode/shipDateTime/trackingNumber; a carrier not in
// `carriers` (exact, case-sensitive; field "carrier"); otherCarrier without
// trackingURL; methodCode outside {Standard, Express, OneDay, Freight,
// WhiteGlove, Value} (the market's method codes); sellerOrderId over 30 characters; a line with
// intentToCancel without intentToCancelOverride; more than the open quantity
// ("Failed when called shipConfirm API for <PO>. Qty OverShipped : ..." plus
// the line's state); a correction that finds no, or more than one, bucket, has
// another quantity or comes after the window; a WFSFulfilled PO.
Status Ship(Order& order, const ShipCommand& command, const LifecycleContext& ctx,
            const CarrierList& carriers);

// POST /refund. Appends refund charges to lines with Shipped or Delivered
// quantity; the line status does not change.
// Partial refund: every charge amount and every tax amount given is negative;
// per line, charge type (PRODUCT, SHIPPING) and currency, the refunded amount
// and the refunded tax each stay within what was charged minus what was
// already refunded.
// Full refund (isFullRefund): all that remains refundable on the line is
// refunded, one refund charge per charge type and currency (named after the
// line's first charge of that type); amounts in the request are ignored, its first
// refundReason is used ("Others" when none is given) and its comments kept;
// returnOrderId is set to ctx.refund_id unless the line already has one.
// Recording: a line without a refund block gets one with refundId =
// ctx.refund_id and the request's first non-empty refundComments. A line that
// already has one keeps its refundId and comments (comments are filled in if
// absent); the new refund charges are appended to it.
// Errors: purchaseOrderId differs from the order's (field "purchaseOrderId");
// no lines; duplicate lineNumber; unknown line; full and partial lines mixed in
// one request; a line without Shipped or Delivered quantity; a partial line
// without refund charges; refundReason outside the market's enum; a market
// without seller refunds (Mexico); chargeType other
// than PRODUCT or SHIPPING; an amount or tax >= 0; a refund over the cap; a full
// refund of a line with nothing left to refund.
// Naming: this function hides the type `Refund` (order.h) in code that
// includes this header; write `struct Refund` for the type there.
Status Refund(Order& order, const RefundCommand& command, const LifecycleContext& ctx);

// System: the carrier delivered `quantity` units of the line. Shipped buckets
// become Delivered oldest shipment first, keeping their trackingInfo (a
// bucket is split when only part of it is delivered).
// Errors: a market without Delivered (Canada, Chile; field "status"); unknown
// line; quantity < 1 or more than the line's Shipped quantity.
Status Deliver(Order& order, const std::string& line_number, std::int64_t quantity,
               const LifecycleContext& ctx);

// System: Walmart cancels every Created and Acknowledged unit of the PO with
// cancellationReason `reason`. A PO without such quantity is left unchanged
// (success). Errors: empty `reason`.
Status AutoCancel(Order& order, const LifecycleContext& ctx, std::string reason);

}  // namespace mporders
