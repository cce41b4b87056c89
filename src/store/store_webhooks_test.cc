// The WebhookStore contract on every engine: subscriptions, the outbox
// written in the order change's transaction, claims with leases, attempts,
// replay and counts; and two stores on one database (two server processes)
// claiming at once.

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "store/open/store_open.h"
#include "store/postgres/pg_store.h"
#include "store/test_engines.h"
#include "store/test_orders.h"

namespace mporders {
namespace {

using store_testing::Engine;
using store_testing::MakeStoredOrder;
using store_testing::TempDir;

constexpr EpochMillis kT0 = 1700000000000;
constexpr EpochMillis kMinute = 60'000;
constexpr EpochMillis kLease = 10 * kMinute;

WebhookSubscription Subscription(const std::string& seller_id, const std::string& id,
                                 const std::string& event_type, const std::string& url,
                                 const std::string& status = "ACTIVE") {
  WebhookSubscription s;
  s.seller_id = seller_id;
  s.subscription_id = id;
  s.event_type = event_type;
  s.event_version = "V1";
  s.resource_name = "ORDER";
  s.event_url = url;
  s.status = status;
  s.created_at = kT0;
  s.updated_at = kT0;
  return s;
}

// PO_CREATED for a new order, ORDER_CHANGED for an update; the event id
// names the order and its version, the payload the order.
std::vector<OutboxEvent> TestEvents(const StoredOrder* before, const StoredOrder& after) {
  OutboxEvent event;
  event.event_type = before == nullptr ? "PO_CREATED" : "ORDER_CHANGED";
  event.purchase_order_id = after.order.purchase_order_id;
  event.event_id =
      event.event_type + "-" + after.order.purchase_order_id + "-v" + std::to_string(after.version);
  event.payload = R"({"purchaseOrderId":")" + after.order.purchase_order_id + R"("})";
  event.created_at = kT0;
  return {event};
}

// Not `"P" + std::to_string(i)`: GCC 12 flags the inlined concatenation
// with a false -Wrestrict (GCC bug 105329).
std::string PoId(int i) {
  char id[16];
  std::snprintf(id, sizeof id, "P%d", i);
  return id;
}

AttemptOutcome Outcome(DeliveryStatus status, EpochMillis at,
                       std::optional<EpochMillis> next = std::nullopt) {
  AttemptOutcome outcome;
  outcome.attempt.at = at;
  outcome.attempt.duration_ms = 12;
  if (status == DeliveryStatus::kDelivered) {
    outcome.attempt.status_code = 200;
  } else {
    outcome.attempt.status_code = 503;
    outcome.attempt.error = "HTTP 503";
  }
  outcome.status = status;
  outcome.next_attempt_at = next;
  outcome.url = "http://receiver/events";
  return outcome;
}

class StoreWebhooksTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    bool skip = false;
    store_ = store_testing::OpenEmptyStore(GetParam(), dir_, skip);
    if (skip) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
    ASSERT_NE(store_, nullptr);
    hooks_ = store_->webhooks();
    ASSERT_NE(hooks_, nullptr);
    hooks_->SetEventDeriver(TestEvents);
  }

  std::vector<DeliveryRecord> List(const std::string& seller_id,
                                   std::optional<DeliveryStatus> status = std::nullopt) {
    DeliveryQuery query;
    query.seller_id = seller_id;
    query.status = status;
    auto deliveries = hooks_->ListDeliveries(query);
    EXPECT_TRUE(deliveries.ok()) << deliveries.status().ToString();
    return deliveries.ok() ? *deliveries : std::vector<DeliveryRecord>{};
  }

  std::vector<DeliveryClaim> Claim(const std::string& owner, EpochMillis wall_now, int limit = 10,
                                   EpochMillis lease = kLease) {
    auto claims = hooks_->ClaimDueDeliveries(owner, wall_now, lease, limit);
    EXPECT_TRUE(claims.ok()) << claims.status().ToString();
    return claims.ok() ? *claims : std::vector<DeliveryClaim>{};
  }

  std::map<DeliveryStatus, std::int64_t> Counts() {
    auto counts = hooks_->CountDeliveries();
    EXPECT_TRUE(counts.ok()) << counts.status().ToString();
    std::map<DeliveryStatus, std::int64_t> out;
    if (counts.ok()) out.insert(counts->begin(), counts->end());
    return out;
  }

