// Operations endpoints: liveness, readiness and metrics. Not part of
// Walmart's API: no WM_* headers, no token, never throttled.

#include <string>

#include <spdlog/spdlog.h>

#include "api/blocking.h"
#include "api/endpoints.h"
#include "api/metrics.h"
#include "api/readiness.h"

namespace mporders::api {

// Alive: the process answers HTTP. Deliberately checks nothing else, so a
// slow store never gets a live process restarted.
boost::asio::awaitable<http::Reply> GetHealth(Call&) { co_return JsonReply(R"({"status":"ok"})"); }

boost::asio::awaitable<http::Reply> GetReady(Call& call) {
  const Readiness::State state =
      call.ctx.readiness != nullptr ? call.ctx.readiness->state() : Readiness::State::kReady;
  if (state != Readiness::State::kReady) {
    http::Reply reply = JsonReply(
        std::string(R"({"status":")") + std::string(Readiness::Name(state)) + "\"}", 503);
    reply.headers.emplace_back("Retry-After", "1");
    co_return reply;
  }
  // A real query, off the I/O threads: a stuck store makes the probe time
  // out rather than block other connections.
  Status ping = co_await RunBlocking(call.ctx.blocking, [&] { return call.ctx.store.Ping(); });
  if (!ping.ok()) {
    spdlog::warn("readiness: the store does not answer: {}", ping.description());
    co_return JsonReply(R"({"status":"store unavailable"})", 503);
  }
  co_return JsonReply(R"({"status":"ready"})");
}

boost::asio::awaitable<http::Reply> GetMetrics(Call& call) {
  http::Reply reply;
  reply.content_type = "text/plain; version=0.0.4; charset=utf-8";
  if (call.ctx.metrics != nullptr) reply.body = call.ctx.metrics->Render();
  co_return reply;
}

}  // namespace mporders::api
