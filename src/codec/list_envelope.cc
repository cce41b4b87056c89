#include "codec/list_envelope.h"

namespace mporders {

std::string JoinList(const ListEnvelope& envelope, const std::vector<std::string_view>& orders) {
  const std::size_t per_order = envelope.before_order.size() + envelope.after_order.size() +
                                envelope.between_orders.size();
  std::size_t size = envelope.open.size() + envelope.close.size();
  for (std::string_view order : orders) size += order.size() + per_order;
  // Reserved once: a page is hundreds of KB, and growing the string would
  // move it all again.
  std::string out;
  out.reserve(size);
  out.append(envelope.open);
  for (std::size_t i = 0; i < orders.size(); ++i) {
    if (i > 0) out.append(envelope.between_orders);
    out.append(envelope.before_order).append(orders[i]).append(envelope.after_order);
  }
  out.append(envelope.close);
  return out;
}

}  // namespace mporders