  TempDir dir_;
  std::unique_ptr<Store> store_;
  WebhookStore* hooks_ = nullptr;
};

INSTANTIATE_TEST_SUITE_P(Backends, StoreWebhooksTest,
                         ::testing::Values(Engine::kSqliteFile, Engine::kSqliteMemory,
                                           Engine::kPostgres),
                         [](const auto& info) { return store_testing::EngineName(info.param); });

TEST_P(StoreWebhooksTest, SubscriptionsAreInsertedListedUpdatedAndDeleted) {
  WebhookSubscription first = Subscription("s1", "sub-1", "PO_CREATED", "http://a/events");
  first.auth_json = R"({"authMethod":"HMAC"})";
  first.headers_json = R"({"X-Env":"test"})";
  WebhookSubscription second = Subscription("s1", "sub-2", "PO_CREATED", "http://b/events");
  second.created_at = kT0 + 1;
  ASSERT_TRUE(hooks_->InsertSubscriptions({second, first}).ok());
  ASSERT_TRUE(
      hooks_->InsertSubscriptions({Subscription("s2", "sub-3", "PO_CREATED", "http://a/events")})
          .ok());

  auto listed = hooks_->ListSubscriptions("s1");
  ASSERT_TRUE(listed.ok()) << listed.status().ToString();
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].subscription_id, "sub-1");  // oldest first
  EXPECT_EQ((*listed)[0].auth_json, first.auth_json);
  EXPECT_EQ((*listed)[0].headers_json, first.headers_json);
  EXPECT_EQ((*listed)[1].subscription_id, "sub-2");
  EXPECT_EQ((*listed)[1].auth_json, "");

  // The same type and URL again refuses the whole batch.
  Status duplicate = hooks_->InsertSubscriptions(
      {Subscription("s1", "sub-4", "INTENT_TO_CANCEL", "http://a/events"),
       Subscription("s1", "sub-5", "PO_CREATED", "http://b/events")});
  EXPECT_EQ(duplicate.code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(hooks_->ListSubscriptions("s1")->size(), 2u);

  WebhookSubscription changed = (*listed)[1];
  changed.event_url = "http://c/events";
  changed.status = "INACTIVE";
  changed.updated_at = kT0 + 5;
  ASSERT_TRUE(hooks_->UpdateSubscription(changed).ok());
  auto after = hooks_->ListSubscriptions("s1");
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)[1].event_url, "http://c/events");
  EXPECT_EQ((*after)[1].status, "INACTIVE");
  EXPECT_EQ((*after)[1].updated_at, kT0 + 5);

  changed.subscription_id = "nope";
  EXPECT_EQ(hooks_->UpdateSubscription(changed).code(), ErrorCode::kNotFound);
  // Another seller's subscription is not this seller's to delete.
  EXPECT_EQ(hooks_->DeleteSubscription("s1", "sub-3").code(), ErrorCode::kNotFound);
  ASSERT_TRUE(hooks_->DeleteSubscription("s1", "sub-1").ok());
  EXPECT_EQ(hooks_->DeleteSubscription("s1", "sub-1").code(), ErrorCode::kNotFound);
  EXPECT_EQ(hooks_->ListSubscriptions("s1")->size(), 1u);
  EXPECT_EQ(hooks_->ListSubscriptions("s2")->size(), 1u);
}

