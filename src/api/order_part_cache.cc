#include "api/order_part_cache.h"

#include <array>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "codec/order_xml.h"

namespace mporders::api {
namespace {

// Every combination of format and view flags has its own slot.
constexpr std::size_t kVariants = 16;

std::size_t SlotOf(const OrderPartVariant& variant) {
  return (variant.format == OrderFormat::kXml ? 8U : 0U) | (variant.view.product_info ? 4U : 0U) |
         (variant.view.replacement_info ? 2U : 0U) | (variant.view.market_data ? 1U : 0U);
}

// Which order an entry holds: its seller and purchase order id, and a
// 64-bit hash of both that picks the shard and keys the shard's map, so a
// lookup builds no string. Two orders whose hashes collide share one slot:
// the entry's ids tell them apart, and the later one replaces the other.
struct OrderKey {
  std::string_view seller_id;
  std::string_view purchase_order_id;
  std::uint64_t hash;
};

OrderKey KeyOf(const std::string& seller_id, const std::string& purchase_order_id) {
  const std::uint64_t seller = std::hash<std::string_view>{}(seller_id);
  const std::uint64_t order = std::hash<std::string_view>{}(purchase_order_id);
  return {seller_id, purchase_order_id,
          seller ^ (order + 0x9e3779b97f4a7c15ULL + (seller << 6) + (seller >> 2))};
}

OrderKey KeyOf(const OrderDocument& document) {
  return KeyOf(document.seller_id, document.purchase_order_id);
}

// What tells one stored document from another of the same order: the
// 64-bit hash of its bytes that the store keeps with the row (doc_hash), the
// version and the change time. Two different documents of one order
// agreeing on all of it is a 1 in 2^64 chance per rewrite; comparing the
// hash, not the bytes, lets a hit go without the document's bytes at all
// (ListRequest::skip_document).
struct Fingerprint {
  std::uint64_t hash = 0;
  std::int64_t version = 0;
  EpochMillis last_modified = 0;
  friend bool operator==(const Fingerprint&, const Fingerprint&) = default;
};

Fingerprint FingerprintOf(const OrderDocument& document) {
  // A document that did not come from a store may lack its hash.
  const std::uint64_t hash =
      document.doc_hash != 0 ? document.doc_hash : Store::DocumentHash(document.doc);
  return {hash, document.version, document.last_modified};
}

}  // namespace

Result<OrderPart> EncodeOrderPart(const OrderDocument& document, const OrderPartVariant& variant) {
  Result<StoredOrder> stored = Store::DecodeOrderDocument(document);
  if (!stored.ok()) return stored.status();
  auto part = std::make_shared<std::string>();
  if (variant.format == OrderFormat::kXml) {
    AppendOrderXmlContent(*part, stored->order, variant.view);
  } else {
    AppendOrderJson(*part, stored->order, variant.view);
  }
  return OrderPart(std::move(part));
}

class OrderPartCache::Shard {
 public:
  void set_capacity(std::size_t capacity) { capacity_ = capacity; }

  // The kept part, if it was made from the document `print` tells; marks
  // the order recently read. Counts a hit when found and `count_miss` or
  // not, a miss when not found and `count_miss`.
  OrderPart Find(const OrderKey& key, const Fingerprint& print, std::size_t slot,
                 bool count_miss) {
    return FindWhere(key, slot, count_miss,
                     [&](const Entry& entry) { return entry.print == print; });
  }

  // The kept part, if its document was read under `stamp`.
  OrderPart FindStamped(const OrderKey& key, const OrderStamp& stamp, std::size_t slot) {
    return FindWhere(key, slot, false, [&](const Entry& entry) { return entry.stamp == stamp; });
  }

  // Notes that the kept document `print` was read under `stamp`.
  void Stamp(const OrderKey& key, const Fingerprint& print, const OrderStamp& stamp) {
    std::lock_guard lock(mutex_);
    Entry* entry = EntryOf(key);
    if (entry != nullptr && entry->print == print) entry->stamp = stamp;
  }

  // Keeps `part` of `doc` (a newer document replaces every part of the
  // order), then makes room by dropping orders not read lately.
  void Keep(const OrderKey& key, const Fingerprint& print, std::size_t slot, OrderPart part) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(key.hash);
    Entry& entry = it->second;
    if (inserted) Enter(key.hash);
    const bool same_order = !inserted && entry.seller_id == key.seller_id &&
                            entry.purchase_order_id == key.purchase_order_id;
    if (!same_order || entry.print != print) {
      bytes_ -= entry.bytes;
      if (!same_order) {
        entry.seller_id = key.seller_id;
        entry.purchase_order_id = key.purchase_order_id;
      }
      entry.print = print;
      // Whatever stamp the old document was read under says nothing of
      // this one, which may even be older (a read that started earlier).
      entry.stamp.reset();
      entry.parts = {};
      entry.bytes = EntryBytes(entry);
      bytes_ += entry.bytes;
    }
    MarkRead(entry);
    const std::size_t replaced = entry.parts[slot] != nullptr ? entry.parts[slot]->size() : 0;
    entry.bytes += part->size() - replaced;
    bytes_ += part->size() - replaced;
    entry.parts[slot] = std::move(part);
    while (bytes_ > capacity_ && !ring_.empty()) DropOne();
  }

  struct Counts {
    std::size_t bytes = 0;
    std::size_t orders = 0;
    std::int64_t hits = 0;
    std::int64_t misses = 0;
  };
  Counts counts() const {
    std::lock_guard lock(mutex_);
    return {bytes_, entries_.size(), hits_, misses_};
  }

