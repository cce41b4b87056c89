#include "api/order_answers.h"

#include <string_view>

#include "codec/order_xml.h"

namespace mporders::api {
namespace {

Result<OrderPart> PartOf(OrderPartCache* cache, const OrderDocument& document,
                         const OrderPartVariant& variant,
                         const std::optional<OrderStamp>& stamp = std::nullopt) {
  return cache != nullptr ? cache->Part(document, variant, stamp)
                          : EncodeOrderPart(document, variant);
}

}  // namespace

std::string OrderResponseBody(const OrderPart& part, const OrderPartVariant& variant) {
  return variant.format == OrderFormat::kXml ? OrderResponseXmlFromPart(*part)
                                             : OrderResponseJsonFromPart(*part);
}

Result<std::string> OrderResponseBody(OrderPartCache* cache, const OrderDocument& document,
                                      const OrderPartVariant& variant,
                                      const std::optional<OrderStamp>& stamp) {
  Result<OrderPart> part = PartOf(cache, document, variant, stamp);
  if (!part.ok()) return part.status();
  return OrderResponseBody(*part, variant);
}

std::function<bool(const OrderDocument&)> KeptPageParts::SkipDocument() {
  if (cache_ == nullptr) return {};
  return [this](const OrderDocument& document) {
    OrderPart part = cache_->Find(document, variant_);
    if (!part) return false;
    found_.push_back({document.purchase_order_id, std::move(part)});
    return true;
  };
}

OrderPart KeptPageParts::Found(const OrderDocument& document, std::size_t skipped_before) const {
  if (skipped_before < found_.size() &&
      found_[skipped_before].purchase_order_id == document.purchase_order_id) {
    return found_[skipped_before].part;
  }
  // The latest answer counts: a document asked about twice was read twice.
  for (auto it = found_.rbegin(); it != found_.rend(); ++it) {
    if (it->purchase_order_id == document.purchase_order_id) return it->part;
  }
  return nullptr;
}

Result<std::string> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                  const std::vector<OrderDocument>& documents,
                                  const OrderPartVariant& variant, const KeptPageParts* kept) {
  // The parts stay alive (shared) while the answer is assembled, whatever
  // the cache drops meanwhile.
  std::vector<OrderPart> parts;
  parts.reserve(documents.size());
  std::vector<std::string_view> views;
  views.reserve(documents.size());
  std::size_t skipped = 0;
  for (const OrderDocument& document : documents) {
    OrderPart found = kept != nullptr && document.doc_skipped
                          ? kept->Found(document, skipped++)
                          : nullptr;
    if (document.doc_skipped && !found) {
      return Status::Internal("the document of purchase order " + document.purchase_order_id +
                              " was skipped without a kept part");
    }
    Result<OrderPart> part = found ? Result<OrderPart>(std::move(found))
                                   : PartOf(cache, document, variant);
    if (!part.ok()) return part.status();
    views.emplace_back(**part);
    parts.push_back(std::move(*part));
  }
  return variant.format == OrderFormat::kXml ? OrderListXmlFromParts(meta, views)
                                             : OrderListJsonFromParts(meta, views);
}

}  // namespace mporders::api
