#include "sandbox/system_events.h"

#include <algorithm>
#include <functional>
#include <set>

#include "domain/lifecycle.h"
#include "sandbox/customer_events.h"

namespace mporders::sandbox {
namespace {

constexpr int kPageSize = 500;
constexpr EpochMillis kMillisPerHour = 3600 * kMillisPerSecond;

// Returned by an update function that finds nothing to do: the store rolls
// the transaction back and the sweep moves on.
Status Unchanged() { return Status::Error(ErrorCode::kNoOrdersFound, "unchanged"); }
bool IsUnchanged(const Status& status) { return status.code() == ErrorCode::kNoOrdersFound; }

LifecycleContext ContextAt(EpochMillis now, MarketId market = MarketId::kUs) {
  return LifecycleContext{now, LifecyclePolicy{}, "", &GetMarket(market)};
}

// Purchase order ids of every order matching `filter`, in list order.
Status CollectIds(Store& store, const OrderFilter& filter, std::vector<std::string>& ids,
                  std::set<std::string>& seen) {
  return ForEachOrder(store, filter, [&](StoredOrder& stored) {
    if (seen.insert(stored.order.purchase_order_id).second) {
      ids.push_back(stored.order.purchase_order_id);
    }
  });
}

// Applies `change` to each order in one transaction per order. `change`
// returns the units it moved, or Unchanged() to skip the order.
Result<SweepResult> Sweep(Store& store, const std::string& seller_id,
                          const std::vector<std::string>& ids, EpochMillis now,
                          const std::function<Result<std::int64_t>(Order&)>& change) {
  SweepResult result;
  for (const std::string& id : ids) {
    std::int64_t units = 0;
    auto saved = store.UpdateOrder(seller_id, id, [&](StoredOrder& stored) -> Status {
      auto moved = change(stored.order);
      if (!moved.ok()) return moved.status();
      units = *moved;
      stored.last_modified = std::max(stored.last_modified, now);
      return Status::Ok();
    });
    if (!saved.ok()) {
      // Skipped, or changed or removed since it was listed.
      if (IsUnchanged(saved.status()) || saved.status().code() == ErrorCode::kNotFound) continue;
      return saved.status();
    }
    result.purchase_order_ids.push_back(id);
    result.units += units;
  }
  return result;
}

std::int64_t OpenUnits(const Order& order) {
  std::int64_t units = 0;
  for (const OrderLine& line : order.order_lines) {
    units += QuantityIn(line, LineStatus::kCreated) + QuantityIn(line, LineStatus::kAcknowledged);
  }
  return units;
}

}  // namespace

Result<MarketId> SellerMarket(Store& store, const std::string& seller_id) {
  auto seller = store.GetSeller(seller_id);
  if (seller.ok()) return seller->market;
  if (seller.status().code() == ErrorCode::kNotFound) return MarketId::kUs;
  return seller.status();
}

Status ForEachOrder(Store& store, const OrderFilter& filter,
                    const std::function<void(StoredOrder&)>& visit) {
  ListRequest request;
  request.filter = filter;
  request.limit = kPageSize;
  request.count_total = false;
  for (;;) {
    auto page = store.ListOrders(request);
    if (!page.ok()) return page.status();
    if (page->orders.empty()) return Status::Ok();
    // The key of the next page, taken before `visit` may move the orders.
    const Order& last = page->orders.back().order;
    PageKey next{last.order_date, last.purchase_order_id};
    for (StoredOrder& stored : page->orders) visit(stored);
    if (!page->has_more) return Status::Ok();
    request.after = std::move(next);
  }
}

Result<StoredOrder> DeliverOrder(Store& store, const std::string& seller_id,
                                 const std::string& purchase_order_id,
                                 const std::vector<LineQuantity>& lines, EpochMillis now) {
  auto market = SellerMarket(store, seller_id);
  if (!market.ok()) return market.status();
  const Market& seller_market = GetMarket(*market);
  if (!seller_market.HasStatus(LineStatus::kDelivered)) {
    return Status::InvalidContent("Cannot deliver PO " + purchase_order_id + ": Walmart " +
                                      std::string(seller_market.name()) +
                                      " has no Delivered status; shipped lines stay Shipped",
                                  "status");
  }
  return store.UpdateOrder(seller_id, purchase_order_id, [&](StoredOrder& stored) -> Status {
    Order& order = stored.order;
    const LifecycleContext ctx = ContextAt(now, *market);
    if (lines.empty()) {
      std::int64_t delivered = 0;
      for (const OrderLine& line : std::vector<OrderLine>(order.order_lines)) {
        const std::int64_t shipped = QuantityIn(line, LineStatus::kShipped);
        if (shipped == 0) continue;
        MP_RETURN_IF_ERROR(Deliver(order, line.line_number, shipped, ctx));
        delivered += shipped;
      }
      if (delivered == 0) {
        return Status::InvalidContent(
            "PO " + purchase_order_id + " has no Shipped quantity to deliver", "lines");
      }
    } else {
      for (const LineQuantity& line : lines) {
        MP_RETURN_IF_ERROR(Deliver(order, line.line_number, line.quantity, ctx));
      }
    }
    stored.last_modified = std::max(stored.last_modified, now);
    return Status::Ok();
  });
}

Result<SweepResult> DeliverShippedBefore(Store& store, const std::string& seller_id,
                                         EpochMillis shipped_before, EpochMillis now,
                                         std::optional<EpochMillis> modified_since) {
  auto market = SellerMarket(store, seller_id);
  if (!market.ok()) return market.status();
  // Canada and Chile have no Delivered: their carriers' scans change nothing.
  if (!GetMarket(*market).HasStatus(LineStatus::kDelivered)) return SweepResult{};
  OrderFilter filter;
  filter.seller_id = seller_id;
  filter.status = LineStatus::kShipped;
  filter.last_modified_start = modified_since;
  std::vector<std::string> ids;
  std::set<std::string> seen;
  MP_RETURN_IF_ERROR(CollectIds(store, filter, ids, seen));
  return Sweep(store, seller_id, ids, now, [&](Order& order) -> Result<std::int64_t> {
    const LifecycleContext ctx = ContextAt(now);
    std::int64_t delivered = 0;
    for (const OrderLine& line : std::vector<OrderLine>(order.order_lines)) {
      // Deliver takes the oldest packages first: exactly those shipped before the bound.
      std::int64_t units = 0;
      for (const OrderLineStatus& bucket : line.statuses) {
        const EpochMillis shipped_at =
            bucket.tracking_info ? bucket.tracking_info->ship_date_time : 0;
        if (bucket.status == LineStatus::kShipped && shipped_at < shipped_before) {
          units += bucket.status_quantity.amount;
        }
      }
      if (units == 0) continue;
      MP_RETURN_IF_ERROR(Deliver(order, line.line_number, units, ctx));
      delivered += units;
    }
    if (delivered == 0) return Unchanged();
    return delivered;
  });
}

Result<StoredOrder> RequestCustomerCancellation(Store& store, const std::string& seller_id,
                                                const std::string& purchase_order_id,
                                                const std::vector<std::string>& line_numbers,
                                                EpochMillis now) {
  return store.UpdateOrder(seller_id, purchase_order_id, [&](StoredOrder& stored) -> Status {
    MP_RETURN_IF_ERROR(RequestCancellation(stored.order, line_numbers));
    stored.last_modified = std::max(stored.last_modified, now);
    return Status::Ok();
  });
}

Result<SweepResult> RunAutoCancel(Store& store, const std::string& seller_id, EpochMillis now,
                                  const AutoCancelRule& rule) {
  const EpochMillis ship_deadline = static_cast<EpochMillis>(rule.ship_days) * kMillisPerDay;
  const EpochMillis acknowledge_deadline =
      static_cast<EpochMillis>(rule.acknowledge_hours) * kMillisPerHour;
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (LineStatus open : {LineStatus::kCreated, LineStatus::kAcknowledged}) {
    OrderFilter late_shipment;
    late_shipment.seller_id = seller_id;
    late_shipment.status = open;
    late_shipment.expected_ship_end = now - ship_deadline + 1;  // estimatedShipDate + days <= now
    MP_RETURN_IF_ERROR(CollectIds(store, late_shipment, ids, seen));
  }
  if (rule.acknowledge_hours > 0) {
    OrderFilter unacknowledged;
    unacknowledged.seller_id = seller_id;
    unacknowledged.status = LineStatus::kCreated;
    unacknowledged.created_end = now - acknowledge_deadline + 1;
    MP_RETURN_IF_ERROR(CollectIds(store, unacknowledged, ids, seen));
  }
  return Sweep(store, seller_id, ids, now, [&](Order& order) -> Result<std::int64_t> {
    // Re-checked on the order as it is now: it may have moved on since it was listed.
    if (IsWalmartFulfilled(order)) return Unchanged();
    const std::int64_t open = OpenUnits(order);
    if (open == 0) return Unchanged();
    bool late = order.shipping_info.estimated_ship_date + ship_deadline <= now;
    if (rule.acknowledge_hours > 0 && order.order_date + acknowledge_deadline <= now) {
      for (const OrderLine& line : order.order_lines) {
        late = late || QuantityIn(line, LineStatus::kCreated) > 0;
      }
    }
    if (!late) return Unchanged();
    MP_RETURN_IF_ERROR(AutoCancel(order, ContextAt(now), kAutoCancelReason));
    return open;
  });
}

}  // namespace mporders::sandbox
