#pragma once
// Shared parts of the control API endpoints (control_*.cc): the admin-key
// gate, the {sellerId} path parameter, JSON replies and store calls off the
// I/O threads.

#include <boost/json.hpp>
#include <string>

#include "api/blocking.h"
#include "api/call.h"
#include "codec/json_tree.h"
#include "sandbox/sandbox.h"

namespace mporders::sandbox {

// A JSON reply of `value` with `status`.
http::Reply JsonValueReply(const boost::json::value& value, unsigned status = 200);

// The {sellerId} path parameter: 1-64 characters of letters, digits, '.', '_' or '-'.
Result<std::string> SellerParam(const api::Call& call);

// "2024-05-01T12:00:00.000Z" and epoch milliseconds of the seller's time.
boost::json::object ClockJson(Sandbox& sandbox, const std::string& seller_id);

boost::json::object SweepJson(const SweepResult& sweep);

// Whether a control endpoint reads its request body.
enum class ControlBody { kIgnored, kJsonObject };

// The prologue of every control endpoint: the admin key, the seller id, then
// (kJsonObject) the body as a JSON object (body_json.h). On failure `reply`
// holds the error reply.
struct ControlCall {
  Sandbox* sandbox = nullptr;
  std::string seller_id;
  JsonNode body;  // kJsonObject only
  std::optional<http::Reply> reply;
};
ControlCall BeginControlCall(api::Call& call, ControlBody body = ControlBody::kIgnored);

}  // namespace mporders::sandbox
