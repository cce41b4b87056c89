// Write-endpoint bodies, XML form (codec/command_xml.h): ship, cancel and
// refund. Each decoder must answer with a command or an error, never crash.

#include "codec/command_xml.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  const std::string_view text = fuzz::AsText(data, size);
  (void)DecodeShipCommandXml(text);
  (void)DecodeCancelCommandXml(text);
  (void)DecodeRefundCommandXml(text);
  return 0;
}
