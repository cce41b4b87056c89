#include "app/open_store.h"

#include <iostream>

namespace mporders::app {

void ReportError(const std::string& context, const Status& status) {
  std::cerr << "mporders: " << context << ": " << status.ToString() << "\n";
}

std::unique_ptr<Store> OpenStoreOrReport(const std::string& url) {
  auto store = Store::Open(url);
  if (!store.ok()) {
    ReportError("cannot open " + url, store.status());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace mporders::app