 private:
  struct Entry {
    std::string seller_id;
    std::string purchase_order_id;
    Fingerprint print;
    // The order's stamp when `print` was last read (FindStamped); none when
    // it was read without one.
    std::optional<OrderStamp> stamp;
    std::array<OrderPart, kVariants> parts;
    std::size_t bytes = 0;  // ids, parts and bookkeeping
    // Reads since the clock hand last passed, up to kMaxReads.
    std::uint8_t reads = 0;
  };

  // What an order costs beyond its parts, bookkeeping included.
  static std::size_t EntryBytes(const Entry& entry) {
    return sizeof(Entry) + entry.seller_id.size() + entry.purchase_order_id.size() + 64;
  }

  Entry* EntryOf(const OrderKey& key) {
    auto it = entries_.find(key.hash);
    if (it == entries_.end() || it->second.purchase_order_id != key.purchase_order_id ||
        it->second.seller_id != key.seller_id) {
      return nullptr;
    }
    return &it->second;
  }

  // The kept part of the order when `matches(entry)`; marks the order
  // recently read.
  template <typename Matches>
  OrderPart FindWhere(const OrderKey& key, std::size_t slot, bool count_miss, Matches matches) {
    std::lock_guard lock(mutex_);
    Entry* entry = EntryOf(key);
    OrderPart part = entry != nullptr && matches(*entry) ? entry->parts[slot] : nullptr;
    if (part) {
      MarkRead(*entry);
      ++hits_;
    } else if (count_miss) {
      ++misses_;
    }
    return part;
  }

  // The clock: each order counts its reads (up to kMaxReads); the hand
  // takes one from each order it passes and drops the first that has none
  // left. An order read often outlasts a scan of orders read once, and no
  // read moves anything: cheaper under the lock than a recency list.
  static constexpr std::uint8_t kMaxReads = 3;

  static void MarkRead(Entry& entry) {
    if (entry.reads < kMaxReads) ++entry.reads;
  }

  // A new order goes just behind the hand, so it is the last one the hand
  // comes to; the order that was there moves to the end of the ring.
  void Enter(std::uint64_t key_hash) {
    if (hand_ >= ring_.size()) hand_ = 0;
    if (ring_.empty()) {
      ring_.push_back(key_hash);
      return;
    }
    ring_.push_back(ring_[hand_]);
    ring_[hand_] = key_hash;
    ++hand_;
  }

  void DropOne() {
    for (;;) {
      if (hand_ >= ring_.size()) hand_ = 0;
      auto it = entries_.find(ring_[hand_]);
      if (it->second.reads > 0) {
        --it->second.reads;
        ++hand_;
        continue;
      }
      bytes_ -= it->second.bytes;
      entries_.erase(it);
      ring_[hand_] = ring_.back();
      ring_.pop_back();
      return;
    }
  }

  mutable std::mutex mutex_;
  std::unordered_map<std::uint64_t, Entry> entries_;  // by OrderKey::hash
  std::vector<std::uint64_t> ring_;                   // the keys of entries_, in clock order
  std::size_t hand_ = 0;
  std::size_t bytes_ = 0;
  std::size_t capacity_ = 0;
  std::int64_t hits_ = 0;
  std::int64_t misses_ = 0;
};

OrderPartCache::OrderPartCache(std::size_t capacity_bytes)
    : shards_(std::make_unique<Shard[]>(kShards)) {
  for (std::size_t i = 0; i < kShards; ++i) shards_[i].set_capacity(capacity_bytes / kShards);
}

OrderPartCache::~OrderPartCache() = default;

OrderPartCache::Shard& OrderPartCache::ShardFor(std::uint64_t key_hash) {
  // The high bits: the shard's map buckets by the low ones.
  return shards_[(key_hash >> 48) % kShards];
}

OrderPart OrderPartCache::Find(const OrderDocument& document, const OrderPartVariant& variant) {
  const OrderKey key = KeyOf(document);
  return ShardFor(key.hash).Find(key, FingerprintOf(document), SlotOf(variant), false);
}

OrderPart OrderPartCache::FindStamped(const std::string& seller_id,
                                      const std::string& purchase_order_id,
                                      const OrderStamp& stamp, const OrderPartVariant& variant) {
  const OrderKey key = KeyOf(seller_id, purchase_order_id);
  return ShardFor(key.hash).FindStamped(key, stamp, SlotOf(variant));
}

Result<OrderPart> OrderPartCache::Part(const OrderDocument& document,
                                       const OrderPartVariant& variant,
                                       const std::optional<OrderStamp>& stamp) {
  const std::size_t slot = SlotOf(variant);
  const OrderKey key = KeyOf(document);
  Shard& shard = ShardFor(key.hash);
  const Fingerprint print = FingerprintOf(document);
  OrderPart kept = shard.Find(key, print, slot, true);
  if (!kept) {
    Result<OrderPart> part = EncodeOrderPart(document, variant);
    if (!part.ok()) return part.status();
    kept = *part;
    shard.Keep(key, print, slot, std::move(*part));
  }
  if (stamp) shard.Stamp(key, print, *stamp);
  return kept;
}

OrderPartCache::Stats OrderPartCache::stats() const {
  Stats stats;
  for (std::size_t i = 0; i < kShards; ++i) {
    const Shard::Counts counts = shards_[i].counts();
    stats.bytes += static_cast<std::int64_t>(counts.bytes);
    stats.orders += static_cast<std::int64_t>(counts.orders);
    stats.hits += counts.hits;
    stats.misses += counts.misses;
  }
  return stats;
}

}  // namespace mporders::api
