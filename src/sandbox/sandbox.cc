#include "sandbox/sandbox.h"

#include <boost/algorithm/string/predicate.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>

#include "api/errors.h"
#include "auth/crypto.h"
#include "sandbox/control_endpoints.h"

namespace mporders::sandbox {
namespace {

using boost::beast::http::verb;

constexpr std::string_view kKeyHeader = "X-Sandbox-Key";

ErrorCode CodeForStatus(unsigned status) {
  switch (status) {
    case 400:
      return ErrorCode::kInvalidRequestContent;
    case 401:
      return ErrorCode::kUnauthorized;
    case 403:
      return ErrorCode::kForbidden;
    case 404:
      return ErrorCode::kNotFound;
    case 429:
      return ErrorCode::kRateLimited;
    case 503:
      return ErrorCode::kUnavailable;
    default:
      return ErrorCode::kInternal;
  }
}

bool HasHeader(const http::Reply& reply, std::string_view name) {
  for (const auto& [header, value] : reply.headers) {
    if (boost::algorithm::iequals(header, name)) return true;
  }
  return false;
}

// The reply of a fault rule: Walmart's error body for its status.
http::Reply FaultReply(const api::Call& call, const FaultRuleState& rule) {
  const FaultSpec& spec = rule.spec;
  std::string description = spec.description;
  if (description.empty() && spec.status == 429) {
    description = "Too many requests: the request threshold was violated. Retry later.";
  }
  if (spec.status >= 500 && spec.status != 503) {
    // Logged by ErrorReply; the caller sees Walmart's generic text.
    description = "sandbox fault rule " + rule.id;
  }
  http::Reply reply = api::ErrorReply(call, Status::Error(CodeForStatus(spec.status), description));
  reply.status = spec.status;
  reply.headers.insert(reply.headers.end(), spec.headers.begin(), spec.headers.end());
  if ((spec.status == 429 || spec.status == 503) && !HasHeader(reply, "Retry-After")) {
    reply.headers.emplace_back("Retry-After", "1");
  }
  reply.headers.emplace_back("X-Sandbox-Fault", rule.id);
  return reply;
}

}  // namespace

Sandbox::Sandbox(Store& store, SellerClock& clock, SandboxOptions options)
    : store_(store), clock_(clock), options_(std::move(options)) {
  if (!options_.key.empty()) key_digest_ = auth::Sha256Hex(options_.key);
}

Sandbox& Sandbox::Of(const api::Call& call) { return static_cast<Sandbox&>(*call.ctx.sandbox); }

std::optional<http::Reply> Sandbox::Authorize(const api::Call& call) const {
  auto refuse = [&](std::string why) {
    return api::ErrorReply(
        call, Status::Error(ErrorCode::kUnauthorized, std::move(why), std::string(kKeyHeader)));
  };
  if (key_digest_.empty()) {
    return refuse(
        "The sandbox control API has no key configured: start the server with --sandbox-key "
        "(or MPORDERS_SANDBOX_KEY), or disable it with --no-sandbox.");
  }
  std::string_view given = call.request.Header(kKeyHeader);
  std::string_view authorization = call.request.Header("Authorization");
  if (given.empty() && boost::algorithm::istarts_with(authorization, "Bearer ")) {
    given = authorization.substr(7);
  }
  if (given.empty()) {
    if (call.request.HasHeader("WM_SEC.ACCESS_TOKEN")) {
      return refuse(
          "The sandbox control API does not accept seller access tokens. Send the sandbox key "
          "in X-Sandbox-Key or Authorization: Bearer.");
    }
    return refuse("Send the sandbox key in X-Sandbox-Key or Authorization: Bearer.");
  }
  // Digests have one length, so the comparison time says nothing about the key.
  if (!auth::ConstantTimeEquals(auth::Sha256Hex(given), key_digest_)) {
    return refuse("The sandbox key is not valid.");
  }
  return std::nullopt;
}

boost::asio::awaitable<std::optional<http::Reply>> Sandbox::BeforeSellerCall(api::Call& call) {
  const auto method = call.request.message.method_string();
  FaultAction action = faults_.Decide(
      call.seller_id(), std::string_view(method.data(), method.size()), call.request.path);
  if (action.latency_ms > 0) {
    // A timer, not a sleep: the I/O thread serves other connections meanwhile.
    boost::asio::steady_timer timer(co_await boost::asio::this_coro::executor);
    timer.expires_after(std::chrono::milliseconds(action.latency_ms));
    co_await timer.async_wait(boost::asio::use_awaitable);
  }
  if (!action.answer) co_return std::nullopt;
  co_return FaultReply(call, *action.answer);
}

std::vector<api::SandboxRoute> Sandbox::SellerRoutes() const {
  return {
      {verb::post, "/v1/simulations/orders", PostSimulationOrders},
      {verb::post, "/v1/simulations/{purchaseOrderId}/deliver", PostSimulationDeliver},
  };
}

std::vector<api::SandboxRoute> Sandbox::Routes() const {
  return {
      {verb::get, "/sandbox/v1/sellers", GetSellers},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/clients", PostClient},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/orders", GetSellerOrders},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/orders", PostOrders},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/deliver", PostDeliver},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/auto-cancel", PostAutoCancel},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/clock", GetClock},
      {verb::put, "/sandbox/v1/sellers/{sellerId}/clock", PutClock},
      {verb::delete_, "/sandbox/v1/sellers/{sellerId}/clock", DeleteClock},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/clock/advance", PostClockAdvance},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/faults", GetFaults},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/faults", PostFault},
      {verb::delete_, "/sandbox/v1/sellers/{sellerId}/faults", DeleteFaults},
      {verb::delete_, "/sandbox/v1/sellers/{sellerId}/faults/{ruleId}", DeleteFault},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/reset", PostReset},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/snapshot", GetSnapshot},
      {verb::put, "/sandbox/v1/sellers/{sellerId}/snapshot", PutSnapshot},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/subscriptions", GetSubscriptionsControl},
      {verb::get, "/sandbox/v1/sellers/{sellerId}/deliveries", GetDeliveries},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/deliveries/replay", PostDeliveriesReplay},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/deliveries/{deliveryId}/replay",
       PostDeliveryReplay},

      {verb::get, "/sandbox/v1/sellers/{sellerId}/orders/{purchaseOrderId}", GetSellerOrder},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/orders/{purchaseOrderId}/deliver",
       PostOrderDeliver},
      {verb::post, "/sandbox/v1/sellers/{sellerId}/orders/{purchaseOrderId}/customer-cancel",
       PostOrderCustomerCancel},
  };
}

}  // namespace mporders::sandbox
