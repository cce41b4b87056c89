#include "api/order_answers.h"

#include <string_view>

#include "codec/order_xml.h"

namespace mporders::api {
namespace {

Result<OrderPart> PartOf(OrderPartCache* cache, const OrderDocument& document,
                         const OrderPartVariant& variant) {
  return cache != nullptr ? cache->Part(document, variant) : EncodeOrderPart(document, variant);
}

}  // namespace

Result<std::string> OrderResponseBody(OrderPartCache* cache, const OrderDocument& document,
                                      const OrderPartVariant& variant) {
  Result<OrderPart> part = PartOf(cache, document, variant);
  if (!part.ok()) return part.status();
  return variant.format == OrderFormat::kXml ? OrderResponseXmlFromPart(**part)
                                             : OrderResponseJsonFromPart(**part);
}

Result<std::string> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                  const std::vector<OrderDocument>& documents,
                                  const OrderPartVariant& variant) {
  // The parts stay alive (shared) while the answer is assembled, whatever
  // the cache drops meanwhile.
  std::vector<OrderPart> parts;
  parts.reserve(documents.size());
  std::vector<std::string_view> views;
  views.reserve(documents.size());
  for (const OrderDocument& document : documents) {
    Result<OrderPart> part = PartOf(cache, document, variant);
    if (!part.ok()) return part.status();
    views.emplace_back(**part);
    parts.push_back(std::move(*part));
  }
  return variant.format == OrderFormat::kXml ? OrderListXmlFromParts(meta, views)
                                             : OrderListJsonFromParts(meta, views);
}

}  // namespace mporders::api
