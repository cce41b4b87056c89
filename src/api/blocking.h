#pragma once
// Store calls from the server's coroutines without blocking an I/O thread:
// blocking work runs on a pool, order updates wait in the store's queue;
// either way the calling coroutine resumes on its own executor when it is
// done.

#include <optional>
#include <string>
#include <type_traits>
#include <utility>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "core/status.h"
#include "store/store.h"

namespace mporders::api {

template <typename Fn>
boost::asio::awaitable<std::invoke_result_t<Fn&>> RunBlocking(boost::asio::thread_pool& pool, Fn fn) {
  using T = std::invoke_result_t<Fn&>;
  // co_spawn needs a default-constructible result; Result<T> is not, hence optional.
  std::optional<T> result = co_await boost::asio::co_spawn(
      pool,
      [&fn]() -> boost::asio::awaitable<std::optional<T>> { co_return std::optional<T>(fn()); },
      boost::asio::use_awaitable);
  co_return std::move(*result);
}

// Store::UpdateOrder without a thread waiting for the commit
// (Store::UpdateOrderThen). The strings and `fn` must outlive the call.
boost::asio::awaitable<Result<StoredOrder>> AwaitOrderUpdate(Store& store,
                                                             const std::string& seller_id,
                                                             const std::string& purchase_order_id,
                                                             const Store::UpdateFn& fn);

}  // namespace mporders::api
