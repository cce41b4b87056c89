#pragma once
// What every SqliteStore on one database shares through the words of a file
// beside it (shared_words.h), so that a process can tell, without a query,
// that another one changed something it may have kept:
//   - the accounts generation, moved after every change to clients or grants
//     (the token check's access cache, access_cache.h);
//   - order generations: one for all orders and one per bucket of orders
//     (a hash of seller and purchase order id), for Store::OrderChangeStamp.
//
// An order word counts, in its low 48 bits, the changes committed to its
// orders and, in its high 16 bits, the changes being committed now. A change
// marks its words before its transaction and moves them on after it,
// committed or not (OrderChange). While a word shows a change in flight, or
// after a process died in the middle of one, its orders have no stamp: they
// are read from the database, never from what a reader kept.
//
// Thread safety: every method may be called concurrently.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "store/sqlite/shared_words.h"
#include "store/store.h"

namespace mporders::sqlite {

class SharedState {
 public:
  // An order's seller and purchase order id.
  using OrderKey = std::pair<std::string_view, std::string_view>;

  static constexpr std::size_t kOrderBuckets = 16384;
  // Words of the layout below.
  static constexpr std::size_t kWords = 2 + kOrderBuckets;

  // REQUIRES: words->size() >= kWords.
  explicit SharedState(std::unique_ptr<SharedWords> words) : words_(std::move(words)) {}

  std::uint64_t AccountsGeneration() const { return words_->Load(kAccountsWord); }
  void AccountsChanged() { words_->Add(kAccountsWord, 1); }

  // The order's stamp now; nullopt while a change of it may be in flight.
  std::optional<OrderStamp> OrderStampOf(std::string_view seller_id,
                                         std::string_view purchase_order_id) const;

  // Marks orders as being changed for its lifetime, then moves their
  // generations on. Move-only.
  class OrderChange {
   public:
    OrderChange(SharedState& state, std::vector<std::size_t> words);
    OrderChange(OrderChange&& other) noexcept;
    OrderChange& operator=(OrderChange&&) = delete;
    ~OrderChange();

   private:
    SharedState* state_;
    std::vector<std::size_t> words_;
  };
  // Before changing the orders of `items` (any number, repeats allowed):
  // `key_of(item)` gives an item's seller and purchase order id.
  template <typename Items, typename KeyOf>
  OrderChange ChangeOrders(const Items& items, KeyOf key_of) {
    // A bulk insert (a seed) could overflow a bucket's count of changes in
    // flight; it changes enough orders to count as a change of all.
    if (std::size(items) > kMaxOrdersPerChange) return ChangeAllOrders();
    std::vector<std::size_t> words;
    words.reserve(std::size(items));
    for (const auto& item : items) {
      const auto [seller_id, purchase_order_id] = key_of(item);
      words.push_back(BucketWord(seller_id, purchase_order_id));
    }
    return OrderChange(*this, std::move(words));
  }
  OrderChange ChangeOrders(const std::vector<StoredOrder>& orders) {
    return ChangeOrders(orders, [](const StoredOrder& order) {
      return OrderKey{order.seller_id, order.order.purchase_order_id};
    });
  }
  // Before a change to an unknown set of orders (a seller's whole state, a
  // migration).
  OrderChange ChangeAllOrders() { return OrderChange(*this, {kAllOrdersWord}); }

 private:
  static constexpr std::size_t kAccountsWord = 0;
  static constexpr std::size_t kAllOrdersWord = 1;
  static constexpr std::size_t kFirstBucketWord = 2;
  // Far below the 65,535 changes in flight a word can count.
  static constexpr std::size_t kMaxOrdersPerChange = 4096;

  // The same in every process and build: FNV-1a of seller, NUL, order id.
  static std::size_t BucketWord(std::string_view seller_id, std::string_view purchase_order_id);

  std::unique_ptr<SharedWords> words_;
};

}  // namespace mporders::sqlite
