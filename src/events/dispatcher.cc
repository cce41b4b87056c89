#include "events/dispatcher.h"

#include <spdlog/spdlog.h>

#include <boost/asio/post.hpp>

#include "auth/crypto.h"

namespace mporders::events {

Dispatcher::Dispatcher(WebhookStore& store, const Clock& wall, DispatcherOptions options)
    : store_(store),
      wall_(wall),
      options_(std::move(options)),
      owner_(auth::RandomHex(8)),
      auth_(options_.policy, options_.timeout) {}

Dispatcher::~Dispatcher() { Stop(); }

void Dispatcher::Start() {
  pool_ = std::make_unique<boost::asio::thread_pool>(
      static_cast<std::size_t>(std::max(options_.concurrency, 1)));
  thread_ = std::thread([this] { Run(); });
}

void Dispatcher::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (pool_) pool_->join();
}

void Dispatcher::Wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

void Dispatcher::Run() {
  // A lease outlives the longest attempt (OAuth fetch + send) with room.
  const EpochMillis lease_ms = 4 * options_.timeout.count() + 30'000;
  std::unique_lock<std::mutex> lock(mutex_);
  while (!stopping_) {
    const int free_slots = std::max(options_.concurrency, 1) - in_flight_;
    if (free_slots > 0) {
      lock.unlock();
      auto claims = store_.ClaimDueDeliveries(owner_, wall_.NowMillis(), lease_ms, free_slots);
      lock.lock();
      if (!claims.ok()) {
        spdlog::warn("webhooks: claiming deliveries failed: {}", claims.status().ToString());
      } else {
        for (DeliveryClaim& claim : *claims) {
          ++in_flight_;
          boost::asio::post(*pool_, [this, claim = std::move(claim)]() mutable {
            Send(std::move(claim));
            {
              std::lock_guard<std::mutex> done(mutex_);
              --in_flight_;
              woken_ = true;
            }
            wake_.notify_all();
          });
        }
      }
    }
    wake_.wait_for(lock, options_.poll, [this] { return stopping_ || woken_; });
    woken_ = false;
  }
}

void Dispatcher::Send(DeliveryClaim claim) {
  DeliveryRecord& delivery = claim.delivery;
  const auto started = std::chrono::steady_clock::now();
  AttemptOutcome outcome;
  outcome.url = delivery.url;
  std::string error;
  std::optional<int> status_code;
  if (!claim.subscription) {
    error = "the subscription was deleted";
  } else if (claim.subscription->status != "ACTIVE") {
    error = "the subscription is INACTIVE";
  } else {
    outcome.url = claim.subscription->event_url;
    auto headers = auth_.Headers(claim.subscription->auth_json, claim.subscription->headers_json,
                                 delivery.payload);
    if (!headers.ok()) {
      error = headers.status().description();
    } else {
      PostResult answer =
          HttpPost(outcome.url, *headers, delivery.payload, options_.timeout, options_.policy);
      status_code = answer.status_code;
      if (!answer.status_code) {
        error = answer.error;
      } else if (*answer.status_code < 200 || *answer.status_code > 299) {
        error = "HTTP " + std::to_string(*answer.status_code);
      }
    }
  }
  const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started);
  // Attempt time and the schedule are the seller's time.
  const EpochMillis seller_now = wall_.NowMillis() + claim.seller_offset;
  outcome.attempt.at = seller_now;
  outcome.attempt.status_code = status_code;
  outcome.attempt.error = error;
  outcome.attempt.duration_ms = elapsed.count();
  const std::size_t round = static_cast<std::size_t>(delivery.round_attempts);  // before this one
  if (error.empty()) {
    outcome.status = DeliveryStatus::kDelivered;
    ++counters_.delivered;
  } else {
    ++(status_code ? counters_.http_error : counters_.no_answer);
    if (round < options_.retry_minutes.size()) {
      outcome.status = DeliveryStatus::kRetrying;
      outcome.next_attempt_at = seller_now + options_.retry_minutes[round] * 60'000;
    } else {
      outcome.status = DeliveryStatus::kFailed;
      ++counters_.failed;
    }
  }
  Status recorded = store_.RecordAttempt(delivery.seller_id, delivery.delivery_id, owner_, outcome);
  if (!recorded.ok()) {
    spdlog::warn("webhooks: recording attempt of delivery {} failed: {}", delivery.delivery_id,
                 recorded.ToString());
  }
}

}  // namespace mporders::events
