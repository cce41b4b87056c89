#include "store/postgres/pg_connection.h"

#include <libpq-fe.h>

#include <charconv>
#include <optional>
#include <utility>

namespace mporders::pg {

// --- Rows -----------------------------------------------------------------------

Rows::Rows(PGresult* result) : result_(result) {}
Rows::~Rows() {
  if (result_ != nullptr) PQclear(result_);
}
Rows::Rows(Rows&& other) noexcept : result_(std::exchange(other.result_, nullptr)) {}
Rows& Rows::operator=(Rows&& other) noexcept {
  if (this != &other) {
    if (result_ != nullptr) PQclear(result_);
    result_ = std::exchange(other.result_, nullptr);
  }
  return *this;
}

int Rows::size() const { return PQntuples(result_); }

bool Rows::IsNull(int row, int column) const { return PQgetisnull(result_, row, column) != 0; }

std::string_view Rows::Text(int row, int column) const {
  return {PQgetvalue(result_, row, column), static_cast<size_t>(PQgetlength(result_, row, column))};
}

std::int64_t Rows::Int64(int row, int column) const {
  const std::string_view text = Text(row, column);
  std::int64_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

std::int64_t Rows::Affected() const {
  const char* tuples = PQcmdTuples(result_);
  std::int64_t value = 0;
  std::from_chars(tuples, tuples + std::char_traits<char>::length(tuples), value);
  return value;
}

// --- Connection -------------------------------------------------------------------

Result<std::unique_ptr<Connection>> Connection::Open(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (conn == nullptr) return Status::Error(ErrorCode::kUnavailable, "out of memory for libpq");
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    while (!message.empty() && message.back() == '\n') message.pop_back();
    return Status::Error(ErrorCode::kUnavailable, "cannot connect to PostgreSQL: " + message);
  }
  // Notices (e.g. "relation already exists, skipping") are not errors.
  PQsetNoticeProcessor(
      conn, [](void*, const char*) {}, nullptr);
  auto connection = std::unique_ptr<Connection>(new Connection(conn));
  // The store's queries are short: JIT compiling one (chosen by its estimated
  // cost, which a large table's counts pass) took longer than running it
  // (about 200 ms of a 876 ms list page on 1,000,000 orders).
  MP_RETURN_IF_ERROR(connection->ExecScript("SET jit = off"));
  return connection;
}

Connection::~Connection() { PQfinish(conn_); }

bool Connection::Healthy() const {
  return PQstatus(conn_) == CONNECTION_OK && PQtransactionStatus(conn_) == PQTRANS_IDLE &&
         PQpipelineStatus(conn_) == PQ_PIPELINE_OFF && deferred_.empty();
}

Params& Params::AddTextArray(const std::vector<std::string>& elements) {
  std::string literal = "{";
  for (const std::string& element : elements) {
    if (literal.size() > 1) literal += ',';
    literal += '"';
    for (char c : element) {
      if (c == '"' || c == '\\') literal += '\\';
      literal += c;
    }
    literal += '"';
  }
  literal += '}';
  values_.emplace_back(std::move(literal));
  return *this;
}

Result<Rows> Connection::Check(PGresult* result, std::string_view sql) {
  const ExecStatusType status = result == nullptr ? PGRES_FATAL_ERROR : PQresultStatus(result);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    sqlstate_.clear();
    return Rows(result);
  }
  const char* state = result != nullptr ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  sqlstate_ = state != nullptr ? state : "";
  std::string message = result != nullptr ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
  if (result != nullptr) PQclear(result);
  while (!message.empty() && message.back() == '\n') message.pop_back();
  if (message.empty()) message = "no answer from the server";
  const bool lost = PQstatus(conn_) != CONNECTION_OK || sqlstate_.rfind("08", 0) == 0 ||
                    sqlstate_ == kSerializationFailure || sqlstate_ == kDeadlockDetected ||
                    sqlstate_.rfind("57P", 0) == 0;
  std::string statement(sql.substr(0, 120));
  return Status::Error(lost ? ErrorCode::kUnavailable : ErrorCode::kInternal,
                       "PostgreSQL: " + message + " (in: " + statement + ")");
}

Result<Rows> Connection::Exec(std::string_view sql, const Params& params) {
  return RunPipeline(Statement{std::string(sql), params, false});
}

Result<Rows> Connection::Exec(Prepared statement, const Params& params) {
  return RunPipeline(Statement{std::string(statement.sql), params, true});
}

void Connection::Defer(std::string_view sql, Params params) {
  deferred_.push_back(Statement{std::string(sql), std::move(params), false});
}

void Connection::Defer(Prepared statement, Params params) {
  deferred_.push_back(Statement{std::string(statement.sql), std::move(params), true});
}

Status Connection::ExecScript(std::string_view sql) {
  if (!deferred_.empty()) {
    Statement last = std::move(deferred_.back());
    deferred_.pop_back();
    MP_RETURN_IF_ERROR(RunPipeline(std::move(last)).status());
  }
  const std::string text(sql);
  Result<Rows> rows = Check(PQexec(conn_, text.c_str()), sql);
  return rows.status();
}

