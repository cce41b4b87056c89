#include "store/order_document.h"

#include <utility>

#include "codec/order_json.h"

namespace mporders {

void EncodeOrderDocument(const Order& order, std::string& doc) {
  doc.clear();
  AppendOrderJson(doc, order, OrderView::Full());
}

Result<StoredOrder> StoredOrderFromRow(std::string_view doc, const std::string& seller_id,
                                       std::int64_t last_modified, std::int64_t version) {
  Result<Order> order = DecodeOrderJson(doc);
  if (!order.ok()) {
    return Status::Internal("stored order document of seller " + seller_id +
                            " does not decode: " + order.status().description());
  }
  StoredOrder stored;
  stored.seller_id = seller_id;
  stored.order = std::move(*order);
  stored.last_modified = last_modified;
  stored.version = version;
  return stored;
}

}  // namespace mporders
