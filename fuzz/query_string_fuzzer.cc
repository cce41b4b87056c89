// Percent-decoding and query strings (http/query_string.h). Properties: a
// query that parses has as many pairs as '&'-separated non-empty parts at
// most, and a text without '%' always decodes.

#include <algorithm>

#include "fuzz_check.h"
#include "http/query_string.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  const std::string_view text = fuzz::AsText(data, size);
  auto path = http::PercentDecode(text, false);
  auto form = http::PercentDecode(text, true);
  MPORDERS_FUZZ_CHECK("query_string", path.has_value() == form.has_value());
  if (text.find('%') == std::string_view::npos) {
    MPORDERS_FUZZ_CHECK("query_string", path.has_value());
  }
  if (path) MPORDERS_FUZZ_CHECK("query_string", path->size() <= text.size());

  auto params = http::ParseQueryString(text);
  if (params) {
    const auto parts = static_cast<std::size_t>(std::count(text.begin(), text.end(), '&')) + 1;
    MPORDERS_FUZZ_CHECK("query_string", params->size() <= parts);
  }
  return 0;
}
