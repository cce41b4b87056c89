// Group commit: the queue on its own, and SqliteStore::UpdateOrder batching
// concurrent updates into shared transactions on a real database file.

#include "store/group_commit.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "store/sqlite/sqlite_store.h"
#include "store/test_orders.h"
#include "store/test_threads.h"
#include "store/thread_priority.h"

namespace mporders {
namespace {

using store_testing::Gate;
using store_testing::MakeStoredOrder;
using store_testing::Mark;
using store_testing::Marks;
using store_testing::TempDir;
using store_testing::WaitUntil;

constexpr EpochMillis kT0 = 1700000000000;

// --- the queue ------------------------------------------------------------------------

struct Job {
  int id = 0;
  int batch = -1;  // set by the run function
};

// Records each batch's job ids; the batch holding job `hold_id` waits at
// `release` first.
struct BatchLog {
  explicit BatchLog(int hold) : hold_id(hold) {}
  void Run(std::span<Job* const> batch) {
    std::vector<int> ids;
    for (Job* j : batch) ids.push_back(j->id);
    if (ids.front() == hold_id) {
      holding = true;
      release.Wait();
    }
    std::lock_guard<std::mutex> lock(mutex);
    for (Job* j : batch) j->batch = static_cast<int>(batches.size());
    batches.push_back(ids);
  }
  std::vector<std::vector<int>> Batches() {
    std::lock_guard<std::mutex> lock(mutex);
    return batches;
  }

  const int hold_id;
  Gate release;
  std::atomic<bool> holding{false};
  std::mutex mutex;
  std::vector<std::vector<int>> batches;  // guarded by mutex
};

TEST(GroupCommitQueueTest, ALoneJobRunsAtOnceInABatchOfOne) {
  std::vector<int> seen;
  GroupCommitQueue<Job> queue(8, [&](std::span<Job* const> batch) {
    for (Job* j : batch) seen.push_back(j->id);
  });
  Job job{7};
  queue.SubmitAndWait(job);
  EXPECT_EQ(seen, std::vector<int>{7});
  EXPECT_EQ(queue.Stats().batches, 1);
  EXPECT_EQ(queue.Stats().largest_batch, 1);
}

// The committer runs below its creator's priority by the increment asked
// for, and the caller's own thread is left as it was.
TEST(GroupCommitQueueTest, TheCommitterRunsAtTheNiceIncrementItWasGiven) {
  const int creator_nice = CurrentThreadNice();
  for (int increment : {0, 5}) {
    int committer_nice = -100;
    GroupCommitQueue<Job> queue(
        8, [&](std::span<Job* const>) { committer_nice = CurrentThreadNice(); }, increment);
    Job job{1};
    queue.SubmitAndWait(job);
    EXPECT_EQ(committer_nice, std::min(creator_nice + increment, 19)) << "increment " << increment;
    EXPECT_EQ(CurrentThreadNice(), creator_nice);
  }
}

// Submit returns at once; while a batch runs, later jobs queue, and the
// committer takes them in arrival order, at most max_batch at a time, and
// tells each job's caller on its own thread once its batch ran.
TEST(GroupCommitQueueTest, JobsQueuedDuringABatchRunTogetherInOrderUpToTheCap) {
  constexpr int kQueued = 7;
  BatchLog log(0);
  GroupCommitQueue<Job> queue(3, [&](std::span<Job* const> batch) { log.Run(batch); });
  std::vector<Job> jobs(kQueued + 1);
  for (int i = 0; i <= kQueued; ++i) jobs[static_cast<size_t>(i)].id = i;
  std::mutex done_mutex;
  std::vector<int> done_order;
  std::set<std::thread::id> done_threads;
  auto done = [&](int id) {
    return [&, id](std::exception_ptr error) {
      std::lock_guard<std::mutex> lock(done_mutex);
      done_order.push_back(error ? -1 : id);
      done_threads.insert(std::this_thread::get_id());
    };
  };
  queue.Submit(jobs[0], done(0));
  WaitUntil([&] { return log.holding.load(); });
  for (int i = 1; i <= kQueued; ++i) {
    queue.Submit(jobs[static_cast<size_t>(i)], done(i));
    EXPECT_EQ(queue.Queued(), static_cast<size_t>(i));
  }
  {
    std::lock_guard<std::mutex> lock(done_mutex);
    EXPECT_TRUE(done_order.empty()) << "told before its batch ran";
  }
  log.release.Open();
  WaitUntil([&] {
    std::lock_guard<std::mutex> lock(done_mutex);
    return done_order.size() == static_cast<size_t>(kQueued + 1);
  });

  const std::vector<std::vector<int>> expected = {{0}, {1, 2, 3}, {4, 5, 6}, {7}};
  EXPECT_EQ(log.Batches(), expected);
  EXPECT_EQ(done_order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7}));
  EXPECT_EQ(done_threads.size(), 1u);
  EXPECT_EQ(done_threads.count(std::this_thread::get_id()), 0u);
  for (const Job& job : jobs) EXPECT_GE(job.batch, 0) << "job " << job.id << " never ran";
  const GroupCommitStats stats = queue.Stats();
  EXPECT_EQ(stats.batches, 4);
  EXPECT_EQ(stats.jobs, kQueued + 1);
  EXPECT_EQ(stats.largest_batch, 3);
  // Batches of 1, 3, 3 and 1 jobs: two in the "at most 1" bucket, two in
  // "at most 4", none elsewhere.
  EXPECT_EQ(stats.batches_by_size[0], 2);
  EXPECT_EQ(stats.batches_by_size[1], 0);
  EXPECT_EQ(stats.batches_by_size[2], 2);
  for (size_t i = 3; i < kBatchSizeBuckets; ++i) EXPECT_EQ(stats.batches_by_size[i], 0);
  EXPECT_EQ(queue.Queued(), 0u);
}

