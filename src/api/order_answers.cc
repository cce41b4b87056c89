#include "api/order_answers.h"

#include <memory>
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

namespace {

// What a gathered list answer keeps alive until it is sent.
struct ListAnswerOwner {
  ListEnvelope envelope;
  std::vector<OrderPart> parts;
};

}  // namespace

Result<http::GatheredBody> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                         const std::vector<OrderDocument>& documents,
                                         const OrderPartVariant& variant,
                                         const KeptPageParts* kept) {
  auto owner = std::make_shared<ListAnswerOwner>();
  owner->parts.reserve(documents.size());
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
    owner->parts.push_back(std::move(*part));
  }
  owner->envelope = variant.format == OrderFormat::kXml ? OrderListXmlEnvelope(meta)
                                                        : OrderListJsonEnvelope(meta);
  std::vector<std::string_view> orders;
  orders.reserve(owner->parts.size());
  for (const OrderPart& part : owner->parts) orders.emplace_back(*part);
  // The views point into `owner`, which the body keeps from here on (and
  // which never moves: it is on the heap).
  http::GatheredBody body;
  body.pieces = ListPieces(owner->envelope, orders);
  body.owner = std::move(owner);
  return body;
}

}  // namespace mporders::api