TEST_P(StoreWebhooksTest, AnInsertWritesOneDeliveryPerActiveSubscription) {
  // Nobody subscribed: nothing is written.
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P0", kT0)}).ok());
  EXPECT_TRUE(List("s1").empty());
  EXPECT_TRUE(Counts().empty());

  ASSERT_TRUE(hooks_
                  ->InsertSubscriptions(
                      {Subscription("s1", "sub-a", "PO_CREATED", "http://a/events"),
                       Subscription("s1", "sub-b", "PO_CREATED", "http://b/events"),
                       Subscription("s1", "sub-off", "PO_CREATED", "http://off/", "INACTIVE"),
                       Subscription("s1", "sub-other", "INTENT_TO_CANCEL", "http://a/events"),
                       Subscription("s2", "sub-s2", "PO_CREATED", "http://a/events")})
                  .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());

  auto deliveries = List("s1");
  ASSERT_EQ(deliveries.size(), 2u);
  std::set<std::string> urls;
  for (const DeliveryRecord& d : deliveries) {
    urls.insert(d.url);
    EXPECT_EQ(d.seller_id, "s1");
    EXPECT_EQ(d.event_id, "PO_CREATED-P1-v1");
    EXPECT_EQ(d.event_type, "PO_CREATED");
    EXPECT_EQ(d.status, DeliveryStatus::kPending);
    EXPECT_EQ(d.payload, R"({"purchaseOrderId":"P1"})");
    EXPECT_EQ(d.next_attempt_at, kT0);
    EXPECT_EQ(d.created_at, kT0);
    EXPECT_EQ(d.round_attempts, 0);
    EXPECT_TRUE(d.attempts.empty());
    EXPECT_FALSE(d.delivery_id.empty());
  }
  EXPECT_NE(deliveries[0].delivery_id, deliveries[1].delivery_id);
  EXPECT_EQ(urls, (std::set<std::string>{"http://a/events", "http://b/events"}));
  EXPECT_TRUE(List("s2").empty());
  EXPECT_EQ(Counts(), (std::map<DeliveryStatus, std::int64_t>{{DeliveryStatus::kPending, 2}}));
}

TEST_P(StoreWebhooksTest, EventsCommitWithTheirOrderChangeOrNotAtAll) {
  ASSERT_TRUE(hooks_
                  ->InsertSubscriptions(
                      {Subscription("s1", "sub-new", "PO_CREATED", "http://a/new"),
                       Subscription("s1", "sub-change", "ORDER_CHANGED", "http://a/change")})
                  .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  ASSERT_EQ(List("s1").size(), 1u);

  auto updated = store_->UpdateOrder("s1", "P1", [](StoredOrder& o) {
    o.last_modified = kT0 + 1;
    return Status::Ok();
  });
  ASSERT_TRUE(updated.ok()) << updated.status().ToString();
  auto deliveries = List("s1");
  ASSERT_EQ(deliveries.size(), 2u);
  std::set<std::string> events;
  for (const DeliveryRecord& d : deliveries) events.insert(d.event_id);
  EXPECT_EQ(events, (std::set<std::string>{"PO_CREATED-P1-v1", "ORDER_CHANGED-P1-v2"}));

  // A refused update writes no event.
  auto refused = store_->UpdateOrder(
      "s1", "P1", [](StoredOrder&) { return Status::InvalidContent("not this time"); });
  EXPECT_EQ(refused.status().code(), ErrorCode::kInvalidRequestContent);
  // A batch that fails (P1 exists) writes none of its orders' events.
  EXPECT_FALSE(
      store_->InsertOrders({MakeStoredOrder("s1", "P2", kT0), MakeStoredOrder("s1", "P1", kT0)})
          .ok());
  EXPECT_EQ(store_->GetOrder("s1", "P2").status().code(), ErrorCode::kNotFound);
  EXPECT_EQ(List("s1").size(), 2u);
}

TEST_P(StoreWebhooksTest, AClaimIsLeasedToItsOwnerUntilItRecordsAnAttempt) {
  ASSERT_TRUE(
      hooks_->InsertSubscriptions({Subscription("s1", "sub-a", "PO_CREATED", "http://a/events")})
          .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());

  // Not due before its time.
  EXPECT_TRUE(Claim("A", kT0 - 1).empty());
  auto claims = Claim("A", kT0);
  ASSERT_EQ(claims.size(), 1u);
  const DeliveryRecord& claimed = claims[0].delivery;
  EXPECT_EQ(claimed.payload, R"({"purchaseOrderId":"P1"})");
  ASSERT_TRUE(claims[0].subscription.has_value());
  EXPECT_EQ(claims[0].subscription->event_url, "http://a/events");
  EXPECT_EQ(claims[0].seller_offset, 0);

  // Leased: nobody else gets it, and only its owner records.
  EXPECT_TRUE(Claim("B", kT0 + kMinute).empty());
  EXPECT_EQ(
      hooks_
          ->RecordAttempt("s1", claimed.delivery_id, "B", Outcome(DeliveryStatus::kDelivered, kT0))
          .code(),
      ErrorCode::kNotFound);
  ASSERT_TRUE(hooks_
                  ->RecordAttempt("s1", claimed.delivery_id, "A",
                                  Outcome(DeliveryStatus::kRetrying, kT0, kT0 + 5 * kMinute))
                  .ok());
  // Recording released the claim: a second record by the same owner fails.
  EXPECT_EQ(
      hooks_
          ->RecordAttempt("s1", claimed.delivery_id, "A", Outcome(DeliveryStatus::kDelivered, kT0))
          .code(),
      ErrorCode::kNotFound);

  auto listed = List("s1");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].status, DeliveryStatus::kRetrying);
  EXPECT_EQ(listed[0].round_attempts, 1);
  EXPECT_EQ(listed[0].last_status_code, 503);
  EXPECT_EQ(listed[0].last_error, "HTTP 503");
  EXPECT_EQ(listed[0].next_attempt_at, kT0 + 5 * kMinute);
  EXPECT_EQ(listed[0].url, "http://receiver/events");
  ASSERT_EQ(listed[0].attempts.size(), 1u);
  EXPECT_EQ(listed[0].attempts[0].attempt, 1);
  EXPECT_EQ(listed[0].attempts[0].status_code, 503);
  EXPECT_EQ(listed[0].attempts[0].duration_ms, 12);

  // The retry falls due at its time, for anyone.
  EXPECT_TRUE(Claim("B", kT0 + 5 * kMinute - 1).empty());
  auto retry = Claim("B", kT0 + 5 * kMinute);
  ASSERT_EQ(retry.size(), 1u);
  ASSERT_TRUE(hooks_
                  ->RecordAttempt("s1", claimed.delivery_id, "B",
                                  Outcome(DeliveryStatus::kDelivered, kT0 + 5 * kMinute))
                  .ok());
  listed = List("s1");
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0].status, DeliveryStatus::kDelivered);
  EXPECT_EQ(listed[0].last_status_code, 200);
  EXPECT_EQ(listed[0].last_error, "");
  EXPECT_FALSE(listed[0].next_attempt_at.has_value());
  ASSERT_EQ(listed[0].attempts.size(), 2u);
  EXPECT_EQ(listed[0].attempts[1].attempt, 2);
  EXPECT_EQ(listed[0].attempts[1].error, "");
  EXPECT_TRUE(Claim("C", kT0 + 60 * kMinute).empty());
  EXPECT_EQ(Counts(), (std::map<DeliveryStatus, std::int64_t>{{DeliveryStatus::kDelivered, 1}}));
}

