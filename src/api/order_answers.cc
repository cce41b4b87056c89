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
struct ListPieces {
  ListEnvelope envelope;
  std::vector<OrderPart> parts;
};

}  // namespace

Result<http::GatheredBody> OrderListBody(OrderPartCache* cache, const ListMeta& meta,
                                         const std::vector<OrderDocument>& documents,
                                         const OrderPartVariant& variant,
                                         const KeptPageParts* kept) {
  auto pieces = std::make_shared<ListPieces>();
  pieces->parts.reserve(documents.size());
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
    pieces->parts.push_back(std::move(*part));
  }
  pieces->envelope = variant.format == OrderFormat::kXml ? OrderListXmlEnvelope(meta)
                                                         : OrderListJsonEnvelope(meta);
  // The views point into `pieces`, which the body owns from here on (and
  // which never moves: it is on the heap).
  const ListEnvelope& envelope = pieces->envelope;
  http::GatheredBody body;
  body.pieces.reserve(2 + 4 * pieces->parts.size());
  body.pieces.emplace_back(envelope.open);
  for (std::size_t i = 0; i < pieces->parts.size(); ++i) {
    if (i > 0) body.pieces.push_back(envelope.between_orders);
    body.pieces.push_back(envelope.before_order);
    body.pieces.emplace_back(*pieces->parts[i]);
    body.pieces.push_back(envelope.after_order);
  }
  body.pieces.emplace_back(envelope.close);
  body.owner = std::move(pieces);
  return body;
}

}  // namespace mporders::api
