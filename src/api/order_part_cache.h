#pragma once
// Encoded orders kept between reads, so that a list page is a store read
// plus concatenation instead of decoding and encoding every order again.
//
// An order's encoded part depends on nothing but its stored document and the
// variant (format and view), and equal documents are equal orders. A kept
// part is therefore reused only while the store hands back the same document
// (same doc_hash, version and change time): every read
// still asks the store, so every server process sees every committed write
// on its next read, whichever process (or engine) made the change. A GET
// asks only for the order's stamp when the store keeps stamps (SQLite: a
// word in memory shared by every process on the database), and reads the
// order only when the stamp moved since the part was made.
//
// Bounded by bytes (parts and bookkeeping); orders not read lately make
// room (a clock over each shard's orders). Thread safety: every method may
// be called concurrently.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "codec/order_json.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::api {

enum class OrderFormat { kJson, kXml };

// What a part is: the format and the view of the answer it goes into.
struct OrderPartVariant {
  OrderFormat format = OrderFormat::kJson;
  OrderView view;
};

// JSON: the order object (AppendOrderJson); XML: the content of the order
// element (AppendOrderXmlContent).
using OrderPart = std::shared_ptr<const std::string>;

// Encodes `document` in `variant`, keeping nothing. kInternal when the
// document does not decode.
Result<OrderPart> EncodeOrderPart(const OrderDocument& document, const OrderPartVariant& variant);

class OrderPartCache {
 public:
  explicit OrderPartCache(std::size_t capacity_bytes);
  ~OrderPartCache();
  OrderPartCache(const OrderPartCache&) = delete;
  OrderPartCache& operator=(const OrderPartCache&) = delete;

  // The part of `document` in `variant`: the kept one when it was made from
  // this document, else encoded now and kept. kInternal when the
  // document does not decode. `stamp`, when given, is the order's stamp
  // taken before the document was read (Store::OrderChangeStamp): the kept
  // part is then also found by FindStamped while the stamp holds.
  Result<OrderPart> Part(const OrderDocument& document, const OrderPartVariant& variant,
                         const std::optional<OrderStamp>& stamp = std::nullopt);
  // The kept part of the order in `variant`, when its document was read
  // under `stamp`: with the stamp still current, the order is unchanged
  // and need not be read at all. Null otherwise.
  OrderPart FindStamped(const std::string& seller_id, const std::string& purchase_order_id,
                        const OrderStamp& stamp, const OrderPartVariant& variant);
  // The kept part of `document` in `variant`, or null; needs the document's
  // keys, version, change time and doc_hash, not its bytes.
  OrderPart Find(const OrderDocument& document, const OrderPartVariant& variant);

  struct Stats {
    std::int64_t hits = 0;
    std::int64_t misses = 0;
    std::int64_t bytes = 0;    // parts and bookkeeping kept now
    std::int64_t orders = 0;   // orders kept now
  };
  Stats stats() const;

 private:
  class Shard;
  static constexpr std::size_t kShards = 16;
  Shard& ShardFor(std::uint64_t key_hash);

  std::unique_ptr<Shard[]> shards_;
};

}  // namespace mporders::api
