#include "store/open/store_open.h"

#include <filesystem>
#include <string_view>
#include <system_error>

#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace mporders {
namespace {

constexpr std::string_view kSqliteScheme = "sqlite:";
constexpr std::string_view kSqliteMemory = ":memory:";

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

Status CreateParentDirectories(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) return Status::Ok();
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return Status::Internal("cannot create directory '" + parent.string() +
                            "' for the store: " + error.message());
  }
  return Status::Ok();
}

Result<std::unique_ptr<Store>> OpenSqlite(const std::string& url) {
  const std::string path = url.substr(kSqliteScheme.size());
  if (path.empty()) {
    return Status::InvalidParam("store URL '" + url + "' names no database file", "store");
  }
  if (path != kSqliteMemory) MP_RETURN_IF_ERROR(CreateParentDirectories(path));
  Result<std::unique_ptr<SqliteStore>> store = SqliteStore::Open(path);
  if (!store.ok()) return store.status();
  return std::unique_ptr<Store>(std::move(*store));
}

}  // namespace

Result<std::unique_ptr<Store>> OpenStore(const std::string& url) {
  if (PgStore::IsPostgresUrl(url)) {
    auto store = PgStore::Open(url);
    if (!store.ok()) return store.status();
    return std::unique_ptr<Store>(std::move(*store));
  }
  if (StartsWith(url, kSqliteScheme)) return OpenSqlite(url);
  return Status::InvalidParam("unsupported store URL '" + url +
                                  "'; expected sqlite:PATH, sqlite::memory: or postgres://...",
                              "store");
}

}  // namespace mporders
