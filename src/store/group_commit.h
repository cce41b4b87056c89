#pragma once
// Group commit: concurrent callers' jobs are combined into batches, so that
// one transaction, and so one WAL sync, makes a whole batch durable. A sync
// is the dominant cost of a durable write (milliseconds on ordinary disks);
// sharing it is what lets many clients write more often than the disk syncs.
//
// There is no extra thread. Each caller queues its job and the callers take
// turns as the leader: the leader takes up to `max_batch` queued jobs, oldest
// first, and runs them outside the queue's lock, while callers arriving
// meanwhile queue up for the next batch; then it wakes the callers of its
// batch. A lone caller leads its own batch of one at once: nothing waits for
// a batch to fill.
//
// Thread safety: every method may be called from any thread.

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <mutex>
#include <span>
#include <vector>

namespace mporders {

// Batch sizes are counted in power-of-two buckets: batches of at most 1, 2,
// 4, ... 256 jobs, and larger.
inline constexpr std::size_t kBatchSizeBuckets = 10;

struct GroupCommitStats {
  std::int64_t batches = 0;        // batches run
  std::int64_t jobs = 0;           // jobs run in them
  std::int64_t largest_batch = 0;  // jobs in the largest batch
  // batches_by_size[i]: batches of more than 2^(i-1) and at most 2^i jobs;
  // the last entry: more than 256.
  std::array<std::int64_t, kBatchSizeBuckets> batches_by_size{};
};

template <typename Job>
class GroupCommitQueue {
 public:
  explicit GroupCommitQueue(size_t max_batch) : max_batch_(std::max<size_t>(max_batch, 1)) {}
  GroupCommitQueue(const GroupCommitQueue&) = delete;
  GroupCommitQueue& operator=(const GroupCommitQueue&) = delete;

  // Queues `job` and returns once a leader, this caller or another, has run
  // the batch holding it: `run(std::span<Job* const>)` is called with the
  // batch, in queue order, on the leader's thread. When it returns, every job
  // of the batch must hold its outcome. If it throws, every caller of the
  // batch gets the exception (rethrown from Submit) and leadership passes on.
  template <typename Run>
  void Submit(Job& job, Run&& run) {
    Entry entry(&job);
    std::unique_lock<std::mutex> lock(mutex_);
    queue_.push_back(&entry);
    while (!entry.done) {
      if (leading_) {
        entry.wake.wait(lock);
        continue;
      }
      // Lead: the queue's head may be older jobs than this caller's own; a
      // caller whose job did not fit leads (or waits for) the next batch.
      const size_t size = std::min(max_batch_, queue_.size());
      std::vector<Entry*> batch;
      try {
        batch.assign(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
      } catch (...) {
        // Out of memory before leading: this caller's entry dies with its
        // frame, so it leaves the queue; the others are still free to lead.
        queue_.erase(std::find(queue_.begin(), queue_.end(), &entry));
        if (!queue_.empty()) queue_.front()->wake.notify_one();
        throw;
      }
      queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(size));
      leading_ = true;
      lock.unlock();

      std::exception_ptr error;
      try {
        std::vector<Job*> jobs;
        jobs.reserve(batch.size());
        for (Entry* queued : batch) jobs.push_back(queued->job);
        run(std::span<Job* const>(jobs));
      } catch (...) {
        error = std::current_exception();
      }

      lock.lock();
      // Wakes are sent under the lock: a caller's entry (and its condition
      // variable) lives on its stack until it sees `done`.
      for (Entry* queued : batch) {
        queued->error = error;
        queued->done = true;
        if (queued != &entry) queued->wake.notify_one();
      }
      ++stats_.batches;
      stats_.jobs += static_cast<std::int64_t>(size);
      stats_.largest_batch = std::max(stats_.largest_batch, static_cast<std::int64_t>(size));
      std::size_t bucket = 0;
      while (bucket + 1 < kBatchSizeBuckets && (size_t{1} << bucket) < size) ++bucket;
      ++stats_.batches_by_size[bucket];
      leading_ = false;
      // Only the oldest waiting caller leads next: waking every waiter
      // after each batch cost a context switch per waiter, most of a
      // write's CPU time under virtualisation.
      if (!queue_.empty()) queue_.front()->wake.notify_one();
    }
    if (entry.error) std::rethrow_exception(entry.error);
  }

  // Jobs waiting for a leader to take them.
  size_t Queued() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return queue_.size();
  }

  GroupCommitStats Stats() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return stats_;
  }

 private:
  struct Entry {
    explicit Entry(Job* queued_job) : job(queued_job) {}
    Job* job;
    bool done = false;              // guarded by mutex_
    std::exception_ptr error;       // guarded by mutex_; what `run` threw
    std::condition_variable wake;   // its batch finished, or it may lead
  };

  const size_t max_batch_;
  mutable std::mutex mutex_;
  std::deque<Entry*> queue_;          // guarded by mutex_; entries live on their callers' stacks
  bool leading_ = false;              // guarded by mutex_
  GroupCommitStats stats_;            // guarded by mutex_
};

}  // namespace mporders
