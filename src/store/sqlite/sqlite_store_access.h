#pragma once
// Connection access for the SqliteStore implementation files (not a public
// header): which connection a call runs on and under which lock.

#include <mutex>
#include <utility>
#include <variant>

#include "store/sqlite/connection.h"
#include "store/sqlite/reader_pool.h"
#include "store/sqlite/sqlite_store.h"

namespace mporders {

template <typename Fn>
auto SqliteStore::WithReader(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>())) {
  if (readers_ == nullptr) return WithWriter(std::forward<Fn>(fn));
  Result<sqlite::ReaderPool::Lease> lease = readers_->Acquire();
  if (!lease.ok()) return lease.status();
  return fn(**lease);
}

template <typename Fn>
auto SqliteStore::WithWriter(Fn&& fn) -> decltype(fn(std::declval<sqlite::Connection&>())) {
  std::lock_guard<std::mutex> lock(writer_mutex_);
  return fn(*writer_);
}

namespace sqlite {

// Binds `values` to ?1, ?2, ... of `stmt`.
template <typename Values>
void BindAll(Statement& stmt, const Values& values) {
  int index = 1;
  for (const auto& value : values) {
    std::visit([&](const auto& v) { stmt.Bind(index, v); }, value);
    ++index;
  }
}

}  // namespace sqlite
}  // namespace mporders
