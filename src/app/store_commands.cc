// mporders migrate and mporders copy: moving a store between engines.

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

Status Copy(Store& from, Store& to) {
  Result<std::vector<Seller>> sellers = from.ListSellers();
  if (!sellers.ok()) return sellers.status();
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
            << grants << " grants, " << orders << " orders, " << clocks->size()
            << " sandbox clocks; counts verified\n";
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
