// Control API: a seller's simulated time. Setting or advancing it runs
// Walmart's auto-cancel job at the new time unless the body says
// "autoCancel": false, as the marketplace would have run it meanwhile.

#include "api/errors.h"
#include "sandbox/body_json.h"
#include "sandbox/control_endpoints.h"
#include "sandbox/control_support.h"

namespace mporders::sandbox {
namespace {

constexpr EpochMillis kMaxAdvance = 3660LL * kMillisPerDay;  // ten years

using OffsetChange = std::function<EpochMillis(EpochMillis)>;

// Changes the offset, then (when asked) runs the auto-cancel job; answers
// the new clock.
boost::asio::awaitable<http::Reply> ChangeClock(api::Call& call, const ControlCall& control,
                                                OffsetChange change, bool auto_cancel) {
  Sandbox& sandbox = *control.sandbox;
  auto result =
      co_await api::RunBlocking(call.ctx.blocking, [&]() -> Result<std::optional<SweepResult>> {
        auto offset = sandbox.clock().ChangeOffset(sandbox.store(), control.seller_id, change);
        if (!offset.ok()) return offset.status();
        if (!auto_cancel) return std::optional<SweepResult>();
        auto swept = RunAutoCancel(sandbox.store(), control.seller_id,
                                   sandbox.clock().NowMillisFor(control.seller_id),
                                   sandbox.DefaultAutoCancelRule());
        if (!swept.ok()) return swept.status();
        return std::optional<SweepResult>(std::move(swept).value());
      });
  if (!result.ok()) co_return api::ErrorReply(call, result.status());
  boost::json::object out = ClockJson(sandbox, control.seller_id);
  if (*result) out["autoCancelled"] = SweepJson(**result);
  co_return JsonValueReply(out);
}

}  // namespace

Reply GetClock(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  co_return JsonValueReply(ClockJson(*control.sandbox, control.seller_id));
}

Reply PutClock(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members = CheckMembers(control.body, {"now", "autoCancel"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  auto now = OptionalInstant(control.body, "now");
  if (!now.ok()) co_return api::ErrorReply(call, now.status());
  if (!*now) co_return api::ErrorReply(call, Status::InvalidContent("now is required", "now"));
  auto auto_cancel = OptionalBool(control.body, "autoCancel");
  if (!auto_cancel.ok()) co_return api::ErrorReply(call, auto_cancel.status());
  const EpochMillis target = **now;
  const Clock& wall = control.sandbox->clock();
  co_return co_await ChangeClock(
      call, control, [target, &wall](EpochMillis) { return target - wall.NowMillis(); },
      auto_cancel->value_or(true));
}

Reply PostClockAdvance(api::Call& call) {
  ControlCall control = BeginControlCall(call, ControlBody::kJsonObject);
  if (control.reply) co_return *control.reply;
  Status members =
      CheckMembers(control.body, {"millis", "seconds", "minutes", "hours", "days", "autoCancel"});
  if (!members.ok()) co_return api::ErrorReply(call, members);
  EpochMillis delta = 0;
  struct Unit {
    std::string_view key;
    EpochMillis millis;
  };
  for (const Unit& unit : {Unit{"millis", 1}, Unit{"seconds", kMillisPerSecond},
                           Unit{"minutes", 60 * kMillisPerSecond},
                           Unit{"hours", 3600 * kMillisPerSecond}, Unit{"days", kMillisPerDay}}) {
    auto amount = OptionalInteger(control.body, unit.key, 0, kMaxAdvance / unit.millis);
    if (!amount.ok()) co_return api::ErrorReply(call, amount.status());
    delta += amount->value_or(0) * unit.millis;
  }
  if (delta <= 0 || delta > kMaxAdvance) {
    co_return api::ErrorReply(
        call, Status::InvalidContent("advance by a positive amount of at most ten years: give "
                                     "millis, seconds, minutes, hours and/or days",
                                     "days"));
  }
  auto auto_cancel = OptionalBool(control.body, "autoCancel");
  if (!auto_cancel.ok()) co_return api::ErrorReply(call, auto_cancel.status());
  co_return co_await ChangeClock(
      call, control, [delta](EpochMillis offset) { return offset + delta; },
      auto_cancel->value_or(true));
}

Reply DeleteClock(api::Call& call) {
  ControlCall control = BeginControlCall(call);
  if (control.reply) co_return *control.reply;
  co_return co_await ChangeClock(
      call, control, [](EpochMillis) { return EpochMillis{0}; }, false);
}

}  // namespace mporders::sandbox