TEST(GroupCommitQueueTest, AnExceptionReachesEveryCallerOfItsBatchAndTheQueueGoesOn) {
  BatchLog log(0);
  GroupCommitQueue<Job> queue(8, [&](std::span<Job* const> batch) {
    if (batch.front()->id == 1) throw std::runtime_error("batch lost");
    log.Run(batch);
  });
  std::vector<Job> jobs = {{0}, {1}, {2}, {3}};
  std::atomic<int> thrown{0};
  std::atomic<int> told{0};
  queue.Submit(jobs[0], [&](std::exception_ptr error) {
    if (!error) told.fetch_add(1);
  });
  WaitUntil([&] { return log.holding.load(); });
  // Job 1 by a waiting caller, job 2 by one that goes on: the same batch.
  std::thread waiter([&] {
    try {
      queue.SubmitAndWait(jobs[1]);
    } catch (const std::runtime_error& e) {
      if (std::string(e.what()) == "batch lost") thrown.fetch_add(1);
    }
  });
  WaitUntil([&] { return queue.Queued() == 1; });
  queue.Submit(jobs[2], [&](std::exception_ptr error) {
    try {
      if (error) std::rethrow_exception(error);
    } catch (const std::runtime_error& e) {
      if (std::string(e.what()) == "batch lost") thrown.fetch_add(1);
    }
  });
  log.release.Open();
  waiter.join();
  WaitUntil([&] { return thrown.load() == 2; });
  EXPECT_EQ(told.load(), 1);

  queue.SubmitAndWait(jobs[3]);
  EXPECT_GE(jobs[3].batch, 0);
  EXPECT_EQ(queue.Stats().batches, 3);
}

