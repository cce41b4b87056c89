// Order JSON decoding (codec/order_json.h): import files and single orders.
// Property: an order that decodes encodes (every flag on) to JSON that
// decodes to an equal order; XML and list encoding of it must not fail.

#include <string>
#include <vector>

#include "codec/order_json.h"
#include "codec/order_xml.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  const std::string_view text = fuzz::AsText(data, size);
  auto orders = DecodeOrdersJson(text);
  auto order = DecodeOrderJson(text);
  if (!order.ok()) return 0;

  const std::string encoded = EncodeOrderResponseJson(*order, OrderView::Full());
  auto again = DecodeOrderJson(encoded);
  MPORDERS_FUZZ_CHECK("order_json", again.ok());
  MPORDERS_FUZZ_CHECK("order_json", *again == *order);
  MPORDERS_FUZZ_CHECK("order_json", EncodeOrderResponseJson(*again, OrderView::Full()) == encoded);

  std::vector<const Order*> page{&*order};
  ListMeta meta{1, 10, std::string("?limit=10")};
  (void)EncodeOrderListJson(meta, page, OrderView{});
  (void)EncodeOrderResponseXml(*order, OrderView::Full());
  return 0;
}
