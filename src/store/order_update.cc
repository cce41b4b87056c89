#include "store/order_update.h"

#include <exception>
#include <string>

namespace mporders {

Result<StoredOrder> RunUpdateFn(const StoredOrder& previous, const Store::UpdateFn& fn) {
  StoredOrder current = previous;
  Status changed;
  try {
    changed = fn(current);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("order update failed: ") + e.what());
  } catch (...) {
    return Status::Internal("order update failed with an unknown exception");
  }
  if (!changed.ok()) return changed;
  if (current.seller_id != previous.seller_id ||
      current.order.purchase_order_id != previous.order.purchase_order_id) {
    return Status::Internal("an order update must not change the seller or purchase order id");
  }
  current.version = previous.version + 1;
  return current;
}

}  // namespace mporders