// WaitUntilIdle returns once every job queued before it ran and its caller
// was told, not before.
TEST(GroupCommitQueueTest, WaitUntilIdleWaitsForEveryQueuedJobAndItsCaller) {
  BatchLog log(0);
  GroupCommitQueue<Job> queue(8, [&](std::span<Job* const> batch) { log.Run(batch); });
  std::vector<Job> jobs = {{0}, {1}, {2}};
  std::atomic<int> told{0};
  auto tell = [&](std::exception_ptr) { told.fetch_add(1); };
  queue.Submit(jobs[0], tell);
  WaitUntil([&] { return log.holding.load(); });
  queue.Submit(jobs[1], tell);
  queue.Submit(jobs[2], tell);
  std::atomic<bool> idle{false};
  std::thread waiter([&] {
    queue.WaitUntilIdle();
    idle = true;
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_FALSE(idle.load()) << "idle while a batch was held";
  log.release.Open();
  waiter.join();
  EXPECT_EQ(told.load(), 3);
  queue.WaitUntilIdle();  // nothing queued: returns at once
}

// A queue going away runs what was queued before its committer stops: no
// caller is left waiting for an answer.
TEST(GroupCommitQueueTest, DestroyingTheQueueRunsWhatIsQueued) {
  BatchLog log(0);
  std::vector<Job> jobs = {{0}, {1}, {2}};
  std::atomic<int> told{0};
  auto queue = std::make_unique<GroupCommitQueue<Job>>(
      8, [&](std::span<Job* const> batch) { log.Run(batch); });
  auto tell = [&](std::exception_ptr error) {
    if (!error) told.fetch_add(1);
  };
  queue->Submit(jobs[0], tell);
  WaitUntil([&] { return log.holding.load(); });
  queue->Submit(jobs[1], tell);
  queue->Submit(jobs[2], tell);
  std::thread destroyer([&] { queue.reset(); });
  log.release.Open();
  destroyer.join();
  EXPECT_EQ(told.load(), 3);
  EXPECT_EQ(log.Batches(), (std::vector<std::vector<int>>{{0}, {1, 2}}));
}

// --- SqliteStore::UpdateOrder ----------------------------------------------------------

class GroupCommitStoreTest : public store_testing::HeldBatchTest<SqliteStore> {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path_);
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(*store);
    for (const std::string po : {"P0", "P1", "P2", "P3"}) {
      ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", po, kT0)}).ok());
    }
  }

  TempDir dir_;
  const std::string path_ = dir_.File("orders.db");
};

TEST_F(GroupCommitStoreTest, ManyThreadsUpdatingOwnAndSharedOrdersLoseNothing) {
  constexpr int kThreads = 24;
  constexpr int kRounds = 20;
  std::vector<std::string> own_ids;
  for (int t = 0; t < kThreads; ++t) {
    own_ids.push_back("OWN-" + std::to_string(t));
    ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", own_ids.back(), kT0)}).ok());
  }
  std::mutex seen_mutex;
  std::map<std::int64_t, std::int64_t> shared_version_to_mark;
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kRounds; ++i) {
        const std::int64_t mark = t * 1000 + i;
        // The thread's own order: its updates come back in sequence.
        Result<StoredOrder> own =
            store_->UpdateOrder("s1", own_ids[static_cast<size_t>(t)], [&](StoredOrder& o) {
              Mark(o, mark);
              return Status::Ok();
            });
        if (!own.ok() || own->version != 2 + i ||
            Marks(*own).size() != static_cast<size_t>(i + 1) || Marks(*own).back() != mark) {
          wrong.fetch_add(1);
        }
        // The shared order: a read-modify-write that loses updates unless
        // each one sees every update saved before it.
        Result<StoredOrder> shared = store_->UpdateOrder("s1", "P1", [&](StoredOrder& o) {
          o.order.order_lines[0].order_line_quantity.amount += 1;
          Mark(o, mark);
          return Status::Ok();
        });
        if (!shared.ok() || Marks(*shared).empty() || Marks(*shared).back() != mark ||
            shared->order.order_lines[0].order_line_quantity.amount != shared->version) {
          wrong.fetch_add(1);
          continue;
        }
        std::lock_guard<std::mutex> lock(seen_mutex);
        if (!shared_version_to_mark.emplace(shared->version, mark).second) wrong.fetch_add(1);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(wrong.load(), 0);

  // Every shared update got its own version, 2..N+1, and the saved order
  // holds every mark in version order.
  constexpr int kUpdates = kThreads * kRounds;
  ASSERT_EQ(shared_version_to_mark.size(), static_cast<size_t>(kUpdates));
  EXPECT_EQ(shared_version_to_mark.begin()->first, 2);
  EXPECT_EQ(shared_version_to_mark.rbegin()->first, kUpdates + 1);
  std::vector<std::int64_t> marks_by_version;
  for (const auto& [version, mark] : shared_version_to_mark) marks_by_version.push_back(mark);

  // Read back through a fresh store: what the callers were told is on disk.
  store_.reset();
  auto reopened = SqliteStore::Open(path_);
  ASSERT_TRUE(reopened.ok());
  Result<StoredOrder> shared = (*reopened)->GetOrder("s1", "P1");
  ASSERT_TRUE(shared.ok());
  EXPECT_EQ(shared->version, kUpdates + 1);
  EXPECT_EQ(shared->order.order_lines[0].order_line_quantity.amount, kUpdates + 1);
  EXPECT_EQ(Marks(*shared), marks_by_version);
  for (int t = 0; t < kThreads; ++t) {
    Result<StoredOrder> own = (*reopened)->GetOrder("s1", own_ids[static_cast<size_t>(t)]);
    ASSERT_TRUE(own.ok());
    EXPECT_EQ(own->version, 1 + kRounds);
    std::vector<std::int64_t> expected;
    for (int i = 0; i < kRounds; ++i) expected.push_back(t * 1000 + i);
    EXPECT_EQ(Marks(*own), expected);
  }
}

