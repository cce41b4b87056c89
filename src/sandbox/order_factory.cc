#include "sandbox/order_factory.h"

#include <array>
#include <string_view>

#include "domain/mx_derive.h"
#include "sim/catalog.h"
#include "sim/charges.h"
#include "sim/ids.h"
#include "sim/market_data.h"
#include "sim/order_generator.h"
#include "sim/random.h"

namespace mporders::sandbox {
namespace {

constexpr int kMaxLines = 20;
constexpr std::int64_t kMaxQuantity = 1000;
constexpr int kDefaultTaxBasisPoints = 700;
constexpr std::array<int, 3> kQuantityWeights = {74, 19, 7};  // 1..3 units, as the generator

bool OneOf(const std::string& value, std::initializer_list<std::string_view> allowed) {
  for (auto candidate : allowed) {
    if (value == candidate) return true;
  }
  return false;
}

EpochMillis FloorToSecond(EpochMillis t) { return t - ((t % 1000) + 1000) % 1000; }

int TaxBasisPointsOf(const Order& order) {
  for (const sim::City& city : sim::Cities()) {
    if (order.shipping_info.postal_address.postal_code == city.postal_code) {
      return city.tax_basis_points;
    }
  }
  return kDefaultTaxBasisPoints;
}

// The sales tax where `order` ships to (US: the city's combined rate).
sim::TaxRule TaxOf(const Order& order, MarketId market) {
  if (market == MarketId::kUs) {
    return sim::TaxRule{"Tax1", "Tax1", TaxBasisPointsOf(order) * 10, 0, false};
  }
  const PostalAddress& address = order.shipping_info.postal_address;
  const std::span<const sim::Locality> localities = sim::Localities(market);
  for (const sim::Locality& locality : localities) {
    if (address.city == locality.city && address.state == locality.state) return *locality.tax;
  }
  return *localities.front().tax;
}

// A fresh line of `product_index` with `quantity` units (charges only; the
// caller sets the status).
OrderLine MakeLine(int number, std::size_t product_index, std::int64_t quantity, MarketId market,
                   const sim::TaxRule& tax, const std::optional<Fulfillment>& fulfillment) {
  const sim::Product& product = sim::Products()[product_index];
  OrderLine line;
  line.line_number = std::to_string(number);
  line.item.product_name = product.name;
  line.item.sku = product.sku;
  if (product.has_image) line.item.image_url = sim::ProductImageUrl(product_index);
  if (product.weight_pounds != nullptr)
    line.item.weight = Weight{product.weight_pounds, "Pounds", {}};
  line.order_line_quantity.amount = quantity;
  line.charges = sim::LineCharges(GetMarket(market).currency(), tax,
                                  sim::ShelfPrice(market, product.price_cents), quantity, 0);
  line.fulfillment = fulfillment;
  return line;
}

}  // namespace

Status ValidateOrderShape(const OrderShape& shape) {
  if (shape.lines && (*shape.lines < 1 || *shape.lines > kMaxLines)) {
    return Status::InvalidContent("lines must be from 1 to 20", "lines");
  }
  if (shape.quantity && (*shape.quantity < 1 || *shape.quantity > kMaxQuantity)) {
    return Status::InvalidContent("quantity must be from 1 to 1000", "quantity");
  }
  if (shape.ship_node_type &&
      !OneOf(*shape.ship_node_type, {"SellerFulfilled", "WFSFulfilled", "3PLFulfilled"})) {
    return Status::InvalidContent(
        "shipNodeType must be SellerFulfilled, WFSFulfilled or 3PLFulfilled", "shipNodeType");
  }
  if (shape.order_type && !OneOf(*shape.order_type, {"REGULAR", "REPLACEMENT"})) {
    return Status::InvalidContent("orderType must be REGULAR or REPLACEMENT", "orderType");
  }
  return Status::Ok();
}

Order MakeNewOrder(std::uint64_t seed, std::uint64_t index, EpochMillis now,
                   const OrderShape& shape, MarketId market) {
  // A one-day window: the generator's customer, products and shipping method
  // are what is kept; its dates and statuses are replaced below.
  OrderGenerator generator(GeneratorOptions{seed, now, 1, "", market});
  Order order = generator.Make(index);
  // A second stream for the shaping draws, so hints never change the base order.
  sim::Rng rng = sim::Rng::ForIndex(seed ^ 0x6A09E667F3BCC909ULL, index);

  const EpochMillis released = FloorToSecond(now);
  const EpochMillis shift = released - order.order_date;
  order.order_date = released;
  order.shipping_info.estimated_ship_date += shift;
  order.shipping_info.estimated_delivery_date += shift;

  if (shape.ship_node_type) {
    order.ship_node.emplace();
    order.ship_node->type = *shape.ship_node_type;
    if (*shape.ship_node_type == "3PLFulfilled") {
      const sim::ThirdPartyNode& node = rng.Pick(sim::ThirdPartyNodes());
      order.ship_node->name = node.name;
      order.ship_node->id = node.id;
    }
  }
  if (shape.order_type) {
    order.order_type = *shape.order_type;
    order.original_customer_order_id.reset();
    if (*shape.order_type == "REPLACEMENT") {
      order.original_customer_order_id.emplace();
      sim::AppendDigits(*order.original_customer_order_id,
                        2'000'000'000'000ULL + rng.Below(7'000'000'000'000ULL), 13);
    }
  }

  std::optional<Fulfillment> fulfillment = order.order_lines.front().fulfillment;
  if (fulfillment && fulfillment->pick_up_date_time) *fulfillment->pick_up_date_time += shift;
  if (shape.lines || shape.quantity) {
    const int line_count = shape.lines.value_or(static_cast<int>(order.order_lines.size()));
    const sim::TaxRule tax = TaxOf(order, market);
    std::vector<OrderLine> lines;
    for (int number = 1; number <= line_count; ++number) {
      const std::size_t product = rng.Below(sim::Products().size());
      const std::int64_t quantity =
          shape.quantity.value_or(static_cast<std::int64_t>(rng.Weighted(kQuantityWeights)) + 1);
      lines.push_back(MakeLine(number, product, quantity, market, tax, fulfillment));
    }
    order.order_lines = std::move(lines);
  }

  // Released just now: nothing has happened to any line yet.
  const bool wfs = order.ship_node && order.ship_node->type == "WFSFulfilled";
  for (OrderLine& line : order.order_lines) {
    line.fulfillment = fulfillment;
    line.status_date = released;
    OrderLineStatus bucket;
    bucket.status = wfs ? LineStatus::kAcknowledged : LineStatus::kCreated;
    bucket.status_quantity.amount = line.order_line_quantity.amount;
    line.statuses = {bucket};
    line.refund.reset();
    line.return_order_id.reset();
    line.intent_to_cancel.reset();
    line.seller_order_id.reset();
  }
  // The lines and statuses changed: Mexico's charges and shipments again.
  if (market == MarketId::kMx) DeriveMxOrder(order);
  return order;
}

}  // namespace mporders::sandbox
