#include "api/blocking.h"

#include <memory>

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

namespace mporders::api {

boost::asio::awaitable<Result<StoredOrder>> AwaitOrderUpdate(Store& store,
                                                             const std::string& seller_id,
                                                             const std::string& purchase_order_id,
                                                             const Store::UpdateFn& fn) {
  // Optional: the completion's argument must be default-constructible.
  using Outcome = std::optional<Result<StoredOrder>>;
  Outcome saved = co_await boost::asio::async_initiate<const boost::asio::use_awaitable_t<>,
                                                       void(Outcome)>(
      [&](auto handler) {
        // Counted as work of the coroutine's executor while pending: a
        // server finishing its in-flight requests waits for the commit.
        auto work = boost::asio::make_work_guard(boost::asio::get_associated_executor(handler));
        // Shared: Store::UpdateDone is copyable, the handler is not.
        auto resume = std::make_shared<decltype(handler)>(std::move(handler));
        store.UpdateOrderThen(
            seller_id, purchase_order_id, fn,
            [resume, work](Result<StoredOrder> outcome) mutable {
              // On the store's thread: the coroutine goes on on its own.
              boost::asio::post(work.get_executor(),
                                [resume, outcome = std::move(outcome)]() mutable {
                                  (*resume)(Outcome(std::move(outcome)));
                                });
              work.reset();
            });
      },
      boost::asio::use_awaitable);
  co_return std::move(*saved);
}

}  // namespace mporders::api
