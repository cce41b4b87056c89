#pragma once
// GET /v3/orders and GET /v3/orders/released: from query parameters (or a
// nextCursor) to a store query, and from a page back to the next cursor.
// Pure functions: no I/O, time passed in. See docs/behavior.md for the rules.
//
// The cursor is what Walmart sends (`?limit=..&hasMoreElements=true&soIndex=
// <totalCount>&poIndex=<returned so far>&partnerId&sellerId` + every filter
// with its resolved default, createdEndDate frozen at the first call) plus
// `cursorKey`, the position of the last returned order. Continuation is keyset
// pagination on that key, so orders added or changed between pages are never
// returned twice, and a deep page costs what the first one does.

#include <cstdint>
#include <optional>
#include <string>

#include "api/api_context.h"
#include "codec/order_json.h"
#include "core/status.h"
#include "http/request.h"
#include "store/store.h"

namespace mporders::api {

enum class ListKind { kAll, kReleased };

struct ListQuery {
  ListRequest request;         // filter, position, limit, count settings
  OrderView view;              // productInfo / replacementInfo
  std::int64_t known_total = -1;  // soIndex of a continuation; -1 on a first page
  std::int64_t returned_before = 0;  // poIndex of a continuation
  // The resolved parameters to repeat in the next cursor, in order.
  http::QueryParams cursor_params;
  // More matching orders than this is an error (one download's cap).
  std::int64_t max_total = 0;
};

// What differs between the list endpoints of the API surfaces. The defaults
// are the Orders API's.
struct ListRules {
  // Canada: createdStartDate must be given (or come from a cursor).
  bool created_start_required = false;
  // Page size without `limit`; 0: ApiOptions::default_limit.
  int default_limit = 0;
  // At most this many matches per query; 0: ApiOptions::max_orders_per_query.
  std::int64_t max_total = 0;
};

// Parses and validates the query of a list call for `seller_id` at `now`.
// Errors are kInvalidRequestParam naming the parameter.
Result<ListQuery> ParseListQuery(const http::QueryParams& params, ListKind kind,
                                 const std::string& seller_id, EpochMillis now,
                                 const ApiOptions& options, const ListRules& rules = {});

// The nextCursor for the page after one that ended at `last` and brought the
// number of returned orders to `returned`.
std::string BuildNextCursor(const ListQuery& query, std::int64_t total_count, std::int64_t returned,
                            const PageKey& last);

// Query parameters of a request, with a `nextCursor=<encoded cursor>`
// parameter (as some SDKs send it) expanded in place.
Result<http::QueryParams> ExpandCursorParam(const http::QueryParams& params);

}  // namespace mporders::api
