#pragma once
// Whether the server should get traffic: GET /readyz answers 200 only while
// Ready and the store answers a query; 503 while starting and while
// draining after SIGTERM (load balancers take the instance out of rotation
// before it stops accepting connections).
//
// Thread safety: every method may be called from any thread.

#include <atomic>
#include <string_view>

namespace mporders::api {

class Readiness {
 public:
  enum class State { kStarting, kReady, kDraining };

  State state() const { return state_.load(std::memory_order_acquire); }
  void SetReady() { state_.store(State::kReady, std::memory_order_release); }
  void SetDraining() { state_.store(State::kDraining, std::memory_order_release); }

  static std::string_view Name(State state) {
    switch (state) {
      case State::kStarting: return "starting";
      case State::kReady: return "ready";
      case State::kDraining: return "draining";
    }
    return "starting";
  }

 private:
  std::atomic<State> state_{State::kStarting};
};

}  // namespace mporders::api
