#pragma once
// The sandbox's background work in `serve`, on one thread of its own:
//  * every second, reloads the sellers' clock offsets from the store, so a
//    clock changed through another server process is seen here too;
//  * live mode (serve --simulate): for every seller, creates new orders at
//    `simulate_order_rate` per minute of the seller's time, and delivers
//    packages `simulate_delivery_delay_seconds` after their ship time
//    (shipments reported in the last day, so the sweep stays small on big
//    stores). Each change goes through the same functions as the control
//    API (system_events.h), one store transaction per order.
// Failures are logged and retried on the next tick; they never stop serving.

#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "sandbox/sandbox_options.h"
#include "sandbox/seller_clock.h"
#include "store/store.h"

namespace mporders::sandbox {

class Background {
 public:
  // `store` and `clock` must outlive this.
  Background(Store& store, SellerClock& clock, SandboxOptions options);
  ~Background();  // stops
  Background(const Background&) = delete;
  Background& operator=(const Background&) = delete;

  // Runs a first tick, then ticks every second on its own thread.
  void Start();
  void Stop();  // idempotent; waits for the current tick to finish

 private:
  void Run();
  void Tick();
  // New orders in the seller's market; deliveries where the market has them.
  void SimulateSeller(const Seller& seller);

  Store& store_;
  SellerClock& clock_;
  const SandboxOptions options_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
  // Live mode, per seller: the seller time of the last tick and the unspent
  // share of an order (in order-milliseconds: rate * elapsed). Thread-local
  // to the background thread.
  std::map<std::string, std::pair<EpochMillis, std::int64_t>> pace_;
};

}  // namespace mporders::sandbox
