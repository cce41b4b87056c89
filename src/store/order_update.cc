#include "store/order_update.h"

#include <exception>
#include <memory>
#include <string>
#include <utility>

namespace mporders {

Result<StoredOrder> RunUpdateFn(const StoredOrder& previous, const Store::UpdateFn& fn) {
  StoredOrder current = previous;
  Status changed;
  try {
    changed = fn(current);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("order update failed: ") + e.what());
  } catch (...) {
    return Status::Internal("order update failed with an unknown exception");
  }
  if (!changed.ok()) return changed;
  if (current.seller_id != previous.seller_id ||
      current.order.purchase_order_id != previous.order.purchase_order_id) {
    return Status::Internal("an order update must not change the seller or purchase order id");
  }
  current.version = previous.version + 1;
  return current;
}

namespace {

Status BatchFailure(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("order update batch failed: ") + e.what());
  } catch (...) {
    return Status::Internal("order update batch failed with an unknown exception");
  }
}

}  // namespace

Result<StoredOrder> UpdateAndWait(OrderUpdateQueue& queue, const std::string& seller_id,
                                  const std::string& purchase_order_id,
                                  const Store::UpdateFn& fn) {
  OrderUpdateJob job{seller_id, purchase_order_id, fn, std::nullopt};
  try {
    queue.SubmitAndWait(job);
  } catch (...) {
    return BatchFailure(std::current_exception());
  }
  return std::move(*job.result);
}

void UpdateThen(OrderUpdateQueue& queue, const std::string& seller_id,
                const std::string& purchase_order_id, const Store::UpdateFn& fn,
                Store::UpdateDone done) {
  // The job lives until its batch ran; then `done` takes its outcome.
  struct Pending {
    OrderUpdateJob job;
    Store::UpdateDone done;
  };
  auto pending = std::make_unique<Pending>(
      Pending{{seller_id, purchase_order_id, fn, std::nullopt}, std::move(done)});
  Pending* queued = pending.get();
  queue.Submit(queued->job, [queued](std::exception_ptr error) {
    std::unique_ptr<Pending> owned(queued);
    owned->done(error ? Result<StoredOrder>(BatchFailure(error)) : std::move(*owned->job.result));
  });
  static_cast<void>(pending.release());  // queued: the completion owns it now
}

}  // namespace mporders
