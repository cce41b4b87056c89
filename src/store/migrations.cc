#include "store/migrations.h"

#include <string>

namespace mporders {
namespace {

// In the open transaction: applies the migrations newer than the recorded
// version, at most one unless `all`. Returns whether one was applied.
Result<bool> ApplyPending(MigrationTarget& target, std::span<const Migration> migrations,
                          std::int64_t now, bool all) {
  Result<std::int64_t> version = target.RecordedVersion();
  if (!version.ok()) return version.status();
  const std::int64_t newest_known = migrations.empty() ? 0 : migrations.back().version;
  if (*version > newest_known) {
    return Status::Internal("database schema version " + std::to_string(*version) +
                            " is newer than this program supports (" +
                            std::to_string(newest_known) + "); upgrade mporders");
  }
  bool applied_any = false;
  for (const Migration& migration : migrations) {
    if (migration.version <= *version) continue;
    Status applied = target.Exec(migration.sql);
    if (!applied.ok()) {
      return Status::Error(applied.code(), "schema migration " + std::string(migration.name) +
                                               " failed: " + applied.description());
    }
    MP_RETURN_IF_ERROR(target.Record(migration, now));
    applied_any = true;
    if (!all) break;
  }
  return applied_any;
}

}  // namespace

Status RunMigrations(MigrationTarget& target, std::span<const Migration> migrations,
                     std::int64_t now, MigrationBatch batch) {
  for (size_t i = 1; i < migrations.size(); ++i) {
    if (migrations[i].version <= migrations[i - 1].version) {
      return Status::Internal("schema migrations out of order at " +
                              std::string(migrations[i].name));
    }
  }
  const bool all = batch == MigrationBatch::kAllInOne;
  for (;;) {
    MP_RETURN_IF_ERROR(target.Begin());
    Result<bool> applied = ApplyPending(target, migrations, now, all);
    if (!applied.ok()) {
      target.Rollback();
      return applied.status();
    }
    MP_RETURN_IF_ERROR(target.Commit());
    if (all || !*applied) return Status::Ok();
  }
}

}  // namespace mporders