TEST_P(StoreWebhooksTest, AnExpiredLeaseGoesToTheNextClaimant) {
  ASSERT_TRUE(
      hooks_->InsertSubscriptions({Subscription("s1", "sub-a", "PO_CREATED", "http://a/events")})
          .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  auto first = Claim("A", kT0, 10, 1000);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_TRUE(Claim("B", kT0 + 1000).empty());  // the lease runs to kT0 + 1000
  auto second = Claim("B", kT0 + 1001);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].delivery.delivery_id, first[0].delivery.delivery_id);
  // The first owner lost it.
  const std::string id = first[0].delivery.delivery_id;
  EXPECT_EQ(hooks_->RecordAttempt("s1", id, "A", Outcome(DeliveryStatus::kDelivered, kT0)).code(),
            ErrorCode::kNotFound);
  EXPECT_TRUE(hooks_->RecordAttempt("s1", id, "B", Outcome(DeliveryStatus::kDelivered, kT0)).ok());
}

TEST_P(StoreWebhooksTest, TheSellerClockDecidesWhatIsDue) {
  ASSERT_TRUE(
      hooks_
          ->InsertSubscriptions({Subscription("s1", "sub-1", "PO_CREATED", "http://a/events"),
                                 Subscription("s2", "sub-2", "PO_CREATED", "http://a/events")})
          .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s2", "P2", kT0)}).ok());
  // Seller s1's simulated time runs an hour ahead of the wall clock.
  ASSERT_TRUE(store_->SetClockOffset("s1", 60 * kMinute).ok());
  auto claims = Claim("A", kT0 - 30 * kMinute, 10, 60 * kMinute);
  ASSERT_EQ(claims.size(), 1u);
  EXPECT_EQ(claims[0].delivery.seller_id, "s1");
  EXPECT_EQ(claims[0].seller_offset, 60 * kMinute);
  auto other = Claim("B", kT0);  // s1's is still leased to A
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].delivery.seller_id, "s2");
  EXPECT_EQ(other[0].seller_offset, 0);
}

