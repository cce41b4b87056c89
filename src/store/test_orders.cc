#include "store/test_orders.h"

#include <stdlib.h>

#include <stdexcept>

namespace mporders::store_testing {

Order MakeOrder(const std::string& purchase_order_id, EpochMillis order_date) {
  Order order;
  order.purchase_order_id = purchase_order_id;
  order.customer_order_id = "C" + purchase_order_id;
  order.customer_email_id = "buyer@example.com";
  order.order_date = order_date;
  order.shipping_info.phone = "5555550100";
  order.shipping_info.estimated_delivery_date = order_date + 3 * kMillisPerDay;
  order.shipping_info.estimated_ship_date = order_date + kMillisPerDay;
  order.shipping_info.method_code = "Standard";
  order.shipping_info.postal_address.name = "Pat Buyer";
  order.shipping_info.postal_address.address1 = "1 Main St";
  order.shipping_info.postal_address.city = "Bentonville";
  order.shipping_info.postal_address.state = "AR";
  order.shipping_info.postal_address.postal_code = "72712";
  order.shipping_info.postal_address.country = "USA";
  order.shipping_info.postal_address.address_type = "RESIDENTIAL";
  AddLine(order, "SKU-1", LineStatus::kCreated);
  order.ship_node = ShipNode{};
  order.ship_node->type = "SellerFulfilled";
  return order;
}

StoredOrder MakeStoredOrder(const std::string& seller_id, const std::string& purchase_order_id,
                            EpochMillis order_date) {
  StoredOrder stored;
  stored.seller_id = seller_id;
  stored.order = MakeOrder(purchase_order_id, order_date);
  stored.last_modified = order_date;
  stored.version = 1;
  return stored;
}

void AddLine(Order& order, const std::string& sku, LineStatus status, const std::string& program,
             std::int64_t quantity) {
  OrderLine line;
  line.line_number = std::to_string(order.order_lines.size() + 1);
  line.item.product_name = "Product " + sku;
  line.item.sku = sku;
  Charge price;
  price.charge_type = "PRODUCT";
  price.charge_name = "ItemPrice";
  price.charge_amount.minor = 1999 * quantity;
  line.charges.push_back(price);
  line.order_line_quantity.amount = quantity;
  line.status_date = order.order_date;
  OrderLineStatus bucket;
  bucket.status = status;
  bucket.status_quantity.amount = quantity;
  line.statuses.push_back(bucket);
  if (!program.empty()) {
    line.fulfillment = Fulfillment{};
    line.fulfillment->shipping_program_type = program;
  }
  order.order_lines.push_back(std::move(line));
}

TempDir::TempDir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "mp_store_test_XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

}  // namespace mporders::store_testing
