#pragma once
// 64-bit words shared by every process that opens the same file (a
// MAP_SHARED mapping), read and changed atomically. Server processes on one
// SQLite database live on one machine, so shared words tell each of them,
// without a query, that another one changed something: SqliteStore keeps
// the generations of its accounts and orders in them (shared_state.h).

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/status.h"

namespace mporders::sqlite {

class SharedWords {
 public:
  // `count` words in `path`, created (zero) when missing and grown when
  // shorter. Fails when the file cannot be created, grown or mapped.
  static Result<std::unique_ptr<SharedWords>> Open(const std::string& path, std::size_t count);
  // Words of this process alone (an in-memory database).
  static std::unique_ptr<SharedWords> Private(std::size_t count);

  ~SharedWords();
  SharedWords(const SharedWords&) = delete;
  SharedWords& operator=(const SharedWords&) = delete;

  std::size_t size() const { return count_; }
  // REQUIRES: index < size().
  std::uint64_t Load(std::size_t index) const {
    return std::atomic_ref<std::uint64_t>(words_[index]).load(std::memory_order_acquire);
  }
  // Adds `delta` (modulo 2^64).
  void Add(std::size_t index, std::uint64_t delta) {
    std::atomic_ref<std::uint64_t>(words_[index]).fetch_add(delta, std::memory_order_acq_rel);
  }

 private:
  SharedWords(std::uint64_t* words, std::size_t count, void* mapping, std::size_t mapped_bytes)
      : words_(words), count_(count), mapping_(mapping), mapped_bytes_(mapped_bytes) {}

  std::uint64_t* words_;  // in mapping_, or in private_words_
  std::size_t count_;
  void* mapping_;         // null for Private()
  std::size_t mapped_bytes_;
  std::vector<std::uint64_t> private_words_;
};

}  // namespace mporders::sqlite