TEST_P(StoreWebhooksTest, ClaimsStopAtTheLimitAndTakeTheLongestWaitingFirst) {
  ASSERT_TRUE(
      hooks_
          ->InsertSubscriptions({Subscription("s1", "sub-1", "PO_CREATED", "http://a/events"),
                                 Subscription("s2", "sub-2", "PO_CREATED", "http://a/events")})
          .ok());
  for (int i = 0; i < 3; ++i) {
    for (const char* seller : {"s1", "s2"}) {
      ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder(seller, PoId(i), kT0)}).ok());
    }
  }
  // Spread the deliveries out, one a minute, from s2's last one backwards.
  auto all = Claim("setup", kT0, 100);
  ASSERT_EQ(all.size(), 6u);
  std::sort(all.begin(), all.end(), [](const DeliveryClaim& a, const DeliveryClaim& b) {
    return std::make_pair(a.delivery.seller_id, a.delivery.delivery_id) >
           std::make_pair(b.delivery.seller_id, b.delivery.delivery_id);
  });
  for (size_t i = 0; i < all.size(); ++i) {
    const DeliveryRecord& d = all[i].delivery;
    const EpochMillis next = kT0 + static_cast<EpochMillis>(i) * kMinute;
    ASSERT_TRUE(hooks_
                    ->RecordAttempt(d.seller_id, d.delivery_id, "setup",
                                    Outcome(DeliveryStatus::kRetrying, kT0, next))
                    .ok());
  }
  EXPECT_TRUE(hooks_->ClaimDueDeliveries("A", kT0 + 60 * kMinute, kLease, 0)->empty());
  auto first = Claim("A", kT0 + 10 * kMinute, 4);
  ASSERT_EQ(first.size(), 4u);
  std::set<std::string> got;
  for (const DeliveryClaim& c : first) got.insert(c.delivery.delivery_id);
  EXPECT_EQ(got.count(all[0].delivery.delivery_id), 1u) << "the longest waiting is claimed first";
  auto rest = Claim("B", kT0 + 10 * kMinute, 4);
  ASSERT_EQ(rest.size(), 2u);
  for (const DeliveryClaim& c : rest) got.insert(c.delivery.delivery_id);
  EXPECT_EQ(got.size(), 6u);
  EXPECT_TRUE(Claim("C", kT0 + 10 * kMinute, 4).empty());
}

TEST_P(StoreWebhooksTest, AClaimCarriesTheSubscriptionAsItIsNow) {
  ASSERT_TRUE(
      hooks_
          ->InsertSubscriptions({Subscription("s1", "sub-a", "PO_CREATED", "http://a/events"),
                                 Subscription("s1", "sub-b", "PO_CREATED", "http://b/events")})
          .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  WebhookSubscription moved = Subscription("s1", "sub-a", "PO_CREATED", "http://moved/events");
  moved.headers_json = R"({"X-New":"1"})";
  ASSERT_TRUE(hooks_->UpdateSubscription(moved).ok());
  ASSERT_TRUE(hooks_->DeleteSubscription("s1", "sub-b").ok());
  auto claims = Claim("A", kT0);
  ASSERT_EQ(claims.size(), 2u);
  for (const DeliveryClaim& claim : claims) {
    if (claim.delivery.subscription_id == "sub-a") {
      ASSERT_TRUE(claim.subscription.has_value());
      EXPECT_EQ(claim.subscription->event_url, "http://moved/events");
      EXPECT_EQ(claim.subscription->headers_json, R"({"X-New":"1"})");
      EXPECT_EQ(claim.delivery.url, "http://a/events");  // where the event was addressed
    } else {
      EXPECT_EQ(claim.delivery.subscription_id, "sub-b");
      EXPECT_FALSE(claim.subscription.has_value());
    }
  }
}

TEST_P(StoreWebhooksTest, ReplayStartsANewRoundAndKeepsTheAttempts) {
  ASSERT_TRUE(
      hooks_->InsertSubscriptions({Subscription("s1", "sub-a", "PO_CREATED", "http://a/events")})
          .ok());
  ASSERT_TRUE(
      store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0), MakeStoredOrder("s1", "P2", kT0)})
          .ok());
  for (const DeliveryClaim& claim : Claim("A", kT0)) {
    ASSERT_TRUE(hooks_
                    ->RecordAttempt("s1", claim.delivery.delivery_id, "A",
                                    Outcome(DeliveryStatus::kFailed, kT0))
                    .ok());
  }
  EXPECT_EQ(List("s1", DeliveryStatus::kFailed).size(), 2u);
  EXPECT_TRUE(Claim("A", kT0 + 600 * kMinute).empty());

  const std::string one = List("s1")[0].delivery_id;
  ASSERT_TRUE(hooks_->ReplayDelivery("s1", one, kT0 + kMinute).ok());
  EXPECT_EQ(hooks_->ReplayDelivery("s1", "nope", kT0).code(), ErrorCode::kNotFound);
  EXPECT_EQ(hooks_->ReplayDelivery("s2", one, kT0).code(), ErrorCode::kNotFound);
  auto pending = List("s1", DeliveryStatus::kPending);
  ASSERT_EQ(pending.size(), 1u);
  EXPECT_EQ(pending[0].delivery_id, one);
  EXPECT_EQ(pending[0].round_attempts, 0);
  EXPECT_EQ(pending[0].next_attempt_at, kT0 + kMinute);
  EXPECT_EQ(pending[0].attempts.size(), 1u);

  auto replayed = hooks_->ReplayFailedDeliveries("s1", kT0 + 2 * kMinute);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(*replayed, 1);
  EXPECT_EQ(*hooks_->ReplayFailedDeliveries("s2", kT0), 0);
  EXPECT_EQ(Counts(), (std::map<DeliveryStatus, std::int64_t>{{DeliveryStatus::kPending, 2}}));
  EXPECT_EQ(Claim("B", kT0 + 2 * kMinute).size(), 2u);
}

