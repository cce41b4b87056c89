#pragma once
// Mexico's order model for orders that arrive in the shared model: orders the
// simulator generates for an MX seller (seed, sandbox, live mode) and
// US-shaped documents imported for one. Walmart sends every MX order with its
// charges, billing data and shipments (mx_mp_orders.json, reference §13.2);
// this gives such an order the same, from what the shared model holds.

#include "domain/order.h"

namespace mporders {

// Replaces order.mx and every line's mx with what the order's shared fields
// say, in the order's currency (MXN, exact minor units):
//   lines:     coLineNumber, soPrimeLineSubLineNo, unitPrice and
//              unitPriceWithoutTax (when the line total divides evenly),
//              charges PRODUCT/ItemPrice with IVA_TAX (the charge's tax) and
//              IEPS_TAX 0, SHIPPING/SHIPPING_CH with SHIP_IVA_TAX when the line
//              has shipping, and on about one line in eight a
//              DISCOUNT/COUPON_DISC of 10 % of the product amount (chosen from
//              the purchase order id and line number, so it is stable);
//   order:     billingInfo from the shipping address and phone; rfc, cfdi and
//              paymentMethod from the order's extras of those names (moved
//              out of the extras), else the public-sales RFC XAXX010101000,
//              CFDI S01 and CREDIT; orderTotal, the sum of every charge, tax
//              and discount;
//   shipments: one "Shipment Shipped" per tracking number of the lines'
//              Shipped and Delivered quantity (a multi-item shipment when
//              several lines share it), with carrier, tracking, ship and
//              delivery dates; then the open quantity gets Walmart's open
//              shipments as OpenMxShipments opens them at creation, stamped
//              acknowledged where the line's quantity is.
// Idempotent: deriving twice gives the same order.
void DeriveMxOrder(Order& order);

}  // namespace mporders
