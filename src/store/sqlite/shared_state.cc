#include "store/sqlite/shared_state.h"

#include <utility>

namespace mporders::sqlite {

namespace {

// An order word: committed changes below bit 48, changes in flight above.
constexpr std::uint64_t kInFlight = std::uint64_t{1} << 48;
constexpr std::uint64_t kGenerationMask = kInFlight - 1;

// Far below the 65,535 changes in flight a word can count.
constexpr std::size_t kMaxOrdersPerChange = 4096;

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

SharedState::OrderChange SharedState::ChangeOrder(std::string_view seller_id,
                                                  std::string_view purchase_order_id) {
  return OrderChange(*this, {BucketWord(seller_id, purchase_order_id)});
}

SharedState::OrderChange SharedState::ChangeOrders(const std::vector<StoredOrder>& orders) {
  // A bulk insert (a seed) could overflow a bucket's count of changes in
  // flight; it changes enough orders to count as a change of all.
  if (orders.size() > kMaxOrdersPerChange) return ChangeAllOrders();
  std::vector<std::size_t> words;
  words.reserve(orders.size());
  for (const StoredOrder& order : orders) {
    words.push_back(BucketWord(order.seller_id, order.order.purchase_order_id));
  }
  return OrderChange(*this, std::move(words));
}

SharedState::OrderChange SharedState::ChangeOrders(
    const std::vector<std::pair<std::string_view, std::string_view>>& keys) {
  if (keys.size() > kMaxOrdersPerChange) return ChangeAllOrders();
  std::vector<std::size_t> words;
  words.reserve(keys.size());
  for (const auto& [seller_id, purchase_order_id] : keys) {
    words.push_back(BucketWord(seller_id, purchase_order_id));
  }
  return OrderChange(*this, std::move(words));
}

}  // namespace mporders::sqlite
