#include "app/seeding.h"

#include <algorithm>
#include <future>
#include <iostream>
#include <span>
#include <vector>

#include "sim/order_generator.h"

namespace mporders::app {
namespace {

// Orders per InsertOrders call, i.e. per transaction. The purchase and
// customer order id indexes take random inserts whatever the order; every
// transaction rewrites the index pages it touched into the WAL, and a batch of
// 5000 touches nearly as many pages as one of 20000. 20000 takes a 1M seed
// from 57 s to 49 s against 5000 on the reference machine, and far more when
// the disk is busy; two batches in flight (one generated, one inserted) hold
// about 350 MiB. Larger batches gain little more for the memory
// (docs/performance.md).
constexpr std::int64_t kBatchSize = 20000;
// Indices whose dates are sorted together: 16 bytes each, so a run costs at
// most 64 MiB however large the seed. Seeds up to this size go in fully in
// date order; larger ones as consecutive date-ordered runs.
constexpr std::int64_t kSortRun = 4'000'000;

struct DatedIndex {
  EpochMillis order_date;
  std::uint64_t index;
};

// Indices [first, first + count) by ascending order date (ties by index, so
// the order is deterministic).
//
// Inserting in date order is what makes a large seed fast: the date-led
// indexes and the status and program side tables then grow at their right
// edge, where the pages are already cached, instead of taking random B-tree
// writes all over a file much larger than the cache. The orders themselves
// are exactly those of the indices; only the insertion order changes.
std::vector<DatedIndex> IndicesByDate(const OrderGenerator& generator, std::uint64_t first,
                                      std::int64_t count) {
  std::vector<DatedIndex> dated(static_cast<size_t>(count));
  for (size_t i = 0; i < dated.size(); ++i) {
    const std::uint64_t index = first + i;
    dated[i] = DatedIndex{generator.OrderDateOf(index), index};
  }
  std::sort(dated.begin(), dated.end(), [](const DatedIndex& a, const DatedIndex& b) {
    return a.order_date != b.order_date ? a.order_date < b.order_date : a.index < b.index;
  });
  return dated;
}

std::vector<StoredOrder> MakeBatch(const OrderGenerator& generator, const std::string& seller_id,
                                   std::span<const DatedIndex> indices) {
  std::vector<StoredOrder> batch;
  batch.reserve(indices.size());
  for (const DatedIndex& dated : indices) {
    batch.push_back(generator.MakeStored(dated.index, seller_id));
  }
  return batch;
}

}  // namespace

Result<MarketId> EnsureSellerMarket(Store& store, const std::string& seller_id,
                                    std::optional<MarketId> requested, EpochMillis now) {
  auto existing = store.GetSeller(seller_id);
  if (existing.ok()) {
    if (requested && *requested != existing->market) {
      return Status::InvalidContent("seller " + seller_id + " sells in market " +
                                        std::string(MarketCode(existing->market)) + ", not " +
                                        std::string(MarketCode(*requested)) +
                                        "; a seller's market never changes",
                                    "market");
    }
    return existing->market;
  }
  if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
  const MarketId market = requested.value_or(MarketId::kUs);
  MP_RETURN_IF_ERROR(store.PutSeller(Seller{seller_id, seller_id, now, market}));
  // Another process may have created it meanwhile: the stored market wins.
  auto created = store.GetSeller(seller_id);
  if (!created.ok()) return created.status();
  return created->market;
}

Result<std::int64_t> SeedOrders(Store& store, const std::string& seller_id, std::int64_t count,
                                std::uint64_t seed, EpochMillis now, bool progress,
                                std::optional<MarketId> market) {
  auto seller_market = EnsureSellerMarket(store, seller_id, market, now);
  if (!seller_market.ok()) return seller_market.status();
  // Continue the sequence after the seller's existing orders so that seeding
  // twice adds new purchase orders instead of colliding with the first ones.
  auto existing = store.CountOrders(seller_id);
  if (!existing.ok()) return existing.status();
  const auto first = static_cast<std::uint64_t>(*existing);

  const OrderGenerator generator(GeneratorOptions{seed, now, 180, "", *seller_market});
  std::int64_t inserted = 0;
  while (inserted < count) {
    const std::vector<DatedIndex> run =
        IndicesByDate(generator, first + static_cast<std::uint64_t>(inserted),
                      std::min(kSortRun, count - inserted));
    const std::span<const DatedIndex> all(run);
    auto batch_of = [&](size_t offset) {
      return all.subspan(offset, std::min(static_cast<size_t>(kBatchSize), all.size() - offset));
    };
    // Generate the next batch on a second thread while this one inserts.
    auto next = std::async(std::launch::async, MakeBatch, std::cref(generator),
                           std::cref(seller_id), batch_of(0));
    for (size_t offset = 0; offset < all.size();) {
      std::vector<StoredOrder> batch = next.get();
      offset += batch.size();
      if (offset < all.size()) {
        next = std::async(std::launch::async, MakeBatch, std::cref(generator), std::cref(seller_id),
                          batch_of(offset));
      }
      Status status = store.InsertOrders(batch);
      if (!status.ok()) {
        if (next.valid()) next.wait();
        return status;
      }
      inserted += static_cast<std::int64_t>(batch.size());
      if (progress && (inserted % 100000 == 0 || inserted == count)) {
        std::cerr << "seeded " << inserted << " / " << count << " orders\n";
      }
    }
  }
  return inserted;
}

}  // namespace mporders::app
