// `mporders seed` and `mporders import`.

#include <chrono>
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/commands.h"
#include "app/open_store.h"
#include "app/seeding.h"
#include "codec/order_json.h"
#include "domain/mx_derive.h"

namespace mporders::app {

int RunSeed(const SeedOptions& options) {
  auto store = OpenStoreOrReport(options.db);
  if (!store) return 1;
  SystemClock clock;
  auto started = std::chrono::steady_clock::now();
  auto seeded = SeedOrders(*store, options.seller, options.orders, options.seed, clock.NowMillis(),
                          true, options.market);
  if (!seeded.ok()) {
    ReportError("seeding failed", seeded.status());
    return 1;
  }
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "seeded " << *seeded << " orders for seller " << options.seller << " in " << seconds
            << " s\n";
  return 0;
}

int RunImport(const std::string& db, const std::string& seller, const std::string& file,
              std::optional<MarketId> market) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    std::cerr << "mporders: cannot read " << file << "\n";
    return 1;
  }
  std::stringstream text;
  text << in.rdbuf();
  auto orders = DecodeOrdersJson(text.str());
  if (!orders.ok()) {
    ReportError(file + " is not a valid Walmart order document", orders.status());
    return 1;
  }
  auto store = OpenStoreOrReport(db);
  if (!store) return 1;
  SystemClock clock;
  // Checked before the seller is created: a refused import leaves no trace.
  auto existing = store->GetSeller(seller);
  if (!existing.ok() && existing.status().code() != ErrorCode::kNotFound) {
    ReportError("cannot read seller " + seller, existing.status());
    return 1;
  }
  if (existing.ok() && market && *market != existing->market) {
    std::cerr << "mporders: import: seller " << seller << " sells in market "
              << MarketCode(existing->market) << "; a seller's market never changes\n";
    return 1;
  }
  const Market& seller_market =
      GetMarket(existing.ok() ? existing->market : market.value_or(MarketId::kUs));
  for (const Order& order : *orders) {
    Status currency = CheckOrderCurrency(order, seller_market);
    if (!currency.ok()) {
      ReportError("import refused; nothing was imported", currency);
      return 1;
    }
  }
  auto seller_ready = EnsureSellerMarket(*store, seller, seller_market.id(), clock.NowMillis());
  if (!seller_ready.ok()) {
    ReportError("cannot create seller " + seller, seller_ready.status());
    return 1;
  }
  std::vector<StoredOrder> stored;
  stored.reserve(orders->size());
  for (auto& order : *orders) {
    // A US-shaped document for an MX seller gets Mexico's model, as Walmart
    // would have sent the order.
    if (seller_market.id() == MarketId::kMx && !order.mx) DeriveMxOrder(order);
    stored.push_back(NewStoredOrder(seller, std::move(order)));
  }
  Status status = store->UpsertOrders(stored);
  if (!status.ok()) {
    ReportError("import failed; nothing was imported", status);
    return 1;
  }
  std::cout << "imported " << stored.size() << " orders for seller " << seller << "\n";
  return 0;
}

}  // namespace mporders::app
