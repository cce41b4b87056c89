#pragma once
// The sandbox: mporders playing Walmart's side of the marketplace under the
// integrator's control. It serves the control API under /sandbox/v1/
// (control_*.cc), protected by its own admin key, and injects the fault
// rules into seller calls. Built by `serve` when the sandbox is enabled.
//
// Thread safety: every method may be called concurrently.

#include <optional>
#include <string>
#include <vector>

#include "api/sandbox_hooks.h"
#include "sandbox/fault_rules.h"
#include "sandbox/sandbox_options.h"
#include "sandbox/seller_clock.h"
#include "sandbox/system_events.h"
#include "store/store.h"

namespace mporders::sandbox {

class Sandbox final : public api::SandboxHooks {
 public:
  // `store` and `clock` must outlive this; `clock` is the clock of the
  // ApiContext, so seller calls see the simulated time.
  Sandbox(Store& store, SellerClock& clock, SandboxOptions options);

  std::vector<api::SandboxRoute> Routes() const override;
  std::vector<api::SandboxRoute> SellerRoutes() const override;
  boost::asio::awaitable<std::optional<http::Reply>> BeforeSellerCall(api::Call& call) override;

  // The Sandbox of a control API call. REQUIRES: call.ctx.sandbox is a Sandbox.
  static Sandbox& Of(const api::Call& call);

  // Admin key check of a control call: nullopt when it may proceed, else the
  // 401 reply. Seller access tokens are never accepted.
  std::optional<http::Reply> Authorize(const api::Call& call) const;

  Store& store() { return store_; }
  SellerClock& clock() { return clock_; }
  FaultBook& faults() { return faults_; }
  const SandboxOptions& options() const { return options_; }
  AutoCancelRule DefaultAutoCancelRule() const {
    return AutoCancelRule{options_.auto_cancel_days, options_.acknowledge_deadline_hours};
  }

 private:
  Store& store_;
  SellerClock& clock_;
  SandboxOptions options_;
  std::string key_digest_;  // SHA-256 hex of the key; empty: no key, every call refused
  FaultBook faults_;
};

}  // namespace mporders::sandbox
