#pragma once
// Opening a store by URL: the one place that knows every engine.

#include <memory>
#include <string>

#include "core/status.h"
#include "store/store.h"

namespace mporders {

// Opens (creating when needed) the store at `url` and applies pending schema
// migrations. Supported: "sqlite:PATH" (PATH relative to the working
// directory; parent directories are created), "sqlite::memory:" (a new,
// private database), and PostgreSQL URLs ("postgres://..." or
// "postgresql://...", PgStore). kInvalidRequestParam for any other URL.
Result<std::unique_ptr<Store>> OpenStore(const std::string& url);

}  // namespace mporders