// A COMMIT refused by SQLite (here a deferred foreign key that a trigger
// breaks whenever POISON is updated) fails every update of the batch, and
// none of them is saved, not even those whose own step went well.
TEST_F(GroupCommitStoreTest, AFailedCommitFailsEveryUpdateOfTheBatch) {
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "POISON", kT0)}).ok());
  {
    sqlite3* raw = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &raw), SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(raw,
                                "CREATE TABLE guard_parent (id INTEGER PRIMARY KEY);"
                                "CREATE TABLE guard (parent INTEGER REFERENCES guard_parent (id)"
                                "  DEFERRABLE INITIALLY DEFERRED);"
                                "CREATE TRIGGER poison AFTER UPDATE ON orders"
                                "  WHEN NEW.purchase_order_id = 'POISON'"
                                "  BEGIN INSERT INTO guard VALUES (1); END;",
                                nullptr, nullptr, &error);
    EXPECT_EQ(rc, SQLITE_OK) << (error != nullptr ? error : "");
    sqlite3_free(error);
    sqlite3_close(raw);
  }
  auto mark = [](std::int64_t value) {
    return [value](StoredOrder& o) {
      Mark(o, value);
      return Status::Ok();
    };
  };
  HoldTheWriter();
  Queue("P1", mark(1));
  Queue("POISON", mark(2));
  Queue("P2", mark(3));
  Queue("P3", [](StoredOrder&) { return Status::InvalidContent("refused", "orderLines"); });
  ReleaseAndJoin();

  EXPECT_EQ(store_->UpdateBatchStats().largest_batch, 4);
  for (size_t slot = 0; slot < 4; ++slot) {
    ASSERT_FALSE(ResultOf(slot).ok()) << "update " << slot;
    EXPECT_EQ(ResultOf(slot).status().code(), ErrorCode::kInternal) << "update " << slot;
    EXPECT_NE(ResultOf(slot).status().description().find("FOREIGN KEY"), std::string::npos)
        << ResultOf(slot).status().description();
  }
  for (const std::string po : {"P1", "P2", "P3", "POISON"}) {
    Result<StoredOrder> order = store_->GetOrder("s1", po);
    ASSERT_TRUE(order.ok());
    EXPECT_EQ(order->version, 1) << po;
    EXPECT_TRUE(Marks(*order).empty()) << po;
  }
  // The writer is usable afterwards.
  Result<StoredOrder> after = store_->UpdateOrder("s1", "P1", mark(4));
  ASSERT_TRUE(after.ok()) << after.status().ToString();
  EXPECT_EQ(Marks(*store_->GetOrder("s1", "P1")), std::vector<std::int64_t>{4});
}

}  // namespace
}  // namespace mporders