TEST_P(StoreWebhooksTest, DeliveriesListNewestFirstWithFilters) {
  ASSERT_TRUE(hooks_
                  ->InsertSubscriptions(
                      {Subscription("s1", "sub-new", "PO_CREATED", "http://a/new"),
                       Subscription("s1", "sub-change", "ORDER_CHANGED", "http://a/change")})
                  .ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P1", kT0)}).ok());
  ASSERT_TRUE(store_->InsertOrders({MakeStoredOrder("s1", "P2", kT0)}).ok());
  ASSERT_TRUE(store_
                  ->UpdateOrder("s1", "P1",
                                [](StoredOrder& o) {
                                  o.last_modified = kT0 + 1;
                                  return Status::Ok();
                                })
                  .ok());
  // Equal times: the order they were written in, newest first.
  auto all = List("s1");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].event_id, "ORDER_CHANGED-P1-v2");
  EXPECT_EQ(all[1].event_id, "PO_CREATED-P2-v1");
  EXPECT_EQ(all[2].event_id, "PO_CREATED-P1-v1");

  DeliveryQuery query;
  query.seller_id = "s1";
  query.event_type = "PO_CREATED";
  query.limit = 1;
  auto limited = hooks_->ListDeliveries(query);
  ASSERT_TRUE(limited.ok()) << limited.status().ToString();
  ASSERT_EQ(limited->size(), 1u);
  EXPECT_EQ((*limited)[0].event_id, "PO_CREATED-P2-v1");
  EXPECT_TRUE(List("s1", DeliveryStatus::kDelivered).empty());
  EXPECT_TRUE(List("s9").empty());
}

// --- two stores on one database ---------------------------------------------------

// Two stores on one database, as two server processes have: a SQLite file
// opened twice, or one PostgreSQL schema with two connection pools.
class TwoStoresTest : public ::testing::TestWithParam<Engine> {
 protected:
  void SetUp() override {
    std::string url;
    if (GetParam() == Engine::kPostgres) {
      std::optional<std::string> pg_url = store_testing::FreshPostgresUrl();
      if (!pg_url) GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL)";
      for (auto* store : {&first_, &second_}) {
        auto opened = PgStore::Open(*pg_url);
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        *store = std::move(*opened);
      }
    } else {
      for (auto* store : {&first_, &second_}) {
        auto opened = OpenStore("sqlite:" + dir_.File("orders.db"));
        ASSERT_TRUE(opened.ok()) << opened.status().ToString();
        *store = std::move(*opened);
      }
    }
    for (Store* store : {first_.get(), second_.get()}) {
      ASSERT_NE(store->webhooks(), nullptr);
      store->webhooks()->SetEventDeriver(TestEvents);
    }
  }

  TempDir dir_;
  std::unique_ptr<Store> first_;
  std::unique_ptr<Store> second_;
};

