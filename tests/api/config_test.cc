// Configuration of the real binary: file < MPORDERS_* environment < flags,
// `serve --print-config`, and a file's settings reaching a running server.

#include <stdlib.h>

#include <fstream>
#include <optional>
#include <string>

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

// Sets an environment variable for the scope; child processes inherit it.
class ScopedEnv {
 public:
  ScopedEnv(std::string name, const std::string& value) : name_(std::move(name)) {
    if (const char* old = getenv(name_.c_str())) old_ = old;
    setenv(name_.c_str(), value.c_str(), 1);
  }
  ~ScopedEnv() {
    if (old_) {
      setenv(name_.c_str(), old_->c_str(), 1);
    } else {
      unsetenv(name_.c_str());
    }
  }

 private:
  std::string name_;
  std::optional<std::string> old_;
};

class ServeConfigTest : public ::testing::Test {
 protected:
  std::string WriteConfig(const std::string& text) {
    auto path = dir_.path() / "mporders.json";
    std::ofstream(path) << text;
    return path.string();
  }

  // Runs `serve ... --print-config` and parses its output.
  boost::json::object PrintConfig(std::vector<std::string> args) {
    args.insert(args.begin(), "serve");
    args.push_back("--print-config");
    std::string output;
    int code = RunCli(args, &output);
    EXPECT_EQ(code, 0) << output;
    return boost::json::parse(output).as_object();
  }

  TempDir dir_;
};

TEST_F(ServeConfigTest, FlagsBeatEnvironmentBeatFileBeatDefaults) {
  std::string file = WriteConfig(R"({"listen": "127.0.0.1:1001", "token-ttl": 100,
                                     "threads": 3, "empty-list": "200"})");
  ScopedEnv listen("MPORDERS_LISTEN", "127.0.0.1:2002");
  ScopedEnv ttl("MPORDERS_TOKEN_TTL", "200");
  ScopedEnv store_threads("MPORDERS_STORE_THREADS", "2");
  auto config = PrintConfig({"--config", file, "--listen", "127.0.0.1:3003"});
  EXPECT_EQ(config.at("listen").as_string(), "127.0.0.1:3003");    // flag
  EXPECT_EQ(config.at("token-ttl").as_int64(), 200);               // environment over file
  EXPECT_EQ(config.at("threads").as_int64(), 3);                   // file over default
  EXPECT_EQ(config.at("empty-list").as_string(), "200");           // file
  EXPECT_EQ(config.at("store-threads").as_int64(), 2);             // environment over default
  EXPECT_EQ(config.at("max-orders-per-query").as_int64(), 20000);  // default
  EXPECT_EQ(config.at("rate-limit").as_bool(), true);              // default
}

TEST_F(ServeConfigTest, ConfigFileCanComeFromTheEnvironment) {
  std::string file = WriteConfig(R"({"token-ttl": 321})");
  ScopedEnv config_env("MPORDERS_CONFIG", file);
  EXPECT_EQ(PrintConfig({}).at("token-ttl").as_int64(), 321);
}

TEST_F(ServeConfigTest, NoRateLimitFlagAndVariable) {
  EXPECT_EQ(PrintConfig({"--no-rate-limit"}).at("rate-limit").as_bool(), false);
  ScopedEnv off("MPORDERS_RATE_LIMIT", "false");
  EXPECT_EQ(PrintConfig({}).at("rate-limit").as_bool(), false);
  EXPECT_EQ(PrintConfig({"--rate-limit"}).at("rate-limit").as_bool(), true);  // flag wins
}

TEST_F(ServeConfigTest, PrintConfigListsRateLimitsAndIsAValidConfigFile) {
  std::string file = WriteConfig(R"({"rate-limits": {"defaults": {"shippingUpdates": 120},
                                     "sellers": {"S1": {"acknowledgeOrders": 5}}}})");
  auto config = PrintConfig({"--config", file});
  const auto& limits = config.at("rate-limits").as_object();
  EXPECT_EQ(limits.at("defaults").at("shippingUpdates").as_int64(), 120);
  EXPECT_EQ(limits.at("defaults").at("getAllOrders").as_int64(), 5000);
  EXPECT_EQ(limits.at("defaults").at("acknowledgeOrders").as_int64(), 60);
  EXPECT_EQ(limits.at("sellers").at("S1").at("acknowledgeOrders").as_int64(), 5);
  // The printed configuration, fed back, prints the same.
  std::string printed = boost::json::serialize(config);
  std::string again = WriteConfig(printed);
  EXPECT_EQ(PrintConfig({"--config", again}), config);
}

