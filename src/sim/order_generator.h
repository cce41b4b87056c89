#pragma once
// Realistic, deterministic demo and seed orders.
//
// Order i of a generator is a pure function of (options, i): it does not
// depend on which other orders were generated, or in what order, so large
// seeds can be produced by several threads on disjoint index ranges.
//
// What the orders look like: Walmart-shaped ids, customers and addresses of
// the market (US, Canada, Mexico or Chile), 1-5 lines (mostly 1-2) from a
// built-in catalog of about 100 products, exact amounts in the market's
// currency with its sales tax, and line statuses spread over the lifecycle as
// they stand at `now`: recent orders are mostly Created or Acknowledged, older
// ones Shipped, Delivered or Cancelled, with tracking, cancellation reasons and
// refunds that agree with the statuses (see order_generator.cc for the mix).
// Per market: carriers, method codes, cancellation and refund reasons are the
// market's own; Canada and Chile never show Delivered (delivered packages
// stay Shipped); Mexico has no refunds. The US orders of a seed are the same
// whatever else the generator learnt to do.

#include <cstdint>
#include <string>

#include "core/clock.h"
#include "domain/market.h"
#include "domain/order.h"

namespace mporders {

struct GeneratorOptions {
  std::uint64_t seed = 1;
  // Orders are dated within [now - days_back days, now]; line statuses are as
  // they stand at `now`.
  EpochMillis now = 0;
  int days_back = 180;  // values below 1 are treated as 1
  // Prepended to the purchase order id (13 digits, or 15 for indices >= 2^40).
  std::string purchase_order_prefix;
  // Whose buyers, money, taxes and carriers the orders have.
  MarketId market = MarketId::kUs;
};

// Immutable after construction; Make and MakeStored may be called from any
// number of threads at once.
class OrderGenerator {
 public:
  explicit OrderGenerator(GeneratorOptions options);

  // The index-th order. Same options and index give an identical order;
  // distinct indices give distinct purchaseOrderIds.
  Order Make(std::uint64_t index) const;

  // Make(index) as the store keeps it for `seller_id`: last_modified is the
  // latest line statusDate, version 0 (never updated).
  StoredOrder MakeStored(std::uint64_t index, std::string seller_id) const;

  // Make(index).order_date, without building the order: cheap enough to
  // compute for every index of a large seed, so that seeding can insert
  // orders in date order (see app/seeding.cc).
  EpochMillis OrderDateOf(std::uint64_t index) const;

  const GeneratorOptions& options() const { return options_; }

 private:
  GeneratorOptions options_;
};

}  // namespace mporders
