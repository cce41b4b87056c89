#pragma once
// Group commit: concurrent callers' jobs are combined into batches, so that
// one transaction, and so one WAL sync, makes a whole batch durable. A sync
// is the dominant cost of a durable write (milliseconds on ordinary disks);
// sharing it is what lets many clients write more often than the disk syncs.
//
// The queue has a thread of its own, the committer. A caller queues its job
// and goes on (Submit) or waits for it (SubmitAndWait); the committer takes
// up to `max_batch` queued jobs, oldest first, runs them, and tells each
// job's caller, while callers arriving meanwhile queue up for the next
// batch. A lone job runs at once in a batch of one: nothing waits for a
// batch to fill.
//
// Why a thread of its own, and not the callers taking turns to lead: a
// caller that waits for its batch parks a thread, and the server's writes
// then needed a pool of parked threads, each write a wake of one, a turn at
// a contended lock and a wake back: about twelve futex calls and eight
// context switches per write, most of a write's CPU time
// (docs/performance.md). A caller that queues and goes on costs a lock and,
// when the committer is idle, one wake.
//
// Thread safety: every method may be called from any thread but the
// committer's own (a job's run must not submit to its own queue).

#include <algorithm>
#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <utility>
#include <vector>

#include "store/thread_priority.h"

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
  // Runs a batch, in queue order, on the committer thread. When it returns,
  // every job of the batch must hold its outcome. What it throws is every
  // job of the batch's error.
  using Run = std::function<void(std::span<Job* const>)>;
  // Told once, on the committer thread, that the job's batch has run:
  // `error` is what the run threw, or null. It must not block or throw
  // (hand the outcome on); the job must live until it is called.
  using Done = std::function<void(std::exception_ptr error)>;

  // `committer_nice`: how far below the creating thread's priority the
  // committer runs (a nice increment, thread_priority.h); 0: the same.
  GroupCommitQueue(size_t max_batch, Run run, int committer_nice = 0)
      : max_batch_(std::max<size_t>(max_batch, 1)),
        run_(std::move(run)),
        committer_nice_(committer_nice),
        committer_([this] { Commit(); }) {}
  GroupCommitQueue(const GroupCommitQueue&) = delete;
  GroupCommitQueue& operator=(const GroupCommitQueue&) = delete;

  // Runs what is queued, then stops the committer.
  ~GroupCommitQueue() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
    }
    queued_.notify_one();
    committer_.join();
  }

  // Queues `job` and returns at once; `done` is called when its batch ran.
  void Submit(Job& job, Done done) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(Entry{&job, std::move(done)});
    }
    queued_.notify_one();
  }

  // Queues `job` and returns once its batch ran; rethrows the run's error.
  void SubmitAndWait(Job& job) {
    std::mutex mutex;
    std::condition_variable ran;
    bool finished = false;
    std::exception_ptr error;
    Submit(job, [&](std::exception_ptr run_error) {
      // Under the lock: the waiter's frame, and `ran` with it, may go as
      // soon as it sees `finished`.
      std::lock_guard<std::mutex> lock(mutex);
      error = run_error;
      finished = true;
      ran.notify_one();
    });
    std::unique_lock<std::mutex> lock(mutex);
    ran.wait(lock, [&] { return finished; });
    if (error) std::rethrow_exception(error);
  }

  // Returns once every job queued so far has run and its caller was told.
  void WaitUntilIdle() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [&] { return queue_.empty() && !running_; });
  }

  // Jobs waiting for the committer to take them.
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
    Job* job;
    Done done;
  };

  void Commit() {
    LowerCurrentThreadPriority(committer_nice_);
    // Sized once: taking a batch allocates nothing, so that nothing can
    // throw out of this thread's loop.
    std::vector<Entry> batch;
    std::vector<Job*> jobs;
    batch.reserve(max_batch_);
    jobs.reserve(max_batch_);
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      queued_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;  // stopping, and nothing left to run
      const size_t size = std::min(max_batch_, queue_.size());
      const auto end = queue_.begin() + static_cast<std::ptrdiff_t>(size);
      batch.assign(std::make_move_iterator(queue_.begin()), std::make_move_iterator(end));
      queue_.erase(queue_.begin(), end);
      running_ = true;
      lock.unlock();

      jobs.clear();
      for (const Entry& entry : batch) jobs.push_back(entry.job);
      std::exception_ptr error;
      try {
        run_(std::span<Job* const>(jobs));
      } catch (...) {
        error = std::current_exception();
      }
      lock.lock();
      ++stats_.batches;
      stats_.jobs += static_cast<std::int64_t>(size);
      stats_.largest_batch = std::max(stats_.largest_batch, static_cast<std::int64_t>(size));
      std::size_t bucket = 0;
      while (bucket + 1 < kBatchSizeBuckets && (size_t{1} << bucket) < size) ++bucket;
      ++stats_.batches_by_size[bucket];
      lock.unlock();
      // Counted first: a caller told its job ran sees its batch in Stats().
      for (Entry& entry : batch) entry.done(error);
      batch.clear();
      lock.lock();
      running_ = false;
      if (queue_.empty()) idle_.notify_all();
    }
  }

  const size_t max_batch_;
  const Run run_;
  const int committer_nice_;
  mutable std::mutex mutex_;
  std::condition_variable queued_;  // a job was queued, or stopping_ set
  std::condition_variable idle_;    // the queue ran dry
  std::deque<Entry> queue_;         // guarded by mutex_
  bool stopping_ = false;           // guarded by mutex_
  bool running_ = false;            // guarded by mutex_; a batch is out of the queue
  GroupCommitStats stats_;          // guarded by mutex_
  std::thread committer_;           // last: starts once the rest is ready
};

}  // namespace mporders
