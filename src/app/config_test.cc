#include "app/config.h"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

namespace mporders::app {
namespace {

using ratelimit::EndpointGroup;

std::int64_t DefaultLimit(const ServeConfig& config, EndpointGroup group) {
  return config.rate_limits.defaults[static_cast<size_t>(group)];
}

// A configuration file that removes itself.
class ConfigFile {
 public:
  explicit ConfigFile(const std::string& text) {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() /
            ("mporders-config-" + std::to_string(random()) + ".json");
    std::ofstream(path_) << text;
  }
  ~ConfigFile() { std::filesystem::remove(path_); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

EnvironmentLookup Environment(std::map<std::string, std::string> values) {
  return [values](const std::string& name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

TEST(ConfigTest, DefaultsWithoutAnySource) {
  auto config = ResolveServeConfig({});
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->listen, "127.0.0.1:8080");
  EXPECT_EQ(config->db, kDefaultDatabase);
  EXPECT_EQ(config->token_ttl_seconds, 900);
  EXPECT_TRUE(config->rate_limit);
  EXPECT_TRUE(config->tls_cert.empty());
  EXPECT_EQ(DefaultLimit(*config, EndpointGroup::kGetAllOrders), 5000);
  EXPECT_EQ(DefaultLimit(*config, EndpointGroup::kShippingUpdates), 60);
  EXPECT_TRUE(config->api.empty_list_is_404);
  EXPECT_TRUE(config->api.ship_requires_acknowledged);
}

TEST(ConfigTest, FlagsBeatEnvironmentBeatFileBeatDefaults) {
  ConfigFile file(R"({"listen": "127.0.0.1:1001", "token-ttl": 100, "threads": 3,
                      "log-level": "warn"})");
  ConfigSources sources;
  sources.config_flag = file.path();
  sources.environment =
      Environment({{"MPORDERS_LISTEN", "127.0.0.1:2002"}, {"MPORDERS_TOKEN_TTL", "200"}});
  sources.flags = {{"listen", "127.0.0.1:3003"}};
  auto config = ResolveServeConfig(sources);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_EQ(config->listen, "127.0.0.1:3003");  // flag
  EXPECT_EQ(config->token_ttl_seconds, 200);    // environment over file
  EXPECT_EQ(config->threads, 3);                // file over default
  EXPECT_EQ(config->log_level, "warn");         // file
  EXPECT_EQ(config->store_threads, 0);
  EXPECT_EQ(config->write_threads, 4);          // default
}

TEST(ConfigTest, ConfigFlagBeatsConfigEnvironment) {
  ConfigFile from_flag(R"({"token-ttl": 11})");
  ConfigFile from_env(R"({"token-ttl": 22})");
  ConfigSources sources;
  sources.environment = Environment({{"MPORDERS_CONFIG", from_env.path()}});
  auto env_only = ResolveServeConfig(sources);
  ASSERT_TRUE(env_only.ok()) << env_only.status().ToString();
  EXPECT_EQ(env_only->token_ttl_seconds, 22);
  sources.config_flag = from_flag.path();
  auto both = ResolveServeConfig(sources);
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(both->token_ttl_seconds, 11);
}

TEST(ConfigTest, EveryScalarSettingHasAFlagNameAndAnEnvironmentName) {
  for (const auto& setting : ServeSettings()) {
    std::string name(setting.name);
    EXPECT_EQ(EnvironmentName(name).rfind("MPORDERS_", 0), 0u);
    EXPECT_EQ(EnvironmentName(name).find('-'), std::string::npos);
  }
  EXPECT_EQ(EnvironmentName("token-ttl"), "MPORDERS_TOKEN_TTL");
  EXPECT_EQ(EnvironmentName("allow-ship-unacknowledged"), "MPORDERS_ALLOW_SHIP_UNACKNOWLEDGED");
}

TEST(ConfigTest, BooleansAndEnumsFromEveryLayer) {
  ConfigSources sources;
  sources.environment = Environment({{"MPORDERS_RATE_LIMIT", "off"},
                                     {"MPORDERS_ALLOW_SHIP_UNACKNOWLEDGED", "yes"},
                                     {"MPORDERS_EMPTY_LIST", "200"}});
  sources.flags = {{"strict-cancel-reasons", "true"}};
  auto config = ResolveServeConfig(sources);
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  EXPECT_FALSE(config->rate_limit);
  EXPECT_FALSE(config->api.ship_requires_acknowledged);
  EXPECT_FALSE(config->api.empty_list_is_404);
  EXPECT_TRUE(config->api.customer_cancel_requires_intent);
}

TEST(ConfigTest, SignatureSkewDefaultsToFiveMinutesAndIsSetFromEveryLayer) {
  EXPECT_EQ(ServeConfig().signature_skew_seconds, 300);
  ConfigFile file(R"({"signature-skew-seconds": 60})");
  ConfigSources sources;
  sources.config_flag = file.path();
  auto from_file = ResolveServeConfig(sources);
  ASSERT_TRUE(from_file.ok()) << from_file.status().ToString();
  EXPECT_EQ(from_file->signature_skew_seconds, 60);
  sources.environment = Environment({{"MPORDERS_SIGNATURE_SKEW_SECONDS", "90"}});
  EXPECT_EQ(ResolveServeConfig(sources)->signature_skew_seconds, 90);
  sources.flags = {{"signature-skew-seconds", "120"}};
  EXPECT_EQ(ResolveServeConfig(sources)->signature_skew_seconds, 120);
  EXPECT_EQ(SettingText(*ResolveServeConfig(sources), "signature-skew-seconds"), "120");

  ServeConfig config;
  EXPECT_FALSE(ApplySetting("signature-skew-seconds", "0", "--x", config).ok());
  EXPECT_FALSE(ApplySetting("signature-skew-seconds", "5m", "--x", config).ok());
  EXPECT_EQ(config.signature_skew_seconds, 300);
}

TEST(ConfigTest, InvalidValuesNameTheSettingAndWhereItCameFrom) {
  ServeConfig config;
  Status bad_ttl = ApplySetting("token-ttl", "0", "MPORDERS_TOKEN_TTL", config);
  ASSERT_FALSE(bad_ttl.ok());
  EXPECT_NE(bad_ttl.description().find("token-ttl"), std::string::npos);
  EXPECT_NE(bad_ttl.description().find("MPORDERS_TOKEN_TTL"), std::string::npos);
  EXPECT_EQ(config.token_ttl_seconds, 900);  // unchanged
  EXPECT_FALSE(ApplySetting("listen", "localhost", "--listen", config).ok());
  EXPECT_FALSE(ApplySetting("listen", "127.0.0.1:70000", "--listen", config).ok());
  EXPECT_FALSE(ApplySetting("threads", "2x", "--threads", config).ok());
  EXPECT_FALSE(ApplySetting("demo", "maybe", "--demo", config).ok());
  EXPECT_FALSE(ApplySetting("empty-list", "204", "--empty-list", config).ok());
  EXPECT_FALSE(ApplySetting("log-level", "loud", "--log-level", config).ok());
  EXPECT_FALSE(ApplySetting("no-such-setting", "1", "--x", config).ok());
  EXPECT_TRUE(ApplySetting("listen", "[::1]:0", "--listen", config).ok());
}

TEST(ConfigTest, FileRejectsUnknownKeysBadJsonAndWrongTypes) {
  ServeConfig config;
  Status typo = ApplyConfigJson(R"({"lisen": "127.0.0.1:1"})", "a.json", config);
  ASSERT_FALSE(typo.ok());
  EXPECT_NE(typo.description().find("lisen"), std::string::npos) << typo.description();
  EXPECT_NE(typo.description().find("a.json"), std::string::npos) << typo.description();
  EXPECT_FALSE(ApplyConfigJson("{\"listen\": ", "a.json", config).ok());
  EXPECT_FALSE(ApplyConfigJson("[1, 2]", "a.json", config).ok());
  EXPECT_FALSE(ApplyConfigJson(R"({"listen": ["127.0.0.1:1"]})", "a.json", config).ok());
  EXPECT_FALSE(ApplyConfigJson(R"({"threads": 2.5})", "a.json", config).ok());
  EXPECT_TRUE(
      ApplyConfigJson(R"({"demo": true, "threads": 2, "empty-list": 200})", "a.json", config).ok());
  EXPECT_TRUE(config.demo);
  EXPECT_EQ(config.threads, 2);
  EXPECT_FALSE(config.api.empty_list_is_404);
}

TEST(ConfigTest, MissingFileIsAnError) {
  ConfigSources sources;
  sources.config_flag = "/nonexistent/mporders.json";
  auto config = ResolveServeConfig(sources);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().description().find("/nonexistent/mporders.json"), std::string::npos);
}

TEST(ConfigTest, RateLimitsPerEndpointAndPerSeller) {
  ServeConfig config;
  Status applied = ApplyConfigJson(R"({"rate-limits": {
      "defaults": {"acknowledgeOrders": 120, "getAllOrders": 100},
      "sellers": {"S1": {"shippingUpdates": 5}, "S2": {"getAnOrder": 7, "refundOrderLines": 1}}}})",
                                   "limits.json", config);
  ASSERT_TRUE(applied.ok()) << applied.ToString();
  EXPECT_EQ(DefaultLimit(config, EndpointGroup::kAcknowledgeOrders), 120);
  EXPECT_EQ(DefaultLimit(config, EndpointGroup::kGetAllOrders), 100);
  EXPECT_EQ(DefaultLimit(config, EndpointGroup::kCancelOrderLines), 60);  // untouched default
  EXPECT_EQ(config.rate_limits.sellers.at("S1").at(EndpointGroup::kShippingUpdates), 5);
  EXPECT_EQ(config.rate_limits.sellers.at("S2").at(EndpointGroup::kGetAnOrder), 7);
  EXPECT_EQ(config.rate_limits.sellers.at("S2").at(EndpointGroup::kRefundOrderLines), 1);
  EXPECT_EQ(config.rate_limits.sellers.at("S2").count(EndpointGroup::kShippingUpdates), 0u);
}

