#pragma once
// Walmart's side of the marketplace acting on a seller's stored orders:
// carrier deliveries, customer cancellation requests and the auto-cancel
// job. Each order changes in one store transaction (Store::UpdateOrder)
// through the pure lifecycle functions (domain/lifecycle.h), so a simulated
// event can only produce states the seller API could also reach. Bulk
// events change order by order: a failure stops the sweep, and orders
// already changed stay changed.
//
// Every function blocks (store I/O): run them off the I/O threads.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/market.h"
#include "store/store.h"

namespace mporders::sandbox {

// Walmart's auto-cancel reason (its PO_LINE_AUTOCANCELLED example reads
// "Auto-cancelled due to expir...").
inline constexpr char kAutoCancelReason[] = "Auto-cancelled due to expiry";

struct LineQuantity {
  std::string line_number;
  std::int64_t quantity = 0;
};

// What a bulk event did.
struct SweepResult {
  std::vector<std::string> purchase_order_ids;  // orders changed, in list order
  std::int64_t units = 0;                       // units that changed status
};

// The market of `seller_id`; US for a seller not created yet (the sandbox
// creates sellers as US on first use).
Result<MarketId> SellerMarket(Store& store, const std::string& seller_id);

// Visits every order matching `filter`, in list order, a page at a time:
// each page is its own read, so orders changed meanwhile may or may not be
// visited. `visit` may move from the order it is given.
Status ForEachOrder(Store& store, const OrderFilter& filter,
                    const std::function<void(StoredOrder&)>& visit);

// The carrier delivered: each {line, quantity} moves that many Shipped units
// to Delivered (oldest package first). `lines` empty: every Shipped unit of
// the order. Errors as domain Deliver (a seller of Canada or Chile, markets
// without Delivered, always gets one); an order with nothing Shipped.
Result<StoredOrder> DeliverOrder(Store& store, const std::string& seller_id,
                                 const std::string& purchase_order_id,
                                 const std::vector<LineQuantity>& lines, EpochMillis now);

// Delivers every package of the seller shipped before `shipped_before`
// (trackingInfo.shipDateTime < shipped_before). `modified_since`: only orders
// changed since then (live mode looks at recent shipments only).
Result<SweepResult> DeliverShippedBefore(Store& store, const std::string& seller_id,
                                         EpochMillis shipped_before, EpochMillis now,
                                         std::optional<EpochMillis> modified_since = std::nullopt);

// The customer asks to cancel lines (customer_events.h).
Result<StoredOrder> RequestCustomerCancellation(Store& store, const std::string& seller_id,
                                                const std::string& purchase_order_id,
                                                const std::vector<std::string>& line_numbers,
                                                EpochMillis now);

struct AutoCancelRule {
  // Open (Created or Acknowledged) quantity of orders whose estimated ship
  // date is at least this many days before now (Walmart: 4).
  int ship_days = 4;
  // > 0: also orders with Created quantity this many hours after their order
  // date (a sandbox rule for testing late acknowledgement).
  int acknowledge_hours = 0;
};

// Walmart's auto-cancel job at `now`: every order the rule catches has all
// its Created and Acknowledged units cancelled with kAutoCancelReason.
// WFS-fulfilled orders are left alone (Walmart ships those itself).
Result<SweepResult> RunAutoCancel(Store& store, const std::string& seller_id, EpochMillis now,
                                  const AutoCancelRule& rule);

}  // namespace mporders::sandbox
