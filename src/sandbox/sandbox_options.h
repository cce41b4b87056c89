#pragma once
// Settings of the sandbox: the control API under /sandbox/v1/ and the live
// marketplace simulation of `serve --simulate`. Resolved by app/config.

#include <cstdint>
#include <string>

namespace mporders::sandbox {

// The sandbox key of `serve --demo` when none is given; also what the
// `sandbox` and `scenario run` commands send when given no key, so that
// they work against a demo server as they are.
inline constexpr char kDemoSandboxKey[] = "mporders-demo-sandbox-key";

struct SandboxOptions {
  // false (serve --no-sandbox): no control API (/sandbox/v1/ answers 404), no
  // fault rules, no simulated time. For deployments that serve real orders.
  bool enabled = true;
  // The admin key of the control API. Empty: every control call answers 401
  // (serve --demo generates one).
  std::string key;
  // Walmart auto-cancels open quantity not shipped by the estimated ship date
  // plus this many days (behaviour reference 6.5).
  int auto_cancel_days = 4;
  // A stricter sandbox rule for testing acknowledgement latency: orders whose
  // quantity is still Created this many hours after the order date are
  // auto-cancelled too. 0: off (Walmart does not enforce its 4-hour SLA).
  int acknowledge_deadline_hours = 0;
  // Live mode (serve --simulate): new orders per minute for every seller,
  // and how long after shipment a package is delivered.
  bool simulate = false;
  int simulate_order_rate = 6;
  std::int64_t simulate_delivery_delay_seconds = 600;
};

}  // namespace mporders::sandbox
