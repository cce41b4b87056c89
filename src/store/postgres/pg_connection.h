#pragma once
// A thin layer over libpq: one connection, statements with text parameters
// ($1, $2, ...), results read by row and column, and the SQLSTATE of the
// last failure so that callers can tell a duplicate key from a lost server.
//
// The only header of the project that includes libpq's; PgStore's files use
// these types and never PGconn or PGresult directly.
//
// Thread safety: a Connection is used by one thread at a time (ConnectionPool
// hands it out).

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"

typedef struct pg_conn PGconn;
typedef struct pg_result PGresult;

namespace mporders::pg {

// SQLSTATE codes the store reacts to.
inline constexpr std::string_view kUniqueViolation = "23505";
inline constexpr std::string_view kForeignKeyViolation = "23503";
inline constexpr std::string_view kSerializationFailure = "40001";
inline constexpr std::string_view kDeadlockDetected = "40P01";

// Statement parameters, in $1, $2, ... order; nullopt is SQL NULL.
class Params {
 public:
  Params& Add(std::string_view value) {
    values_.emplace_back(std::string(value));
    return *this;
  }
  Params& Add(const char* value) { return Add(std::string_view(value)); }
  Params& Add(const std::string& value) { return Add(std::string_view(value)); }
  Params& Add(std::int64_t value) {
    values_.emplace_back(std::to_string(value));
    return *this;
  }
  // A text[] parameter (an array literal: every element quoted, so that
  // commas, braces and NULL-looking strings stay text).
  Params& AddTextArray(const std::vector<std::string>& elements);
  Params& AddNull() {
    values_.emplace_back(std::nullopt);
    return *this;
  }
  template <typename T>
  Params& AddOptional(const std::optional<T>& value) {
    return value ? Add(*value) : AddNull();
  }
  const std::vector<std::optional<std::string>>& values() const { return values_; }

 private:
  std::vector<std::optional<std::string>> values_;
};

// The rows of a successful statement.
class Rows {
 public:
  explicit Rows(PGresult* result);
  ~Rows();
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&& other) noexcept;
  Rows(const Rows&) = delete;
  Rows& operator=(const Rows&) = delete;

  int size() const;
  bool empty() const { return size() == 0; }
  bool IsNull(int row, int column) const;
  std::string_view Text(int row, int column) const;  // "" for NULL
  std::int64_t Int64(int row, int column) const;     // 0 for NULL
  // Rows an INSERT, UPDATE or DELETE touched.
  std::int64_t Affected() const;

 private:
  PGresult* result_;
};

// A fixed statement that a connection prepares once and then executes by
// name, so that PostgreSQL parses and plans it once rather than on every call.
// For key lookups and writes, whose best plan does not depend on their
// parameters; a list query's plan does (its date window), so those are sent
// unprepared.
struct Prepared {
  std::string_view sql;
};

class Connection {
 public:
  // Connects with a libpq connection string or postgres:// URL.
  // kUnavailable when the server cannot be reached.
  static Result<std::unique_ptr<Connection>> Open(const std::string& url);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs one statement with parameters, after any deferred ones. On failure,
  // sqlstate() names the cause; a lost connection is kUnavailable, anything
  // else kInternal. When a deferred statement fails, this one is not run and
  // the deferred statement's failure is returned.
  Result<Rows> Exec(std::string_view sql, const Params& params = {});
  Result<Rows> Exec(Prepared statement, const Params& params = {});

  // Queues a statement whose rows nobody reads; it is sent together with the
  // next Exec, in one round trip (libpq's pipeline mode), and its failure is
  // that call's failure. Inside a transaction this turns a write's several
  // statements into one round trip: each round trip costs both processes
  // system calls and a switch, which is most of a short statement's cost.
  void Defer(std::string_view sql, Params params = {});
  void Defer(Prepared statement, Params params = {});
  // Forgets the deferred statements (a transaction given up before sending).
  void DiscardDeferred() { deferred_.clear(); }

  // Runs one or more statements without parameters (migrations), after
  // sending any deferred ones.
  Status ExecScript(std::string_view sql);

  // SQLSTATE of the last failed statement; empty after a success.
  const std::string& sqlstate() const { return sqlstate_; }
  // Whether the connection is usable; a broken one is not pooled again.
  bool Healthy() const;

 private:
  struct Statement {
    std::string sql;
    Params params;
    bool prepared;
  };

  explicit Connection(PGconn* conn) : conn_(conn) {}
  Result<Rows> Check(PGresult* result, std::string_view sql);
  // Sends the deferred statements and `last` in one pipeline; the rows of
  // `last`, or the first failure.
  Result<Rows> RunPipeline(Statement last);

  PGconn* conn_;
  std::string sqlstate_;
  std::vector<Statement> deferred_;
  // Statement text -> the name it is prepared under on this connection.
  std::unordered_map<std::string, std::string> prepared_;
  int statements_named_ = 0;
};

// Connections to one database, opened on demand and reused. At most
// `max_connections` are out at once; further callers wait.
class ConnectionPool {
 public:
  ConnectionPool(std::string url, int max_connections);
  ~ConnectionPool();

  class Lease {
   public:
    Lease(ConnectionPool* pool, std::unique_ptr<Connection> conn)
        : pool_(pool), conn_(std::move(conn)) {}
    ~Lease();
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Connection& operator*() const { return *conn_; }
    Connection* operator->() const { return conn_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<Connection> conn_;
  };

  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> conn);

  const std::string url_;
  const int max_connections_;
  std::mutex mutex_;
  std::condition_variable released_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
  int out_ = 0;                                    // guarded by mutex_
};

}  // namespace mporders::pg
