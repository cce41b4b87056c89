#pragma once
// What surrounds the orders of a list answer, for readers that keep orders
// encoded (AppendOrderJson, AppendOrderXmlContent): the answer is `open`,
// then each order wrapped in `before_order` and `after_order`, with
// `between_orders` between two of them, then `close`.

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

// The answer with `orders`, in their order, as the pieces to send one after
// another: views of `envelope`, of `orders` and of static text, valid while
// those are.
std::vector<std::string_view> ListPieces(const ListEnvelope& envelope,
                                         const std::vector<std::string_view>& orders);

}  // namespace mporders
