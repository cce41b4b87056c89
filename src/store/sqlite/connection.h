#pragma once
// A thin, error-as-value layer over one SQLite connection: opening with the
// store's pragmas, a per-connection cache of prepared statements, and
// transactions that roll back unless committed.
//
// Thread safety: a Connection and its Statements are used by one thread at a
// time (they are opened without SQLite's own mutex); the owner serialises.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace mporders::sqlite {

struct ConnectionOptions {
  // How long a statement waits for another process's lock before the store
  // reports kUnavailable.
  int busy_timeout_ms = 5000;
  // Page cache size in KiB.
  std::int64_t cache_kib = 16 * 1024;
  // Refuse writes (PRAGMA query_only): reader connections.
  bool read_only = false;
  // Switch the database to WAL (the writer does this once on open).
  bool set_wal = false;
  // WAL pages after which a commit copies the WAL back into the database
  // (0: SQLite's default of 1000). Random-keyed indexes dirty many pages per
  // transaction; a longer interval copies each such page once instead of
  // after every transaction.
  std::int64_t wal_autocheckpoint_pages = 0;
};

class Connection;

// A prepared statement borrowed from its connection's cache; reset and
// unbound when it goes out of scope, ready for the next borrower.
// REQUIRES: does not outlive its Connection.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based. Text is copied, so temporaries are safe.
  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, std::string_view value);
  Statement& BindNull(int index);

  // Steps once: true when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps once and returns SQLite's extended result code, for callers that
  // tell constraint violations apart. Call Error() to turn a failure into a Status.
  int StepCode();
  // Runs a statement that returns no rows to completion.
  Status Run();

  // Columns of the current row, 0-based.
  std::int64_t Int64(int column) const;
  std::string_view Text(int column) const;
  bool IsNull(int column) const;

  // The Status for a failed step code, with `context` naming the operation.
  Status Error(int code, std::string_view context) const;

 private:
  friend class Connection;
  Statement(Connection* db, sqlite3_stmt* stmt, bool* in_use)
      : db_(db), stmt_(stmt), in_use_(in_use) {}

  Connection* db_;
  sqlite3_stmt* stmt_;
  bool* in_use_;
  int bind_error_ = 0;  // the first failed bind, reported by the next step
};

class Connection {
 public:
  // Opens `path` (a file, created when missing, or ":memory:") and applies
  // the store's pragmas: foreign keys on, synchronous=FULL (a committed
  // transaction survives power loss), busy timeout, cache size.
  static Result<std::unique_ptr<Connection>> Open(const std::string& path,
                                                  const ConnectionOptions& options);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one or more statements that return no rows (not cached).
  Status Exec(std::string_view sql);

  // The cached prepared statement for `sql`, preparing it on first use.
  // kInternal when it does not compile or is already borrowed.
  Result<Statement> Prepare(std::string_view sql);

  // Rows changed by the last INSERT, UPDATE or DELETE.
  std::int64_t Changes() const;
  // True while a transaction is open.
  bool InTransaction() const;

  // Maps an SQLite result code to a Status: busy or locked -> kUnavailable,
  // anything else -> kInternal, both with SQLite's message.
  Status Error(int code, std::string_view context) const;

 private:
  struct Cached {
    sqlite3_stmt* stmt = nullptr;
    bool in_use = false;
  };

  explicit Connection(sqlite3* db) : db_(db) {}
  void EvictIdleStatements();

  sqlite3* db_;
  // Node-based: a borrowed entry stays put while others come and go.
  std::unordered_map<std::string, Cached> statements_;
};

enum class TxMode {
  kRead,   // BEGIN: a consistent snapshot for several reads
  kWrite,  // BEGIN IMMEDIATE: takes the write lock up front, so the
           // transaction never fails half-way on another writer
};

// An open transaction; rolls back on destruction unless committed.
class Transaction {
 public:
  static Result<Transaction> Begin(Connection& db, TxMode mode);
  Transaction(Transaction&& other) noexcept : db_(other.db_) { other.db_ = nullptr; }
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(Connection* db) : db_(db) {}
  Connection* db_;
};

}  // namespace mporders::sqlite
