#pragma once
// The configuration of `mporders serve`, resolved in one place from four
// layers, each overriding the one before:
//
//   built-in defaults  <  JSON file (--config)  <  MPORDERS_* environment  <  flags
//
// Every setting has one name in every layer: flag `--NAME`, file key "NAME",
// environment variable MPORDERS_ + NAME upper-cased with '-' as '_'. Example:
// token-ttl is --token-ttl, "token-ttl" and MPORDERS_TOKEN_TTL. The file is
// one JSON object; rate limits per endpoint and per seller live in it under
// "rate-limits" (they have no flag or variable):
//
//   {"listen": "0.0.0.0:8443", "tls-cert": "cert.pem", "tls-key": "key.pem",
//    "rate-limits": {"defaults": {"acknowledgeOrders": 120},
//                    "sellers": {"10001234567": {"shippingUpdates": 600}}}}
//
// Every value is checked the same way whatever layer it comes from; an
// unknown key in the file is an error (a misspelt setting must not be
// silently ignored), unknown MPORDERS_* variables are ignored.

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/api_context.h"
#include "core/status.h"
#include "ratelimit/rate_limiter.h"
#include "sandbox/sandbox_options.h"

namespace mporders::app {

constexpr char kDefaultDatabase[] = "sqlite:./data/mporders.db";

struct ServeConfig {
  std::string db = kDefaultDatabase;
  std::string listen = "127.0.0.1:8080";
  int threads = 0;        // 0 = one per core
  int store_threads = 0;  // store calls other than order updates; 0 = 2 * cores
  // Threads for Mexico's label calls, which render documents and record the
  // print. Order updates hold no thread while they wait to share a commit:
  // they wait in the store's queue (store/group_commit.h).
  int write_threads = 4;
  // Encoded orders kept between reads (api/order_part_cache.h), in MiB;
  // 0: none, every answer encodes its orders.
  int order_cache_mb = 256;
  bool demo = false;
  std::int64_t token_ttl_seconds = 900;
  // Signed calls (auth/signature_auth.h): how far WM_SEC.TIMESTAMP may be
  // from the server's clock, either way.
  std::int64_t signature_skew_seconds = 300;
  std::string port_file;  // where to write the bound port (for scripts)
  std::string log_level = "info";
  std::string log_format = "text";  // text | json (one JSON object per line)
  bool metrics = true;              // serve GET /metrics on the main listener
  bool console = true;  // serve the web console at /console/ (needs the sandbox)
  // After SIGTERM, keep serving this long with /readyz answering 503, so
  // that load balancers stop sending traffic before connections close.
  int drain_delay_seconds = 0;
  std::string tls_cert;  // HTTPS when both are set
  std::string tls_key;
  bool rate_limit = true;  // false: no buckets, no rate-limit headers
  ratelimit::RateLimitConfig rate_limits;
  api::ApiOptions api;
  sandbox::SandboxOptions sandbox;  // control API, simulated time, live mode
  // Webhook deliveries (src/events). Lists are comma-separated text.
  int webhook_workers = 4;  // attempts in flight; 0: this process sends none
  std::int64_t webhook_timeout_ms = 10000;
  std::string webhook_retry_minutes = "5,15,45";
  std::string webhook_allow_schemes = "http,https";
  std::string webhook_allow_networks;  // CIDR ranges; empty: any address
  bool webhook_other_markets = false;
};

// "5,15,45" -> {5, 15, 45}; nullopt when an item is not an integer 0..100000.
std::optional<std::vector<std::int64_t>> ParseMinuteList(const std::string& text);
// "a, b" -> {"a", "b"} (blank items dropped).
std::vector<std::string> SplitList(const std::string& text);

enum class SettingKind { kString, kInteger, kBoolean };

struct SettingInfo {
  std::string_view name;  // "token-ttl"
  SettingKind kind;
  std::string_view help;
};

// Every scalar setting, in the order --print-config lists them.
const std::vector<SettingInfo>& ServeSettings();

// The value of setting `name` in `config`, in the text form ApplySetting
// reads ("900", "true", "127.0.0.1:8080"); "" for an unknown name.
std::string SettingText(const ServeConfig& config, std::string_view name);

// MPORDERS_TOKEN_TTL for "token-ttl".
std::string EnvironmentName(std::string_view setting);

// Sets one setting from its text form. `origin` names where the value came
// from, for the error message ("MPORDERS_LISTEN", "--listen", "config.json").
// kInvalidRequestParam when the name is unknown or the value is invalid.
Status ApplySetting(std::string_view name, const std::string& value, std::string_view origin,
                    ServeConfig& config);

// Applies a configuration file's JSON text on top of `config`.
Status ApplyConfigJson(std::string_view text, std::string_view origin, ServeConfig& config);

using EnvironmentLookup = std::function<std::optional<std::string>(const std::string& name)>;

// The process environment (getenv).
EnvironmentLookup ProcessEnvironment();

struct ConfigSources {
  // The file named by --config (wins) or MPORDERS_CONFIG; none when both are empty.
  std::optional<std::string> config_flag;
  EnvironmentLookup environment;
  // Flags given on the command line, by setting name, as text.
  std::map<std::string, std::string> flags;
};

// Defaults < file < environment < flags, then cross-setting checks (both or
// neither of tls-cert and tls-key). The error says which setting, which
// value and where it came from.
Result<ServeConfig> ResolveServeConfig(const ConfigSources& sources);

// The effective configuration as a JSON configuration file (so it can be
// saved and passed back with --config). Never prints a secret: a password in
// the database URL is masked.
std::string PrintConfig(const ServeConfig& config);

// "postgres://user:***@host/db" for "postgres://user:pw@host/db", and the
// values of libpq's password and sslpassword query parameters masked
// ("?password=***"); other URLs unchanged.
std::string RedactUrl(const std::string& url);

// Splits "HOST:PORT" ("[::1]:8080" for IPv6). False when malformed.
bool ParseListen(const std::string& listen, std::string& host, unsigned short& port);

}  // namespace mporders::app
