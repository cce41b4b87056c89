#include "app/open_store.h"

#include <iostream>

#include "app/config.h"
#include "store/open/store_open.h"

namespace mporders::app {

void ReportError(const std::string& context, const Status& status) {
  std::cerr << "mporders: " << context << ": " << status.ToString() << "\n";
}

std::unique_ptr<Store> OpenStoreOrReport(const std::string& url) {
  auto store = mporders::OpenStore(url);
  if (!store.ok()) {
    ReportError("cannot open " + RedactUrl(url), store.status());
    return nullptr;
  }
  return std::move(store).value();
}

}  // namespace mporders::app
