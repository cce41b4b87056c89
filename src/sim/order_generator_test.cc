#include "sim/order_generator.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "sim/catalog.h"

namespace mporders {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;

constexpr EpochMillis kNow = 1'718'000'000'000;  // 2024-06-10
constexpr EpochMillis kHour = 3'600'000;
constexpr int kDaysBack = 180;

GeneratorOptions Options(std::uint64_t seed = 42) {
  GeneratorOptions options;
  options.seed = seed;
  options.now = kNow;
  options.days_back = kDaysBack;
  return options;
}

bool AllDigits(const std::string& text, std::size_t length) {
  if (text.size() != length) return false;
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

bool IsRelayEmail(const std::string& email) {
  static const std::string kDomain = "@relay.walmart.com";
  if (email.size() != 32 + kDomain.size() || email.substr(32) != kDomain) return false;
  return std::all_of(email.begin(), email.begin() + 32,
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); });
}

const std::set<std::string>& RefundReasons() {
  static const std::set<std::string> reasons = {"BillingError",
                                                "TaxExemptCustomer",
                                                "ItemNotAsAdvertised",
                                                "IncorrectItemReceived",
                                                "CancelledYetShipped",
                                                "ItemNotReceivedByCustomer",
                                                "IncorrectShippingPrice",
                                                "DamagedItem",
                                                "DefectiveItem",
                                                "CustomerChangedMind",
                                                "CustomerReceivedItemLate",
                                                "Missing Parts / Instructions",
                                                "Finance -> Goodwill",
                                                "Finance -> Rollback",
                                                "Buyer canceled",
                                                "Customer returned item",
                                                "General adjustment",
                                                "Merchandise not received",
                                                "Quality -> Missing Parts / Instructions",
                                                "Shipping & Delivery -> Damaged",
                                                "Shipping & Delivery -> Shipping Price Discrepancy",
                                                "Others"};
  return reasons;
}

const std::map<std::string, std::string>& FulfillmentMethods() {
  static const std::map<std::string, std::string> methods = {
      {"Standard", "STANDARD"}, {"Value", "VALUE"},     {"Express", "EXPEDITED"},
      {"OneDay", "RUSH"},       {"Freight", "FREIGHT"}, {"WhiteGlove", "WHITE_GLOVE"}};
  return methods;
}

