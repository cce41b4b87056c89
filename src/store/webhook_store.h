#pragma once
// What the store keeps for Walmart's Notifications API (src/events):
// subscriptions per seller, the transactional outbox of order events and
// the deliveries of each event to each subscription.
//
// Events are written by the order change that causes them, in its
// transaction (SetEventDeriver): an order change is never committed without
// its events, nor an event without its change. Deliveries are claimed with
// a lease before they are sent, so several server processes on one database
// send each attempt once.
//
// Thread safety: every method may be called concurrently. Calls block.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/status.h"
#include "domain/order.h"

namespace mporders {

struct WebhookSubscription {
  std::string seller_id;
  std::string subscription_id;
  std::string event_type;
  std::string event_version;
  std::string resource_name;
  std::string event_url;
  std::string status;        // ACTIVE | INACTIVE
  std::string auth_json;     // the authDetails object as sent; "" when none
  std::string headers_json;  // the headers object as sent; "" when none
  EpochMillis created_at = 0;
  EpochMillis updated_at = 0;
};

// One event of the outbox, before it is written.
struct OutboxEvent {
  std::string event_id;
  std::string event_type;
  std::string purchase_order_id;
  std::string payload;     // the exact bytes every delivery sends
  EpochMillis created_at;  // seller time
};

struct DeliveryAttempt {
  int attempt = 0;
  EpochMillis at = 0;  // seller time
  std::optional<int> status_code;
  std::string error;  // "" on success
  std::int64_t duration_ms = 0;
};

enum class DeliveryStatus { kPending, kRetrying, kDelivered, kFailed };
const char* DeliveryStatusName(DeliveryStatus status);
std::optional<DeliveryStatus> ParseDeliveryStatus(std::string_view text);

struct DeliveryRecord {
  std::string seller_id;
  std::string delivery_id;
  std::string event_id;
  std::string event_type;
  std::string subscription_id;
  std::string url;
  DeliveryStatus status = DeliveryStatus::kPending;
  int round_attempts = 0;                 // attempts since the delivery was created or replayed
  std::vector<DeliveryAttempt> attempts;  // oldest first
  std::optional<int> last_status_code;
  std::string last_error;
  std::optional<EpochMillis> next_attempt_at;  // seller time
  EpochMillis created_at = 0;                  // seller time
  std::string payload;
};

// A claimed delivery with what sending it needs.
struct DeliveryClaim {
  DeliveryRecord delivery;
  // The subscription as it is now (its URL, auth and headers may have
  // changed since the event); nullopt when it was deleted.
  std::optional<WebhookSubscription> subscription;
  EpochMillis seller_offset = 0;  // the seller's clock offset at the claim
};

struct DeliveryQuery {
  std::string seller_id;
  std::optional<DeliveryStatus> status;
  std::optional<std::string> event_type;
  int limit = 50;
};

// The outcome of one attempt, recorded by the claim's owner.
struct AttemptOutcome {
  DeliveryAttempt attempt;
  DeliveryStatus status;                       // kDelivered, kRetrying or kFailed
  std::optional<EpochMillis> next_attempt_at;  // kRetrying: seller time
  std::string url;                             // where it was sent
};

class WebhookStore {
 public:
  virtual ~WebhookStore() = default;

  // Events an order change causes: `before` is null for a new order. Runs
  // inside the change's transaction while the write lock is held: it must not
  // call the store. Set once, before serving.
  using EventDeriver =
      std::function<std::vector<OutboxEvent>(const StoredOrder* before, const StoredOrder& after)>;
  virtual void SetEventDeriver(EventDeriver deriver) = 0;

  // Subscriptions. Insert fails as a whole (kInvalidRequestContent) when the
  // seller already has an ACTIVE or INACTIVE subscription of one of the
  // event types; Update and Delete answer kNotFound for an unknown id.
  virtual Status InsertSubscriptions(const std::vector<WebhookSubscription>& subscriptions) = 0;
  virtual Result<std::vector<WebhookSubscription>> ListSubscriptions(
      const std::string& seller_id) = 0;
  virtual Status UpdateSubscription(const WebhookSubscription& subscription) = 0;
  virtual Status DeleteSubscription(const std::string& seller_id,
                                    const std::string& subscription_id) = 0;

  // Claims up to `limit` deliveries due now (next attempt at or before the
  // seller's time) and not leased by anyone, for `owner` until
  // wall_now + lease_ms. One transaction: two processes never claim one
  // delivery at the same time.
  virtual Result<std::vector<DeliveryClaim>> ClaimDueDeliveries(const std::string& owner,
                                                                EpochMillis wall_now,
                                                                EpochMillis lease_ms,
                                                                int limit) = 0;
  // Records an attempt and releases the claim. kNotFound (nothing written)
  // when `owner` no longer holds the claim.
  virtual Status RecordAttempt(const std::string& seller_id, const std::string& delivery_id,
                               const std::string& owner, const AttemptOutcome& outcome) = 0;

  // Newest first.
  virtual Result<std::vector<DeliveryRecord>> ListDeliveries(const DeliveryQuery& query) = 0;
  // Makes the delivery due at `seller_now` as a new round of attempts
  // (PENDING). kNotFound for an unknown delivery.
  virtual Status ReplayDelivery(const std::string& seller_id, const std::string& delivery_id,
                                EpochMillis seller_now) = 0;
  // Replays every FAILED delivery of the seller; returns how many.
  virtual Result<std::int64_t> ReplayFailedDeliveries(const std::string& seller_id,
                                                      EpochMillis seller_now) = 0;
  // Deliveries per status over all sellers (the outbox depth, for metrics).
  virtual Result<std::vector<std::pair<DeliveryStatus, std::int64_t>>> CountDeliveries() = 0;
};

}  // namespace mporders
