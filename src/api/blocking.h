#pragma once
// Runs blocking work (store calls) on the blocking pool and resumes the
// calling coroutine on its own executor when it is done.

#include <optional>
#include <type_traits>
#include <utility>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

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

}  // namespace mporders::api
