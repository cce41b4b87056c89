// Generated orders of Canada, Chile and Mexico: the market's formats, money,
// taxes, carriers and statuses.

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "domain/invariants.h"
#include "domain/market.h"
#include "sim/catalog.h"
#include "sim/market_data.h"
#include "sim/order_generator.h"
#include "sim/tax_ids.h"

namespace mporders {
namespace {

using ::testing::AnyOf;
using ::testing::Eq;

constexpr EpochMillis kNow = 1'718'000'000'000;  // 2024-06-10
constexpr int kOrders = 3000;

OrderGenerator Generator(MarketId market, std::uint64_t seed = 42) {
  GeneratorOptions options;
  options.seed = seed;
  options.now = kNow;
  options.days_back = 180;
  options.market = market;
  return OrderGenerator(options);
}

bool AllDigits(const std::string& text, std::size_t length) {
  return text.size() == length && std::all_of(text.begin(), text.end(), [](char c) {
           return std::isdigit(static_cast<unsigned char>(c)) != 0;
         });
}

const sim::Locality* FindLocality(MarketId market, const PostalAddress& address) {
  for (const sim::Locality& locality : sim::Localities(market)) {
    if (address.city == locality.city && address.state == locality.state) return &locality;
  }
  return nullptr;
}

std::string ExtraOf(const Order& order, const std::string& key) {
  for (const auto& [name, value] : order.extras) {
    if (name == key) return value;
  }
  return "";
}

// Everything the market decides, checked on every order; returns the tally
// of line statuses seen.
struct Seen {
  std::map<LineStatus, int> statuses;
  std::set<std::string> carriers;
  std::set<std::string> methods;
  std::set<std::string> tax_names;
  int refunds = 0;
};

void CheckMarketOrder(const Market& market, const Order& order, Seen& seen) {
  SCOPED_TRACE(std::string(market.code()) + " order " + order.purchase_order_id);
  ASSERT_TRUE(CheckInvariants(order).ok()) << CheckInvariants(order).description();
  EXPECT_TRUE(CheckOrderCurrency(order, market).ok());
  const PostalAddress& address = order.shipping_info.postal_address;
  EXPECT_EQ(address.country, market.country());
  EXPECT_NE(FindLocality(market.id(), address), nullptr) << address.city << ", " << address.state;
  EXPECT_TRUE(market.IsMethodCode(order.shipping_info.method_code))
      << order.shipping_info.method_code;
  seen.methods.insert(order.shipping_info.method_code);
  for (const OrderLine& line : order.order_lines) {
    for (const Charge& charge : line.charges) {
      EXPECT_EQ(charge.charge_amount.currency, market.currency());
      EXPECT_GT(charge.charge_amount.minor, 0);
      ASSERT_TRUE(charge.tax.has_value());
      seen.tax_names.insert(charge.tax->tax_name);
    }
    for (const OrderLineStatus& bucket : line.statuses) {
      ++seen.statuses[bucket.status];
      EXPECT_TRUE(market.HasStatus(bucket.status)) << LineStatusName(bucket.status);
      if (bucket.tracking_info) {
        const std::string& carrier = *bucket.tracking_info->carrier_name.carrier;
        EXPECT_TRUE(market.carriers().Contains(carrier)) << carrier;
        EXPECT_TRUE(market.IsMethodCode(bucket.tracking_info->method_code));
        EXPECT_FALSE(bucket.tracking_info->tracking_number.empty());
        seen.carriers.insert(carrier);
      }
      if (bucket.cancellation_reason) {
        EXPECT_TRUE(market.IsCancellationReason(*bucket.cancellation_reason))
            << *bucket.cancellation_reason;
      }
    }
    if (line.refund) {
      ++seen.refunds;
      for (const RefundCharge& refund : line.refund->refund_charges) {
        EXPECT_TRUE(market.IsRefundReason(refund.refund_reason)) << refund.refund_reason;
        EXPECT_LT(refund.charge.charge_amount.minor, 0);
      }
    }
  }
}

Seen CheckMarket(MarketId id) {
  const Market& market = GetMarket(id);
  const OrderGenerator generator = Generator(id);
  Seen seen;
  for (std::uint64_t i = 0; i < kOrders; ++i) CheckMarketOrder(market, generator.Make(i), seen);
  return seen;
}

TEST(MarketOrdersTest, CanadaHasItsCarriersTaxesAndNoDelivered) {
  const Seen seen = CheckMarket(MarketId::kCa);
  EXPECT_EQ(seen.statuses.count(LineStatus::kDelivered), 0u);
  EXPECT_GT(seen.statuses.at(LineStatus::kShipped), 100);
  EXPECT_GT(seen.statuses.at(LineStatus::kCancelled), 10);
  EXPECT_TRUE(seen.carriers.contains("CPC"));
  EXPECT_TRUE(seen.carriers.contains("PCLINT"));
  EXPECT_EQ(seen.tax_names, (std::set<std::string>{"GST", "HST", "GST+QST", "GST+PST", "GST+RST"}));
  // Refunds apply to lines that stay Shipped.
  EXPECT_GT(seen.refunds, 5);
}

TEST(MarketOrdersTest, ChileHasItsCarriersIvaAndNoDelivered) {
  const Seen seen = CheckMarket(MarketId::kCl);
  EXPECT_EQ(seen.statuses.count(LineStatus::kDelivered), 0u);
  EXPECT_GT(seen.statuses.at(LineStatus::kShipped), 100);
  EXPECT_EQ(seen.carriers,
            (std::set<std::string>{"Chilexpress", "BlueExpress", "Starken", "CorreosChile"}));
  EXPECT_EQ(seen.methods, (std::set<std::string>{"Standard", "Express"}));
  EXPECT_EQ(seen.tax_names, (std::set<std::string>{"IVA"}));
  EXPECT_GT(seen.refunds, 5);
}

TEST(MarketOrdersTest, MexicoHasItsCarriersIvaDeliveredAndNoRefunds) {
  const Seen seen = CheckMarket(MarketId::kMx);
  EXPECT_GT(seen.statuses.at(LineStatus::kDelivered), 100);
  EXPECT_EQ(seen.refunds, 0);
  EXPECT_EQ(seen.carriers, (std::set<std::string>{"Estafeta", "MX-FEDX", "MX-DHL"}));
  EXPECT_EQ(seen.tax_names, (std::set<std::string>{"IVA_TAX", "SHIP_IVA_TAX"}));
}

TEST(MarketOrdersTest, CanadianAddressesHaveRealProvincesAndPostalCodes) {
  // A1A 1A1 without D, F, I, O, Q, U; the FSA is one of the city's.
  const std::regex postal("[ABCEGHJ-NPRSTVXY][0-9][ABCEGHJ-NPRSTV-Z] [0-9][ABCEGHJ-NPRSTV-Z][0-9]");
  const std::set<std::string> provinces = {"ON", "QC", "BC", "AB", "MB", "SK",
                                           "NS", "NB", "NL", "PE", "YT", "NT"};
  const OrderGenerator generator = Generator(MarketId::kCa);
  for (std::uint64_t i = 0; i < 500; ++i) {
    const Order order = generator.Make(i);
    const PostalAddress& address = order.shipping_info.postal_address;
    SCOPED_TRACE(address.city + " " + address.postal_code);
    EXPECT_TRUE(std::regex_match(address.postal_code, postal));
    EXPECT_TRUE(provinces.contains(address.state));
    const sim::Locality* locality = FindLocality(MarketId::kCa, address);
    ASSERT_NE(locality, nullptr);
    EXPECT_NE(std::string(locality->postal).find(address.postal_code.substr(0, 3)),
              std::string::npos);
    EXPECT_TRUE(AllDigits(order.shipping_info.phone, 10));
    EXPECT_EQ(order.shipping_info.phone.substr(0, 3), locality->area_code);
    EXPECT_TRUE(order.extras.empty());
  }
}

TEST(MarketOrdersTest, CanadianTaxFollowsTheProvince) {
  const OrderGenerator generator = Generator(MarketId::kCa);
  std::set<std::string> provinces_seen;
  for (std::uint64_t i = 0; i < 2000; ++i) {
    const Order order = generator.Make(i);
    const std::string& province = order.shipping_info.postal_address.state;
    for (const OrderLine& line : order.order_lines) {
      for (const Charge& charge : line.charges) {
        const std::int64_t amount = charge.charge_amount.minor;
        const auto rounded = [amount](std::int64_t per_cent_mille) {
          return (amount * per_cent_mille + 50000) / 100000;
        };
        std::string name;
        std::int64_t tax = 0;
        if (province == "ON") {
          name = "HST", tax = rounded(13000);
        } else if (province == "NS") {
          name = "HST", tax = rounded(14000);
        } else if (province == "NB" || province == "NL" || province == "PE") {
          name = "HST", tax = rounded(15000);
        } else if (province == "QC") {
          name = "GST+QST", tax = rounded(5000) + rounded(9975);
        } else if (province == "BC") {
          name = "GST+PST", tax = rounded(5000) + rounded(7000);
        } else if (province == "MB") {
          name = "GST+RST", tax = rounded(5000) + rounded(7000);
        } else if (province == "SK") {
          name = "GST+PST", tax = rounded(5000) + rounded(6000);
        } else {
          name = "GST", tax = rounded(5000);
        }
        EXPECT_EQ(charge.tax->tax_name, name) << province;
        EXPECT_EQ(charge.tax->tax_amount.minor, tax) << province << " " << amount;
        provinces_seen.insert(province);
      }
    }
  }
  EXPECT_GE(provinces_seen.size(), 10u);
}

TEST(MarketOrdersTest, ChileanOrdersHaveWholePesoShelfPricesRutAndChileanAddresses) {
  const OrderGenerator generator = Generator(MarketId::kCl);
  std::set<std::string> ruts;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const Order order = generator.Make(i);
    SCOPED_TRACE(order.purchase_order_id);
    const PostalAddress& address = order.shipping_info.postal_address;
    EXPECT_TRUE(AllDigits(address.postal_code, 7)) << address.postal_code;
    const sim::Locality* locality = FindLocality(MarketId::kCl, address);
    ASSERT_NE(locality, nullptr);
    EXPECT_EQ(address.postal_code.substr(0, 3), locality->postal);
    // Two surnames.
    EXPECT_GE(std::count(address.name.begin(), address.name.end(), ' '), 2);
    const std::string& phone = order.shipping_info.phone;
    EXPECT_EQ(phone.substr(0, 4), "+569");
    EXPECT_TRUE(AllDigits(phone.substr(4), 8)) << phone;

    const std::string rut = ExtraOf(order, "rut");
    ASSERT_GE(rut.size(), 2u);
    ASSERT_EQ(rut.front(), '"');
    ASSERT_EQ(rut.back(), '"');
    EXPECT_TRUE(sim::IsValidRut(rut.substr(1, rut.size() - 2))) << rut;
    ruts.insert(rut);

    for (const OrderLine& line : order.order_lines) {
      const Charge& product = line.charges.front();
      const std::int64_t quantity = line.order_line_quantity.amount;
      // Net plus the included IVA is the shelf price: 12990, 149990, ...
      const std::int64_t paid = product.charge_amount.minor + product.tax->tax_amount.minor;
      ASSERT_EQ(paid % quantity, 0);
      const std::int64_t shelf = paid / quantity;
      EXPECT_EQ(shelf % 1000, 990) << shelf;
      EXPECT_GE(shelf, 990);
      EXPECT_LE(shelf, 3'000'000);
      // The IVA is 19 % of the net price, to the peso.
      const std::int64_t net_unit = product.charge_amount.minor / quantity;
      EXPECT_LE(std::abs(net_unit * 19 / 100 - (shelf - net_unit)), 1);
    }
  }
  EXPECT_GT(ruts.size(), 990u);
}

// Every generated MX order carries Mexico's model, consistent with its lines:
// charges that add up to the shared ones, IVA at 16 %, and shipments that hold
// exactly the quantity the line statuses say is shipped or open.
TEST(MarketOrdersTest, MexicanOrdersCarryMexicosOrderModel) {
  const OrderGenerator generator = Generator(MarketId::kMx);
  std::set<std::string> shipment_statuses;
  int discounts = 0, shipping = 0, delivered_shipments = 0, multi_item = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const Order order = generator.Make(i);
    SCOPED_TRACE(order.purchase_order_id);
    ASSERT_TRUE(order.mx.has_value());
    const MxOrderData& mx = *order.mx;
    ASSERT_TRUE(mx.billing_info.has_value());
    EXPECT_EQ(mx.billing_info->name, order.shipping_info.postal_address.name);
    EXPECT_EQ(mx.billing_info->postal_code, order.shipping_info.postal_address.postal_code);
    EXPECT_EQ(mx.billing_info->country, "MX");
    std::int64_t total = 0;
    std::map<std::string, std::int64_t> in_shipments, shipped_in_shipments;
    for (const MxShipment& shipment : mx.shipments) {
      shipment_statuses.insert(shipment.status);
      ASSERT_TRUE(shipment.tracking_number.has_value());
      EXPECT_FALSE(shipment.shipment_no.empty());
      EXPECT_TRUE(order.order_lines.size() >= shipment.lines.size());
      ASSERT_TRUE(GetMarket(MarketId::kMx).carriers().Contains(shipment.carrier))
          << shipment.carrier;
      ASSERT_TRUE(shipment.created_date.has_value());
      if (shipment.lines.size() > 1) ++multi_item;
      for (const MxShipmentLine& part : shipment.lines) {
        in_shipments[part.prime_line_no] += part.quantity;
        if (shipment.status == kMxShipmentShipped)
          shipped_in_shipments[part.prime_line_no] += part.quantity;
      }
      if (shipment.status == kMxShipmentShipped) {
        ASSERT_TRUE(shipment.ship_date_time.has_value());
        EXPECT_EQ(shipment.shipped_date, shipment.ship_date_time);
        EXPECT_EQ(shipment.package_no, shipment.shipment_no + "_1");
        if (shipment.delivered_date) ++delivered_shipments;
      } else {
        EXPECT_EQ(shipment.status, kMxShipmentCreated);
        EXPECT_EQ(shipment.carrier, "MX-FEDX");
        EXPECT_FALSE(shipment.seller_owned);
      }
    }
    for (const OrderLine& line : order.order_lines) {
      ASSERT_TRUE(line.mx.has_value());
      const MxLine& l = *line.mx;
      EXPECT_EQ(l.co_line_number, line.line_number);
      EXPECT_EQ(l.so_prime_line_sub_line_no,
                order.customer_order_id + "-" + line.line_number + "-1");
      ASSERT_FALSE(l.charges.empty());
      const MxCharge& product = l.charges.front();
      EXPECT_EQ(product.charge_type, "PRODUCT");
      EXPECT_EQ(product.charge_name, "ItemPrice");
      ASSERT_TRUE(product.charge_amount.has_value());
      ASSERT_GE(product.taxes.size(), 1u);
      EXPECT_EQ(product.taxes[0].tax_name, "IVA_TAX");
      // IVA included in a whole-peso price: 16 % of the net, to the centavo.
      const std::int64_t net = product.charge_amount->minor;
      const std::int64_t iva = product.taxes[0].tax_amount.minor;
      EXPECT_LE(std::abs(net * 16 - iva * 100), 100 * line.order_line_quantity.amount)
          << net << " " << iva;
      ASSERT_TRUE(l.unit_price.has_value());
      EXPECT_EQ(l.unit_price->minor * line.order_line_quantity.amount, net + iva);
      EXPECT_EQ(l.unit_price->currency, "MXN");
      for (const MxCharge& charge : l.charges) {
        ASSERT_TRUE(charge.charge_amount.has_value());
        total += charge.charge_amount->minor;
        for (const MxTax& tax : charge.taxes) total += tax.tax_amount.minor;
        if (charge.charge_type == "DISCOUNT") {
          ++discounts;
          EXPECT_EQ(charge.charge_name, "COUPON_DISC");
          EXPECT_EQ(charge.charge_amount->minor, -(net / 10));
        }
        if (charge.charge_type == "SHIPPING") {
          ++shipping;
          EXPECT_EQ(charge.charge_name, "SHIPPING_CH");
          ASSERT_EQ(charge.taxes.size(), 1u);
          EXPECT_EQ(charge.taxes[0].tax_name, "SHIP_IVA_TAX");
        }
      }
      // Shipments hold the shipped and open units, nothing cancelled.
      const std::int64_t shipped =
          QuantityIn(line, LineStatus::kShipped) + QuantityIn(line, LineStatus::kDelivered);
      const std::int64_t open =
          QuantityIn(line, LineStatus::kCreated) + QuantityIn(line, LineStatus::kAcknowledged);
      EXPECT_EQ(shipped_in_shipments[line.line_number], shipped);
      EXPECT_EQ(in_shipments[line.line_number], shipped + open);
    }
    ASSERT_TRUE(mx.order_total.has_value());
    EXPECT_EQ(mx.order_total->minor, total);
  }
  EXPECT_EQ(shipment_statuses, (std::set<std::string>{kMxShipmentCreated, kMxShipmentShipped}));
  EXPECT_GT(discounts, 50);
  EXPECT_GT(shipping, 10);
  EXPECT_GT(delivered_shipments, 100);
  EXPECT_GT(multi_item, 20);
}

