#pragma once
// Shared set-up for black-box tests: a database with a seller and a client,
// and a server on it.

#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/server_process.h"

namespace mporders::testing {

constexpr char kSellerA[] = "seller-a";
constexpr char kSellerB[] = "seller-b";
constexpr char kClientA[] = "client-a";
constexpr char kClientB[] = "client-b";
constexpr char kSecret[] = "secret-for-tests";

inline std::string TestDataPath(const std::string& name) {
  const char* dir = std::getenv("MPORDERS_TEST_DATA");
  return std::string(dir ? dir : "tests/data") + "/" + name;
}

// A database with sellers A and B, one client each; a server on it.
class ApiTest : public ::testing::Test {
 protected:
  // Extra `serve` flags and a hook to load data before the server starts.
  virtual std::vector<std::string> ServeArgs() { return {}; }
  virtual void BeforeServe() {}

  void SetUp() override {
    db_ = dir_.db_url();
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--client-id", kClientA,
                      "--client-secret", kSecret}), 0);
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kSellerB, "--client-id", kClientB,
                      "--client-secret", kSecret}), 0);
    BeforeServe();
    server_ = std::make_unique<ServerProcess>(ServeArgs(), &dir_);
    token_a_ = FetchToken(server_->port(), kClientA, kSecret);
  }

  HttpResponse Get(const std::string& target, const std::string& token) {
    HttpClient client(server_->port());
    return client.Request("GET", target, WalmartHeaders(token));
  }
  HttpResponse Post(const std::string& target, const std::string& token, const std::string& body) {
    HttpClient client(server_->port());
    auto headers = WalmartHeaders(token);
    headers.emplace_back("Content-Type", "application/json");
    return client.Request("POST", target, headers, body);
  }

  TempDir dir_;
  std::string db_;
  std::unique_ptr<ServerProcess> server_;
  std::string token_a_;
};

// Asserts a Walmart error body: {"errors":[{"code": <code>, ...}]}.
inline void ExpectWalmartError(const HttpResponse& response, unsigned status, const std::string& code) {
  EXPECT_EQ(response.status, status) << response.body;
  auto json = response.Json();
  ASSERT_TRUE(json.is_object()) << response.body;
  const auto& errors = json.at("errors").as_array();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0].at("code").as_string(), code) << response.body;
  EXPECT_FALSE(errors[0].at("description").as_string().empty());
  EXPECT_EQ(errors[0].at("severity").is_string(), true);
  EXPECT_EQ(errors[0].at("category").is_string(), true);
}

}  // namespace mporders::testing
