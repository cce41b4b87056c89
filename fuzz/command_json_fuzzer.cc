// Write-endpoint bodies, JSON form (codec/command_json.h): ship, cancel and
// refund. Each decoder must answer with a command or an error, never crash.

#include "codec/command_json.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  const std::string_view text = fuzz::AsText(data, size);
  (void)DecodeShipCommandJson(text);
  (void)DecodeCancelCommandJson(text);
  (void)DecodeRefundCommandJson(text);
  return 0;
}
