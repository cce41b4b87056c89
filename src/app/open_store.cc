#include "app/open_store.h"

#include <iostream>

#include "app/config.h"
#include "store/postgres/pg_store.h"

namespace mporders::app {

void ReportError(const std::string& context, const Status& status) {
  std::cerr << "mporders: " << context << ": " << status.ToString() << "\n";
}

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (PgStore::IsPostgresUrl(url)) {
    auto store = PgStore::Open(url);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(*store));
  }
  return Store::Open(url);
}

std::unique_ptr<Store> OpenStoreOrReport(const std::string& url) {
  auto store = OpenStore(url);
  if (!store.ok()) {
    ReportError("cannot open " + RedactUrl(url), store.status());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace mporders::app