namespace {

// A connection keeps at most this many prepared statements: the store has a
// few dozen fixed ones, and a bound keeps a mistake from growing the
// server's memory without end.
constexpr std::size_t kMaxPreparedStatements = 64;

std::vector<const char*> ValuePointers(const Params& params) {
  std::vector<const char*> pointers;
  pointers.reserve(params.values().size());
  for (const std::optional<std::string>& value : params.values()) {
    pointers.push_back(value ? value->c_str() : nullptr);
  }
  return pointers;
}

// One command of a pipeline, in the order sent: a statement, or the
// preparation of `sql` under `name`.
struct Command {
  const std::string* sql;
  bool last;  // the statement whose rows the caller wants
  std::string name;  // non-empty for a preparation
};

}  // namespace

Result<Rows> Connection::RunPipeline(Statement last) {
  std::vector<Statement> batch = std::move(deferred_);
  deferred_.clear();
  batch.push_back(std::move(last));
  sqlstate_.clear();
  if (PQenterPipelineMode(conn_) != 1) return Check(nullptr, batch.back().sql);

  std::vector<Command> commands;
  std::unordered_map<std::string, std::string> preparing;  // sql -> name, in this pipeline
  bool sent = true;
  for (std::size_t i = 0; i < batch.size() && sent; ++i) {
    const Statement& statement = batch[i];
    const std::vector<const char*> values = ValuePointers(statement.params);
    const int count = static_cast<int>(values.size());
    std::string name;
    if (statement.prepared) {
      if (auto known = prepared_.find(statement.sql); known != prepared_.end()) {
        name = known->second;
      } else if (auto pending = preparing.find(statement.sql); pending != preparing.end()) {
        name = pending->second;
      } else if (prepared_.size() + preparing.size() < kMaxPreparedStatements) {
        name = "mporders_" + std::to_string(++statements_named_);
        sent = PQsendPrepare(conn_, name.c_str(), statement.sql.c_str(), count, nullptr) == 1;
        commands.push_back(Command{&statement.sql, false, name});
        preparing.emplace(statement.sql, name);
      }
    }
    if (!sent) break;
    sent = name.empty() ? PQsendQueryParams(conn_, statement.sql.c_str(), count, nullptr,
                                            values.data(), nullptr, nullptr, 0) == 1
                        : PQsendQueryPrepared(conn_, name.c_str(), count, values.data(), nullptr,
                                              nullptr, 0) == 1;
    commands.push_back(Command{&statement.sql, i + 1 == batch.size(), ""});
  }
  if (sent) sent = PQpipelineSync(conn_) == 1;
  // A connection that could not send is broken (Healthy() says so): it is
  // left in pipeline mode and never pooled again.
  if (!sent) return Check(nullptr, batch.back().sql);

  // Each command's result is followed by a null; after the first failure
  // the rest of the pipeline answers PGRES_PIPELINE_ABORTED.
  std::optional<Status> failure;
  std::optional<Rows> answer;
  for (const Command& command : commands) {
    PGresult* result = PQgetResult(conn_);
    if (result == nullptr) {
      // No answer at all: the connection was lost.
      if (!failure) failure = Check(nullptr, *command.sql).status();
      continue;
    }
    while (PGresult* extra = PQgetResult(conn_)) PQclear(extra);
    if (PQresultStatus(result) == PGRES_PIPELINE_ABORTED) {
      PQclear(result);
      continue;
    }
    Result<Rows> rows = Check(result, *command.sql);
    if (!rows.ok()) {
      if (!failure) failure = rows.status();
      continue;
    }
    if (!command.name.empty()) prepared_.emplace(*command.sql, command.name);
    if (command.last) answer.emplace(std::move(*rows));
  }
  if (PGresult* sync = PQgetResult(conn_)) PQclear(sync);
  if (PQexitPipelineMode(conn_) != 1 && !failure) {
    failure = Check(nullptr, batch.back().sql).status();
  }
  if (failure) return *failure;
  if (!answer) return Status::Internal("PostgreSQL: no rows for " + batch.back().sql.substr(0, 120));
  return std::move(*answer);
}

// --- ConnectionPool -----------------------------------------------------------------

ConnectionPool::ConnectionPool(std::string url, int max_connections)
    : url_(std::move(url)), max_connections_(max_connections < 1 ? 1 : max_connections) {}

ConnectionPool::~ConnectionPool() = default;

ConnectionPool::Lease::~Lease() {
  if (conn_ != nullptr) pool_->Release(std::move(conn_));
}

Result<ConnectionPool::Lease> ConnectionPool::Acquire() {
  {
    std::unique_lock<std::mutex> lock(mutex_);
    released_.wait(lock, [&] { return !idle_.empty() || out_ < max_connections_; });
    ++out_;
    if (!idle_.empty()) {
      std::unique_ptr<Connection> conn = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(conn));
    }
  }
  Result<std::unique_ptr<Connection>> conn = Connection::Open(url_);
  if (!conn.ok()) {
    std::lock_guard<std::mutex> lock(mutex_);
    --out_;
    released_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(*conn));
}

void ConnectionPool::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard<std::mutex> lock(mutex_);
  --out_;
  // A connection left inside a transaction or cut off is dropped, not reused.
  if (conn->Healthy()) idle_.push_back(std::move(conn));
  released_.notify_one();
}

}  // namespace mporders::pg
