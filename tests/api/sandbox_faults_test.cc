// Fault rules over real HTTP: exact counts, seeded fractions, headers,
// latency, listing and clearing.

#include <chrono>

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxFaultsTest : public SandboxTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key", kSandboxKey, "--no-rate-limit"};
  }

  // 'X' for a faulted call, '.' for a normal answer.
  std::string Pattern(int calls, const std::string& target = "/v3/orders/none") {
    std::string pattern;
    for (int i = 0; i < calls; ++i) {
      auto response = Get(target, token_a_);
      pattern += response.Header("x-sandbox-fault").empty() ? '.' : 'X';
    }
    return pattern;
  }
};

TEST_F(SandboxFaultsTest, NextNCallsFailThenTheApiRecovers) {
  auto added =
      Control("POST", "seller-a/faults",
              R"({"method":"GET","path":"/v3/orders/{purchaseOrderId}","status":500,"times":3})");
  ASSERT_EQ(added.status, 201u) << added.body;
  const std::string id(added.Json().at("id").as_string());
  for (int i = 0; i < 3; ++i) {
    auto response = Get("/v3/orders/none", token_a_);
    ExpectWalmartError(response, 500, "INTERNAL_SERVER_ERROR.GMP_ORDER_API");
    EXPECT_EQ(response.Header("x-sandbox-fault"), id);
    EXPECT_EQ(response.Header("wm_qos.correlation_id"), "test-cid");
  }
  ExpectWalmartError(Get("/v3/orders/none", token_a_), 404, "NOT_FOUND.GMP_ORDER_API");
  auto rules = Control("GET", "seller-a/faults").Json().at("rules").as_array();
  ASSERT_EQ(rules.size(), 1u);
  EXPECT_EQ(rules[0].at("fired").as_int64(), 3);
  EXPECT_EQ(rules[0].at("remaining").as_int64(), 0);
}

TEST_F(SandboxFaultsTest, RulesMatchMethodPathAndSeller) {
  ASSERT_EQ(Control("POST", "seller-a/faults",
                    R"({"method":"POST","path":"/v3/orders/*/acknowledge","status":503})")
                .status,
            201u);
  // Other routes, other methods and other sellers are untouched.
  EXPECT_EQ(Get("/v3/orders/none", token_a_).status, 404u);
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  EXPECT_EQ(Post("/v3/orders/none/acknowledge", token_b, "").status, 404u);
  auto faulted = Post("/v3/orders/none/acknowledge", token_a_, "");
  ExpectWalmartError(faulted, 503, "SERVICE_UNAVAILABLE.GMP_ORDER_API");
  EXPECT_EQ(faulted.Header("retry-after"), "1");
}

TEST_F(SandboxFaultsTest, ThrottlingWithHeadersAndDescription) {
  ASSERT_EQ(Control("POST", "seller-a/faults",
                    R"({"path":"/v3/orders","status":429,"times":1,
                        "headers":{"Retry-After":"7","X-Current-Token-Count":"0"},
                        "description":"Slow down."})")
                .status,
            201u);
  auto throttled = Get("/v3/orders", token_a_);
  ExpectWalmartError(throttled, 429, "RATE_LIMIT_EXCEEDED.GMP_ORDER_API");
  EXPECT_EQ(throttled.Header("retry-after"), "7");
  EXPECT_EQ(throttled.Header("x-current-token-count"), "0");
  EXPECT_EQ(throttled.Json().at("errors").as_array()[0].at("description").as_string(),
            "Slow down.");
}

TEST_F(SandboxFaultsTest, FractionsAreReproducibleWithASeed) {
  const std::string rule = R"({"path":"/v3/orders/*","status":500,"fraction":0.5,"seed":7})";
  ASSERT_EQ(Control("POST", "seller-a/faults", rule).status, 201u);
  const std::string first = Pattern(40);
  ASSERT_EQ(Control("DELETE", "seller-a/faults").status, 200u);
  ASSERT_EQ(Control("POST", "seller-a/faults", rule).status, 201u);
  EXPECT_EQ(Pattern(40), first);
  const auto faults = std::count(first.begin(), first.end(), 'X');
  EXPECT_GT(faults, 8);
  EXPECT_LT(faults, 32);
  auto rules = Control("GET", "seller-a/faults").Json().at("rules").as_array();
  EXPECT_EQ(rules[0].at("matched").as_int64(), 40);
  EXPECT_EQ(rules[0].at("fired").as_int64(), faults);
}

TEST_F(SandboxFaultsTest, LatencyDelaysWithoutFailing) {
  ASSERT_EQ(
      Control("POST", "seller-a/faults", R"({"path":"/v3/orders/*","latencyMs":300,"times":1})")
          .status,
      201u);
  auto started = std::chrono::steady_clock::now();
  auto response = Get("/v3/orders/none", token_a_);
  auto elapsed = std::chrono::steady_clock::now() - started;
  EXPECT_EQ(response.status, 404u);  // the real handler answered
  EXPECT_GE(elapsed, std::chrono::milliseconds(300));
}

TEST_F(SandboxFaultsTest, ClearAndRemoveRules) {
  auto one = Control("POST", "seller-a/faults", R"({"path":"/v3/orders*","status":500})");
  ASSERT_EQ(Control("POST", "seller-a/faults", R"({"path":"/x","status":502})").status, 201u);
  const std::string id(one.Json().at("id").as_string());
  EXPECT_EQ(Pattern(2), "XX");
  ASSERT_EQ(Control("DELETE", "seller-a/faults/" + id).status, 200u);
  ExpectWalmartError(Control("DELETE", "seller-a/faults/" + id), 404,
                     "URI_NOT_FOUND.GMP_ORDER_API");
  EXPECT_EQ(Pattern(2), "..");
  auto cleared = Control("DELETE", "seller-a/faults");
  EXPECT_EQ(cleared.Json().at("removed").as_int64(), 1);
  EXPECT_TRUE(Control("GET", "seller-a/faults").Json().at("rules").as_array().empty());
}

TEST_F(SandboxFaultsTest, MalformedRulesAre400) {
  for (const char* body :
       {R"({"path":"v3","status":500})", R"({"path":"/v3","status":200})", R"({"path":"/v3"})",
        R"({"path":"/v3","status":500,"fraction":1.5})", R"({"path":"/v3","status":500,"times":0})",
        R"({"path":"/v3","status":500,"colour":"red"})"}) {
    ExpectWalmartError(Control("POST", "seller-a/faults", body), 400,
                       "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  }
  EXPECT_TRUE(Control("GET", "seller-a/faults").Json().at("rules").as_array().empty());
}

}  // namespace
}  // namespace mporders::testing