INSTANTIATE_TEST_SUITE_P(Backends, TwoStoresTest,
                         ::testing::Values(Engine::kSqliteFile, Engine::kPostgres),
                         [](const auto& info) { return store_testing::EngineName(info.param); });

TEST_P(TwoStoresTest, ConcurrentClaimsNeverShareADelivery) {
  constexpr int kDeliveries = 300;
  constexpr int kWorkersPerStore = 3;
  ASSERT_TRUE(
      first_->webhooks()
          ->InsertSubscriptions({Subscription("s1", "sub-a", "PO_CREATED", "http://a/events"),
                                 Subscription("s2", "sub-b", "PO_CREATED", "http://b/events")})
          .ok());
  std::vector<StoredOrder> orders;
  for (int i = 0; i < kDeliveries / 2; ++i) {
    orders.push_back(MakeStoredOrder("s1", PoId(i), kT0));
    orders.push_back(MakeStoredOrder("s2", PoId(i), kT0));
  }
  ASSERT_TRUE(first_->InsertOrders(orders).ok());

  // Workers on both stores claim small batches as fast as they can and
  // record each claim; a delivery claimed twice would show up in two
  // workers' lists (and one of them would fail to record).
  std::mutex mutex;
  std::vector<std::string> claimed;   // guarded by mutex
  std::vector<std::string> failures;  // guarded by mutex
  std::vector<std::thread> workers;
  for (int w = 0; w < 2 * kWorkersPerStore; ++w) {
    WebhookStore* hooks = (w % 2 == 0 ? first_ : second_)->webhooks();
    workers.emplace_back([&, hooks, owner = "worker-" + std::to_string(w)] {
      for (;;) {
        auto claims = hooks->ClaimDueDeliveries(owner, kT0, kLease, 4);
        if (!claims.ok()) {
          // SQLite may answer busy when the other store holds the write
          // lock for too long; try again as the dispatcher does.
          if (claims.status().code() == ErrorCode::kUnavailable) continue;
          std::lock_guard<std::mutex> lock(mutex);
          failures.push_back(claims.status().ToString());
          return;
        }
        if (claims->empty()) return;  // the rest is leased or delivered
        for (const DeliveryClaim& claim : *claims) {
          Status recorded =
              hooks->RecordAttempt(claim.delivery.seller_id, claim.delivery.delivery_id, owner,
                                   Outcome(DeliveryStatus::kDelivered, kT0));
          std::lock_guard<std::mutex> lock(mutex);
          claimed.push_back(claim.delivery.seller_id + "/" + claim.delivery.delivery_id);
          if (!recorded.ok()) failures.push_back(owner + ": " + recorded.ToString());
        }
      }
    });
  }
  for (std::thread& worker : workers) worker.join();

  EXPECT_TRUE(failures.empty()) << failures.front();
  EXPECT_EQ(claimed.size(), static_cast<size_t>(kDeliveries));
  EXPECT_EQ(std::set<std::string>(claimed.begin(), claimed.end()).size(),
            static_cast<size_t>(kDeliveries));
  auto counts = second_->webhooks()->CountDeliveries();
  ASSERT_TRUE(counts.ok()) << counts.status().ToString();
  EXPECT_EQ(*counts, (std::vector<std::pair<DeliveryStatus, std::int64_t>>{
                         {DeliveryStatus::kDelivered, kDeliveries}}));
  // Every delivery has exactly one attempt.
  for (const char* seller : {"s1", "s2"}) {
    DeliveryQuery query;
    query.seller_id = seller;
    query.limit = kDeliveries;
    auto listed = first_->webhooks()->ListDeliveries(query);
    ASSERT_TRUE(listed.ok()) << listed.status().ToString();
    EXPECT_EQ(listed->size(), static_cast<size_t>(kDeliveries / 2));
    for (const DeliveryRecord& d : *listed) EXPECT_EQ(d.attempts.size(), 1u) << d.delivery_id;
  }
}

}  // namespace
}  // namespace mporders