// Checks that a tracking number looks like the carrier's own.
bool TrackingNumberFits(const std::string& carrier, const std::string& number) {
  auto digits_from = [&](std::size_t from) {
    return std::all_of(number.begin() + static_cast<std::ptrdiff_t>(from), number.end(),
                       [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
  };
  if (carrier == "UPS") return number.size() == 18 && number.rfind("1Z", 0) == 0;
  if (carrier == "USPS") return number.size() == 22 && digits_from(0);
  if (carrier == "FedEx") return (number.size() == 12 || number.size() == 15) && digits_from(0);
  if (carrier == "OnTrac") return number.size() == 15 && number[0] == 'D' && digits_from(1);
  if (carrier == "LSO") return number.size() == 9 && number[0] == 'Z' && digits_from(2);
  if (carrier == "DHL Ecommerce - US") {
    return number.size() == 20 && number.rfind("GM", 0) == 0 && digits_from(2);
  }
  return false;
}

std::int64_t UnitPrice(const std::string& sku) {
  for (const sim::Product& product : sim::Products()) {
    if (sku == product.sku) return product.price_cents;
  }
  return -1;
}

// --- determinism and ids -----------------------------------------------------

TEST(OrderGeneratorTest, SameIndexGivesIdenticalOrderWhateverTheCallOrder) {
  const OrderGenerator a(Options());
  const OrderGenerator b(Options());
  const Order first = a.Make(12345);
  for (std::uint64_t i = 0; i < 50; ++i) a.Make(i);  // unrelated work in between
  EXPECT_EQ(a.Make(12345), first);
  EXPECT_EQ(b.Make(12345), first);
  for (std::uint64_t i = 1000; i > 900; --i) {
    ASSERT_EQ(a.Make(i), b.Make(i)) << "index " << i;
  }
}

TEST(OrderGeneratorTest, ThreadsOnDisjointRangesMatchOneThread) {
  const OrderGenerator generator(Options());
  constexpr std::uint64_t kCount = 2000;
  std::vector<Order> parallel(kCount);
  std::vector<std::thread> threads;
  for (std::uint64_t t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (std::uint64_t i = t; i < kCount; i += 4) parallel[i] = generator.Make(i);
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::uint64_t i = 0; i < kCount; ++i) ASSERT_EQ(parallel[i], generator.Make(i)) << i;
}

TEST(OrderGeneratorTest, DifferentSeedsGiveDifferentOrders) {
  const OrderGenerator a(Options(1));
  const OrderGenerator b(Options(2));
  int same_po = 0;
  int same_content = 0;
  for (std::uint64_t i = 0; i < 200; ++i) {
    const Order x = a.Make(i);
    const Order y = b.Make(i);
    same_po += x.purchase_order_id == y.purchase_order_id;
    same_content += x.customer_email_id == y.customer_email_id ||
                    x.shipping_info.postal_address == y.shipping_info.postal_address;
    EXPECT_NE(x, y);
  }
  EXPECT_EQ(same_po, 0);
  EXPECT_LT(same_content, 5);
}

TEST(OrderGeneratorTest, PurchaseOrderIdsAreUniqueOverManyIndices) {
  const OrderGenerator generator(Options());
  std::unordered_set<std::string> ids;
  constexpr std::uint64_t kCount = 100'000;
  ids.reserve(kCount);
  for (std::uint64_t i = 0; i < kCount; ++i) {
    const Order order = generator.Make(i);
    ASSERT_TRUE(AllDigits(order.purchase_order_id, 13)) << order.purchase_order_id;
    ASSERT_TRUE(ids.insert(order.purchase_order_id).second)
        << "duplicate " << order.purchase_order_id << " at index " << i;
  }
}

TEST(OrderGeneratorTest, PrefixIsPrependedToPurchaseOrderIds) {
  GeneratorOptions options = Options();
  options.purchase_order_prefix = "SIM";
  const Order with_prefix = OrderGenerator(options).Make(7);
  const Order without = OrderGenerator(Options()).Make(7);
  EXPECT_EQ(with_prefix.purchase_order_id, "SIM" + without.purchase_order_id);
}

TEST(OrderGeneratorTest, MakeStoredCarriesSellerAndLatestStatusDate) {
  const OrderGenerator generator(Options());
  for (std::uint64_t i = 0; i < 200; ++i) {
    const StoredOrder stored = generator.MakeStored(i, "seller-9");
    EXPECT_EQ(stored.seller_id, "seller-9");
    EXPECT_EQ(stored.order, generator.Make(i));
    EpochMillis latest = 0;
    for (const OrderLine& line : stored.order.order_lines)
      latest = std::max(latest, line.status_date);
    EXPECT_EQ(stored.last_modified, latest);
    EXPECT_EQ(stored.version, 0);
  }
}

TEST(OrderGeneratorTest, OrderDateOfIsTheDateOfMake) {
  for (const int days_back : {1, 2, kDaysBack}) {
    GeneratorOptions options = Options();
    options.days_back = days_back;
    const OrderGenerator generator(options);
    for (std::uint64_t i = 0; i < 2000; ++i) {
      ASSERT_EQ(generator.OrderDateOf(i), generator.Make(i).order_date)
          << "index " << i << ", " << days_back << " days back";
    }
  }
}

TEST(OrderGeneratorTest, DaysBackBoundsOrderDates) {
  GeneratorOptions options = Options();
  options.days_back = 2;
  const OrderGenerator generator(options);
  for (std::uint64_t i = 0; i < 2000; ++i) {
    const Order order = generator.Make(i);
    ASSERT_GE(order.order_date, kNow - 2 * kMillisPerDay);
    ASSERT_LE(order.order_date, kNow);
  }
}

// --- every order is internally consistent -------------------------------------

struct Tally {
  std::map<LineStatus, int> buckets_by_status;
  int orders = 0;
  int replacements = 0;
  int multi_line_orders = 0;
  int multi_bucket_lines = 0;
  int refunds = 0;
  int full_refunds = 0;
  int intent_lines = 0;
  int ship_to_store = 0;
  int shipping_charges = 0;
  std::map<std::string, int> ship_nodes;
  std::map<std::string, int> methods;
  std::set<std::string> carriers;
  int open_recent = 0;  // orders younger than a day with Created/Acknowledged quantity
  int recent = 0;
};

void CheckOrder(const Order& order, Tally& tally) {
  SCOPED_TRACE("order " + order.purchase_order_id);
  ++tally.orders;
  EXPECT_TRUE(AllDigits(order.customer_order_id, 13)) << order.customer_order_id;
  EXPECT_TRUE(IsRelayEmail(order.customer_email_id)) << order.customer_email_id;

  // Replacement orders, and only those, name the original order.
  ASSERT_TRUE(order.order_type.has_value());
  EXPECT_THAT(*order.order_type, AnyOf(Eq("REGULAR"), Eq("REPLACEMENT")));
  if (*order.order_type == "REPLACEMENT") {
    ++tally.replacements;
    ASSERT_TRUE(order.original_customer_order_id.has_value());
    EXPECT_TRUE(AllDigits(*order.original_customer_order_id, 13));
  } else {
    EXPECT_FALSE(order.original_customer_order_id.has_value());
  }

  // Dates: inside the window, estimates in order.
  EXPECT_GE(order.order_date, kNow - kDaysBack * kMillisPerDay);
  EXPECT_LE(order.order_date, kNow);
  const ShippingInfo& shipping = order.shipping_info;
  EXPECT_GE(shipping.estimated_ship_date - order.order_date, kMillisPerDay);
  EXPECT_LE(shipping.estimated_ship_date - order.order_date, 2 * kMillisPerDay);
  EXPECT_GE(shipping.estimated_delivery_date - shipping.estimated_ship_date, 2 * kMillisPerDay);
  EXPECT_LE(shipping.estimated_delivery_date - shipping.estimated_ship_date, 6 * kMillisPerDay);
  ASSERT_TRUE(FulfillmentMethods().contains(shipping.method_code)) << shipping.method_code;
  ++tally.methods[shipping.method_code];

  // Customer and address.
  EXPECT_TRUE(AllDigits(shipping.phone, 10)) << shipping.phone;
  const PostalAddress& address = shipping.postal_address;
  EXPECT_NE(address.name.find(' '), std::string::npos);
  EXPECT_FALSE(address.address1.empty());
  EXPECT_TRUE(std::isdigit(static_cast<unsigned char>(address.address1[0])));
  EXPECT_FALSE(address.city.empty());
  EXPECT_EQ(address.state.size(), 2u);
  EXPECT_TRUE(AllDigits(address.postal_code, 5)) << address.postal_code;
  EXPECT_EQ(address.country, "USA");
  ASSERT_TRUE(address.address_type.has_value());
  EXPECT_THAT(*address.address_type, AnyOf(Eq("RESIDENTIAL"), Eq("OFFICE")));
  if (address.address2) {
    EXPECT_FALSE(address.address2->empty());
  }

  // Ship node.
  ASSERT_TRUE(order.ship_node.has_value() && order.ship_node->type.has_value());
  const std::string& node = *order.ship_node->type;
  ++tally.ship_nodes[node];
  EXPECT_THAT(node, AnyOf(Eq("SellerFulfilled"), Eq("WFSFulfilled"), Eq("3PLFulfilled")));
  EXPECT_EQ(order.ship_node->name.has_value(), node == "3PLFulfilled");
  EXPECT_EQ(order.ship_node->id.has_value(), node == "3PLFulfilled");

  // Lines.
  ASSERT_GE(order.order_lines.size(), 1u);
  ASSERT_LE(order.order_lines.size(), 5u);
  if (order.order_lines.size() > 1) ++tally.multi_line_orders;
  bool open = false;
  for (std::size_t i = 0; i < order.order_lines.size(); ++i) {
    const OrderLine& line = order.order_lines[i];
    SCOPED_TRACE("line " + line.line_number);
    EXPECT_EQ(line.line_number, std::to_string(i + 1));
    EXPECT_FALSE(line.item.product_name.empty());
    const std::int64_t unit_price = UnitPrice(line.item.sku);
    ASSERT_GT(unit_price, 0) << "unknown sku " << line.item.sku;
    if (line.item.weight) {
      EXPECT_EQ(line.item.weight->unit, "Pounds");
    }
    if (line.item.image_url) {
      EXPECT_EQ(line.item.image_url->rfind("https://", 0), 0u);
    }

    const std::int64_t quantity = line.order_line_quantity.amount;
    EXPECT_EQ(line.order_line_quantity.unit, "EACH");
    ASSERT_GE(quantity, 1);
    ASSERT_LE(quantity, 3);

    // Money: exact cents, tax 5-10%, shipping optional.
    ASSERT_GE(line.charges.size(), 1u);
    ASSERT_LE(line.charges.size(), 2u);
    const Charge& product = line.charges[0];
    EXPECT_EQ(product.charge_type, "PRODUCT");
    EXPECT_EQ(product.charge_name, "ItemPrice");
    EXPECT_EQ(product.charge_amount.currency, "USD");
    EXPECT_EQ(product.charge_amount.minor, unit_price * quantity);
    for (const Charge& charge : line.charges) {
      ASSERT_TRUE(charge.tax.has_value());
      EXPECT_EQ(charge.tax->tax_name, "Tax1");
      EXPECT_EQ(charge.tax->tax_amount.currency, "USD");
      const std::int64_t amount = charge.charge_amount.minor;
      EXPECT_GE(charge.tax->tax_amount.minor * 10000, amount * 500 - 5000);
      EXPECT_LE(charge.tax->tax_amount.minor * 10000, amount * 1000 + 5000);
    }
    if (line.charges.size() == 2) {
      ++tally.shipping_charges;
      EXPECT_EQ(line.charges[1].charge_type, "SHIPPING");
      EXPECT_EQ(line.charges[1].charge_name, "Shipping");
      EXPECT_GT(line.charges[1].charge_amount.minor, 0);
    }

    // Fulfillment agrees with the order's shipping.
    ASSERT_TRUE(line.fulfillment.has_value());
    const Fulfillment& fulfillment = *line.fulfillment;
    EXPECT_EQ(fulfillment.ship_method, FulfillmentMethods().at(shipping.method_code));
    EXPECT_EQ(fulfillment.pick_up_date_time, shipping.estimated_delivery_date);
    ASSERT_TRUE(fulfillment.fulfillment_option.has_value());
    EXPECT_THAT(*fulfillment.fulfillment_option, AnyOf(Eq("S2H"), Eq("S2S")));
    EXPECT_EQ(fulfillment.store_id.has_value(), *fulfillment.fulfillment_option == "S2S");
    if (i == 0 && *fulfillment.fulfillment_option == "S2S") ++tally.ship_to_store;
    if (fulfillment.shipping_program_type) {
      EXPECT_THAT(*fulfillment.shipping_program_type,
                  AnyOf(Eq("TWO_DAY"), Eq("THREE_DAY"), Eq("THREE_TO_FIVE_DAY")));
    }

    if (line.intent_to_cancel) {
      ++tally.intent_lines;
      EXPECT_EQ(*line.intent_to_cancel, "Y");
    }

    // Statuses: the buckets partition the quantity and agree with their data.
    EXPECT_GE(line.status_date, order.order_date);
    EXPECT_LE(line.status_date, kNow);
    ASSERT_FALSE(line.statuses.empty());
    if (line.statuses.size() > 1) ++tally.multi_bucket_lines;
    std::int64_t total = 0;
    std::int64_t delivered = 0;
    int previous_rank = -1;
    for (const OrderLineStatus& bucket : line.statuses) {
      ++tally.buckets_by_status[bucket.status];
      EXPECT_GT(bucket.status_quantity.amount, 0);
      total += bucket.status_quantity.amount;
      const int rank = static_cast<int>(bucket.status);
      EXPECT_GE(rank, previous_rank) << "buckets out of lifecycle order";
      previous_rank = rank;
      EXPECT_NE(bucket.status, LineStatus::kRefund);
      if (node == "WFSFulfilled") {
        EXPECT_NE(bucket.status, LineStatus::kCreated);
      }
      if (bucket.status == LineStatus::kCreated || bucket.status == LineStatus::kAcknowledged) {
        open = true;
        // Open quantity is never older than Walmart's auto-cancel deadline.
        EXPECT_LT(kNow, shipping.estimated_ship_date + 4 * kMillisPerDay);
      }

      const bool shipped =
          bucket.status == LineStatus::kShipped || bucket.status == LineStatus::kDelivered;
      EXPECT_EQ(bucket.tracking_info.has_value(), shipped);
      if (shipped && bucket.tracking_info) {
        const TrackingInfo& tracking = *bucket.tracking_info;
        EXPECT_GT(tracking.ship_date_time, order.order_date);
        EXPECT_LE(tracking.ship_date_time, kNow);
        EXPECT_LE(tracking.ship_date_time, line.status_date);
        ASSERT_TRUE(tracking.carrier_name.carrier.has_value());
        const std::string& carrier = *tracking.carrier_name.carrier;
        tally.carriers.insert(carrier);
        EXPECT_TRUE(TrackingNumberFits(carrier, tracking.tracking_number))
            << carrier << " " << tracking.tracking_number;
        EXPECT_EQ(tracking.method_code, shipping.method_code);
        ASSERT_TRUE(tracking.tracking_url.has_value());
        EXPECT_NE(tracking.tracking_url->find(tracking.tracking_number), std::string::npos);
      }
      if (bucket.status == LineStatus::kDelivered) delivered += bucket.status_quantity.amount;

      EXPECT_EQ(bucket.cancellation_reason.has_value(), bucket.status == LineStatus::kCancelled);
      if (bucket.cancellation_reason) {
        EXPECT_THAT(
            *bucket.cancellation_reason,
            AnyOf(Eq("CUSTOMER_REQUESTED_SELLER_TO_CANCEL"), Eq("SELLER_CANCEL_PRICING_ERROR"),
                  Eq("SELLER_CANCEL_OUT_OF_STOCK"), Eq("SELLER_CANCEL_FRAUD_STOP_SHIPMENT"),
                  Eq("SELLER_CANCEL_ADDRESS_NOT_SERVICEABLE")));
        if (*bucket.cancellation_reason == "CUSTOMER_REQUESTED_SELLER_TO_CANCEL") {
          EXPECT_EQ(line.intent_to_cancel, "Y");
        }
      }
    }
    EXPECT_EQ(total, quantity);

    // Refunds: only for delivered quantity, negative, within what was charged.
    if (line.refund) {
      ++tally.refunds;
      EXPECT_GT(delivered, 0);
      EXPECT_TRUE(line.refund->refund_id.has_value());
      ASSERT_FALSE(line.refund->refund_charges.empty());
      std::map<std::string, std::int64_t> refunded;
      std::map<std::string, std::int64_t> refunded_tax;
      for (const RefundCharge& refund : line.refund->refund_charges) {
        EXPECT_TRUE(RefundReasons().contains(refund.refund_reason)) << refund.refund_reason;
        EXPECT_LT(refund.charge.charge_amount.minor, 0);
        EXPECT_EQ(refund.charge.charge_amount.currency, "USD");
        refunded[refund.charge.charge_type] += -refund.charge.charge_amount.minor;
        if (refund.charge.tax) {
          EXPECT_LE(refund.charge.tax->tax_amount.minor, 0);
          refunded_tax[refund.charge.charge_type] += -refund.charge.tax->tax_amount.minor;
        }
      }
      for (const auto& [type, cents] : refunded) {
        const auto charge = std::find_if(line.charges.begin(), line.charges.end(),
                                         [&](const Charge& c) { return c.charge_type == type; });
        ASSERT_NE(charge, line.charges.end()) << "refund of an absent " << type << " charge";
        EXPECT_LE(cents, charge->charge_amount.minor);
        EXPECT_LE(refunded_tax[type], charge->tax->tax_amount.minor);
        if (type == "PRODUCT") {
          EXPECT_LE(cents, unit_price * delivered);
        }
      }
      if (line.return_order_id) {
        ++tally.full_refunds;
        EXPECT_TRUE(AllDigits(*line.return_order_id, 13));
        EXPECT_EQ(refunded["PRODUCT"], product.charge_amount.minor);
      }
    } else {
      EXPECT_FALSE(line.return_order_id.has_value());
    }
  }
  if (kNow - order.order_date < kMillisPerDay) {
    ++tally.recent;
    tally.open_recent += open;
  }
  // Old orders are settled: nothing left to acknowledge or ship.
  if (kNow - order.order_date > 10 * kMillisPerDay) {
    EXPECT_FALSE(open);
  }
}

constexpr std::uint64_t kCheckedOrders = 20'000;

// Checks every order of the sample once per test process and keeps the counts.
const Tally& CheckedSample() {
  static const Tally tally = [] {
    Tally t;
    const OrderGenerator generator(Options());
    for (std::uint64_t i = 0; i < kCheckedOrders; ++i) CheckOrder(generator.Make(i), t);
    return t;
  }();
  return tally;
}

TEST(GeneratedOrdersTest, EveryOrderIsConsistent) {
  EXPECT_EQ(CheckedSample().orders, static_cast<int>(kCheckedOrders));
}

TEST(GeneratedOrdersTest, EveryStatusAppears) {
  const Tally& t = CheckedSample();
  for (LineStatus status : {LineStatus::kCreated, LineStatus::kAcknowledged, LineStatus::kShipped,
                            LineStatus::kDelivered, LineStatus::kCancelled}) {
    EXPECT_GE(t.buckets_by_status.count(status) ? t.buckets_by_status.at(status) : 0, 50)
        << LineStatusName(status);
  }
  // Delivered dominates an 180-day history.
  EXPECT_GT(t.buckets_by_status.at(LineStatus::kDelivered), t.orders / 2);
}

TEST(GeneratedOrdersTest, MixMatchesTheBrief) {
  const Tally& t = CheckedSample();
  EXPECT_GT(t.replacements, t.orders * 3 / 100);
  EXPECT_LT(t.replacements, t.orders * 7 / 100);
  EXPECT_GT(t.multi_line_orders, t.orders / 5);
  EXPECT_LT(t.multi_line_orders, t.orders / 2);
  EXPECT_GT(t.multi_bucket_lines, 200);
  EXPECT_GT(t.refunds, 50);
  EXPECT_GT(t.full_refunds, 5);
  EXPECT_GT(t.intent_lines, 50);
  EXPECT_GT(t.ship_to_store, 50);
  EXPECT_GT(t.shipping_charges, 500);
  EXPECT_GT(t.ship_nodes.at("SellerFulfilled"), t.orders * 3 / 4);
  EXPECT_GT(t.ship_nodes.at("WFSFulfilled"), t.orders / 20);
  EXPECT_GT(t.ship_nodes.at("3PLFulfilled"), t.orders / 50);
  EXPECT_GT(t.methods.at("Standard") + t.methods.at("Value"), t.orders * 3 / 4);
  EXPECT_EQ(t.methods.size(), 6u);
  EXPECT_EQ(t.carriers,
            (std::set<std::string>{"UPS", "USPS", "FedEx", "OnTrac", "LSO", "DHL Ecommerce - US"}));
}

TEST(GeneratedOrdersTest, RecentOrdersAreStillOpen) {
  const Tally& t = CheckedSample();
  ASSERT_GT(t.recent, 100);
  EXPECT_GT(t.open_recent, t.recent / 4);
}

}  // namespace
}  // namespace mporders