TEST_F(ServeConfigTest, PrintConfigNeverShowsAPassword) {
  std::string output;
  ASSERT_EQ(
      RunCli({"serve", "--db", "postgres://orders:hunter2-secret@db:5432/mp", "--print-config"},
             &output),
      0)
      << output;
  EXPECT_EQ(output.find("hunter2-secret"), std::string::npos) << output;
  EXPECT_NE(output.find("postgres://orders:***@db:5432/mp"), std::string::npos) << output;
}

// libpq also takes the password as a query parameter; a server it cannot
// reach is reported with the URL, masked.
TEST_F(ServeConfigTest, APasswordInTheUrlsQueryIsNeverShown) {
  const std::string url = "postgres://orders@127.0.0.1:1/mp?password=hunter2-secret";
  std::string output;
  ASSERT_EQ(RunCli({"serve", "--db", url, "--print-config"}, &output), 0) << output;
  EXPECT_EQ(output.find("hunter2-secret"), std::string::npos) << output;
  EXPECT_NE(output.find("?password=***"), std::string::npos) << output;
  output.clear();
  EXPECT_NE(RunCli({"migrate", "--db", url}, &output), 0);
  EXPECT_EQ(output.find("hunter2-secret"), std::string::npos) << output;
  EXPECT_NE(output.find("?password=***"), std::string::npos) << output;
}

TEST_F(ServeConfigTest, InvalidConfigurationExitsWithItsReason) {
  std::string output;
  std::string file = WriteConfig(R"({"lisen": "127.0.0.1:1"})");
  EXPECT_EQ(RunCli({"serve", "--config", file, "--print-config"}, &output), 2);
  EXPECT_NE(output.find("lisen"), std::string::npos) << output;

  ScopedEnv bad_ttl("MPORDERS_TOKEN_TTL", "forever");
  EXPECT_EQ(RunCli({"serve", "--print-config"}, &output), 2);
  EXPECT_NE(output.find("MPORDERS_TOKEN_TTL"), std::string::npos) << output;
}

TEST_F(ServeConfigTest, FileAndEnvironmentReachTheRunningServer) {
  std::string db = "sqlite:" + (dir_.path() / "test.db").string();
  ASSERT_EQ(RunCli({"clients", "add", "--db", db, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}),
            0);
  std::string file = WriteConfig(R"({"token-ttl": 77, "rate-limit": false})");
  auto expires_in = [](const ServerProcess& server) {
    HttpClient client(server.port());
    auto response = client.Request(
        "POST", "/v3/token",
        {{"Authorization", "Basic " + Base64(std::string(kClientA) + ":" + kSecret)}},
        "grant_type=client_credentials");
    return response.Json().at("expires_in").as_int64();
  };
  {
    ServerProcess server({"--config", file}, &dir_);
    EXPECT_EQ(expires_in(server), 77);
    // rate-limit false in the file: no rate-limit headers.
    std::string token = FetchToken(server.port(), kClientA, kSecret);
    HttpClient client(server.port());
    auto response = client.Request("GET", "/v3/orders/NOPE", WalmartHeaders(token));
    EXPECT_EQ(response.status, 404u);
    EXPECT_TRUE(response.Header("x-current-token-count").empty());
  }
  {
    ScopedEnv ttl("MPORDERS_TOKEN_TTL", "88");
    ServerProcess server({"--config", file}, &dir_);
    EXPECT_EQ(expires_in(server), 88);
  }
  {
    ScopedEnv ttl("MPORDERS_TOKEN_TTL", "88");
    ServerProcess server({"--config", file, "--token-ttl", "99"}, &dir_);
    EXPECT_EQ(expires_in(server), 99);
  }
}

}  // namespace
}  // namespace mporders::testing
