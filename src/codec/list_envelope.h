#pragma once
// What surrounds the orders of a list answer, for readers that keep orders
// encoded (AppendOrderJson, AppendOrderXmlContent): the answer is `open`,
// then each order wrapped in `before_order` and `after_order`, with
// `between_orders` between two of them, then `close`. JoinList writes it
// out; a server can also send it piece by piece, the orders' bytes where
// they are kept.

#include <string>
#include <string_view>
#include <vector>

namespace mporders {

struct ListEnvelope {
  std::string open;
  std::string close;
  // Static text of the format.
  std::string_view before_order;
  std::string_view after_order;
  std::string_view between_orders;
};

// The whole answer with `orders`, in their order.
std::string JoinList(const ListEnvelope& envelope, const std::vector<std::string_view>& orders);

}  // namespace mporders
