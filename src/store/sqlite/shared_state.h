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
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "store/sqlite/shared_words.h"
#include "store/store.h"

namespace mporders::sqlite {

class SharedState {
 public:
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
  // Before changing the given orders (any number, repeats allowed).
  OrderChange ChangeOrder(std::string_view seller_id, std::string_view purchase_order_id);
  OrderChange ChangeOrders(const std::vector<StoredOrder>& orders);
  OrderChange ChangeOrders(const std::vector<std::pair<std::string_view, std::string_view>>& keys);
  // Before a change to an unknown set of orders (a seller's whole state, a
  // migration).
  OrderChange ChangeAllOrders() { return OrderChange(*this, {kAllOrdersWord}); }

 private:
  static constexpr std::size_t kAccountsWord = 0;
  static constexpr std::size_t kAllOrdersWord = 1;
  static constexpr std::size_t kFirstBucketWord = 2;

  // The same in every process and build: FNV-1a of seller, NUL, order id.
  static std::size_t BucketWord(std::string_view seller_id, std::string_view purchase_order_id);

  std::unique_ptr<SharedWords> words_;
};

}  // namespace mporders::sqlite
