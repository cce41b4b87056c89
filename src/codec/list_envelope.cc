#include "codec/list_envelope.h"

namespace mporders {

std::vector<std::string_view> ListPieces(const ListEnvelope& envelope,
                                         const std::vector<std::string_view>& orders) {
  std::vector<std::string_view> pieces;
  pieces.reserve(2 + 4 * orders.size());
  pieces.emplace_back(envelope.open);
  for (std::size_t i = 0; i < orders.size(); ++i) {
    if (i > 0) pieces.push_back(envelope.between_orders);
    pieces.push_back(envelope.before_order);
    pieces.push_back(orders[i]);
    pieces.push_back(envelope.after_order);
  }
  pieces.emplace_back(envelope.close);
  return pieces;
}

}  // namespace mporders
