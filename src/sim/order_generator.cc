#include "sim/order_generator.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/mx_derive.h"
#include "sim/catalog.h"
#include "sim/charges.h"
#include "sim/customer.h"
#include "sim/ids.h"
#include "sim/line_lifecycle.h"
#include "sim/market_data.h"
#include "sim/random.h"
#include "sim/shipping.h"

namespace mporders {
namespace {

using sim::Rng;
using sim::ShipMethod;

constexpr EpochMillis kMinute = 60 * kMillisPerSecond;
constexpr EpochMillis kHour = 60 * kMinute;
constexpr int kMaxLines = 5;

// The mix of the generated data, in per mille unless said otherwise.
constexpr std::array<int, kMaxLines> kLineCountWeights = {62, 24, 8, 4, 2};  // 1..5 lines
constexpr std::array<int, 3> kQuantityWeights = {74, 19, 7};                 // 1..3 units
constexpr int kReplacementPerMille = 50;
constexpr int kShipToStorePerMille = 40;
constexpr int kIntentToCancelPerMille = 25;
constexpr int kIntentHonouredPerMille = 800;
constexpr int kLineCancelPerMille = 35;
constexpr int kPartialCancelPerMille = 80;   // of multi-unit lines
constexpr int kSplitShipmentPerMille = 300;  // of multi-unit lines
constexpr int kOwnPackagePerMille = 250;     // lines after the first
constexpr int kNeverDeliveredPerMille = 30;
constexpr int kRefundPerMille = 40;  // of lines with delivered units

EpochMillis FloorToSecond(EpochMillis t) {
  const EpochMillis rem = ((t % kMillisPerSecond) + kMillisPerSecond) % kMillisPerSecond;
  return t - rem;
}

// Most orders are spread evenly over the window; a share is concentrated in
// the last hours and days so that a fresh seed has open orders to work on.
EpochMillis OrderDate(EpochMillis now, int days_back, Rng& rng) {
  const std::int64_t window_seconds = std::int64_t{days_back} * 86400 - 1;
  std::int64_t span = window_seconds;
  const int bucket = static_cast<int>(rng.Below(1000));
  if (bucket < 50) {
    span = std::min<std::int64_t>(span, 12 * 3600);
  } else if (bucket < 150) {
    span = std::min<std::int64_t>(span, 3 * 86400);
  }
  // Flooring to whole seconds stays inside the window: the offset is at most
  // one second short of it.
  return FloorToSecond(now - rng.Between(0, span) * kMillisPerSecond);
}

std::string RandomDigits(Rng& rng, std::uint64_t low, std::uint64_t high, int width) {
  std::string digits;
  digits.reserve(static_cast<std::size_t>(width));
  sim::AppendDigits(digits, low + rng.Below(high - low + 1), width);
  return digits;
}

const char* ShipNodeType(int pick) {
  switch (pick) {
    case 1:
      return "WFSFulfilled";
    case 2:
      return "3PLFulfilled";
    default:
      return "SellerFulfilled";
  }
}

// How long after acknowledgement the first package leaves.
EpochMillis HandlingMillis(ShipMethod method, Rng& rng) {
  switch (method) {
    case ShipMethod::kExpress:
    case ShipMethod::kOneDay:
      return rng.Between(30 * kMinute, 14 * kHour);
    case ShipMethod::kFreight:
    case ShipMethod::kWhiteGlove:
      return rng.Between(12 * kHour, 72 * kHour);
    case ShipMethod::kStandard:
    case ShipMethod::kValue:
      break;
  }
  return rng.Between(2 * kHour, 44 * kHour);
}

// Sellers acknowledge within Walmart's 4-hour SLA most of the time.
EpochMillis AcknowledgeDelay(Rng& rng) {
  const int pick = static_cast<int>(rng.Below(100));
  if (pick < 85) return rng.Between(3 * kMinute, 4 * kHour);
  if (pick < 97) return rng.Between(4 * kHour, 20 * kHour);
  return rng.Between(20 * kHour, 40 * kHour);
}

const char* SellerCancellationReason(Rng& rng) {
  static constexpr std::array<int, 4> kWeights = {60, 15, 12, 13};
  static constexpr std::array<const char*, 4> kReasons = {
      "SELLER_CANCEL_OUT_OF_STOCK", "SELLER_CANCEL_PRICING_ERROR",
      "SELLER_CANCEL_FRAUD_STOP_SHIPMENT", "SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE"};
  return kReasons[rng.Weighted(kWeights)];
}

std::int64_t ShippingCents(ShipMethod method, Rng& rng) {
  switch (method) {
    case ShipMethod::kOneDay:
      return rng.Chance(600) ? 999 : 0;
    case ShipMethod::kExpress:
      return rng.Chance(600) ? 799 : 0;
    case ShipMethod::kFreight:
      return rng.Chance(600) ? 4999 : 0;
    case ShipMethod::kWhiteGlove:
      return rng.Chance(600) ? 8999 : 0;
    case ShipMethod::kStandard:
    case ShipMethod::kValue:
      break;
  }
  static constexpr std::array<std::int64_t, 4> kFees = {499, 599, 699, 799};
  return rng.Chance(120) ? rng.Pick(kFees) : 0;
}

std::optional<std::string> ShippingProgramType(ShipMethod method, int delivery_days, Rng& rng) {
  const int pick = static_cast<int>(rng.Below(100));
  switch (method) {
    case ShipMethod::kExpress:
    case ShipMethod::kOneDay:
      if (pick < 70) return "TWO_DAY";
      break;
    case ShipMethod::kStandard:
      if (pick < 25) return delivery_days <= 3 ? "THREE_DAY" : "THREE_TO_FIVE_DAY";
      if (pick < 45) return "THREE_TO_FIVE_DAY";
      break;
    case ShipMethod::kValue:
      if (pick < 20) return "THREE_TO_FIVE_DAY";
      break;
    case ShipMethod::kFreight:
    case ShipMethod::kWhiteGlove:
      break;
  }
  return std::nullopt;
}

// Walmart auto-cancels lines not shipped by the estimated ship date plus
// 4 days; generated packages leave before that, so no open line in the data
// is one the auto-cancel rule would already have cancelled.
constexpr EpochMillis kAutoCancelAfterShipDate = 4 * kMillisPerDay;

sim::Shipment MakeShipment(MarketId market, EpochMillis planned_ship_time,
                           EpochMillis latest_ship_time, ShipMethod method, sim::Region region,
                           bool bulky, Rng& rng) {
  const EpochMillis ship_time = std::min(planned_ship_time, latest_ship_time);
  sim::Shipment shipment;
  shipment.ship_time = ship_time;
  shipment.carrier = sim::ChooseCarrier(market, method, region, bulky, rng);
  shipment.tracking_number = sim::TrackingNumber(shipment.carrier, method, rng);
  const EpochMillis transit = sim::TransitMillis(method, rng);
  if (!rng.Chance(kNeverDeliveredPerMille)) shipment.delivered_time = ship_time + transit;
  return shipment;
}

// What every line of one order shares.
struct OrderContext {
  const Market* market = &UsMarket();
  // Non-US markets: the buyer's tax (the US uses tax_basis_points).
  sim::TaxRule tax{"Tax1", "Tax1", 0, 0, false};
  EpochMillis now = 0;
  ShipMethod method = ShipMethod::kStandard;
  sim::Region region = sim::Region::kOther;
  bool bulky = false;
  int tax_basis_points = 0;
  EpochMillis created_time = 0;
  EpochMillis acknowledged_time = 0;
  EpochMillis latest_ship_time = 0;
  const sim::Shipment* order_package = nullptr;
  const Fulfillment* fulfillment = nullptr;
};

// The seller's reason for cancelling in the market: Canada has one code for
// every seller cancellation, Mexico takes free text; the US enum elsewhere.
// `partial`: a unit short on a multi-unit line.
const char* SellerReason(const OrderContext& context, bool partial, Rng& rng) {
  switch (context.market->id()) {
    case MarketId::kCa:
      return "CANCEL_BY_SELLER";
    case MarketId::kMx:
      return "SELLER REJECTION";
    case MarketId::kUs:
    case MarketId::kCl:
      break;
  }
  return partial ? "SELLER_CANCEL_OUT_OF_STOCK" : SellerCancellationReason(rng);
}

// Cancellation: honouring a customer's intent to cancel, or the seller's own.
void PlanCancellation(const OrderContext& context, Rng& rng, OrderLine& line, sim::LinePlan& plan) {
  // Customers can only ask to cancel before the package leaves.
  const EpochMillis intent_time = context.created_time + rng.Between(10 * kMinute, 20 * kHour);
  const bool intent =
      rng.Chance(kIntentToCancelPerMille) && intent_time < plan.first_shipment->ship_time;
  if (intent && intent_time <= context.now) line.intent_to_cancel = "Y";
  if (intent && rng.Chance(kIntentHonouredPerMille)) {
    const EpochMillis cancel_time = intent_time + rng.Between(5 * kMinute, 4 * kHour);
    // Too late once the package has left: the seller ships with the override.
    if (cancel_time < plan.first_shipment->ship_time) {
      plan.cancelled_units = plan.quantity;
      plan.cancel_time = cancel_time;
      plan.cancellation_reason = "CUSTOMER_REQUESTED_SELLER_TO_CANCEL";
    }
  } else if (rng.Chance(kLineCancelPerMille)) {
    plan.cancelled_units = plan.quantity;
    plan.cancel_time = context.created_time + rng.Between(10 * kMinute, 30 * kHour);
    plan.cancellation_reason = SellerReason(context, false, rng);
  } else if (plan.quantity > 1 && rng.Chance(kPartialCancelPerMille)) {
    plan.cancelled_units = 1;
    plan.cancel_time = context.created_time + rng.Between(10 * kMinute, 30 * kHour);
    plan.cancellation_reason = SellerReason(context, true, rng);
  }
}

// Fills line `number` (1-based) for `product_index`. `packages` holds the
// line's own two packages, which must outlive the call to ApplyLifecycle.
void FillLine(const OrderContext& context, int number, std::size_t product_index,
              std::array<sim::Shipment, 2>& packages, Rng& rng, OrderLine& line) {
  const sim::Product& product = sim::Products()[product_index];
  line.line_number = std::to_string(number);
  line.item.product_name = product.name;
  line.item.sku = product.sku;
  if (product.has_image) line.item.image_url = sim::ProductImageUrl(product_index);
  if (product.weight_pounds != nullptr) {
    line.item.weight = Weight{product.weight_pounds, "Pounds", {}};
  }
  const std::int64_t quantity = static_cast<std::int64_t>(rng.Weighted(kQuantityWeights)) + 1;
  line.order_line_quantity.amount = quantity;
  const MarketId market = context.market->id();
  std::int64_t unit_price = product.price_cents;
  if (market == MarketId::kUs) {
    line.charges = sim::LineCharges(product.price_cents, quantity,
                                    ShippingCents(context.method, rng), context.tax_basis_points);
  } else {
    const std::int64_t shelf = sim::ShelfPrice(market, product.price_cents);
    unit_price = sim::NetUnitPrice(shelf, context.tax);
    line.charges =
        sim::LineCharges(context.market->currency(), context.tax, shelf, quantity,
                         sim::MarketShippingFee(market, context.method, rng));
  }
  line.fulfillment = *context.fulfillment;

  sim::LinePlan plan;
  plan.quantity = quantity;
  plan.created_time = context.created_time;
  plan.acknowledged_time = context.acknowledged_time;
  plan.first_shipment = context.order_package;
  plan.has_delivered = context.market->HasStatus(LineStatus::kDelivered);
  if (number > 1 && rng.Chance(kOwnPackagePerMille)) {
    packages[0] =
        MakeShipment(market, context.order_package->ship_time + rng.Between(10 * kMinute, 24 * kHour),
                     context.latest_ship_time, context.method, context.region, context.bulky, rng);
    plan.first_shipment = &packages[0];
  }
  PlanCancellation(context, rng, line, plan);

  // Multi-unit lines sometimes ship in two packages a day or two apart.
  const std::int64_t shipped_units = quantity - plan.cancelled_units;
  if (shipped_units > 1 && rng.Chance(kSplitShipmentPerMille)) {
    packages[1] =
        MakeShipment(market, plan.first_shipment->ship_time + rng.Between(10 * kHour, 48 * kHour),
                     context.latest_ship_time, context.method, context.region, context.bulky, rng);
    plan.second_shipment = &packages[1];
    plan.second_units = rng.Between(1, shipped_units - 1);
  }

  const sim::LineProgress progress = sim::ApplyLifecycle(plan, context.method, context.now, line);
  // Mexico's API has no seller refunds.
  if (progress.delivered_units > 0 && context.market->has_refunds() &&
      rng.Chance(kRefundPerMille)) {
    const EpochMillis refund_time =
        progress.last_delivered_time + rng.Between(kMillisPerDay, 20 * kMillisPerDay);
    if (refund_time <= context.now) {
      sim::AddRefund(unit_price, progress.delivered_units, rng, line);
    }
  }
}

// The seed of the order streams. Each market draws from its own streams, so
// sellers of different markets seeded alike share no purchase order ids or
// buyers; the US keeps the original streams.
std::uint64_t StreamSeed(const GeneratorOptions& options) {
  if (options.market == MarketId::kUs) return options.seed;
  return sim::Mix64(options.seed ^
                    (0xC2B2AE3D27D4EB4FULL * (static_cast<std::uint64_t>(options.market) + 1)));
}

}  // namespace

OrderGenerator::OrderGenerator(GeneratorOptions options) : options_(std::move(options)) {
  options_.days_back = std::max(options_.days_back, 1);
}

EpochMillis OrderGenerator::OrderDateOf(std::uint64_t index) const {
  // The date is the first thing Make draws from the order's stream.
  Rng rng = Rng::ForIndex(StreamSeed(options_), index);
  return OrderDate(options_.now, options_.days_back, rng);
}

Order OrderGenerator::Make(std::uint64_t index) const {
  const std::uint64_t seed = StreamSeed(options_);
  Rng rng = Rng::ForIndex(seed, index);
  Order order;
  // OrderDateOf relies on the date being the stream's first draw: ids come
  // from (seed, index) without touching it.
  order.purchase_order_id = sim::PurchaseOrderId(seed, index, options_.purchase_order_prefix);
  order.customer_order_id = sim::CustomerOrderId(seed, index);
  order.order_date = OrderDate(options_.now, options_.days_back, rng);
  if (rng.Chance(kReplacementPerMille)) {
    order.order_type = "REPLACEMENT";
    order.original_customer_order_id =
        RandomDigits(rng, 2'000'000'000'000ULL, 9'999'999'999'999ULL, 13);
  } else {
    order.order_type = "REGULAR";
  }

  const MarketId market = options_.market;
  const bool us = market == MarketId::kUs;
  sim::Customer customer = sim::MakeCustomer(market, rng);
  order.customer_email_id = std::move(customer.email);
  order.extras = std::move(customer.order_extras);

  // Products first: bulky items decide how the whole order ships.
  const std::span<const sim::Product> products = sim::Products();
  const int line_count = static_cast<int>(rng.Weighted(kLineCountWeights)) + 1;
  std::array<std::size_t, kMaxLines> product_of_line{};
  bool bulky = false;
  for (int i = 0; i < line_count; ++i) {
    std::size_t pick = rng.Below(products.size());
    // Re-draw a couple of times to keep one SKU to one line, as sellers see it.
    for (int attempt = 0; attempt < 3; ++attempt) {
      if (std::find(product_of_line.begin(), product_of_line.begin() + i, pick) ==
          product_of_line.begin() + i) {
        break;
      }
      pick = rng.Below(products.size());
    }
    product_of_line[static_cast<std::size_t>(i)] = pick;
    bulky = bulky || products[pick].bulky;
  }
  const ShipMethod method = sim::ChooseShipMethod(market, bulky, rng);

  ShippingInfo& shipping = order.shipping_info;
  shipping.phone = std::move(customer.phone);
  shipping.estimated_ship_date = order.order_date + rng.Between(24, 48) * kHour;
  const int delivery_days = sim::DeliveryDays(method, rng);
  shipping.estimated_delivery_date = shipping.estimated_ship_date + delivery_days * kMillisPerDay;
  shipping.method_code = sim::MethodCode(method);
  shipping.postal_address = std::move(customer.address);

  // Ship node: seller-fulfilled mostly; WFS lines skip Created.
  // Outside the US: seller-fulfilled or WFS (Canada, Mexico); no 3PL nodes.
  static constexpr std::array<int, 3> kNodeWeights = {82, 12, 6};
  static constexpr std::array<int, 2> kMarketNodeWeights = {88, 12};
  int node = 0;
  if (us) {
    node = static_cast<int>(rng.Weighted(kNodeWeights));
  } else if (market != MarketId::kCl) {
    node = static_cast<int>(rng.Weighted(kMarketNodeWeights));
  }
  const bool wfs = node == 1;
  order.ship_node.emplace();
  order.ship_node->type = ShipNodeType(node);
  if (node == 2) {
    const sim::ThirdPartyNode& third_party = rng.Pick(sim::ThirdPartyNodes());
    order.ship_node->name = third_party.name;
    order.ship_node->id = third_party.id;
  }

  Fulfillment fulfillment;
  // Ship-to-store and the US shipping programs exist in the US only.
  const bool ship_to_store = us && !wfs && !bulky && rng.Chance(kShipToStorePerMille);
  fulfillment.fulfillment_option = ship_to_store ? "S2S" : "S2H";
  fulfillment.ship_method = sim::FulfillmentShipMethod(method);
  if (ship_to_store) fulfillment.store_id = RandomDigits(rng, 1000, 5999, 4);
  fulfillment.pick_up_date_time = shipping.estimated_delivery_date;
  if (us) fulfillment.shipping_program_type = ShippingProgramType(method, delivery_days, rng);

  // The purchase order's own timeline. Acknowledgement is per order; the
  // first package usually carries every line.
  OrderContext context;
  context.market = &GetMarket(market);
  context.now = options_.now;
  context.method = method;
  if (us) {
    context.region = customer.city->region;
    context.tax_basis_points = customer.city->tax_basis_points;
  } else {
    context.tax = *customer.locality->tax;
  }
  context.bulky = bulky;
  context.created_time = order.order_date;
  context.acknowledged_time =
      wfs ? context.created_time : context.created_time + AcknowledgeDelay(rng);
  context.latest_ship_time = shipping.estimated_ship_date + kAutoCancelAfterShipDate - kHour;
  const sim::Shipment order_package =
      MakeShipment(market, context.acknowledged_time + HandlingMillis(method, rng),
                   context.latest_ship_time, method, context.region, bulky, rng);
  context.order_package = &order_package;
  context.fulfillment = &fulfillment;

  order.order_lines.resize(static_cast<std::size_t>(line_count));
  for (int i = 0; i < line_count; ++i) {
    std::array<sim::Shipment, 2> line_packages;
    FillLine(context, i + 1, product_of_line[static_cast<std::size_t>(i)], line_packages, rng,
             order.order_lines[static_cast<std::size_t>(i)]);
  }
  // Mexico's API shows its own order model (charges, billing, shipments);
  // the other markets' orders are complete as they are.
  if (market == MarketId::kMx) DeriveMxOrder(order);
  return order;
}

StoredOrder OrderGenerator::MakeStored(std::uint64_t index, std::string seller_id) const {
  StoredOrder stored;
  stored.seller_id = std::move(seller_id);
  stored.order = Make(index);
  stored.last_modified = stored.order.order_date;
  for (const OrderLine& line : stored.order.order_lines) {
    stored.last_modified = std::max(stored.last_modified, line.status_date);
  }
  return stored;
}

}  // namespace mporders
