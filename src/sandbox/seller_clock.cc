#include "sandbox/seller_clock.h"

namespace mporders::sandbox {

EpochMillis SellerClock::NowMillisFor(std::string_view seller_id) const {
  return wall_.NowMillis() + OffsetFor(seller_id);
}

EpochMillis SellerClock::OffsetFor(std::string_view seller_id) const {
  std::shared_lock lock(mutex_);
  auto it = offsets_.find(seller_id);
  return it == offsets_.end() ? 0 : it->second;
}

Status SellerClock::Reload(Store& store) {
  std::uint64_t generation = 0;
  {
    std::shared_lock lock(mutex_);
    generation = generation_;
  }
  auto offsets = store.ListClockOffsets();
  if (!offsets.ok()) return offsets.status();
  std::unique_lock lock(mutex_);
  if (generation_ != generation) return Status::Ok();  // a newer local change wins
  offsets_.clear();
  for (auto& [seller, offset] : *offsets) offsets_.emplace(seller, offset);
  return Status::Ok();
}

Result<EpochMillis> SellerClock::ChangeOffset(
    Store& store, const std::string& seller_id,
    const std::function<EpochMillis(EpochMillis)>& change) {
  std::lock_guard lock(change_mutex_);
  const EpochMillis offset = change(OffsetFor(seller_id));
  if (offset < -kMaxClockOffsetMillis || offset > kMaxClockOffsetMillis) {
    return Status::InvalidContent(
        "the seller's time may not move more than 10000 years away from the current time");
  }
  MP_RETURN_IF_ERROR(store.SetClockOffset(seller_id, offset));
  Remember(seller_id, offset);
  return offset;
}

Status SellerClock::ReplaceOffset(const std::string& seller_id, EpochMillis offset,
                                  const std::function<Status()>& write) {
  std::lock_guard lock(change_mutex_);
  MP_RETURN_IF_ERROR(write());
  Remember(seller_id, offset);
  return Status::Ok();
}

void SellerClock::Remember(const std::string& seller_id, EpochMillis offset) {
  std::unique_lock lock(mutex_);
  ++generation_;
  if (offset == 0) {
    offsets_.erase(seller_id);
  } else {
    offsets_.insert_or_assign(seller_id, offset);
  }
}

}  // namespace mporders::sandbox
