#include "domain/market.h"

#include <algorithm>
#include <array>

#include <boost/algorithm/string/predicate.hpp>

#include "domain/carriers_data.h"
#include "domain/reason_codes.h"

namespace mporders {
namespace {

constexpr std::array<std::string_view, 6> kMethodCodes = {"Standard", "Express",    "OneDay",
                                                          "Freight",  "WhiteGlove", "Value"};

// Canada documents two reasons; its schema enum adds the supplier codes.
constexpr std::array<std::string_view, 2> kCaCancellationReasons = {
    "CANCEL_BY_SELLER", kCustomerRequestedSellerToCancel};
constexpr std::array<std::string_view, 5> kCaSupplierCancellationReasons = {
    "SUPPLIER_CANCEL", "SUPPLIER_CANCEL_CUSTOMER_REQUEST", "SUPPLIER_CANCEL_BACKORDER",
    "SUPPLIER_CANCEL_DISCONTINUE", "SUPPLIER_CANCEL_UNRECOGNIZED"};
constexpr std::array<std::string_view, 1> kCaUntrackedCarriers = {"LETTERMAIL"};

bool Contains(std::span<const std::string_view> list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

const CarrierList& Carriers(std::string_view (*text)()) {
  // Each list is built once from text compiled into the binary; never freed.
  return *new CarrierList(CarrierList::Parse(text()));
}

}  // namespace

// Builds the four markets once. A struct (not a function) so that Market can
// befriend it.
struct MarketTable {
  std::array<Market, 4> markets;

  MarketTable() {
    Market& us = markets[0];
    us.id_ = MarketId::kUs;
    us.code_ = "US";
    us.name_ = "United States";
    us.currency_ = "USD";
    us.country_ = "US";
    us.carriers_ = &CarrierList::Us();
    us.method_codes_ = kMethodCodes;
    us.cancellation_reasons_ = UsCancellationReasons();
    us.refund_reasons_ = UsRefundReasons();

    Market& ca = markets[1];
    ca = us;
    ca.id_ = MarketId::kCa;
    ca.code_ = "CA";
    ca.name_ = "Canada";
    ca.currency_ = "CAD";
    ca.country_ = "CA";
    ca.carriers_ = &Carriers(EmbeddedCaCarriersText);
    ca.untracked_carriers_ = kCaUntrackedCarriers;
    ca.cancellation_reasons_ = kCaCancellationReasons;
    ca.optional_cancellation_reasons_ = kCaSupplierCancellationReasons;
    ca.has_delivered_ = false;
    ca.legacy_date_wire_ = DateWire::kIsoString;
    ca.one_carrier_per_line_ = true;

    Market& mx = markets[2];
    mx = us;
    mx.id_ = MarketId::kMx;
    mx.code_ = "MX";
    mx.name_ = "Mexico";
    mx.currency_ = "MXN";
    mx.country_ = "MX";
    mx.carriers_ = &Carriers(EmbeddedMxCarriersText);
    mx.cancellation_reasons_ = {};  // free text ("SELLER REJECTION")
    mx.refund_reasons_ = {};
    mx.has_refunds_ = false;
    mx.legacy_date_wire_ = DateWire::kIsoString;

    Market& cl = markets[3];
    cl = us;
    cl.id_ = MarketId::kCl;
    cl.code_ = "CL";
    cl.name_ = "Chile";
    cl.currency_ = "CLP";
    cl.minor_digits_ = 0;
    cl.country_ = "CL";
    cl.carriers_ = &Carriers(EmbeddedClCarriersText);
    cl.has_delivered_ = false;
  }
};

bool Market::ShipsWithoutTracking(std::string_view carrier) const {
  return Contains(untracked_carriers_, carrier);
}

bool Market::IsMethodCode(std::string_view code) const { return Contains(method_codes_, code); }

bool Market::IsCancellationReason(std::string_view reason, bool with_optional) const {
  if (cancellation_reasons_.empty()) return !reason.empty();
  return Contains(cancellation_reasons_, reason) ||
         (with_optional && Contains(optional_cancellation_reasons_, reason));
}

bool Market::IsRefundReason(std::string_view reason) const {
  return has_refunds_ && Contains(refund_reasons_, reason);
}

bool Market::HasStatus(LineStatus status) const {
  return status != LineStatus::kDelivered || has_delivered_;
}

const Market& GetMarket(MarketId id) {
  static const MarketTable* const kTable = new MarketTable();
  return kTable->markets[static_cast<std::size_t>(id)];
}

std::optional<MarketId> ParseMarketCode(std::string_view code) {
  for (MarketId id : kAllMarkets) {
    if (boost::algorithm::iequals(code, MarketCode(id))) return id;
  }
  return std::nullopt;
}

Status CheckOrderCurrency(const Order& order, const Market& market) {
  const auto check = [&](const Money& money) -> Status {
    if (money.currency == market.currency()) return Status::Ok();
    return Status::InvalidContent("order " + order.purchase_order_id + " is in " +
                                      (money.currency.empty() ? "no currency" : money.currency) +
                                      ", but the seller sells in " + std::string(market.name()) +
                                      " (" + std::string(market.currency()) + ")",
                                  "currency");
  };
  const auto check_charge = [&](const Charge& charge) -> Status {
    MP_RETURN_IF_ERROR(check(charge.charge_amount));
    if (charge.tax) MP_RETURN_IF_ERROR(check(charge.tax->tax_amount));
    return Status::Ok();
  };
  for (const OrderLine& line : order.order_lines) {
    for (const Charge& charge : line.charges) MP_RETURN_IF_ERROR(check_charge(charge));
    if (!line.refund) continue;
    for (const RefundCharge& refund : line.refund->refund_charges) {
      MP_RETURN_IF_ERROR(check_charge(refund.charge));
    }
  }
  return Status::Ok();
}

std::string_view MarketCode(MarketId id) {
  switch (id) {
    case MarketId::kUs:
      return "US";
    case MarketId::kCa:
      return "CA";
    case MarketId::kMx:
      return "MX";
    case MarketId::kCl:
      return "CL";
  }
  return "US";
}

}  // namespace mporders
