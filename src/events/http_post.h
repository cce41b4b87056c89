#pragma once
// One outbound HTTP(S) POST with a deadline, for webhook deliveries and the
// OAuth token fetch. Destinations are checked against a policy before any
// connection: allowed schemes and address ranges (every address the host
// resolves to must be allowed; the connection goes to allowed ones only).
//
// Blocking; thread-safe (no shared state).

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace mporders::events {

struct DestinationPolicy {
  std::vector<std::string> schemes = {"http", "https"};
  // CIDR ranges ("127.0.0.0/8", "::1/128", "10.0.0.0/8"); empty: any address.
  std::vector<std::string> networks;
};

// kInvalidRequestContent naming what is wrong: a malformed CIDR range.
Status ValidatePolicy(const DestinationPolicy& policy);

// The URL's scheme and host are acceptable for `policy` before resolving
// (used to refuse a subscription early). kInvalidRequestContent otherwise.
Status CheckUrl(const std::string& url, const DestinationPolicy& policy);

struct PostResult {
  std::optional<int> status_code;  // absent: no HTTP answer
  std::string body;
  std::string error;  // "" on an HTTP answer
};

PostResult HttpPost(const std::string& url,
                    const std::vector<std::pair<std::string, std::string>>& headers,
                    const std::string& body, std::chrono::milliseconds timeout,
                    const DestinationPolicy& policy);

}  // namespace mporders::events
