// Random command sequences on random orders: whatever the seller or the
// system throws at an order, the lifecycle keeps it consistent, rejects
// atomically and never moves quantity backwards.

#include <gtest/gtest.h>

#include <array>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "domain/lifecycle.h"
#include "domain/lifecycle_test_support.h"
#include "domain/reason_codes.h"
#include "domain/refund_rules.h"

namespace mporders::test {
namespace {

using S = LineStatus;

constexpr int kSequences = 2000;
constexpr int kStepsPerSequence = 50;

enum class Kind { kAcknowledge, kCancel, kShip, kCorrect, kRefund, kDeliver, kAutoCancel };
constexpr int kKinds = 7;

class Random {
 public:
  explicit Random(std::uint64_t seed) : engine_(seed) {}
  std::int64_t Int(std::int64_t lo, std::int64_t hi) {
    return std::uniform_int_distribution<std::int64_t>(lo, hi)(engine_);
  }
  bool Percent(int percent) { return Int(0, 99) < percent; }
  template <typename T>
  const T& Pick(const std::vector<T>& values) {
    return values[static_cast<size_t>(Int(0, static_cast<std::int64_t>(values.size()) - 1))];
  }

 private:
  std::mt19937_64 engine_;
};

Order RandomOrder(Random& random) {
  std::vector<OrderLine> lines;
  const int count = static_cast<int>(random.Int(1, 5));
  for (int i = 1; i <= count; ++i) {
    OrderLine line =
        MakeLine(std::to_string(i), {{S::kCreated, random.Int(1, 5)}}, random.Int(100, 5000),
                 random.Int(0, 400), random.Percent(50) ? random.Int(100, 900) : 0);
    if (random.Percent(20)) line.intent_to_cancel = "Y";
    lines.push_back(std::move(line));
  }
  Order order = MakeOrder(std::move(lines));
  if (random.Percent(5)) order.ship_node->type = "WFSFulfilled";
  return order;
}

// A line number of the order, now and then one it does not have.
std::string RandomLineNumber(Random& random, const Order& order) {
  if (random.Percent(5)) return "99";
  return order
      .order_lines[static_cast<size_t>(
          random.Int(0, static_cast<std::int64_t>(order.order_lines.size()) - 1))]
      .line_number;
}

// Distinct line numbers, now and then with a duplicate.
std::vector<std::string> RandomLineNumbers(Random& random, const Order& order) {
  std::vector<std::string> numbers;
  const int count = static_cast<int>(random.Int(1, 2));
  for (int i = 0; i < count; ++i) {
    std::string number = RandomLineNumber(random, order);
    bool seen = false;
    for (const std::string& other : numbers) seen = seen || other == number;
    if (!seen || random.Percent(10)) numbers.push_back(std::move(number));
  }
  return numbers;
}

std::vector<std::string> TrackingNumbersOf(const Order& order) {
  std::vector<std::string> numbers = {"TRK-A", "TRK-B", "TRK-C"};
  for (const OrderLine& line : order.order_lines) {
    for (const OrderLineStatus& bucket : line.statuses) {
      if (bucket.tracking_info) numbers.push_back(bucket.tracking_info->tracking_number);
    }
  }
  return numbers;
}

TrackingInfo RandomTracking(Random& random, const Order& order, EpochMillis now) {
  static const std::vector<std::string> kCarriers = {"UPS", "USPS", "FedEx", "DHL"};
  static const std::vector<std::string> kBadCarriers = {"fedex", "", "Nowhere"};
  static const std::vector<std::string> kMethods = {"Standard", "Express", "Value"};
  TrackingInfo tracking = Tracking(random.Pick(TrackingNumbersOf(order)) +
                                       (random.Percent(50) ? "" : std::to_string(random.Int(0, 9))),
                                   now - random.Int(0, kHour),
                                   random.Pick(random.Percent(95) ? kCarriers : kBadCarriers));
  tracking.method_code = random.Percent(95) ? random.Pick(kMethods) : "Ground";
  if (random.Percent(10)) {
    tracking.carrier_name.carrier.reset();
    tracking.carrier_name.other_carrier = "Courier";
    if (random.Percent(50)) tracking.tracking_url.reset();
  }
  return tracking;
}

CancelCommand RandomCancel(Random& random, const Order& order) {
  CancelCommand command;
  for (std::string& number : RandomLineNumbers(random, order)) {
    CancelLine line;
    line.line_number = std::move(number);
    const int portions = random.Percent(80) ? 1 : 2;
    for (int i = 0; i < portions; ++i) {
      CancelPortion portion;
      portion.quantity = random.Percent(95) ? random.Int(1, 3) : 0;
      portion.status = random.Percent(95) ? "Cancelled" : "Shipped";
      const auto reasons = UsCancellationReasons();
      portion.cancellation_reason = random.Percent(95)
                                        ? std::string(reasons[static_cast<size_t>(random.Int(
                                              0, static_cast<std::int64_t>(reasons.size()) - 1))])
                                        : "NOT_A_REASON";
      line.portions.push_back(std::move(portion));
    }
    command.lines.push_back(std::move(line));
  }
  return command;
}

ShipCommand RandomShip(Random& random, const Order& order, EpochMillis now, bool correction) {
  ShipCommand command;
  if (correction) command.process_mode = "PARTIAL_UPDATE";
  for (std::string& number : RandomLineNumbers(random, order)) {
    ShipLine line;
    line.line_number = std::move(number);
    line.intent_to_cancel_override = random.Percent(50);
    if (random.Percent(20)) line.seller_order_id = std::string(random.Int(1, 31), 'S');
    const int packages = random.Percent(70) ? 1 : 2;
    for (int i = 0; i < packages; ++i) {
      ShipPackage package =
          Package(random.Percent(95) ? random.Int(1, 3) : 0, RandomTracking(random, order, now));
      if (random.Percent(3)) package.status = "Delivered";
      if (correction && random.Percent(80)) {
        package.current_tracking_number = random.Pick(TrackingNumbersOf(order));
      }
      line.packages.push_back(std::move(package));
    }
    command.lines.push_back(std::move(line));
  }
  return command;
}

// Mostly a well-formed correction of a package that exists, so that the
// window and the other rules decide; otherwise anything.
ShipCommand RandomCorrection(Random& random, const Order& order, EpochMillis now) {
  const OrderLine& line = order.order_lines[static_cast<size_t>(
      random.Int(0, static_cast<std::int64_t>(order.order_lines.size()) - 1))];
  std::vector<const OrderLineStatus*> shipped;
  for (const OrderLineStatus& bucket : line.statuses) {
    if (bucket.status == S::kShipped) shipped.push_back(&bucket);
  }
  if (shipped.empty() || random.Percent(25)) return RandomShip(random, order, now, true);
  const OrderLineStatus& bucket = *random.Pick(shipped);
  ShipPackage package = Package(bucket.status_quantity.amount,
                                Tracking("FIX-" + std::to_string(random.Int(0, 99)), now, "USPS"));
  if (shipped.size() > 1 || random.Percent(50)) {
    package.current_tracking_number = bucket.tracking_info->tracking_number;
  }
  ShipCommand command;
  command.process_mode = "PARTIAL_UPDATE";
  command.lines.push_back(ShipLineOf(line.line_number, {package}));
  return command;
}

RefundCommand RandomRefund(Random& random, const Order& order) {
  static const std::vector<std::string> kTypes = {"PRODUCT", "PRODUCT", "SHIPPING", "FEE"};
  const bool full = random.Percent(20);
  std::vector<RefundLine> lines;
  for (std::string& number : RandomLineNumbers(random, order)) {
    std::vector<RefundCharge> charges;
    const int count = static_cast<int>(random.Int(full ? 0 : 1, 2));
    for (int i = 0; i < count; ++i) {
      std::optional<std::int64_t> tax;
      if (random.Percent(50)) tax = random.Percent(90) ? random.Int(-60, -1) : random.Int(-200, 2);
      const auto reasons = UsRefundReasons();
      const std::string reason = random.Percent(95)
                                     ? std::string(reasons[static_cast<size_t>(random.Int(
                                           0, static_cast<std::int64_t>(reasons.size()) - 1))])
                                     : "Because";
      const std::int64_t amount = random.Percent(90) ? random.Int(-800, -1) : random.Int(-3000, 5);
      charges.push_back(RefundOf(random.Pick(kTypes), amount, tax, reason));
    }
    RefundLine line = PartialRefundLine(std::move(number), std::move(charges));
    line.is_full_refund = random.Percent(97) ? full : !full;
    lines.push_back(std::move(line));
  }
  return RefundCmd(std::move(lines), random.Percent(97) ? order.purchase_order_id : "PO-X");
}

// Weighted so that sequences get far enough to ship, correct and refund:
// auto-cancel, which ends every open line, is rare.
Kind RandomKind(Random& random) {
  constexpr std::array<std::pair<Kind, int>, kKinds> kWeights = {{{Kind::kAcknowledge, 12},
                                                                  {Kind::kCancel, 12},
                                                                  {Kind::kShip, 25},
                                                                  {Kind::kCorrect, 12},
                                                                  {Kind::kRefund, 22},
                                                                  {Kind::kDeliver, 15},
                                                                  {Kind::kAutoCancel, 2}}};
  std::int64_t roll = random.Int(0, 99);
  for (const auto& [kind, weight] : kWeights) {
    if (roll < weight) return kind;
    roll -= weight;
  }
  return Kind::kAcknowledge;
}

struct LineTotals {
  std::int64_t created = 0;
  std::int64_t shipped_or_delivered = 0;
  std::int64_t delivered = 0;
  std::int64_t cancelled = 0;
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, std::int64_t>> refunded;
};

LineTotals TotalsOf(const OrderLine& line) {
  LineTotals totals;
  for (const OrderLineStatus& bucket : line.statuses) {
    const std::int64_t amount = bucket.status_quantity.amount;
    if (bucket.status == S::kCreated) totals.created += amount;
    if (bucket.status == S::kShipped || bucket.status == S::kDelivered) {
      totals.shipped_or_delivered += amount;
    }
    if (bucket.status == S::kDelivered) totals.delivered += amount;
    if (bucket.status == S::kCancelled) totals.cancelled += amount;
  }
  for (const ChargeBalance& balance : LineChargeBalances(line)) {
    totals.refunded[{balance.charge_type, balance.currency}] = {balance.refunded_amount,
                                                                balance.refunded_tax};
  }
  return totals;
}

// Checks one step; returns false (after recording failures) to stop the sequence.
bool CheckStep(const Order& before, const Order& after, const Status& status, EpochMillis now,
               const std::string& where) {
  if (!status.ok()) {
    EXPECT_TRUE(after == before) << where
                                 << ": failed command changed the order: " << status.ToString();
    EXPECT_NE(status.code(), ErrorCode::kInternal) << where << ": " << status.ToString();
    return after == before;
  }
  const Status invariants = CheckInvariants(after);
  EXPECT_TRUE(invariants.ok()) << where << ": " << invariants.ToString();
  if (!invariants.ok()) return false;
  bool good = true;
  for (size_t i = 0; i < before.order_lines.size(); ++i) {
    const OrderLine& old_line = before.order_lines[i];
    const OrderLine& new_line = after.order_lines[i];
    const LineTotals was = TotalsOf(old_line);
    const LineTotals is = TotalsOf(new_line);
    const std::string at = where + " line " + old_line.line_number;
    good &= is.cancelled >= was.cancelled;
    EXPECT_GE(is.cancelled, was.cancelled) << at << ": Cancelled qty decreased";
    good &= is.shipped_or_delivered >= was.shipped_or_delivered;
    EXPECT_GE(is.shipped_or_delivered, was.shipped_or_delivered) << at << ": Shipped went back";
    good &= is.delivered >= was.delivered;
    EXPECT_GE(is.delivered, was.delivered) << at << ": Delivered qty decreased";
    good &= is.created <= was.created;
    EXPECT_LE(is.created, was.created) << at << ": Created qty increased";
    for (const auto& [key, refunded] : was.refunded) {
      const auto it = is.refunded.find(key);
      const bool kept = it != is.refunded.end() && it->second.first >= refunded.first &&
                        it->second.second >= refunded.second;
      good &= kept;
      EXPECT_TRUE(kept) << at << ": refunded money decreased for " << key.first;
    }
    for (const ChargeBalance& balance : LineChargeBalances(new_line)) {
      const bool within = balance.refunded_amount <= balance.charged_amount &&
                          balance.refunded_tax <= balance.charged_tax;
      good &= within;
      EXPECT_TRUE(within) << at << ": refunded more than charged for " << balance.charge_type;
    }
    // A line whose quantities moved carries the time of the move.
    if (ShapeOf(old_line) != ShapeOf(new_line) &&
        (was.created != is.created || was.cancelled != is.cancelled ||
         was.shipped_or_delivered != is.shipped_or_delivered || was.delivered != is.delivered)) {
      good &= new_line.status_date == now;
      EXPECT_EQ(new_line.status_date, now) << at << ": statusDate not updated";
    }
  }
  return good;
}

TEST(LifecyclePropertyTest, RandomCommandSequencesKeepTheOrderConsistent) {
  Random random(0x6d706f7264657273ULL);  // fixed seed: failures reproduce
  std::array<int, kKinds> successes{};
  std::array<int, kKinds> failures{};
  const CarrierList& carriers = CarrierList::Us();

  for (int sequence = 0; sequence < kSequences; ++sequence) {
    Order order = RandomOrder(random);
    ASSERT_TRUE(CheckInvariants(order).ok());
    LifecycleContext ctx = Ctx(kT0);
    ctx.policy.ship_requires_acknowledged = random.Percent(70);
    for (int step = 0; step < kStepsPerSequence; ++step) {
      // Mostly minutes apart, now and then beyond the tracking-edit window.
      ctx.now += random.Percent(90) ? random.Int(0, kHour / 2) : random.Int(kHour, 6 * kHour);
      ctx.refund_id = "R-" + std::to_string(sequence) + "-" + std::to_string(step);
      const Order before = order;
      const Kind kind = RandomKind(random);
      Status status;
      switch (kind) {
        case Kind::kAcknowledge:
          status = Acknowledge(order, ctx);
          break;
        case Kind::kCancel:
          status = Cancel(order, RandomCancel(random, order), ctx);
          break;
        case Kind::kShip:
          status = Ship(order, RandomShip(random, order, ctx.now, false), ctx, carriers);
          break;
        case Kind::kCorrect:
          status = Ship(order, RandomCorrection(random, order, ctx.now), ctx, carriers);
          break;
        case Kind::kRefund:
          status = Refund(order, RandomRefund(random, order), ctx);
          break;
        case Kind::kDeliver:
          status = Deliver(order, RandomLineNumber(random, order), random.Int(0, 3), ctx);
          break;
        case Kind::kAutoCancel:
          status = AutoCancel(order, ctx, random.Percent(95) ? "Auto-cancelled" : "");
          break;
      }
      (status.ok() ? successes : failures)[static_cast<size_t>(kind)]++;
      const std::string where = "sequence " + std::to_string(sequence) + " step " +
                                std::to_string(step) + " kind " +
                                std::to_string(static_cast<int>(kind));
      if (!CheckStep(before, order, status, ctx.now, where)) return;
    }
  }
  // The generator must reach both outcomes of every command, or the
  // properties above would hold vacuously.
  for (int kind = 0; kind < kKinds; ++kind) {
    EXPECT_GT(successes[static_cast<size_t>(kind)], 500) << "kind " << kind;
    EXPECT_GT(failures[static_cast<size_t>(kind)], 50) << "kind " << kind;
  }
}

}  // namespace
}  // namespace mporders::test
