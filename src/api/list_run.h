#pragma once
// Runs a parsed list query (list_query.h) for a call: the market's status
// check, the store page, the one-download cap, the empty-list answer and the
// meta with the next cursor. Shared by the list endpoints of every API
// surface; each encodes the answer in its own wire model.

#include <boost/asio/awaitable.hpp>
#include <vector>

#include "api/call.h"
#include "api/list_query.h"
#include "codec/order_json.h"
#include "store/store.h"

namespace mporders::api {

struct ListAnswer {
  OrderDocumentPage page;  // undecoded: encoders with kept parts need no more
  // totalCount, limit and, when more orders follow, the Orders API's cursor.
  ListMeta meta;

  // The page's orders decoded, in list order, for encoders that take orders.
  Result<std::vector<StoredOrder>> DecodeOrders() const;
};

// Pointers to the orders of `stored`, in its order.
std::vector<const Order*> OrderPointers(const std::vector<StoredOrder>& stored);

// Errors: kInvalidRequestParam for a status the call's market lacks, or when
// the query matches more than query.max_total orders (naming the cap);
// kNoOrdersFound for an empty page when ApiOptions::empty_list_is_404; store
// errors.
boost::asio::awaitable<Result<ListAnswer>> RunListQuery(Call& call, const ListQuery& query);

}  // namespace mporders::api