// The US, Canada and Chile keep their model: no Mexican data.
TEST(MarketOrdersTest, OnlyMexicanOrdersCarryMexicosModel) {
  for (MarketId market : {MarketId::kUs, MarketId::kCa, MarketId::kCl}) {
    const OrderGenerator generator = Generator(market);
    for (std::uint64_t i = 0; i < 200; ++i) {
      const Order order = generator.Make(i);
      EXPECT_FALSE(order.mx.has_value());
      for (const OrderLine& line : order.order_lines) EXPECT_FALSE(line.mx.has_value());
    }
  }
}

TEST(MarketOrdersTest, MexicanOrdersHaveStatesPostalCodesRfcAndCfdi) {
  const OrderGenerator generator = Generator(MarketId::kMx);
  int invoiced = 0;
  for (std::uint64_t i = 0; i < 1000; ++i) {
    const Order order = generator.Make(i);
    SCOPED_TRACE(order.purchase_order_id);
    const PostalAddress& address = order.shipping_info.postal_address;
    EXPECT_TRUE(AllDigits(address.postal_code, 5)) << address.postal_code;
    ASSERT_NE(FindLocality(MarketId::kMx, address), nullptr);
    ASSERT_TRUE(address.address2.has_value());
    EXPECT_EQ(address.address2->rfind("Col. ", 0), 0u);
    EXPECT_TRUE(AllDigits(order.shipping_info.phone, 10));

    // The fiscal data is Mexico's model's (mx_derive.h), not left in the extras.
    ASSERT_TRUE(order.mx.has_value());
    EXPECT_EQ(ExtraOf(order, "rfc"), "");
    const std::string rfc = order.mx->rfc.value_or("");
    const std::string cfdi = order.mx->cfdi.value_or("");
    EXPECT_THAT(order.mx->payment_method.value_or(""), AnyOf(Eq("CREDIT"), Eq("DEBIT")));
    ASSERT_EQ(rfc.size(), 13u) << rfc;
    if (rfc == "XAXX010101000") {
      EXPECT_EQ(cfdi, "S01");
    } else {
      ++invoiced;
      EXPECT_THAT(cfdi, AnyOf(Eq("G01"), Eq("G03")));
      EXPECT_TRUE(std::regex_match(rfc, std::regex("[A-Z]{4}[0-9]{6}[0-9A-Z]{3}")));
    }
    for (const OrderLine& line : order.order_lines) {
      for (const Charge& charge : line.charges) {
        // Whole-peso shelf prices, IVA included.
        const std::int64_t paid = charge.charge_amount.minor + charge.tax->tax_amount.minor;
        const std::int64_t units =
            charge.charge_type == "PRODUCT" ? line.order_line_quantity.amount : 1;
        EXPECT_EQ(paid % (100 * units), 0) << paid;
      }
    }
  }
  EXPECT_GT(invoiced, 200);
  EXPECT_LT(invoiced, 500);
}

