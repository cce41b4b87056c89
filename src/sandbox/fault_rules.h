#pragma once
// Fault injection for client resilience tests: per seller, rules that make
// matching Walmart API calls fail with a given status and Walmart error body
// (500, 503, 429 with headers ...) and/or wait before answering.
//
// A rule matches a call by method (any when absent) and path pattern:
// literal segments, `{name}` for exactly one segment, `*` for any run of
// characters (slashes included). Examples: "/v3/orders/{purchaseOrderId}/shipping",
// "/v3/orders*". A trailing slash on the call's path is ignored.
//
// When a rule fires is exact and reproducible:
//  * `times` N: the rule fires on exactly N matching calls, then is spent,
//    however many calls run concurrently;
//  * `fraction` p: each matching call draws from the rule's own PRNG, seeded
//    with `seed`, and the rule fires when the draw falls under p. The same
//    seed gives the same sequence of fire/pass decisions;
//  * both: fires with probability p until it has fired N times;
//  * neither: fires on every matching call until cleared.
// Rules are tried in the order they were added; the latency of every rule
// that fires adds up, and the first rule that fires with a status answers the
// call (later rules are not tried, so their counts only see calls they could
// have answered).
//
// Rules live in this process's memory only: several server processes on one
// database each have their own (a test suite talks to one process).
//
// Thread safety: every method may be called concurrently.

#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.h"

namespace mporders::sandbox {

struct FaultSpec {
  std::optional<std::string> method;  // upper case; absent: any method
  std::string path;                   // pattern, starts with '/'
  unsigned status = 0;                // 400..599; 0: latency only
  std::string description;            // error description; empty: Walmart's generic text
  std::vector<std::pair<std::string, std::string>> headers;  // added to the fault reply
  std::optional<std::int64_t> times;                         // >= 1
  std::optional<std::int64_t> fraction_ppm;                  // 0..1'000'000 parts per million
  std::uint64_t seed = 1;
  std::int64_t latency_ms = 0;  // 0..60'000
};

struct FaultRuleState {
  std::string id;  // "f1", "f2", ... per process
  FaultSpec spec;
  std::int64_t matched = 0;  // matching calls seen
  std::int64_t fired = 0;    // calls it fired on
  bool spent() const { return spec.times && fired >= *spec.times; }
};

// What to do with one call.
struct FaultAction {
  std::int64_t latency_ms = 0;
  std::optional<FaultRuleState> answer;  // the rule that answers (a copy), if any
};

// OK when the spec is well formed; otherwise kInvalidRequestContent naming the field.
Status ValidateFaultSpec(const FaultSpec& spec);

// Whether `path` matches the rule pattern (see the header comment).
bool PathMatches(std::string_view pattern, std::string_view path);

class FaultBook {
 public:
  // Adds a rule for the seller; returns it with its id. REQUIRES: ValidateFaultSpec(spec).ok().
  FaultRuleState Add(const std::string& seller_id, FaultSpec spec);
  std::vector<FaultRuleState> List(const std::string& seller_id) const;
  // Removes one rule; false when the seller has no such rule.
  bool Remove(const std::string& seller_id, const std::string& rule_id);
  // Removes every rule of the seller; returns how many.
  std::size_t Clear(const std::string& seller_id);

  // Decides a call and counts it against the rules. Cheap when no seller
  // has any rule.
  FaultAction Decide(const std::string& seller_id, std::string_view method, std::string_view path);

 private:
  struct Rule {
    FaultRuleState state;
    std::uint64_t rng_state = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::string, std::vector<Rule>> rules_;  // guarded by mutex_
  std::uint64_t next_id_ = 1;                       // guarded by mutex_
  std::atomic<std::size_t> rule_count_{0};
};

}  // namespace mporders::sandbox
