#pragma once
// Read-only connections for concurrent readers of one database file.
//
// Each reader borrows a connection of its own for the duration of one store
// call, so reads run in parallel with each other and (in WAL mode) with the
// writer. Connections are opened on demand and kept for reuse up to a cap.
//
// Thread safety: Acquire may be called from any thread.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/status.h"
#include "store/sqlite/connection.h"

namespace mporders::sqlite {

class ReaderPool {
 public:
  ReaderPool(std::string path, ConnectionOptions options, size_t max_idle);

  // A borrowed connection; returns to the pool when destroyed.
  class Lease {
   public:
    Lease(ReaderPool* pool, std::unique_ptr<Connection> db) : pool_(pool), db_(std::move(db)) {}
    Lease(Lease&&) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    ~Lease();
    Connection& operator*() const { return *db_; }

   private:
    ReaderPool* pool_;
    std::unique_ptr<Connection> db_;
  };

  // An idle connection, or a new one.
  Result<Lease> Acquire();

 private:
  void Release(std::unique_ptr<Connection> db);

  const std::string path_;
  const ConnectionOptions options_;
  const size_t max_idle_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> idle_;  // guarded by mutex_
};

}  // namespace mporders::sqlite
