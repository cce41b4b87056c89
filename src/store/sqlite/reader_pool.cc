#include "store/sqlite/reader_pool.h"

#include <utility>

namespace mporders::sqlite {

ReaderPool::ReaderPool(std::string path, ConnectionOptions options, size_t max_idle)
    : path_(std::move(path)), options_(options), max_idle_(max_idle) {}

ReaderPool::Lease::~Lease() {
  if (db_ != nullptr) pool_->Release(std::move(db_));
}

Result<ReaderPool::Lease> ReaderPool::Acquire() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<Connection> db = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(db));
    }
  }
  // Opened outside the lock: opening touches the disk.
  Result<std::unique_ptr<Connection>> db = Connection::Open(path_, options_);
  if (!db.ok()) return db.status();
  return Lease(this, std::move(*db));
}

void ReaderPool::Release(std::unique_ptr<Connection> db) {
  // A connection left inside a transaction by a failed call would pin an
  // old snapshot; drop it instead of reusing it.
  if (db->InTransaction()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (idle_.size() < max_idle_) idle_.push_back(std::move(db));
}

}  // namespace mporders::sqlite
