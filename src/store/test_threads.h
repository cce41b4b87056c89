#pragma once
// Thread coordination and update marks for the group commit tests of both
// engines.

#include <gtest/gtest.h>

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "domain/order.h"
#include "store/store.h"

namespace mporders::store_testing {

// Spins until `condition` holds: the tests wait for other threads to reach
// a known point (a job queued), not for time to pass.
inline void WaitUntil(const std::function<bool()>& condition) {
  while (!condition()) std::this_thread::yield();
}

// A one-shot gate that threads wait at until it is opened.
class Gate {
 public:
  void Open() {
    std::lock_guard<std::mutex> lock(mutex_);
    open_ = true;
    changed_.notify_all();
  }
  void Wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return open_; });
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  bool open_ = false;
};

// Appends an Acknowledged bucket to the first line whose quantity marks
// which update wrote it.
inline void Mark(StoredOrder& order, std::int64_t mark) {
  OrderLineStatus bucket;
  bucket.status = LineStatus::kAcknowledged;
  bucket.status_quantity.amount = mark;
  order.order.order_lines[0].statuses.push_back(bucket);
}

// An update that only marks the order.
inline Store::UpdateFn MarkWith(std::int64_t mark) {
  return [mark](StoredOrder& order) {
    Mark(order, mark);
    return Status::Ok();
  };
}

// The marks of the first line, oldest first.
inline std::vector<std::int64_t> Marks(const StoredOrder& order) {
  std::vector<std::int64_t> marks;
  const auto& statuses = order.order.order_lines[0].statuses;
  for (size_t i = 1; i < statuses.size(); ++i) marks.push_back(statuses[i].status_quantity.amount);
  return marks;
}

// A fixture that lines updates up in one batch of an engine's group commit
// (SqliteStore, PgStore: both have QueuedUpdates()): an update of seller
// s1's P0 holds the running batch while the updates queued behind it wait
// to run together in the next one. SetUp of the derived fixture opens
// `store_` with orders P0.. of seller s1.
template <typename EngineStore>
class HeldBatchTest : public ::testing::Test {
 protected:
  // Starts an update of P0 whose function holds its batch until `release_`
  // opens, and returns once it is holding: updates started meanwhile queue
  // up and run together in the next batch.
  void HoldTheWriter() {
    holder_ = std::thread([this] {
      holder_result_.emplace(store_->UpdateOrder("s1", "P0", [this](StoredOrder&) {
        holding_ = true;
        release_.Wait();
        return Status::Ok();
      }));
    });
    WaitUntil([&] { return holding_.load(); });
  }

  // Starts `fn` as an update of `po` on a thread of its own and returns once
  // it waits in the queue, so updates queue in the order they are started.
  void Queue(const std::string& po, Store::UpdateFn fn) {
    const size_t before = store_->QueuedUpdates();
    size_t slot = 0;
    {
      std::lock_guard<std::mutex> lock(results_mutex_);
      slot = results_.size();
      results_.emplace_back();
    }
    queued_.emplace_back([this, po, fn = std::move(fn), slot] {
      Result<StoredOrder> result = store_->UpdateOrder("s1", po, fn);
      std::lock_guard<std::mutex> lock(results_mutex_);
      results_[slot].emplace(std::move(result));
    });
    WaitUntil([&] { return store_->QueuedUpdates() == before + 1; });
  }

  // Lets the held batch finish and waits for every queued update.
  void ReleaseAndJoin() {
    release_.Open();
    holder_.join();
    for (std::thread& thread : queued_) thread.join();
    ASSERT_TRUE(holder_result_.has_value() && holder_result_->ok());
  }

  const Result<StoredOrder>& ResultOf(size_t slot) { return *results_[slot]; }

  std::unique_ptr<EngineStore> store_;
  Gate release_;
  std::atomic<bool> holding_{false};
  std::thread holder_;
  std::optional<Result<StoredOrder>> holder_result_;
  std::vector<std::thread> queued_;
  std::mutex results_mutex_;
  std::deque<std::optional<Result<StoredOrder>>> results_;  // stable under emplace_back
};

}  // namespace mporders::store_testing
