#include "store/sqlite/shared_state.h"

#include <utility>

namespace mporders::sqlite {

namespace {

// An order word: committed changes below bit 48, changes in flight above.
constexpr std::uint64_t kInFlight = std::uint64_t{1} << 48;
constexpr std::uint64_t kGenerationMask = kInFlight - 1;

bool InFlight(std::uint64_t word) { return (word & ~kGenerationMask) != 0; }

}  // namespace

std::size_t SharedState::BucketWord(std::string_view seller_id,
                                    std::string_view purchase_order_id) {
  std::uint64_t hash = 0xcbf29ce484222325ULL;
  auto mix = [&hash](unsigned char byte) {
    hash ^= byte;
    hash *= 0x100000001b3ULL;
  };
  for (char c : seller_id) mix(static_cast<unsigned char>(c));
  mix(0);
  for (char c : purchase_order_id) mix(static_cast<unsigned char>(c));
  return kFirstBucketWord + static_cast<std::size_t>(hash % kOrderBuckets);
}

std::optional<OrderStamp> SharedState::OrderStampOf(std::string_view seller_id,
                                                    std::string_view purchase_order_id) const {
  const std::uint64_t all = words_->Load(kAllOrdersWord);
  const std::uint64_t bucket = words_->Load(BucketWord(seller_id, purchase_order_id));
  if (InFlight(all) || InFlight(bucket)) return std::nullopt;
  return OrderStamp{all, bucket};
}

SharedState::OrderChange::OrderChange(SharedState& state, std::vector<std::size_t> words)
    : state_(&state), words_(std::move(words)) {
  for (std::size_t word : words_) state_->words_->Add(word, kInFlight);
}

SharedState::OrderChange::OrderChange(OrderChange&& other) noexcept
    : state_(other.state_), words_(std::move(other.words_)) {
  other.words_.clear();
}

SharedState::OrderChange::~OrderChange() {
  // One more committed change, one fewer in flight, in one step.
  for (std::size_t word : words_) state_->words_->Add(word, 1 - kInFlight);
}

}  // namespace mporders::sqlite