TEST(ConfigTest, RateLimitMistakesAreRefused) {
  for (const char* text : {
           R"({"rate-limits": {"defaults": {"acknowledge": 5}}})",        // not an operation name
           R"({"rate-limits": {"defaults": {"acknowledgeOrders": 0}}})",  // below 1
           R"({"rate-limits": {"defaults": {"acknowledgeOrders": "5"}}})",
           R"({"rate-limits": {"sellers": {"S": {"getAnOrder": 2000000}}}})",
           R"({"rate-limits": {"seller": {}}})",
           R"({"rate-limits": 5})",
       }) {
    ServeConfig config;
    EXPECT_FALSE(ApplyConfigJson(text, "c.json", config).ok()) << text;
  }
}

TEST(ConfigTest, TlsNeedsCertificateAndKeyTogether) {
  ConfigSources sources;
  sources.flags = {{"tls-cert", "cert.pem"}};
  auto config = ResolveServeConfig(sources);
  ASSERT_FALSE(config.ok());
  EXPECT_NE(config.status().description().find("tls-key"), std::string::npos);
  sources.environment = Environment({{"MPORDERS_TLS_KEY", "key.pem"}});
  auto both = ResolveServeConfig(sources);
  ASSERT_TRUE(both.ok()) << both.status().ToString();
  EXPECT_EQ(both->tls_cert, "cert.pem");
  EXPECT_EQ(both->tls_key, "key.pem");
}

