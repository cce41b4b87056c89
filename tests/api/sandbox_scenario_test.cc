// `mporders scenario run` plays the shipped examples against a real server,
// and reports a failing expectation with a non-zero exit.

#include <fstream>

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

class SandboxScenarioTest : public SandboxTest {
 protected:
  int RunScenario(const std::string& file, std::string* output) {
    return RunCli(
        {"scenario", "run", file, "--url", "http://127.0.0.1:" + std::to_string(server_->port()),
         "--sandbox-key", kSandboxKey},
        output);
  }
  static std::string Example(const std::string& name) {
    return std::string(MPORDERS_EXAMPLES_DIR) + "/" + name;
  }
};

TEST_F(SandboxScenarioTest, LateAcknowledgementExamplePasses) {
  std::string output;
  EXPECT_EQ(RunScenario(Example("late-acknowledgement-auto-cancel.json"), &output), 0) << output;
  EXPECT_NE(output.find("passed: 7 steps"), std::string::npos) << output;
}

TEST_F(SandboxScenarioTest, DeliverThenRefundExamplePasses) {
  std::string output;
  EXPECT_EQ(RunScenario(Example("deliver-then-refund.json"), &output), 0) << output;
  EXPECT_NE(output.find("passed: 8 steps"), std::string::npos) << output;
}

TEST_F(SandboxScenarioTest, ServerErrorsThenRecoveryExamplePasses) {
  std::string output;
  EXPECT_EQ(RunScenario(Example("server-errors-then-recovery.json"), &output), 0) << output;
  EXPECT_NE(output.find("passed: 9 steps"), std::string::npos) << output;
  // Each step is printed, with every repetition.
  EXPECT_NE(output.find("step 4/9 call: GET /v3/orders/"), std::string::npos) << output;
}

TEST_F(SandboxScenarioTest, AFailedExpectationStopsTheRun) {
  const auto file = dir_.path() / "failing.json";
  std::ofstream(file) << R"({"seller": "seller-a", "steps": [
      {"step": "create_orders", "count": 1, "save": "po"},
      {"step": "call", "method": "GET", "path": "/v3/orders/${po}", "expect": {"status": 404}},
      {"step": "reset"}]})";
  std::string output;
  EXPECT_EQ(RunScenario(file.string(), &output), 1) << output;
  EXPECT_NE(output.find("FAILED: expected status 404, got 200"), std::string::npos) << output;
  EXPECT_EQ(output.find("step 3/3"), std::string::npos) << output;
}

TEST_F(SandboxScenarioTest, WrongKeyOrBadFileIsAUsageError) {
  std::string output;
  EXPECT_EQ(RunCli({"scenario", "run", Example("deliver-then-refund.json"), "--url",
                    "http://127.0.0.1:" + std::to_string(server_->port()), "--sandbox-key", "nope"},
                   &output),
            2)
      << output;
  const auto file = dir_.path() / "bad.json";
  std::ofstream(file) << R"({"steps": [{"step": "teleport"}]})";
  EXPECT_EQ(RunScenario(file.string(), &output), 2) << output;
}

TEST_F(SandboxScenarioTest, CliOperationsDriveTheSameControlApi) {
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  std::string output;
  ASSERT_EQ(
      RunCli({"sandbox", "create-orders", "--seller", kSellerA, "--count", "2", "--ship-node-type",
              "SellerFulfilled", "--url", url, "--sandbox-key", kSandboxKey},
             &output),
      0)
      << output;
  EXPECT_NE(output.find("\"created\":2"), std::string::npos) << output;
  ASSERT_EQ(RunCli({"sandbox", "clock", "--seller", kSellerA, "--advance", "2h", "--url", url,
                    "--sandbox-key", kSandboxKey},
                   &output),
            0)
      << output;
  EXPECT_EQ(Control("GET", "seller-a/clock").Json().at("offsetMillis").as_int64(), 7200000);
  ASSERT_EQ(RunCli({"sandbox", "fault-add", "--seller", kSellerA, "--path", "/v3/orders*",
                    "--status", "503", "--times", "1", "--url", url, "--sandbox-key", kSandboxKey},
                   &output),
            0)
      << output;
  const auto snapshot = dir_.path() / "snap.json";
  ASSERT_EQ(RunCli({"sandbox", "export", "--seller", kSellerA, "--out", snapshot.string(), "--url",
                    url, "--sandbox-key", kSandboxKey},
                   &output),
            0)
      << output;
  ASSERT_EQ(
      RunCli({"sandbox", "reset", "--seller", kSellerA, "--url", url, "--sandbox-key", kSandboxKey},
             &output),
      0);
  ASSERT_EQ(RunCli({"sandbox", "import", snapshot.string(), "--seller", kSellerA, "--url", url,
                    "--sandbox-key", kSandboxKey},
                   &output),
            0)
      << output;
  EXPECT_NE(output.find("\"orders\":2"), std::string::npos) << output;
  // A refused call exits non-zero.
  EXPECT_EQ(RunCli({"sandbox", "reset", "--seller", kSellerA, "--url", url, "--sandbox-key", "bad"},
                   &output),
            1);
}

// A server with the demo sandbox key, as `serve --demo` has it.
class DemoKeyTest : public SandboxTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--sandbox-key", "mporders-demo-sandbox-key"};
  }
};

TEST_F(DemoKeyTest, CommandsWithoutAKeyUseTheDemoKey) {
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  std::string output;
  EXPECT_EQ(RunCli({"sandbox", "reset", "--seller", kSellerA, "--url", url}, &output), 0) << output;
  EXPECT_EQ(RunCli({"scenario", "run",
                    std::string(MPORDERS_EXAMPLES_DIR) + "/deliver-then-refund.json", "--url", url},
                   &output),
            0)
      << output;
  // An explicit key still wins.
  EXPECT_EQ(RunCli({"sandbox", "reset", "--seller", kSellerA, "--url", url, "--sandbox-key", "bad"},
                   &output),
            1);
}

TEST_F(SandboxScenarioTest, CommandsWithoutAKeyAreRefusedByANonDemoServer) {
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  std::string output;
  EXPECT_EQ(RunCli({"sandbox", "reset", "--seller", kSellerA, "--url", url}, &output), 1) << output;
}

}  // namespace
}  // namespace mporders::testing
