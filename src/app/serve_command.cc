// `mporders serve`: wires store, tokens, API and HTTP server, then serves
// until SIGINT/SIGTERM, draining in-flight requests before closing the store.

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <fstream>
#include <iostream>
#include <thread>

#include <boost/asio/thread_pool.hpp>
#include <spdlog/spdlog.h>

#include "api/access_log.h"
#include "api/errors.h"
#include "api/metrics.h"
#include "api/order_part_cache.h"
#include "api/readiness.h"
#include "api/routes.h"
#include "app/commands.h"
#include "app/open_store.h"
#include "app/seeding.h"
#include "auth/credentials.h"
#include "auth/crypto.h"
#include "auth/tokens.h"
#include "http/server.h"
#include "ratelimit/rate_limiter.h"
#include "events/dispatcher.h"
#include "events/order_events.h"
#include "sandbox/background.h"
#include "sandbox/sandbox.h"
#include "sandbox/seller_clock.h"
#include "store/metered_store.h"

namespace mporders::app {
namespace {

// One demo seller per market, each with its own fixed client, so that the
// documented commands work as written.
struct DemoSeller {
  MarketId market;
  const char* seller_id;
  const char* client_id;
  const char* client_secret;
  std::int64_t orders;
};
constexpr DemoSeller kDemoSellers[] = {
    {MarketId::kUs, "10001234567", "mporders-demo-client", "mporders-demo-secret", 1000},
    {MarketId::kCa, "demo-seller-ca", "mporders-demo-client-ca", "mporders-demo-secret-ca", 200},
    {MarketId::kMx, "demo-seller-mx", "mporders-demo-client-mx", "mporders-demo-secret-mx", 200},
    {MarketId::kCl, "demo-seller-cl", "mporders-demo-client-cl", "mporders-demo-secret-cl", 200},
};

// Creates one demo seller (in its market), its client and orders.
Status PrepareDemoSeller(Store& store, const Clock& clock, const DemoSeller& demo) {
  // The seller first: creating the client alone would make a US seller.
  auto market = EnsureSellerMarket(store, demo.seller_id, demo.market, clock.NowMillis());
  if (!market.ok()) return market.status();
  auto existing = store.GetClient(demo.client_id);
  if (!existing.ok()) {
    if (existing.status().code() != ErrorCode::kNotFound) return existing.status();
    auto created = auth::CreateClient(store, clock, demo.seller_id, std::string(demo.client_id),
                                      std::string(demo.client_secret));
    if (!created.ok()) return created.status();
  }
  auto count = store.CountOrders(demo.seller_id);
  if (!count.ok()) return count.status();
  if (*count == 0) {
    auto seeded = SeedOrders(store, demo.seller_id, demo.orders, 1, clock.NowMillis(), false,
                             demo.market);
    if (!seeded.ok()) return seeded.status();
    spdlog::info("demo: seeded {} orders for seller {} ({})", *seeded, demo.seller_id,
                 MarketCode(demo.market));
  }
  return Status::Ok();
}

// Creates the demo sellers, clients and orders. Idempotent across restarts.
Status PrepareDemo(Store& store, const Clock& clock) {
  for (const DemoSeller& demo : kDemoSellers) {
    MP_RETURN_IF_ERROR(PrepareDemoSeller(store, clock, demo));
  }
  const DemoSeller& us = kDemoSellers[0];
  std::cout << "\nDemo credentials (seller " << us.seller_id << "):\n"
            << "  client id:     " << us.client_id << "\n"
            << "  client secret: " << us.client_secret << "\n\n"
            << "Demo sellers of the other markets (same API; Chile and Canada on /v3/orders\n"
            << "with WM_MARKET or the token's market):\n";
  for (const DemoSeller& demo : kDemoSellers) {
    if (demo.market == MarketId::kUs) continue;
    const Market& market = GetMarket(demo.market);
    std::cout << "  " << market.code() << " (" << market.name() << ", " << market.currency()
              << "): seller " << demo.seller_id << "  client id " << demo.client_id
              << "  client secret " << demo.client_secret << "\n";
  }
  std::cout << "\n" << std::flush;
  return Status::Ok();
}

// Blocks SIGINT/SIGTERM in every thread started after this call, so that one
// dedicated thread can wait for them with sigwait.
sigset_t BlockStopSignals() {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  return signals;
}

}  // namespace

int RunServe(const ServeConfig& options) {
  sigset_t stop_signals = BlockStopSignals();
  api::LogFormat log_format = api::LogFormat::kText;
  api::ParseLogFormat(options.log_format, log_format);  // checked by config.cc
  api::ConfigureLogging(log_format, options.log_level);

  http::ServerOptions server_options;
  if (!ParseListen(options.listen, server_options.host, server_options.port)) {
    std::cerr << "mporders: --listen must be HOST:PORT, got '" << options.listen << "'\n";
    return 2;
  }
  server_options.threads = options.threads;
  server_options.tls_cert_file = options.tls_cert;
  server_options.tls_key_file = options.tls_key;

  auto opened_store = OpenStoreOrReport(options.db);
  if (!opened_store) return 1;
  // Everything uses the store through the wrapper that times its calls.
  MeteredStore metered_store(*opened_store);
  Store* store = &metered_store;
  SystemClock clock;
  if (options.demo) {
    Status demo = PrepareDemo(*store, clock);
    if (!demo.ok()) {
      ReportError("demo set-up failed", demo);
      return 1;
    }
  }
  // With the sandbox on, everything a seller's calls do with time follows
  // that seller's simulated time; without it, the wall clock.
  sandbox::SellerClock seller_clock(clock);
  sandbox::SandboxOptions sandbox_options = options.sandbox;
  if (sandbox_options.enabled) {
    Status loaded = seller_clock.Reload(*store);
    if (!loaded.ok()) {
      ReportError("cannot load the sandbox clocks", loaded);
      return 1;
    }
    if (sandbox_options.key.empty() && options.demo) {
      sandbox_options.key = sandbox::kDemoSandboxKey;
      std::cout << "Sandbox control API (/sandbox/v1/):\n"
                << "  sandbox key:   " << sandbox_options.key << "\n\n"
                << std::flush;
    }
    if (sandbox_options.key.empty()) {
      spdlog::warn("sandbox control API enabled without a key: it refuses every call "
                   "(set --sandbox-key, or --no-sandbox)");
    }
  } else if (sandbox_options.simulate) {
    spdlog::warn("--simulate needs the sandbox: live mode is off with --no-sandbox");
  }
  const Clock& api_clock =
      sandbox_options.enabled ? static_cast<const Clock&>(seller_clock) : clock;
  auto tokens = auth::TokenService::Create(*store, api_clock, options.token_ttl_seconds);
  if (!tokens.ok()) {
    ReportError("cannot load the token signing key", tokens.status());
    return 1;
  }

  unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  boost::asio::thread_pool blocking(options.store_threads > 0 ? options.store_threads : 2 * cores);
  boost::asio::thread_pool writes(static_cast<std::size_t>(options.write_threads));
  // Buckets are per process (see rate_limiter.h).
  std::unique_ptr<ratelimit::RateLimiter> rate_limiter;
  if (options.rate_limit) {
    rate_limiter = std::make_unique<ratelimit::RateLimiter>(api_clock, options.rate_limits);
  }
  // Signed calls are judged on the wall clock (the client's), not a sandbox
  // seller's simulated time.
  const auth::SignatureVerifier signatures(*store, clock, options.signature_skew_seconds);
  api::ApiMetrics metrics;
  metrics.SetStore(&metered_store);
  metrics.SetRateLimiter(rate_limiter.get());
  api::Readiness readiness;
  api::ApiContext ctx{*store, **tokens, api_clock, blocking, options.api};
  ctx.signatures = &signatures;
  ctx.rate_limiter = rate_limiter.get();
  ctx.writes = &writes;
  ctx.metrics = &metrics;
  ctx.serve_metrics = options.metrics;
  ctx.readiness = &readiness;
  std::unique_ptr<api::OrderPartCache> order_parts;
  if (options.order_cache_mb > 0) {
    order_parts = std::make_unique<api::OrderPartCache>(
        static_cast<std::size_t>(options.order_cache_mb) << 20);
    ctx.order_parts = order_parts.get();
  }
  // Webhooks: order changes write their events in their own transaction
  // (the deriver), and the dispatcher sends what falls due.
  std::unique_ptr<events::Dispatcher> dispatcher;
  if (WebhookStore* webhooks = store->webhooks()) {
    webhooks->SetEventDeriver([&api_clock](const StoredOrder* before, const StoredOrder& after) {
      return events::DeriveOrderEvents(before, after, api_clock.NowMillisFor(after.seller_id));
    });
    events::DispatcherOptions delivery;
    delivery.retry_minutes = ParseMinuteList(options.webhook_retry_minutes).value_or(
        std::vector<std::int64_t>{5, 15, 45});
    delivery.timeout = std::chrono::milliseconds(options.webhook_timeout_ms);
    delivery.concurrency = options.webhook_workers;
    delivery.policy.schemes = SplitList(options.webhook_allow_schemes);
    delivery.policy.networks = SplitList(options.webhook_allow_networks);
    ctx.webhooks.enabled = true;
    ctx.webhooks.other_markets = options.webhook_other_markets;
    ctx.webhooks.policy = delivery.policy;
    ctx.webhooks.timeout = delivery.timeout;
    if (options.webhook_workers > 0) {
      dispatcher = std::make_unique<events::Dispatcher>(*webhooks, clock, delivery);
      ctx.webhooks.wake_deliveries = [d = dispatcher.get()] { d->Wake(); };
      metrics.SetDeliveries(&dispatcher->counters());
    }
    metrics.SetWebhookStore(webhooks);
  }

  // The console drives the marketplace through the sandbox: without it, it
  // would have nothing to sign in to as an admin.
  ctx.serve_console = options.console && sandbox_options.enabled;
  std::unique_ptr<sandbox::Sandbox> sandbox_api;
  std::unique_ptr<sandbox::Background> sandbox_background;
  if (sandbox_options.enabled) {
    sandbox_api = std::make_unique<sandbox::Sandbox>(*store, seller_clock, sandbox_options);
    ctx.sandbox = sandbox_api.get();
    sandbox_background =
        std::make_unique<sandbox::Background>(*store, seller_clock, sandbox_options);
  }
  http::Server server(server_options, api::MakeApiHandler(ctx), api::TransportErrorReply,
                      api::MakeAccessLogger(&metrics, log_format));
  Status started = server.Start();
  if (!started.ok()) {
    ReportError("cannot start", started);
    return 1;
  }
  spdlog::info("mporders listening on {}://{}:{} (store {}, rate limits {})",
               options.tls_cert.empty() ? "http" : "https", server_options.host, server.port(),
               RedactUrl(options.db), options.rate_limit ? "on" : "off");
  if (ctx.serve_console && options.demo) {
    std::cout << "Web console (sign in with the sandbox key or a client id and secret):\n"
              << "  " << (options.tls_cert.empty() ? "http" : "https") << "://"
              << server_options.host << ":" << server.port() << "/console/\n\n"
              << std::flush;
  }
  if (sandbox_background) sandbox_background->Start();
  if (dispatcher) dispatcher->Start();
  // Ready before the port file appears: scripts take the file as "up".
  readiness.SetReady();
  if (!options.port_file.empty()) {
    std::ofstream(options.port_file) << server.port() << "\n";
  }

  std::atomic<bool> run_ended{false};
  std::thread signal_waiter([&server, &readiness, &run_ended, stop_signals,
                             delay = options.drain_delay_seconds] {
    int signal_number = 0;
    sigwait(&stop_signals, &signal_number);
    if (run_ended.load()) return;  // woken below: nothing to drain
    readiness.SetDraining();
    if (delay > 0) {
      // Still serving, but /readyz says 503: load balancers stop routing
      // here. A second signal cuts the delay short.
      spdlog::info("signal {} received: draining for {} s before closing", signal_number, delay);
      timespec timeout{delay, 0};
      sigtimedwait(&stop_signals, nullptr, &timeout);
    }
    spdlog::info("signal {} received: finishing in-flight requests", signal_number);
    server.Stop();
  });
  server.Run();
  // Wake the waiter if Run() ended for another reason; a second signal is harmless.
  run_ended = true;
  pthread_kill(signal_waiter.native_handle(), SIGTERM);
  signal_waiter.join();
  if (sandbox_background) sandbox_background->Stop();
  if (dispatcher) dispatcher->Stop();
  blocking.join();
  writes.join();
  // A write still waiting for its commit (the drain timed out) posts its
  // answer to the server's executors, which go before the store does.
  metered_store.FinishQueuedUpdates();
  spdlog::info("stopped; store closed");
  return 0;
}

}  // namespace mporders::app
