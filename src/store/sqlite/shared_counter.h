#pragma once
// A 64-bit counter shared by every process that opens the same file: the
// file's first 8 bytes, mapped MAP_SHARED, read and incremented atomically.
// Server processes on one SQLite database live on one machine, so a shared
// mapping tells each of them, without a query, that another one changed
// something (SqliteStore: the clients and grants behind its access cache).

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "core/status.h"

namespace mporders::sqlite {

class SharedCounter {
 public:
  // The counter in `path`, created (zero) when missing. Fails when the file
  // cannot be created, grown or mapped.
  static Result<std::unique_ptr<SharedCounter>> Open(const std::string& path);
  // A counter of this process alone (an in-memory database).
  static std::unique_ptr<SharedCounter> Private();

  ~SharedCounter();
  SharedCounter(const SharedCounter&) = delete;
  SharedCounter& operator=(const SharedCounter&) = delete;

  std::uint64_t Load() const {
    return std::atomic_ref<std::uint64_t>(*value_).load(std::memory_order_acquire);
  }
  void Increment() {
    std::atomic_ref<std::uint64_t>(*value_).fetch_add(1, std::memory_order_acq_rel);
  }

 private:
  SharedCounter(std::uint64_t* value, void* mapping) : value_(value), mapping_(mapping) {}

  std::uint64_t* value_;  // in mapping_, or private_value_
  void* mapping_;         // null for Private()
  alignas(std::atomic_ref<std::uint64_t>::required_alignment) std::uint64_t private_value_ = 0;
};

}  // namespace mporders::sqlite
