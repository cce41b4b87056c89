#include "sandbox/fault_rules.h"

#include "sim/random.h"

namespace mporders::sandbox {
namespace {

constexpr std::int64_t kMillion = 1'000'000;
constexpr std::int64_t kMaxLatencyMs = 60'000;

std::string_view TrimTrailingSlash(std::string_view path) {
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  return path;
}

// Glob over the two wildcard kinds. `{name}` takes the whole segment (up to
// the next '/'), so only `*` has choices, and only the latest `*` needs
// retrying: a later start of the text after it can only end later. That
// keeps a match linear per `*` retry (O(pattern x path)) where trying every
// split of every `*` recursively would be exponential in the number of `*`.
// Each seller call is matched under the rule lock, so this bound matters.
bool Match(std::string_view pattern, std::string_view path) {
  constexpr std::size_t kNoStar = std::string_view::npos;
  std::size_t p = 0;                 // next pattern character
  std::size_t s = 0;                 // next path character
  std::size_t after_star = kNoStar;  // pattern position after the latest '*'
  std::size_t star_from = 0;         // path position that '*' currently matches up to
  for (;;) {
    if (p == pattern.size() && s == path.size()) return true;
    if (p < pattern.size()) {
      const char c = pattern[p];
      if (c == '*') {
        after_star = ++p;
        star_from = s;
        continue;
      }
      if (c == '{') {
        const std::size_t close = pattern.find('}', p);
        if (close == std::string_view::npos) return false;
        const std::size_t slash = path.find('/', s);
        const std::size_t length = (slash == std::string_view::npos ? path.size() : slash) - s;
        if (length > 0) {
          p = close + 1;
          s += length;
          continue;
        }
      } else if (s < path.size() && path[s] == c) {
        ++p;
        ++s;
        continue;
      }
    }
    // A mismatch: let the latest '*' take one more character, if it can.
    if (after_star == kNoStar || star_from >= path.size()) return false;
    p = after_star;
    s = ++star_from;
  }
}

// The next draw of a rule's stream: SplitMix64, as the order generator uses.
std::uint64_t NextDraw(std::uint64_t& state) {
  state += 0x9E3779B97F4A7C15ULL;
  return sim::Mix64(state);
}

}  // namespace

Status ValidateFaultSpec(const FaultSpec& spec) {
  if (spec.path.empty() || spec.path.front() != '/') {
    return Status::InvalidContent("path must be a route pattern starting with '/'", "path");
  }
  if (spec.status != 0 && (spec.status < 400 || spec.status > 599)) {
    return Status::InvalidContent("status must be from 400 to 599", "status");
  }
  if (spec.status == 0 && spec.latency_ms == 0) {
    return Status::InvalidContent("a fault rule needs a status, a latencyMs, or both", "status");
  }
  if (spec.latency_ms < 0 || spec.latency_ms > kMaxLatencyMs) {
    return Status::InvalidContent("latencyMs must be from 0 to 60000", "latencyMs");
  }
  if (spec.times && *spec.times < 1) {
    return Status::InvalidContent("times must be at least 1", "times");
  }
  if (spec.fraction_ppm && (*spec.fraction_ppm < 0 || *spec.fraction_ppm > kMillion)) {
    return Status::InvalidContent("fraction must be from 0 to 1", "fraction");
  }
  for (const auto& [name, value] : spec.headers) {
    if (name.empty() || name.find_first_of(":\r\n ") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      return Status::InvalidContent("header '" + name + "' is not a valid header", "headers");
    }
  }
  return Status::Ok();
}

bool PathMatches(std::string_view pattern, std::string_view path) {
  return Match(TrimTrailingSlash(pattern), TrimTrailingSlash(path));
}

FaultRuleState FaultBook::Add(const std::string& seller_id, FaultSpec spec) {
  std::lock_guard lock(mutex_);
  Rule rule;
  rule.state.id.assign(1, 'f').append(std::to_string(next_id_++));
  rule.rng_state = sim::Mix64(spec.seed ^ 0xD1B54A32D192ED03ULL);
  rule.state.spec = std::move(spec);
  rules_[seller_id].push_back(rule);
  rule_count_.fetch_add(1);
  return rule.state;
}

std::vector<FaultRuleState> FaultBook::List(const std::string& seller_id) const {
  std::lock_guard lock(mutex_);
  std::vector<FaultRuleState> out;
  auto it = rules_.find(seller_id);
  if (it == rules_.end()) return out;
  for (const Rule& rule : it->second) out.push_back(rule.state);
  return out;
}

bool FaultBook::Remove(const std::string& seller_id, const std::string& rule_id) {
  std::lock_guard lock(mutex_);
  auto it = rules_.find(seller_id);
  if (it == rules_.end()) return false;
  const std::size_t removed =
      std::erase_if(it->second, [&](const Rule& rule) { return rule.state.id == rule_id; });
  rule_count_.fetch_sub(removed);
  if (it->second.empty()) rules_.erase(it);
  return removed > 0;
}

std::size_t FaultBook::Clear(const std::string& seller_id) {
  std::lock_guard lock(mutex_);
  auto it = rules_.find(seller_id);
  if (it == rules_.end()) return 0;
  const std::size_t removed = it->second.size();
  rules_.erase(it);
  rule_count_.fetch_sub(removed);
  return removed;
}

FaultAction FaultBook::Decide(const std::string& seller_id, std::string_view method,
                              std::string_view path) {
  FaultAction action;
  if (rule_count_.load() == 0) return action;
  // One lock for the whole decision: counts and draws are exact under
  // concurrency, and each rule's draws happen in one sequence.
  std::lock_guard lock(mutex_);
  auto it = rules_.find(seller_id);
  if (it == rules_.end()) return action;
  for (Rule& rule : it->second) {
    FaultRuleState& state = rule.state;
    if (state.spent()) continue;
    if (state.spec.method && *state.spec.method != method) continue;
    if (!PathMatches(state.spec.path, path)) continue;
    ++state.matched;
    if (state.spec.fraction_ppm) {
      const auto draw = static_cast<std::int64_t>(NextDraw(rule.rng_state) % kMillion);
      if (draw >= *state.spec.fraction_ppm) continue;
    }
    ++state.fired;
    action.latency_ms += state.spec.latency_ms;
    if (state.spec.status != 0) {
      action.answer = state;
      break;
    }
  }
  return action;
}

}  // namespace mporders::sandbox
