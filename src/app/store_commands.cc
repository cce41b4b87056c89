// mporders migrate and mporders copy: moving a store between engines.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/config.h"
#include "app/open_store.h"

namespace mporders::app {
namespace {

// "sqlite:FILE", "postgres://...", or a plain path (a SQLite file).
std::string NormaliseUrl(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0 || url.find("://") != std::string::npos) return url;
  return "sqlite:" + url;
}

// Copies every order of `seller_id`, page by page, keeping versions.
Status CopyOrders(Store& from, Store& to, const std::string& seller_id, std::int64_t& copied) {
  ListRequest request;
  request.filter.seller_id = seller_id;
  request.limit = 500;
  request.count_total = false;
  for (;;) {
    Result<OrderPage> page = from.ListOrders(request);
    if (!page.ok()) return page.status();
    if (page->orders.empty()) return Status::Ok();
    MP_RETURN_IF_ERROR(to.InsertOrders(page->orders));
    copied += static_cast<std::int64_t>(page->orders.size());
    if (!page->has_more) return Status::Ok();
    const Order& last = page->orders.back().order;
    request.after = PageKey{last.order_date, last.purchase_order_id};
  }
}

bool SameSubscription(const WebhookSubscription& a, const WebhookSubscription& b) {
  return a.seller_id == b.seller_id && a.subscription_id == b.subscription_id &&
         a.event_type == b.event_type && a.event_version == b.event_version &&
         a.resource_name == b.resource_name && a.event_url == b.event_url && a.status == b.status &&
         a.auth_json == b.auth_json && a.headers_json == b.headers_json &&
         a.created_at == b.created_at && a.updated_at == b.updated_at;
}

// The source's webhook subscriptions, by seller (sellers without any left
// out), in id order: the engines sort ties of created_at by their own
// collation, so both sides are compared in one order of our own.
using SubscriptionsBySeller = std::map<std::string, std::vector<WebhookSubscription>>;

void SortById(std::vector<WebhookSubscription>& subscriptions) {
  std::sort(subscriptions.begin(), subscriptions.end(),
            [](const WebhookSubscription& a, const WebhookSubscription& b) {
              return a.subscription_id < b.subscription_id;
            });
}

// Read before anything is written: a target that cannot take the source's
// subscriptions whole is refused up front rather than left half copied.
// `from` or `to` is null for an engine without webhook tables.
Result<SubscriptionsBySeller> SubscriptionsToCopy(WebhookStore* from, WebhookStore* to,
                                                  const std::vector<Seller>& sellers) {
  SubscriptionsBySeller by_seller;
  if (from == nullptr) return by_seller;
  for (const Seller& seller : sellers) {
    Result<std::vector<WebhookSubscription>> source = from->ListSubscriptions(seller.seller_id);
    if (!source.ok()) return source.status();
    if (source->empty()) continue;
    if (to == nullptr) {
      return Status::Internal("seller " + seller.seller_id +
                              " has webhook subscriptions and the target store keeps none");
    }
    Result<std::vector<WebhookSubscription>> existing = to->ListSubscriptions(seller.seller_id);
    if (!existing.ok()) return existing.status();
    if (!existing->empty()) {
      return Status::Internal("seller " + seller.seller_id + " already has " +
                              std::to_string(existing->size()) +
                              " webhook subscriptions in the target (was it empty?)");
    }
    SortById(*source);
    by_seller.emplace(seller.seller_id, std::move(*source));
  }
  return by_seller;
}

// Copies one seller's subscriptions (`source`, in id order) as they are
// (ids, status, auth, headers and times kept), in one transaction, then reads
// them back: the target must hold exactly these, field for field.
Status CopySubscriptions(WebhookStore& to, const std::string& seller_id,
                         const std::vector<WebhookSubscription>& source, std::int64_t& copied) {
  MP_RETURN_IF_ERROR(to.InsertSubscriptions(source));
  Result<std::vector<WebhookSubscription>> target = to.ListSubscriptions(seller_id);
  if (!target.ok()) return target.status();
  SortById(*target);
  bool same = target->size() == source.size();
  for (std::size_t i = 0; same && i < source.size(); ++i) {
    same = SameSubscription(source[i], (*target)[i]);
  }
  if (!same) {
    return Status::Internal("seller " + seller_id + ": " + std::to_string(source.size()) +
                            " webhook subscriptions in the source, " +
                            std::to_string(target->size()) +
                            " in the target, not all equal to the source's");
  }
  copied += static_cast<std::int64_t>(source.size());
  return Status::Ok();
}

Status Copy(Store& from, Store& to) {
  Result<std::vector<Seller>> sellers = from.ListSellers();
  if (!sellers.ok()) return sellers.status();
  Result<SubscriptionsBySeller> subscriptions_to_copy =
      SubscriptionsToCopy(from.webhooks(), to.webhooks(), *sellers);
  if (!subscriptions_to_copy.ok()) return subscriptions_to_copy.status();
  for (const Seller& seller : *sellers) MP_RETURN_IF_ERROR(to.PutSeller(seller));

  Result<std::vector<ClientRecord>> clients = from.ListClients();
  if (!clients.ok()) return clients.status();
  std::int64_t grants = 0;
  for (const ClientRecord& client : *clients) {
    ClientRecord copy = client;
    copy.granted_sellers.clear();
    MP_RETURN_IF_ERROR(to.AddClient(copy));
    for (const std::string& seller : client.granted_sellers) {
      MP_RETURN_IF_ERROR(to.GrantSeller(client.client_id, seller, client.created_at));
      ++grants;
    }
  }

  // Orders of every seller that has some: sellers, and sellers met in the
  // sandbox clocks (orders are never stored without their seller's row).
  Result<std::map<std::string, EpochMillis>> clocks = from.ListClockOffsets();
  if (!clocks.ok()) return clocks.status();
  std::int64_t orders = 0;
  // Webhook subscriptions are copied; the outbox (events and deliveries) is
  // not: the store writes events only with the order change that causes them.
  std::int64_t subscriptions = 0;
  for (const Seller& seller : *sellers) {
    std::int64_t copied = 0;
    MP_RETURN_IF_ERROR(CopyOrders(from, to, seller.seller_id, copied));
    Result<std::int64_t> source = from.CountOrders(seller.seller_id);
    Result<std::int64_t> target = to.CountOrders(seller.seller_id);
    if (!source.ok()) return source.status();
    if (!target.ok()) return target.status();
    if (*source != copied || *target != *source) {
      return Status::Internal("seller " + seller.seller_id + ": " + std::to_string(*source) +
                              " orders in the source, " + std::to_string(copied) + " copied, " +
                              std::to_string(*target) + " in the target");
    }
    orders += copied;
    if (auto it = subscriptions_to_copy->find(seller.seller_id);
        it != subscriptions_to_copy->end()) {
      MP_RETURN_IF_ERROR(
          CopySubscriptions(*to.webhooks(), seller.seller_id, it->second, subscriptions));
    }
  }
  for (const auto& [seller_id, offset] : *clocks) {
    MP_RETURN_IF_ERROR(to.SetClockOffset(seller_id, offset));
  }

  // The counts of the whole target must equal the source's.
  Result<std::vector<Seller>> target_sellers = to.ListSellers();
  Result<std::vector<ClientRecord>> target_clients = to.ListClients();
  Result<std::map<std::string, EpochMillis>> target_clocks = to.ListClockOffsets();
  if (!target_sellers.ok()) return target_sellers.status();
  if (!target_clients.ok()) return target_clients.status();
  if (!target_clocks.ok()) return target_clocks.status();
  std::int64_t target_grants = 0;
  for (const ClientRecord& client : *target_clients) {
    target_grants += static_cast<std::int64_t>(client.granted_sellers.size());
  }
  if (target_sellers->size() != sellers->size() || target_clients->size() != clients->size() ||
      target_grants != grants || *target_clocks != *clocks) {
    return Status::Internal(
        "the target holds other sellers, clients, grants or clocks than "
        "the source (was it empty?)");
  }
  std::cout << "copied " << sellers->size() << " sellers, " << clients->size() << " clients, "
            << grants << " grants, " << orders << " orders, " << subscriptions
            << " webhook subscriptions, " << clocks->size() << " sandbox clocks; counts verified\n";
  return Status::Ok();
}

}  // namespace

int RunMigrate(const std::string& db) {
  // Opening applies every pending migration.
  auto store = OpenStoreOrReport(NormaliseUrl(db));
  if (!store) return 1;
  std::cout << "schema of " << RedactUrl(db) << " is up to date\n";
  return 0;
}

int RunCopy(const std::string& from_url, const std::string& to_url) {
  auto from = OpenStoreOrReport(NormaliseUrl(from_url));
  if (!from) return 1;
  auto to = OpenStoreOrReport(NormaliseUrl(to_url));
  if (!to) return 1;
  Status copied = Copy(*from, *to);
  if (!copied.ok()) {
    ReportError("copy to " + RedactUrl(to_url) + " failed", copied);
    return 1;
  }
  return 0;
}

}  // namespace mporders::app
