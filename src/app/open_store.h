#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace mporders::app {

// Opens the store at `url` (store/open/store_open.h: sqlite:PATH,
// sqlite::memory: or a PostgreSQL URL), or prints why not to stderr and
// returns nullptr.
std::unique_ptr<Store> OpenStoreOrReport(const std::string& url);

// Prints a failed Status to stderr as "mporders: <context>: <status>".
void ReportError(const std::string& context, const Status& status);

}  // namespace mporders::app
