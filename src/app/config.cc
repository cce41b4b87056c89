#include "app/config.h"

#include "events/http_post.h"
#include "http/query_string.h"

#include "domain/market.h"

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <type_traits>

namespace mporders::app {
namespace {

namespace json = boost::json;

constexpr char kRateLimitsKey[] = "rate-limits";
constexpr char kConfigEnvironment[] = "MPORDERS_CONFIG";

Status Invalid(std::string_view name, std::string_view origin, const std::string& problem) {
  return Status::Error(ErrorCode::kInvalidRequestParam,
                       std::string(name) + " (from " + std::string(origin) + "): " + problem,
                       std::string(name));
}

std::optional<std::int64_t> ParseInteger(const std::string& text) {
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

std::optional<bool> ParseBoolean(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  if (text == "true" || text == "1" || text == "yes" || text == "on") return true;
  if (text == "false" || text == "0" || text == "no" || text == "off") return false;
  return std::nullopt;
}

// How one setting reads its text form and prints its value.
struct Setting {
  SettingInfo info;
  // Sets the value; returns a problem description, or "" when accepted.
  std::function<std::string(const std::string& text, ServeConfig& config)> set;
  std::function<json::value(const ServeConfig& config)> get;
};

Setting StringSetting(std::string_view name, std::string_view help, std::string ServeConfig::*field,
                      std::function<std::string(const std::string&)> check = nullptr) {
  return {{name, SettingKind::kString, help},
          [field, check](const std::string& text, ServeConfig& config) {
            if (check) {
              std::string problem = check(text);
              if (!problem.empty()) return problem;
            }
            config.*field = text;
            return std::string();
          },
          [field](const ServeConfig& config) { return json::value(config.*field); }};
}

// `field` is a generic lambda returning a reference to the member, so that it
// serves both to set (on a ServeConfig&) and to print (on a const one).
template <typename Field>
Setting IntegerSetting(std::string_view name, std::string_view help, Field field, std::int64_t min,
                       std::int64_t max) {
  return {{name, SettingKind::kInteger, help},
          [field, min, max](const std::string& text, ServeConfig& config) {
            auto value = ParseInteger(text);
            if (!value || *value < min || *value > max) {
              return "must be an integer from " + std::to_string(min) + " to " +
                     std::to_string(max) + ", got '" + text + "'";
            }
            auto& member = field(config);
            member = static_cast<std::remove_reference_t<decltype(member)>>(*value);
            return std::string();
          },
          [field](const ServeConfig& config) {
            return json::value(static_cast<std::int64_t>(field(config)));
          }};
}

template <typename Field>
Setting BooleanSetting(std::string_view name, std::string_view help, Field field) {
  return {{name, SettingKind::kBoolean, help},
          [field](const std::string& text, ServeConfig& config) {
            auto value = ParseBoolean(text);
            if (!value) return "must be true or false, got '" + text + "'";
            field(config) = *value;
            return std::string();
          },
          [field](const ServeConfig& config) { return json::value(field(config)); }};
}

std::string CheckListen(const std::string& text) {
  std::string host;
  unsigned short port = 0;
  return ParseListen(text, host, port) ? "" : "must be HOST:PORT, got '" + text + "'";
}

std::string CheckOneOf(const std::string& text, std::initializer_list<std::string_view> allowed) {
  std::string list;
  for (auto value : allowed) {
    if (text == value) return "";
    list += (list.empty() ? "" : ", ") + std::string(value);
  }
  return "must be one of " + list + ", got '" + text + "'";
}

// flat | nested, for the JSON error envelopes of the API surfaces (Mexico's
// single-object body is not selectable: Mexico's clients parse only it).
Setting EnvelopeSetting(std::string_view name, std::string_view help,
                        JsonErrorEnvelope api::ApiOptions::*field) {
  return {{name, SettingKind::kString, help},
          [field](const std::string& text, ServeConfig& config) {
            std::string problem = CheckOneOf(text, {"flat", "nested"});
            if (problem.empty()) config.api.*field = *ParseJsonErrorEnvelope(text);
            return problem;
          },
          [field](const ServeConfig& config) {
            return json::value(JsonErrorEnvelopeName(config.api.*field));
          }};
}

const std::vector<Setting>& Settings() {
  static const std::vector<Setting> settings = {
      StringSetting("db", "Database URL (sqlite:PATH or postgres://...)", &ServeConfig::db,
                    [](const std::string& text) {
                      return text.empty() ? std::string("must not be empty") : std::string();
                    }),
      StringSetting("listen", "HOST:PORT to listen on (port 0: any free port)",
                    &ServeConfig::listen, CheckListen),
      IntegerSetting(
          "threads", "I/O threads (0: one per core)", [](auto& c) -> auto& { return c.threads; }, 0,
          1024),
      IntegerSetting(
          "store-threads", "Threads for database calls other than order updates (0: 2 per core)",
          [](auto& c) -> auto& { return c.store_threads; }, 0, 1024),
      IntegerSetting(
          "write-threads",
          "Threads for Mexico's label calls (order updates need none: they wait in the "
          "store's commit queue)",
          [](auto& c) -> auto& { return c.write_threads; }, 1, 1024),
      IntegerSetting(
          "order-cache-mb",
          "MiB of encoded orders kept between reads, checked against the store on every read "
          "(0: encode on every read)",
          [](auto& c) -> auto& { return c.order_cache_mb; }, 0, 1048576),
      BooleanSetting(
          "demo", "Create the demo seller and client and seed demo orders when the store is empty",
          [](auto& c) -> auto& { return c.demo; }),
      IntegerSetting(
          "token-ttl", "Access token lifetime in seconds",
          [](auto& c) -> auto& { return c.token_ttl_seconds; }, 1, 86400),
      IntegerSetting(
          "signature-skew-seconds",
          "Signed calls: largest distance of WM_SEC.TIMESTAMP from the server's clock",
          [](auto& c) -> auto& { return c.signature_skew_seconds; }, 1, 86400),
      StringSetting("port-file", "Write the bound port to this file once listening",
                    &ServeConfig::port_file),
      StringSetting("log-level", "trace, debug, info (access log), warn, error or off",
                    &ServeConfig::log_level,
                    [](const std::string& text) {
                      return CheckOneOf(text, {"trace", "debug", "info", "warn", "error", "off"});
                    }),
      StringSetting("log-format", "text or json (one JSON object per line)",
                    &ServeConfig::log_format,
                    [](const std::string& text) { return CheckOneOf(text, {"text", "json"}); }),
      BooleanSetting(
          "metrics", "Serve Prometheus metrics at GET /metrics (--no-metrics to hide them)",
          [](auto& c) -> auto& { return c.metrics; }),
      BooleanSetting(
          "console",
          "Serve the web console at /console/ when the sandbox is on (--no-console to hide it)",
          [](auto& c) -> auto& { return c.console; }),
      IntegerSetting(
          "drain-delay",
          "Seconds to keep serving after SIGTERM with /readyz answering 503, before closing",
          [](auto& c) -> auto& { return c.drain_delay_seconds; }, 0, 3600),
      {{"empty-list", SettingKind::kString, "Answer to a list query matching nothing: 404 or 200"},
       [](const std::string& text, ServeConfig& config) {
         std::string problem = CheckOneOf(text, {"404", "200"});
         if (problem.empty()) config.api.empty_list_is_404 = text == "404";
         return problem;
       },
       [](const ServeConfig& config) {
         return json::value(config.api.empty_list_is_404 ? "404" : "200");
       }},
      EnvelopeSetting("error-envelope",
                      "JSON error body of the Orders and Global API: flat ({\"errors\":[...]}, "
                      "today's documentation) or nested ({\"errors\":{\"error\":[...]}}, the "
                      "Orders API of 2016-2021)",
                      &api::ApiOptions::error_envelope),
      EnvelopeSetting("ca-error-envelope",
                      "JSON error body of Canada's /v3/ca/ API: nested (what clients written for "
                      "it parse) or flat",
                      &api::ApiOptions::ca_error_envelope),
      IntegerSetting(
          "max-orders-per-query", "Largest number of orders one list query may match",
          [](auto& c) -> auto& { return c.api.max_orders_per_query; }, 1, 100000000),
      {{"allow-ship-unacknowledged", SettingKind::kBoolean,
        "Let shipping take Created (not yet acknowledged) quantity"},
       [](const std::string& text, ServeConfig& config) {
         auto value = ParseBoolean(text);
         if (!value) return "must be true or false, got '" + text + "'";
         config.api.ship_requires_acknowledged = !*value;
         return std::string();
       },
       [](const ServeConfig& config) {
         return json::value(!config.api.ship_requires_acknowledged);
       }},
      BooleanSetting(
          "strict-cancel-reasons",
          "Reject CUSTOMER_REQUESTED_SELLER_TO_CANCEL on lines without intentToCancel",
          [](auto& c) -> auto& { return c.api.customer_cancel_requires_intent; }),
      BooleanSetting(
          "ca-supplier-cancel-reasons",
          "Canada: also accept the SUPPLIER_CANCEL_* cancellation reasons of its schema",
          [](auto& c) -> auto& { return c.api.ca_supplier_cancel_reasons; }),
      StringSetting("tls-cert", "Serve HTTPS with this PEM certificate (chain) file",
                    &ServeConfig::tls_cert),
      StringSetting("tls-key", "PEM private key of --tls-cert", &ServeConfig::tls_key),
      BooleanSetting(
          "rate-limit", "Throttle the Orders endpoints per seller (--no-rate-limit for load tests)",
          [](auto& c) -> auto& { return c.rate_limit; }),
      BooleanSetting(
          "sandbox",
          "Serve the sandbox control API under /sandbox/v1/ (--no-sandbox where real orders are "
          "served)",
          [](auto& c) -> auto& { return c.sandbox.enabled; }),
      {{"sandbox-key", SettingKind::kString,
        "Admin key of the sandbox control API (--demo makes one)"},
       [](const std::string& text, ServeConfig& config) {
         config.sandbox.key = text;
         return std::string();
       },
       [](const ServeConfig& config) { return json::value(config.sandbox.key); }},
      IntegerSetting(
          "sandbox-auto-cancel-days",
          "Auto-cancel open quantity this many days after the estimated ship date",
          [](auto& c) -> auto& { return c.sandbox.auto_cancel_days; }, 0, 365),
      IntegerSetting(
          "sandbox-acknowledge-hours",
          "Also auto-cancel orders still Created this many hours after the order date (0: off)",
          [](auto& c) -> auto& { return c.sandbox.acknowledge_deadline_hours; }, 0, 8760),
      BooleanSetting(
          "simulate", "Live marketplace: create orders and deliver shipments in the background",
          [](auto& c) -> auto& { return c.sandbox.simulate; }),
      IntegerSetting(
          "simulate-order-rate", "Live mode: new orders per minute for every seller",
          [](auto& c) -> auto& { return c.sandbox.simulate_order_rate; }, 1, 6000),
      IntegerSetting(
          "simulate-delivery-delay", "Live mode: seconds from shipment to delivery",
          [](auto& c) -> auto& { return c.sandbox.simulate_delivery_delay_seconds; }, 0,
          30LL * 86400),
      IntegerSetting(
          "webhook-workers",
          "Webhook attempts this process sends at once (0: it sends none; others may)",
          [](auto& c) -> auto& { return c.webhook_workers; }, 0, 256),
      IntegerSetting(
          "webhook-timeout-ms", "Webhook attempt (and OAuth token fetch) timeout",
          [](auto& c) -> auto& { return c.webhook_timeout_ms; }, 100, 600000),
      StringSetting("webhook-retry-minutes",
                    "Minutes of seller time before each retry of a failed delivery",
                    &ServeConfig::webhook_retry_minutes,
                    [](const std::string& text) {
                      return ParseMinuteList(text) ? std::string()
                                                   : "must be comma-separated minutes, got '" +
                                                         text + "'";
                    }),
      StringSetting("webhook-allow-schemes", "URL schemes webhooks may be sent to (http,https)",
                    &ServeConfig::webhook_allow_schemes,
                    [](const std::string& text) {
                      for (const std::string& scheme : SplitList(text)) {
                        if (scheme != "http" && scheme != "https") {
                          return "schemes are http and https, got '" + scheme + "'";
                        }
                      }
                      return std::string();
                    }),
      StringSetting("webhook-allow-networks",
                    "Address ranges webhooks may be sent to (CIDR, comma-separated; empty: any)",
                    &ServeConfig::webhook_allow_networks,
                    [](const std::string& text) {
                      events::DestinationPolicy policy;
                      policy.networks = SplitList(text);
                      Status valid = events::ValidatePolicy(policy);
                      return valid.ok() ? std::string() : valid.description();
                    }),
      BooleanSetting("webhook-other-markets",
                     "Accept webhook subscriptions of non-US sellers (Walmart: US only)",
                     [](auto& c) -> auto& { return c.webhook_other_markets; }),
  };
  return settings;
}

const Setting* FindSetting(std::string_view name) {
  for (const auto& setting : Settings()) {
    if (setting.info.name == name) return &setting;
  }
  return nullptr;
}

}  // namespace

std::vector<std::string> SplitList(const std::string& text) {
  std::vector<std::string> items;
  std::string item;
  auto flush = [&] {
    auto first = item.find_first_not_of(" \t");
    auto last = item.find_last_not_of(" \t");
    if (first != std::string::npos) items.push_back(item.substr(first, last - first + 1));
    item.clear();
  };
  for (char c : text) {
    if (c == ',') {
      flush();
    } else {
      item += c;
    }
  }
  flush();
  return items;
}

std::optional<std::vector<std::int64_t>> ParseMinuteList(const std::string& text) {
  std::vector<std::int64_t> minutes;
  for (const std::string& item : SplitList(text)) {
    auto value = ParseInteger(item);
    if (!value || *value < 0 || *value > 100000) return std::nullopt;
    minutes.push_back(*value);
  }
  return minutes;
}

namespace {

// {"acknowledgeOrders": 60, ...} into `limits`, checking names and ranges.
template <typename Assign>
Status ReadGroupLimits(const json::value& value, const std::string& where, std::string_view origin,
                       Assign assign) {
  if (!value.is_object()) return Invalid(where, origin, "must be an object of endpoint: limit");
  for (const auto& [key, limit] : value.as_object()) {
    std::string name(key);
    auto group = ratelimit::EndpointGroupFromName(name);
    if (!group) {
      std::string known;
      for (auto g : ratelimit::kAllEndpointGroups) {
        known += (known.empty() ? "" : ", ") + std::string(ratelimit::EndpointGroupName(g));
      }
      return Invalid(where, origin, "unknown endpoint '" + name + "' (known: " + known + ")");
    }
    if (!limit.is_int64() || limit.as_int64() < 1 ||
        limit.as_int64() > ratelimit::kMaxLimitPerMinute) {
      return Invalid(where + "." + name, origin,
                     "must be an integer from 1 to " +
                         std::to_string(ratelimit::kMaxLimitPerMinute) + " (requests per minute)");
    }
    assign(*group, limit.as_int64());
  }
  return Status::Ok();
}

// "rate-limits": {"defaults": {...}, "markets": {"MX": {...}}, "sellers": {"SELLER": {...}}}
Status ApplyRateLimits(const json::value& value, std::string_view origin, ServeConfig& config) {
  if (!value.is_object()) return Invalid(kRateLimitsKey, origin, "must be an object");
  for (const auto& [key, member] : value.as_object()) {
    if (key == "defaults") {
      MP_RETURN_IF_ERROR(ReadGroupLimits(member, "rate-limits.defaults", origin,
                                         [&](ratelimit::EndpointGroup group, std::int64_t limit) {
                                           config.rate_limits.defaults[static_cast<size_t>(group)] =
                                               limit;
                                         }));
    } else if (key == "markets") {
      if (!member.is_object()) {
        return Invalid("rate-limits.markets", origin, "must be an object of market code: limits");
      }
      for (const auto& [code, limits] : member.as_object()) {
        auto market = ParseMarketCode(code);
        if (!market) {
          return Invalid("rate-limits.markets." + std::string(code), origin,
                         "is not a market (US, CA, MX or CL)");
        }
        auto& overrides = config.rate_limits.markets[std::string(MarketCode(*market))];
        MP_RETURN_IF_ERROR(ReadGroupLimits(
            limits, "rate-limits.markets." + std::string(code), origin,
            [&](ratelimit::EndpointGroup group, std::int64_t limit) { overrides[group] = limit; }));
      }
    } else if (key == "sellers") {
      if (!member.is_object()) {
        return Invalid("rate-limits.sellers", origin, "must be an object of seller id: limits");
      }
      for (const auto& [seller, limits] : member.as_object()) {
        std::string seller_id(seller);
        auto& overrides = config.rate_limits.sellers[seller_id];
        MP_RETURN_IF_ERROR(ReadGroupLimits(
            limits, "rate-limits.sellers." + seller_id, origin,
            [&](ratelimit::EndpointGroup group, std::int64_t limit) { overrides[group] = limit; }));
      }
    } else {
      return Invalid("rate-limits." + std::string(key), origin,
                     "unknown key (expected defaults, markets or sellers)");
    }
  }
  return Status::Ok();
}

// A JSON scalar as the text the setting parses.
std::optional<std::string> ScalarText(const json::value& value) {
  switch (value.kind()) {
    case json::kind::string:
      return std::string(value.as_string());
    case json::kind::bool_:
      return value.as_bool() ? "true" : "false";
    case json::kind::int64:
      return std::to_string(value.as_int64());
    case json::kind::uint64:
      return std::to_string(value.as_uint64());
    case json::kind::double_:
      return json::serialize(value);  // refused by integer settings
    default:
      return std::nullopt;
  }
}

json::object GroupLimitsJson(const std::map<ratelimit::EndpointGroup, std::int64_t>& limits) {
  json::object object;
  for (const auto& [group, limit] : limits) object[ratelimit::EndpointGroupName(group)] = limit;
  return object;
}

// Two-space indented JSON, members in insertion order.
void PrettyPrint(std::ostream& out, const json::value& value, int indent) {
  if (value.is_object() && !value.as_object().empty()) {
    out << "{\n";
    bool first = true;
    for (const auto& [key, member] : value.as_object()) {
      if (!first) out << ",\n";
      first = false;
      out << std::string(indent + 2, ' ') << json::serialize(json::string(key)) << ": ";
      PrettyPrint(out, member, indent + 2);
    }
    out << "\n" << std::string(indent, ' ') << "}";
  } else {
    out << json::serialize(value);
  }
}

}  // namespace

const std::vector<SettingInfo>& ServeSettings() {
  static const std::vector<SettingInfo> infos = [] {
    std::vector<SettingInfo> list;
    for (const auto& setting : Settings()) list.push_back(setting.info);
    return list;
  }();
  return infos;
}

std::string SettingText(const ServeConfig& config, std::string_view name) {
  const Setting* setting = FindSetting(name);
  if (!setting) return "";
  json::value value = setting->get(config);
  return value.is_string() ? std::string(value.as_string()) : json::serialize(value);
}

std::string EnvironmentName(std::string_view setting) {
  std::string name = "MPORDERS_";
  for (char c : setting) {
    name += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return name;
}

Status ApplySetting(std::string_view name, const std::string& value, std::string_view origin,
                    ServeConfig& config) {
  const Setting* setting = FindSetting(name);
  if (!setting) return Invalid(name, origin, "unknown setting");
  std::string problem = setting->set(value, config);
  if (!problem.empty()) return Invalid(name, origin, problem);
  return Status::Ok();
}

Status ApplyConfigJson(std::string_view text, std::string_view origin, ServeConfig& config) {
  boost::system::error_code ec;
  json::value root = json::parse(text, ec);
  if (ec) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         std::string(origin) + ": not valid JSON: " + ec.message(), "config");
  }
  if (!root.is_object()) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         std::string(origin) + ": must hold one JSON object", "config");
  }
  for (const auto& [key, value] : root.as_object()) {
    if (key == kRateLimitsKey) {
      MP_RETURN_IF_ERROR(ApplyRateLimits(value, origin, config));
      continue;
    }
    if (!FindSetting(key)) return Invalid(key, origin, "unknown setting");
    auto scalar = ScalarText(value);
    if (!scalar) return Invalid(key, origin, "must be a string, a number or a boolean");
    MP_RETURN_IF_ERROR(ApplySetting(key, *scalar, origin, config));
  }
  return Status::Ok();
}

