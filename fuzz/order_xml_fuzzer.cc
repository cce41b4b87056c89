// Order XML decoding (codec/order_xml.h). Property: an order that decodes
// encodes (every flag on) to XML that decodes to an order which encodes to
// the same XML again (the XML form is a fixed point after one trip; the
// first decode may normalise, e.g. epoch dates or untrimmed text), and
// its JSON encoding must decode.

#include <string>

#include "codec/order_json.h"
#include "codec/order_xml.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  auto order = DecodeOrderXml(fuzz::AsText(data, size));
  if (!order.ok()) return 0;

  const std::string encoded = EncodeOrderResponseXml(*order, OrderView::Full());
  auto again = DecodeOrderXml(encoded);
  MPORDERS_FUZZ_CHECK("order_xml", again.ok());
  MPORDERS_FUZZ_CHECK("order_xml", EncodeOrderResponseXml(*again, OrderView::Full()) == encoded);

  auto from_json = DecodeOrderJson(EncodeOrderResponseJson(*order, OrderView::Full()));
  MPORDERS_FUZZ_CHECK("order_xml", from_json.ok());
  return 0;
}
