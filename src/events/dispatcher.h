#pragma once
// The delivery worker of `serve`: claims due deliveries from the store (a
// lease, so several processes on one database send each attempt once),
// sends them on a bounded pool, and records each attempt. Retries follow
// `retry_minutes` (reference §15.4: +5, +15, +45) measured on the seller's
// simulated time: the store compares next_attempt_at with the wall clock
// plus the seller's offset, so advancing a seller's clock makes its retries
// due at once. After the last retry fails, the delivery is FAILED (replay
// makes it PENDING again).
//
// At-least-once: a process killed after sending and before recording an
// attempt sends it again once its lease runs out (lease_ms).
//
// Thread safety: Start/Stop from one thread; Wake from any.

#include <atomic>
#include <boost/asio/thread_pool.hpp>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "events/delivery_auth.h"
#include "events/http_post.h"
#include "store/webhook_store.h"

namespace mporders::events {

struct DispatcherOptions {
  std::vector<std::int64_t> retry_minutes = {5, 15, 45};
  std::chrono::milliseconds timeout{10'000};  // per attempt (and per OAuth fetch)
  int concurrency = 4;                        // attempts in flight per process
  std::chrono::milliseconds poll{200};        // how often the store is asked for due work
  DestinationPolicy policy;
};

// Counters for /metrics.
struct DeliveryCounters {
  std::atomic<std::int64_t> delivered{0};   // attempts answered 2xx
  std::atomic<std::int64_t> http_error{0};  // attempts answered otherwise
  std::atomic<std::int64_t> no_answer{0};   // attempts without an HTTP answer
  std::atomic<std::int64_t> failed{0};      // deliveries that gave up (FAILED)
};

class Dispatcher {
 public:
  // `store` and `wall` must outlive this.
  Dispatcher(WebhookStore& store, const Clock& wall, DispatcherOptions options);
  ~Dispatcher();
  Dispatcher(const Dispatcher&) = delete;
  Dispatcher& operator=(const Dispatcher&) = delete;

  void Start();
  void Stop();  // waits for attempts in flight
  void Wake();  // look for due work now

  const DeliveryCounters& counters() const { return counters_; }
  const std::string& owner() const { return owner_; }

 private:
  void Run();
  void Send(DeliveryClaim claim);

  WebhookStore& store_;
  const Clock& wall_;
  const DispatcherOptions options_;
  const std::string owner_;  // this process's claim name
  DeliveryAuth auth_;
  DeliveryCounters counters_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  bool woken_ = false;     // guarded by mutex_
  int in_flight_ = 0;      // guarded by mutex_
  std::thread thread_;
  std::unique_ptr<boost::asio::thread_pool> pool_;
};

}  // namespace mporders::events