EnvironmentLookup ProcessEnvironment() {
  return [](const std::string& name) -> std::optional<std::string> {
    const char* value = std::getenv(name.c_str());
    if (!value) return std::nullopt;
    return std::string(value);
  };
}

Result<ServeConfig> ResolveServeConfig(const ConfigSources& sources) {
  ServeConfig config;
  auto env = [&](const std::string& name) -> std::optional<std::string> {
    return sources.environment ? sources.environment(name) : std::nullopt;
  };

  std::optional<std::string> file = sources.config_flag;
  if (!file || file->empty()) file = env(kConfigEnvironment);
  if (file && !file->empty()) {
    std::ifstream in(*file, std::ios::binary);
    if (!in) {
      return Status::Error(ErrorCode::kInvalidRequestParam,
                           "cannot read the configuration file " + *file, "config");
    }
    std::stringstream text;
    text << in.rdbuf();
    MP_RETURN_IF_ERROR(ApplyConfigJson(text.str(), *file, config));
  }
  for (const auto& setting : Settings()) {
    std::string name = EnvironmentName(setting.info.name);
    if (auto value = env(name))
      MP_RETURN_IF_ERROR(ApplySetting(setting.info.name, *value, name, config));
  }
  for (const auto& [name, value] : sources.flags) {
    MP_RETURN_IF_ERROR(ApplySetting(name, value, "--" + name, config));
  }

  if (config.tls_cert.empty() != config.tls_key.empty()) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         "tls-cert and tls-key must be given together", "tls-cert");
  }
  MP_RETURN_IF_ERROR(ratelimit::ValidateRateLimitConfig(config.rate_limits));
  return config;
}