TEST(MarketOrdersTest, SameSeedSameOrdersInEveryMarket) {
  for (MarketId market : {MarketId::kCa, MarketId::kMx, MarketId::kCl}) {
    const OrderGenerator a = Generator(market, 7);
    const OrderGenerator b = Generator(market, 7);
    for (std::uint64_t i = 0; i < 50; ++i) EXPECT_EQ(a.Make(i), b.Make(i));
  }
}

TEST(MarketOrdersTest, MarketsSeededAlikeShareNoPurchaseOrderIds) {
  std::set<std::string> ids;
  for (MarketId market : kAllMarkets) {
    const OrderGenerator generator = Generator(market, 1);
    for (std::uint64_t i = 0; i < 500; ++i) {
      EXPECT_TRUE(ids.insert(generator.Make(i).purchase_order_id).second);
    }
  }
}

TEST(MarketOrdersTest, UsOrdersDoNotDependOnTheMarketOption) {
  GeneratorOptions options;
  options.seed = 42;
  options.now = kNow;
  const OrderGenerator defaults(options);
  const OrderGenerator us = Generator(MarketId::kUs);
  for (std::uint64_t i = 0; i < 200; ++i) {
    const Order order = us.Make(i);
    EXPECT_EQ(order, defaults.Make(i));
    EXPECT_EQ(order.shipping_info.postal_address.country, "USA");
    EXPECT_TRUE(order.extras.empty());
  }
}

