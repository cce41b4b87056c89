#include "sandbox/background.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "sandbox/order_factory.h"
#include "sandbox/system_events.h"

namespace mporders::sandbox {
namespace {

constexpr auto kTick = std::chrono::seconds(1);
constexpr std::uint64_t kLiveSeed = 0x11FE;  // apart from `seed`'s default 1
constexpr EpochMillis kMillisPerMinute = 60 * kMillisPerSecond;
// At most this many orders per seller and tick, however far time jumped.
constexpr std::int64_t kMaxOrdersPerTick = 100;

}  // namespace

Background::Background(Store& store, SellerClock& clock, SandboxOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {}

Background::~Background() { Stop(); }

void Background::Start() {
  // A first tick before serving: live mode paces each seller from the time
  // it first sees it, so it must see the existing sellers before any call
  // can move their clocks.
  Tick();
  thread_ = std::thread([this] { Run(); });
}

void Background::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Background::Run() {
  std::unique_lock lock(mutex_);
  while (!wake_.wait_for(lock, kTick, [this] { return stopping_; })) {
    lock.unlock();
    Tick();
    lock.lock();
  }
}

void Background::Tick() {
  Status reloaded = clock_.Reload(store_);
  if (!reloaded.ok())
    spdlog::warn("sandbox: cannot reload seller clocks: {}", reloaded.description());
  if (!options_.simulate) return;
  auto sellers = store_.ListSellers();
  if (!sellers.ok()) {
    spdlog::warn("sandbox: live mode cannot list sellers: {}", sellers.status().description());
    return;
  }
  for (const Seller& seller : *sellers) SimulateSeller(seller);
}

void Background::SimulateSeller(const Seller& seller) {
  const std::string& seller_id = seller.seller_id;
  const EpochMillis now = clock_.NowMillisFor(seller_id);
  auto [pace, fresh] = pace_.try_emplace(seller_id, now, 0);
  auto& [last_tick, credit] = pace->second;
  if (!fresh && now > last_tick) {
    // A longer gap than the cap's worth of minutes gives the cap anyway;
    // bounding it keeps a clock jump of years from overflowing the product.
    const EpochMillis elapsed = std::min(now - last_tick, kMaxOrdersPerTick * kMillisPerMinute);
    credit += elapsed * options_.simulate_order_rate;
  }
  last_tick = now;

  std::int64_t due = std::min(credit / kMillisPerMinute, kMaxOrdersPerTick);
  credit = due == kMaxOrdersPerTick ? 0 : credit - due * kMillisPerMinute;
  if (due > 0) {
    auto count = store_.CountOrders(seller_id);
    if (count.ok()) {
      std::vector<StoredOrder> orders;
      for (std::int64_t i = 0; i < due; ++i) {
        StoredOrder stored;
        stored.seller_id = seller_id;
        stored.order = MakeNewOrder(kLiveSeed, static_cast<std::uint64_t>(*count + i), now, {},
                                    seller.market);
        stored.last_modified = stored.order.order_date;
        orders.push_back(std::move(stored));
      }
      Status inserted = store_.InsertOrders(orders);
      if (!inserted.ok()) {
        spdlog::warn("sandbox: live mode cannot create orders for {}: {}", seller_id,
                     inserted.description());
      } else {
        spdlog::debug("sandbox: live mode created {} orders for {}", due, seller_id);
      }
    }
  }

  const EpochMillis delay = options_.simulate_delivery_delay_seconds * kMillisPerSecond;
  auto delivered =
      DeliverShippedBefore(store_, seller_id, now - delay + 1, now, now - delay - kMillisPerDay);
  if (!delivered.ok()) {
    spdlog::warn("sandbox: live mode cannot deliver for {}: {}", seller_id,
                 delivered.status().description());
  } else if (!delivered->purchase_order_ids.empty()) {
    spdlog::debug("sandbox: live mode delivered {} units for {}", delivered->units, seller_id);
  }
}

}  // namespace mporders::sandbox
