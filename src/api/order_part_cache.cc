#include "api/order_part_cache.h"

#include <array>
#include <functional>
#include <list>
#include <mutex>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "codec/order_xml.h"

namespace mporders::api {
namespace {

// Every combination of format and view flags has its own slot.
constexpr std::size_t kVariants = 16;

std::size_t SlotOf(const OrderPartVariant& variant) {
  return (variant.format == OrderFormat::kXml ? 8U : 0U) | (variant.view.product_info ? 4U : 0U) |
         (variant.view.replacement_info ? 2U : 0U) | (variant.view.market_data ? 1U : 0U);
}

// Sellers' ids and purchase order ids never hold a NUL.
std::string KeyOf(const std::string& seller_id, const std::string& purchase_order_id) {
  std::string key;
  key.reserve(seller_id.size() + 1 + purchase_order_id.size());
  key.append(seller_id).push_back('\0');
  key.append(purchase_order_id);
  return key;
}

std::string KeyOf(const OrderDocument& document) {
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
  // the order recently read.
  OrderPart Find(const std::string& key, const Fingerprint& print, std::size_t slot) {
    return FindWhere(key, slot, [&](const Entry& entry) { return entry.print == print; });
  }

  // The kept part, if its document was read under `stamp`.
  OrderPart FindStamped(const std::string& key, const OrderStamp& stamp, std::size_t slot) {
    return FindWhere(key, slot, [&](const Entry& entry) { return entry.stamp == stamp; });
  }

  // Notes that the kept document `print` was read under `stamp`.
  void Stamp(const std::string& key, const Fingerprint& print, const OrderStamp& stamp) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it != entries_.end() && it->second.print == print) it->second.stamp = stamp;
  }

  // Keeps `part` of `doc` (a newer document replaces every part of the
  // order), then makes room by dropping the least recently read orders.
  void Keep(std::string key, const Fingerprint& print, std::size_t slot, OrderPart part) {
    std::lock_guard lock(mutex_);
    auto [it, inserted] = entries_.try_emplace(std::move(key));
    Entry& entry = it->second;
    if (inserted) {
      recent_.push_front(&it->first);
      entry.recent = recent_.begin();
    } else {
      recent_.splice(recent_.begin(), recent_, entry.recent);
    }
    if (inserted || entry.print != print) {
      bytes_ -= entry.bytes;
      entry.print = print;
      // Whatever stamp the old document was read under says nothing of
      // this one, which may even be older (a read that started earlier).
      entry.stamp.reset();
      entry.parts = {};
      entry.bytes = EntryBytes(it->first);
      bytes_ += entry.bytes;
    }
    const std::size_t replaced = entry.parts[slot] != nullptr ? entry.parts[slot]->size() : 0;
    entry.bytes += part->size() - replaced;
    bytes_ += part->size() - replaced;
    entry.parts[slot] = std::move(part);
    while (bytes_ > capacity_ && !recent_.empty()) DropLeastRecent();
  }

  std::pair<std::size_t, std::size_t> Size() const {
    std::lock_guard lock(mutex_);
    return {bytes_, entries_.size()};
  }

 private:
  struct Entry {
    Fingerprint print;
    // The order's stamp when `print` was last read (FindStamped); none when
    // it was read without one.
    std::optional<OrderStamp> stamp;
    std::array<OrderPart, kVariants> parts;
    std::size_t bytes = 0;  // key, parts and bookkeeping
    std::list<const std::string*>::iterator recent;
  };

  // What an order costs beyond its parts, bookkeeping included.
  static std::size_t EntryBytes(const std::string& key) {
    return sizeof(Entry) + 2 * key.size() + 64;
  }

  // The kept part of the order when `matches(entry)`; marks the order
  // recently read.
  template <typename Matches>
  OrderPart FindWhere(const std::string& key, std::size_t slot, Matches matches) {
    std::lock_guard lock(mutex_);
    auto it = entries_.find(key);
    if (it == entries_.end() || !matches(it->second)) return nullptr;
    Entry& entry = it->second;
    recent_.splice(recent_.begin(), recent_, entry.recent);
    return entry.parts[slot];
  }

  void DropLeastRecent() {
    auto it = entries_.find(*recent_.back());
    bytes_ -= it->second.bytes;
    recent_.pop_back();
    entries_.erase(it);
  }

  mutable std::mutex mutex_;
  std::unordered_map<std::string, Entry> entries_;
  std::list<const std::string*> recent_;  // keys of entries_, most recently read first
  std::size_t bytes_ = 0;
  std::size_t capacity_ = 0;
};

OrderPartCache::OrderPartCache(std::size_t capacity_bytes)
    : shards_(std::make_unique<Shard[]>(kShards)) {
  for (std::size_t i = 0; i < kShards; ++i) shards_[i].set_capacity(capacity_bytes / kShards);
}

OrderPartCache::~OrderPartCache() = default;

OrderPartCache::Shard& OrderPartCache::ShardFor(const std::string& key) {
  return shards_[std::hash<std::string>{}(key) % kShards];
}

OrderPart OrderPartCache::Find(const OrderDocument& document, const OrderPartVariant& variant) {
  const std::string key = KeyOf(document);
  OrderPart kept = ShardFor(key).Find(key, FingerprintOf(document), SlotOf(variant));
  if (kept) hits_.fetch_add(1, std::memory_order_relaxed);
  return kept;
}

OrderPart OrderPartCache::FindStamped(const std::string& seller_id,
                                      const std::string& purchase_order_id,
                                      const OrderStamp& stamp, const OrderPartVariant& variant) {
  const std::string key = KeyOf(seller_id, purchase_order_id);
  OrderPart kept = ShardFor(key).FindStamped(key, stamp, SlotOf(variant));
  if (kept) hits_.fetch_add(1, std::memory_order_relaxed);
  return kept;
}

Result<OrderPart> OrderPartCache::Part(const OrderDocument& document,
                                       const OrderPartVariant& variant,
                                       const std::optional<OrderStamp>& stamp) {
  const std::size_t slot = SlotOf(variant);
  std::string key = KeyOf(document);
  Shard& shard = ShardFor(key);
  const Fingerprint print = FingerprintOf(document);
  OrderPart kept = shard.Find(key, print, slot);
  if (kept) {
    hits_.fetch_add(1, std::memory_order_relaxed);
  } else {
    misses_.fetch_add(1, std::memory_order_relaxed);
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
  stats.hits = hits_.load(std::memory_order_relaxed);
  stats.misses = misses_.load(std::memory_order_relaxed);
  for (std::size_t i = 0; i < kShards; ++i) {
    auto [bytes, orders] = shards_[i].Size();
    stats.bytes += static_cast<std::int64_t>(bytes);
    stats.orders += static_cast<std::int64_t>(orders);
  }
  return stats;
}

}  // namespace mporders::api
