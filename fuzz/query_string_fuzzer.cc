// Percent-decoding and query strings (http/query_string.h). Properties:
// what decodes is UTF-8; UTF-8 text without '%' always decodes; a query that
// parses has at most as many pairs as '&'-separated parts.

#include <algorithm>

#include "core/utf8.h"
#include "fuzz_check.h"
#include "http/query_string.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  const std::string_view text = fuzz::AsText(data, size);
  auto path = http::PercentDecode(text, false);
  auto form = http::PercentDecode(text, true);
  MPORDERS_FUZZ_CHECK("query_string", path.has_value() == form.has_value());
  if (text.find('%') == std::string_view::npos && IsValidUtf8(text)) {
    MPORDERS_FUZZ_CHECK("query_string", path.has_value());
  }
  if (path) {
    MPORDERS_FUZZ_CHECK("query_string", path->size() <= text.size());
    MPORDERS_FUZZ_CHECK("query_string", IsValidUtf8(*path));
  }

  auto params = http::ParseQueryString(text);
  if (params) {
    const auto parts = static_cast<std::size_t>(std::count(text.begin(), text.end(), '&')) + 1;
    MPORDERS_FUZZ_CHECK("query_string", params->size() <= parts);
  }
  return 0;
}
