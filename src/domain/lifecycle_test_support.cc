#include "domain/lifecycle_test_support.h"

namespace mporders {

void PrintTo(LineStatus status, std::ostream* os) { *os << LineStatusName(status); }

}  // namespace mporders

namespace mporders::test {

::testing::AssertionResult Rejected(const Status& status, std::string_view field,
                                    std::string_view text) {
  if (status.ok()) return ::testing::AssertionFailure() << "succeeded";
  if (status.code() != ErrorCode::kInvalidRequestContent || status.field() != field ||
      status.description().find(text) == std::string::npos) {
    return ::testing::AssertionFailure()
           << status.ToString() << "\n  expected field [" << field << "] and text: " << text;
  }
  return ::testing::AssertionSuccess();
}

Shape ShapeOf(const OrderLine& line) {
  Shape shape;
  for (const OrderLineStatus& bucket : line.statuses) {
    shape.emplace_back(bucket.status, bucket.status_quantity.amount);
  }
  return shape;
}

OrderLine MakeLine(std::string number, const Shape& shape, std::int64_t product, std::int64_t tax,
                   std::int64_t shipping) {
  OrderLine line;
  line.line_number = std::move(number);
  line.item.product_name = "Wagon";
  line.item.sku = "SKU-" + line.line_number;
  Charge item;
  item.charge_type = "PRODUCT";
  item.charge_name = "ItemPrice";
  item.charge_amount = Money{"USD", product};
  item.tax = Tax{"Tax1", Money{"USD", tax}, {}};
  line.charges.push_back(item);
  if (shipping > 0) {
    Charge ship;
    ship.charge_type = "SHIPPING";
    ship.charge_name = "Shipping";
    ship.charge_amount = Money{"USD", shipping};
    line.charges.push_back(ship);
  }
  std::int64_t total = 0;
  int index = 0;
  for (const auto& [status, quantity] : shape) {
    OrderLineStatus bucket;
    bucket.status = status;
    bucket.status_quantity.amount = quantity;
    if (status == LineStatus::kShipped || status == LineStatus::kDelivered) {
      bucket.tracking_info =
          Tracking("T-" + line.line_number + "-" + std::to_string(index), kT0 + index);
    }
    if (status == LineStatus::kCancelled) bucket.cancellation_reason = "SELLER_CANCEL_OUT_OF_STOCK";
    line.statuses.push_back(bucket);
    total += quantity;
    ++index;
  }
  line.order_line_quantity.amount = total;
  line.status_date = kT0;
  return line;
}

Order MakeOrder(std::vector<OrderLine> lines) {
  Order order;
  order.purchase_order_id = "PO-1";
  order.customer_order_id = "C-1";
  order.customer_email_id = "buyer@example.com";
  order.order_date = kT0 - 24 * kHour;
  order.order_lines = std::move(lines);
  order.ship_node = ShipNode{"SellerFulfilled", std::nullopt, std::nullopt, {}};
  return order;
}

TrackingInfo Tracking(std::string number, EpochMillis ship_time, std::string carrier) {
  TrackingInfo tracking;
  tracking.ship_date_time = ship_time;
  tracking.carrier_name.carrier = std::move(carrier);
  tracking.method_code = "Standard";
  tracking.tracking_number = std::move(number);
  tracking.tracking_url = "https://track.example/" + tracking.tracking_number;
  return tracking;
}

LifecycleContext Ctx(EpochMillis now, std::string refund_id) {
  LifecycleContext ctx;
  ctx.now = now;
  ctx.refund_id = std::move(refund_id);
  return ctx;
}

ShipPackage Package(std::int64_t quantity, TrackingInfo tracking) {
  ShipPackage package;
  package.quantity = quantity;
  package.status = "Shipped";
  package.tracking_info = std::move(tracking);
  return package;
}

ShipLine ShipLineOf(std::string line, std::vector<ShipPackage> packages) {
  ShipLine ship_line;
  ship_line.line_number = std::move(line);
  ship_line.packages = std::move(packages);
  return ship_line;
}

ShipCommand ShipOne(std::string line, std::int64_t quantity, std::string tracking_number) {
  ShipCommand command;
  command.lines.push_back(
      ShipLineOf(std::move(line), {Package(quantity, Tracking(std::move(tracking_number)))}));
  return command;
}

CancelCommand CancelOne(std::string line, std::int64_t quantity, std::string reason) {
  CancelCommand command;
  CancelLine cancel_line;
  cancel_line.line_number = std::move(line);
  cancel_line.portions.push_back(CancelPortion{quantity, "Cancelled", std::move(reason)});
  command.lines.push_back(std::move(cancel_line));
  return command;
}

RefundCharge RefundOf(std::string type, std::int64_t amount, std::optional<std::int64_t> tax,
                      std::string reason) {
  RefundCharge refund;
  refund.refund_reason = std::move(reason);
  refund.charge.charge_type = std::move(type);
  refund.charge.charge_name = refund.charge.charge_type == "PRODUCT" ? "Item Price" : "Shipping";
  refund.charge.charge_amount = Money{"USD", amount};
  if (tax) refund.charge.tax = Tax{"Item Price Tax", Money{"USD", *tax}, {}};
  return refund;
}

RefundLine PartialRefundLine(std::string line, std::vector<RefundCharge> charges,
                             std::string comments) {
  RefundLine refund_line;
  refund_line.line_number = std::move(line);
  struct Refund refund;
  refund.refund_comments = std::move(comments);
  refund.refund_charges = std::move(charges);
  refund_line.refunds.push_back(std::move(refund));
  return refund_line;
}

RefundCommand RefundCmd(std::vector<RefundLine> lines, std::string po) {
  RefundCommand command;
  command.purchase_order_id = std::move(po);
  command.lines = std::move(lines);
  return command;
}

}  // namespace mporders::test