TEST(TaxIdsTest, RutCheckDigits) {
  EXPECT_EQ(sim::RutCheckDigit(12345678), '5');
  EXPECT_EQ(sim::RutCheckDigit(11111111), '1');
  EXPECT_EQ(sim::RutCheckDigit(7654321), '6');
  EXPECT_EQ(sim::RutCheckDigit(10000013), 'K');
  EXPECT_EQ(sim::RutCheckDigit(10000004), '0');
  EXPECT_TRUE(sim::IsValidRut("12345678-5"));
  EXPECT_TRUE(sim::IsValidRut("10000013-k"));
  EXPECT_FALSE(sim::IsValidRut("12345678-4"));
  EXPECT_FALSE(sim::IsValidRut("12345678"));
  EXPECT_FALSE(sim::IsValidRut("1234a678-5"));
}

TEST(TaxIdsTest, PersonRfcTakesTheInitialsOfTheNames) {
  sim::Rng rng(3);
  const std::string rfc = sim::MakePersonRfc("Juan", "García", "López", rng);
  ASSERT_EQ(rfc.size(), 13u);
  EXPECT_EQ(rfc.substr(0, 4), "GALJ");
}

TEST(ShelfPriceTest, PricesLikeTheCountrysShops) {
  EXPECT_EQ(sim::ShelfPrice(MarketId::kUs, 1999), 1999);
  EXPECT_EQ(sim::ShelfPrice(MarketId::kCa, 1999), 2699);   // CAD 26.99
  EXPECT_EQ(sim::ShelfPrice(MarketId::kMx, 1999), 33900);  // MXN 339.00
  EXPECT_EQ(sim::ShelfPrice(MarketId::kCl, 1399), 12990);  // CLP 12990
  EXPECT_EQ(sim::ShelfPrice(MarketId::kCl, 1), 990);
}

}  // namespace
}  // namespace mporders