TEST(ConfigTest, PrintedConfigReadsBackAsTheSameConfig) {
  ServeConfig config;
  ASSERT_TRUE(ApplyConfigJson(R"({"listen": "0.0.0.0:9443", "token-ttl": 60, "rate-limit": false,
      "allow-ship-unacknowledged": true, "tls-cert": "c.pem", "tls-key": "k.pem",
      "rate-limits": {"defaults": {"cancelOrderLines": 9}, "sellers": {"S": {"getAnOrder": 3}}}})",
                              "in.json", config)
                  .ok());
  std::string printed = PrintConfig(config);
  ServeConfig reread;
  Status applied = ApplyConfigJson(printed, "printed", reread);
  ASSERT_TRUE(applied.ok()) << applied.ToString() << "\n" << printed;
  EXPECT_EQ(PrintConfig(reread), printed);
  EXPECT_EQ(reread.listen, "0.0.0.0:9443");
  EXPECT_FALSE(reread.rate_limit);
  EXPECT_FALSE(reread.api.ship_requires_acknowledged);
  EXPECT_EQ(DefaultLimit(reread, EndpointGroup::kCancelOrderLines), 9);
  EXPECT_EQ(reread.rate_limits.sellers.at("S").at(EndpointGroup::kGetAnOrder), 3);
  // Every setting is listed, so the output documents the defaults too.
  auto json = boost::json::parse(printed).as_object();
  for (const auto& setting : ServeSettings()) {
    EXPECT_TRUE(json.contains(setting.name)) << setting.name;
  }
}

TEST(ConfigTest, PrintedConfigMasksDatabasePasswords) {
  ServeConfig config;
  config.db = "postgres://orders:s3cr3t-pw@db.internal:5432/mporders";
  std::string printed = PrintConfig(config);
  EXPECT_EQ(printed.find("s3cr3t-pw"), std::string::npos) << printed;
  EXPECT_NE(printed.find("postgres://orders:***@db.internal:5432/mporders"), std::string::npos)
      << printed;
}

TEST(ConfigTest, RedactUrlLeavesUrlsWithoutPasswordAlone) {
  EXPECT_EQ(RedactUrl("sqlite:./data/mporders.db"), "sqlite:./data/mporders.db");
  EXPECT_EQ(RedactUrl("postgres://user@host/db"), "postgres://user@host/db");
  EXPECT_EQ(RedactUrl("postgres://host/db?x=a@b"), "postgres://host/db?x=a@b");
  EXPECT_EQ(RedactUrl("postgres://u:p@host/db"), "postgres://u:***@host/db");
  EXPECT_EQ(RedactUrl("postgres://u@host/db?sslmode=require&passwords=x"),
            "postgres://u@host/db?sslmode=require&passwords=x");
}

TEST(ConfigTest, RedactUrlMasksPasswordsInTheQuery) {
  EXPECT_EQ(RedactUrl("postgres://u@host/db?password=s3cr3t"), "postgres://u@host/db?password=***");
  EXPECT_EQ(RedactUrl("postgresql://u@h1:5432,h2:5432/db?sslmode=require&password=p%26w&"
                      "sslpassword=k&connect_timeout=5"),
            "postgresql://u@h1:5432,h2:5432/db?sslmode=require&password=***&sslpassword=***&"
            "connect_timeout=5");
  EXPECT_EQ(RedactUrl("postgres://u:pw@host/db?password=other"),
            "postgres://u:***@host/db?password=***");
  EXPECT_EQ(RedactUrl("postgres://u@host/db?pass%77ord=s3cr3t"),
            "postgres://u@host/db?pass%77ord=***");
}

}  // namespace
}  // namespace mporders::app
