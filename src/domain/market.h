#pragma once
// The four Walmart marketplaces this server plays: United States, Canada,
// Mexico and Chile. A market is data — currency, carriers, method codes,
// cancel and refund reasons, which line statuses exist — and code asks the
// market instead of testing which one it is.
//
// Markets are immutable singletons built on first use; safe to share between
// threads.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/status.h"
#include "domain/carriers.h"
#include "domain/order.h"

namespace mporders {

enum class MarketId : std::uint8_t { kUs, kCa, kMx, kCl };

inline constexpr MarketId kAllMarkets[] = {MarketId::kUs, MarketId::kCa, MarketId::kMx,
                                          MarketId::kCl};

// How the market's own (legacy) API writes instants in order documents. The
// Global API (/v3/orders with WM_MARKET) always uses the US form.
enum class DateWire {
  kEpochMillis,  // 1623796407000 (US, Chile)
  kIsoString,    // "2021-06-15T22:33:27.000Z" (Canada, Mexico)
};

class Market {
 public:
  Market() = default;  // the markets themselves come from GetMarket()
  MarketId id() const { return id_; }
  // "US", "CA", "MX", "CL": the WM_MARKET value and the stored form.
  std::string_view code() const { return code_; }
  std::string_view name() const { return name_; }
  // ISO 4217 code of every amount of the market's orders.
  std::string_view currency() const { return currency_; }
  // Digits after the decimal point of that currency (CLP: 0).
  int minor_digits() const { return minor_digits_; }
  // ISO 3166 alpha-2 country of the market's addresses.
  std::string_view country() const { return country_; }
  const CarrierList& carriers() const { return *carriers_; }
  // Carriers that ship without a tracking number (Canada's LETTERMAIL).
  bool ShipsWithoutTracking(std::string_view carrier) const;
  // trackingInfo.methodCode values in their canonical (US) spelling.
  std::span<const std::string_view> method_codes() const { return method_codes_; }
  bool IsMethodCode(std::string_view code) const;
  // Closed vocabulary of cancellationReason; empty: free text (Mexico).
  std::span<const std::string_view> cancellation_reasons() const { return cancellation_reasons_; }
  // `with_optional`: also the reasons the market's schema lists beyond the
  // documented ones (Canada's SUPPLIER_CANCEL_* codes, behind a flag).
  bool IsCancellationReason(std::string_view reason, bool with_optional = false) const;
  std::span<const std::string_view> refund_reasons() const { return refund_reasons_; }
  bool IsRefundReason(std::string_view reason) const;
  // Whether seller refunds exist in the market's API (Mexico has none).
  bool has_refunds() const { return has_refunds_; }
  // Whether order lines of this market ever reach `status` (Canada and Chile
  // have no Delivered).
  bool HasStatus(LineStatus status) const;
  DateWire legacy_date_wire() const { return legacy_date_wire_; }
  // Whether every package of an order line ships with one carrier from one
  // country (Canada's multi-package rule, reference §12): a line may go out
  // in several packages, each tracked, but not split between carriers.
  bool one_carrier_per_line() const { return one_carrier_per_line_; }

 private:
  friend struct MarketTable;

  MarketId id_ = MarketId::kUs;
  std::string_view code_;
  std::string_view name_;
  std::string_view currency_;
  int minor_digits_ = 2;
  std::string_view country_;
  const CarrierList* carriers_ = nullptr;
  std::span<const std::string_view> untracked_carriers_;
  std::span<const std::string_view> method_codes_;
  std::span<const std::string_view> cancellation_reasons_;
  std::span<const std::string_view> optional_cancellation_reasons_;
  std::span<const std::string_view> refund_reasons_;
  bool has_refunds_ = true;
  bool has_delivered_ = true;
  DateWire legacy_date_wire_ = DateWire::kEpochMillis;
  bool one_carrier_per_line_ = false;
};

const Market& GetMarket(MarketId id);
inline const Market& UsMarket() { return GetMarket(MarketId::kUs); }

// "US", "ca", "Mx", ... (any case) -> the market; anything else nullopt.
std::optional<MarketId> ParseMarketCode(std::string_view code);
std::string_view MarketCode(MarketId id);

// OK when every amount of `order` (charges, taxes, refunds) is in the
// market's currency; otherwise kInvalidRequestContent naming the order, the
// currency found and the one expected (field "currency").
Status CheckOrderCurrency(const Order& order, const Market& market);

}  // namespace mporders
