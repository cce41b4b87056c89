#pragma once
// The Orders API's answers for stored orders, assembled from encoded parts:
// kept ones from the server's OrderPartCache when it has one, else encoded
// for this answer alone. Byte for byte the answers of the codec's Encode*
// functions (order_json.h, order_xml.h).

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "api/order_part_cache.h"
#include "codec/order_json.h"
#include "core/status.h"
#include "http/reply.h"
#include "store/store.h"

namespace mporders::api {

// {"order":{...}} or <ns3:order ...>...</ns3:order>. `stamp`: the order's
// stamp taken before `document` was read (OrderPartCache::Part).
Result<std::string> OrderResponseBody(OrderPartCache* cache, const OrderDocument& document,
                                      const OrderPartVariant& variant,
                                      const std::optional<OrderStamp>& stamp = std::nullopt);
// The same answer from a kept part.
std::string OrderResponseBody(const OrderPart& part, const OrderPartVariant& variant);

// The kept parts of a page's orders, looked up while the store reads the
// page (ListRequest::skip_document), so that the store copies no document
// whose part is kept. What it finds stays alive here until the answer is
// assembled, whatever the cache drops meanwhile.
class KeptPageParts {
 public:
  // `cache` may be null: then nothing is kept and every document is read.
  KeptPageParts(OrderPartCache* cache, OrderPartVariant variant)
      : cache_(cache), variant_(std::move(variant)) {}
  KeptPageParts(const KeptPageParts&) = delete;
  KeptPageParts& operator=(const KeptPageParts&) = delete;

  // For ListRequest::skip_document (which must not outlive this); empty
  // without a cache.
  std::function<bool(const OrderDocument&)> SkipDocument();
  // The part found for the order of `document`, the `skipped_before`-th
  // skipped document of the page (counted from 0), or null. The store asks
  // about the page's documents in their order, so the n-th part found is
  // the n-th skipped document's; any other order is searched for.
  OrderPart Found(const OrderDocument& document, std::size_t skipped_before) const;

 private:
  struct FoundPart {
    std::string purchase_order_id;
    OrderPart part;
  };
  OrderPartCache* cache_;
  OrderPartVariant variant_;
  std::vector<FoundPart> found_;  // in the order the store asked
};

// The list envelope with `meta` around `documents`, in their order, as
// pieces to send without copying the parts: byte for byte the codec's
// EncodeOrderList*. The parts of skipped documents come from `kept` (may be
// null when none were skipped).
Result<http::GatheredBody> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                         const std::vector<OrderDocument>& documents,
                                         const OrderPartVariant& variant,
                                         const KeptPageParts* kept = nullptr);

}  // namespace mporders::api