std::string PrintConfig(const ServeConfig& config) {
  json::object root;
  for (const auto& setting : Settings()) {
    json::value value = setting.get(config);
    if (setting.info.name == "db") value = json::value(RedactUrl(config.db));
    if (setting.info.name == "sandbox-key" && !config.sandbox.key.empty()) value = "***";
    root[setting.info.name] = std::move(value);
  }
  json::object defaults;
  for (auto group : ratelimit::kAllEndpointGroups) {
    defaults[ratelimit::EndpointGroupName(group)] =
        config.rate_limits.defaults[static_cast<size_t>(group)];
  }
  json::object sellers;
  for (const auto& [seller, limits] : config.rate_limits.sellers) {
    sellers[seller] = GroupLimitsJson(limits);
  }
  json::object markets;
  for (const auto& [market, limits] : config.rate_limits.markets) {
    markets[market] = GroupLimitsJson(limits);
  }
  json::object rate_limits;
  rate_limits["defaults"] = std::move(defaults);
  rate_limits["markets"] = std::move(markets);
  rate_limits["sellers"] = std::move(sellers);
  root[kRateLimitsKey] = std::move(rate_limits);
  std::ostringstream out;
  PrettyPrint(out, root, 0);
  out << "\n";
  return out.str();
}

namespace {

// "postgres://user:***@host/db": the password of the authority masked.
std::string RedactUserInfo(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t authority = scheme + 3;
  size_t at = url.find('@', authority);
  size_t end = url.find_first_of("/?#", authority);
  if (at == std::string::npos || (end != std::string::npos && at > end)) return url;
  size_t colon = url.find(':', authority);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// The values of libpq's secret parameters in the query masked
// ("?password=***&sslmode=require").
std::string RedactQuerySecrets(std::string url) {
  size_t query = url.find('?');
  if (query == std::string::npos) return url;
  for (size_t start = query + 1; start < url.size();) {
    size_t end = url.find_first_of("&#", start);
    if (end == std::string::npos) end = url.size();
    size_t equals = url.find('=', start);
    if (equals != std::string::npos && equals < end) {
      // libpq decodes the names too ("pass%77ord" is password); a name that
      // does not decode is masked as well.
      const std::optional<std::string> name = http::PercentDecode(
          std::string_view(url.data() + start, equals - start), /*plus_is_space=*/false);
      if (!name || *name == "password" || *name == "sslpassword") {
        url.replace(equals + 1, end - equals - 1, "***");
        end = equals + 4;
      }
    }
    if (end >= url.size() || url[end] == '#') break;
    start = end + 1;
  }
  return url;
}

}  // namespace

// By hand rather than with Boost.URL: libpq's URIs list several hosts
// ("postgresql://h1:5432,h2:5432/db"), which RFC 3986 parsers refuse, and
// a URL that fails to parse must still come out masked.
std::string RedactUrl(const std::string& url) { return RedactQuerySecrets(RedactUserInfo(url)); }

bool ParseListen(const std::string& listen, std::string& host, unsigned short& port) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  host = listen.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  std::string_view port_text(listen.data() + colon + 1, listen.size() - colon - 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port_text.data(), port_text.data() + port_text.size(), value);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port_text.empty() ||
      value > 65535) {
    return false;
  }
  port = static_cast<unsigned short>(value);
  return true;
}

}  // namespace mporders::app
