// The list query and its cursor (api/list_query.h), for a fixed seller, time
// and options. Property: the nextCursor built after a valid query parses
// again, both as the query itself and as a nextCursor parameter, and
// continues after the page key it was built with. Error descriptions echo
// the input and must be UTF-8, as the JSON and XML error bodies are.

#include <string>

#include "api/list_query.h"
#include "core/utf8.h"
#include "fuzz_check.h"
#include "http/query_string.h"

namespace {

constexpr mporders::EpochMillis kNow = 1700000000000;  // 2023-11-14T22:13:20Z
const std::string kSeller = "seller-1";

// The cursor as the value of a nextCursor parameter, percent-encoded as a
// client would send it.
std::string AsNextCursorParam(const std::string& cursor) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out = "nextCursor=";
  for (unsigned char c : cursor) {
    if (c == '&' || c == '=' || c == '%' || c == '+' || c == '?') {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  using namespace mporders::api;
  auto params = http::ParseQueryString(fuzz::AsText(data, size));
  if (!params) return 0;
  const ApiOptions options;
  auto released = ParseListQuery(*params, ListKind::kReleased, kSeller, kNow, options);
  MPORDERS_FUZZ_CHECK("list_query", IsValidUtf8(released.status().description()));
  auto query = ParseListQuery(*params, ListKind::kAll, kSeller, kNow, options);
  MPORDERS_FUZZ_CHECK("list_query", IsValidUtf8(query.status().description()));
  if (!query.ok()) return 0;

  const PageKey last{kNow - 1000, "P-1&x=%"};
  const std::int64_t returned = query->returned_before + query->request.limit;
  const std::string cursor = BuildNextCursor(*query, returned + 5, returned, last);
  MPORDERS_FUZZ_CHECK("list_query", !cursor.empty() && cursor.front() == '?');

  auto cursor_params = http::ParseQueryString(std::string_view(cursor).substr(1));
  MPORDERS_FUZZ_CHECK("list_query", cursor_params.has_value());
  auto next = ParseListQuery(*cursor_params, ListKind::kAll, kSeller, kNow, options);
  MPORDERS_FUZZ_CHECK("list_query", next.ok());
  MPORDERS_FUZZ_CHECK("list_query", next->request.after == last);
  MPORDERS_FUZZ_CHECK("list_query", next->request.limit == query->request.limit);
  MPORDERS_FUZZ_CHECK("list_query",
                      next->request.filter.created_end == query->request.filter.created_end);

  auto wrapped = http::ParseQueryString(AsNextCursorParam(cursor));
  MPORDERS_FUZZ_CHECK("list_query", wrapped.has_value());
  auto via_param = ParseListQuery(*wrapped, ListKind::kAll, kSeller, kNow, options);
  MPORDERS_FUZZ_CHECK("list_query", via_param.ok());
  MPORDERS_FUZZ_CHECK("list_query", via_param->request.after == last);
  return 0;
}
