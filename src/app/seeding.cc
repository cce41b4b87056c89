#include "app/seeding.h"

#include <future>
#include <iostream>
#include <vector>

#include "sim/order_generator.h"

namespace mporders::app {
namespace {

constexpr std::int64_t kBatchSize = 5000;

std::vector<StoredOrder> MakeBatch(const OrderGenerator& generator, const std::string& seller_id,
                                   std::uint64_t first, std::int64_t count) {
  std::vector<StoredOrder> batch;
  batch.reserve(static_cast<size_t>(count));
  for (std::int64_t i = 0; i < count; ++i) {
    batch.push_back(generator.MakeStored(first + static_cast<std::uint64_t>(i), seller_id));
  }
  return batch;
}

}  // namespace

Result<std::int64_t> SeedOrders(Store& store, const std::string& seller_id, std::int64_t count,
                                std::uint64_t seed, EpochMillis now, bool progress) {
  MP_RETURN_IF_ERROR(store.PutSeller(Seller{seller_id, seller_id, now}));
  // Continue the sequence after the seller's existing orders so that seeding
  // twice adds new purchase orders instead of colliding with the first ones.
  auto existing = store.CountOrders(seller_id);
  if (!existing.ok()) return existing.status();
  auto first = static_cast<std::uint64_t>(*existing);

  OrderGenerator generator(GeneratorOptions{seed, now, 180, ""});
  // Generate the next batch on a second thread while this one inserts.
  auto next = std::async(std::launch::async, MakeBatch, std::cref(generator), std::cref(seller_id),
                         first, std::min(kBatchSize, count));
  std::int64_t inserted = 0;
  while (inserted < count) {
    std::vector<StoredOrder> batch = next.get();
    std::int64_t after = inserted + static_cast<std::int64_t>(batch.size());
    if (after < count) {
      next = std::async(std::launch::async, MakeBatch, std::cref(generator), std::cref(seller_id),
                        first + static_cast<std::uint64_t>(after), std::min(kBatchSize, count - after));
    }
    Status status = store.InsertOrders(batch);
    if (!status.ok()) {
      if (next.valid()) next.wait();
      return status;
    }
    inserted = after;
    if (progress && (inserted % 100000 == 0 || inserted == count)) {
      std::cerr << "seeded " << inserted << " / " << count << " orders\n";
    }
  }
  return inserted;
}

}  // namespace mporders::app
