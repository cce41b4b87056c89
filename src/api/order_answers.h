#pragma once
// The Orders API's answers for stored orders, assembled from encoded parts:
// kept ones from the server's OrderPartCache when it has one, else encoded
// for this answer alone. Byte for byte the answers of the codec's Encode*
// functions (order_json.h, order_xml.h).

#include <string>
#include <vector>

#include "api/order_part_cache.h"
#include "codec/order_json.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::api {

// {"order":{...}} or <ns3:order ...>...</ns3:order>.
Result<std::string> OrderResponseBody(OrderPartCache* cache, const OrderDocument& document,
                                      const OrderPartVariant& variant);

// The list envelope with `meta` around `documents`, in their order.
Result<std::string> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                  const std::vector<OrderDocument>& documents,
                                  const OrderPartVariant& variant);

}  // namespace mporders::api
