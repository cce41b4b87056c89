#include "store/sqlite/connection.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace mporders::sqlite {
namespace {

// Dynamic list queries add statements per filter combination; past this many
// the idle ones are dropped rather than growing without bound.
constexpr size_t kMaxCachedStatements = 256;

// SQLite keeps memory statistics under a global mutex taken on every
// allocation; nothing here reads them, and with one connection per thread
// that mutex is the only thing concurrent readers would share. Must run
// before SQLite initialises, i.e. before the first connection opens.
void DisableMemoryStatisticsOnce() {
  static const int kConfigured = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)kConfigured;  // SQLITE_MISUSE if SQLite was initialised earlier: harmless
}

bool IsBusy(int code) {
  const int primary = code & 0xff;
  return primary == SQLITE_BUSY || primary == SQLITE_LOCKED;
}

}  // namespace

// --- Statement ------------------------------------------------------------------

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(other.stmt_), in_use_(other.in_use_), bind_error_(other.bind_error_) {
  other.stmt_ = nullptr;
  other.in_use_ = nullptr;
}

Statement::~Statement() {
  if (stmt_ == nullptr) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
  if (in_use_ != nullptr) *in_use_ = false;
}

Statement& Statement::Bind(int index, std::int64_t value) {
  const int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  const int rc =
      sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

Statement& Statement::BindNull(int index) {
  const int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_error_ == 0) bind_error_ = rc;
  return *this;
}

int Statement::StepCode() {
  if (bind_error_ != 0) return bind_error_;
  return sqlite3_step(stmt_);
}

Result<bool> Statement::Step() {
  const int rc = StepCode();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error(rc, sqlite3_sql(stmt_));
}

Status Statement::Run() {
  for (;;) {
    Result<bool> row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::Ok();
  }
}

std::int64_t Statement::Int64(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Status Statement::Error(int code, std::string_view context) const {
  return db_->Error(code, context);
}

// --- Connection -------------------------------------------------------------------

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& path,
                                                     const ConnectionOptions& options) {
  DisableMemoryStatisticsOnce();
  sqlite3* raw = nullptr;
  // NOMUTEX: the owner already guarantees one thread at a time.
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = raw != nullptr ? sqlite3_errmsg(raw) : sqlite3_errstr(rc);
    sqlite3_close(raw);
    return Status::Internal("cannot open SQLite database '" + path + "': " + message);
  }
  sqlite3_extended_result_codes(raw, 1);
  std::unique_ptr<Connection> db(new Connection(raw));
  // Retries inside SQLite while another process holds a lock.
  sqlite3_busy_timeout(raw, options.busy_timeout_ms);

  if (options.set_wal) {
    // WAL lets readers run while one writer commits. The pragma answers with
    // the mode actually in effect (":memory:" stays "memory").
    Result<Statement> wal = db->Prepare("PRAGMA journal_mode=WAL");
    if (!wal.ok()) return wal.status();
    Result<bool> row = wal->Step();
    if (!row.ok()) return row.status();
    const std::string mode(*row ? wal->Text(0) : std::string_view());
    if (mode != "wal" && path != ":memory:") {
      return Status::Internal("cannot switch SQLite database '" + path +
                              "' to WAL mode (journal mode is '" + mode + "')");
    }
  }
  std::string pragmas =
      "PRAGMA foreign_keys=ON;"
      "PRAGMA synchronous=FULL;"
      "PRAGMA temp_store=MEMORY;"
      "PRAGMA cache_size=-" +
      std::to_string(options.cache_kib) + ";";
  if (options.read_only) pragmas += "PRAGMA query_only=ON;";
  if (options.wal_autocheckpoint_pages > 0) {
    pragmas +=
        "PRAGMA wal_autocheckpoint=" + std::to_string(options.wal_autocheckpoint_pages) + ";";
    // After a checkpoint the WAL file is reused; cap what stays on disk.
    pragmas += "PRAGMA journal_size_limit=" + std::to_string(64 * 1024 * 1024) + ";";
  }
  MP_RETURN_IF_ERROR(db->Exec(pragmas));
  return db;
}

Connection::~Connection() {
  for (auto& [sql, cached] : statements_) sqlite3_finalize(cached.stmt);
  // Finalized above, so close cannot be refused for open statements.
  sqlite3_close(db_);
}

Status Connection::Exec(std::string_view sql) {
  const std::string text(sql);
  char* message = nullptr;
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string detail = message != nullptr ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  if (IsBusy(rc)) return Status::Error(ErrorCode::kUnavailable, "store busy: " + detail);
  return Status::Internal("SQLite error: " + detail);
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = statements_.find(std::string(sql));
  if (it == statements_.end()) {
    if (statements_.size() >= kMaxCachedStatements) EvictIdleStatements();
    sqlite3_stmt* stmt = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return Error(rc, sql);
    if (stmt == nullptr) return Status::Internal("empty SQL statement");
    it = statements_.emplace(std::string(sql), Cached{stmt, false}).first;
  }
  if (it->second.in_use) {
    return Status::Internal("SQL statement already in use: " + it->first);
  }
  it->second.in_use = true;
  return Statement(this, it->second.stmt, &it->second.in_use);
}

void Connection::EvictIdleStatements() {
  for (auto it = statements_.begin(); it != statements_.end();) {
    if (it->second.in_use) {
      ++it;
      continue;
    }
    sqlite3_finalize(it->second.stmt);
    it = statements_.erase(it);
  }
}

std::int64_t Connection::Changes() const { return sqlite3_changes64(db_); }

bool Connection::InTransaction() const { return sqlite3_get_autocommit(db_) == 0; }

Status Connection::Error(int code, std::string_view context) const {
  // The connection's message describes the last failure; a bind failure
  // never reached SQLite's error state, so fall back to the code's text.
  std::string message =
      sqlite3_errcode(db_) == SQLITE_OK ? sqlite3_errstr(code) : sqlite3_errmsg(db_);
  std::string where(context.substr(0, 120));
  if (IsBusy(code)) {
    return Status::Error(ErrorCode::kUnavailable,
                         "store busy (" + message + ") while running: " + where);
  }
  return Status::Internal("SQLite error (" + message + ") while running: " + where);
}

// --- Transaction -------------------------------------------------------------------

Result<Transaction> Transaction::Begin(Connection& db, TxMode mode) {
  Result<Statement> begin = db.Prepare(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
  if (!begin.ok()) return begin.status();
  MP_RETURN_IF_ERROR(begin->Run());
  return Transaction(&db);
}

Status Transaction::Commit() {
  if (db_ == nullptr) return Status::Internal("transaction already finished");
  Result<Statement> commit = db_->Prepare("COMMIT");
  if (!commit.ok()) return commit.status();
  Status status = commit->Run();
  // On failure the destructor rolls back whatever is still open.
  if (status.ok()) db_ = nullptr;
  return status;
}

Transaction::~Transaction() {
  if (db_ == nullptr || !db_->InTransaction()) return;
  // Some errors (I/O, out of memory) already rolled back; otherwise undo now.
  // A failing ROLLBACK leaves nothing better to do than report nothing.
  if (Result<Statement> rollback = db_->Prepare("ROLLBACK"); rollback.ok()) {
    (void)rollback->Run();
  }
}

}  // namespace mporders::sqlite
