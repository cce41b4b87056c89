// The control API's own admin key: never a seller token, never anonymous,
// and gone entirely with --no-sandbox.

#include <fstream>
#include <sstream>

#include "api/sandbox_fixture.h"

namespace mporders::testing {
namespace {

constexpr char kClockPath[] = "/sandbox/v1/sellers/seller-a/clock";

class SandboxSecurityTest : public SandboxTest {};

TEST_F(SandboxSecurityTest, KeyInEitherHeaderIsAccepted) {
  HttpClient client(server_->port());
  EXPECT_EQ(client.Request("GET", kClockPath, {{"X-Sandbox-Key", kSandboxKey}}).status, 200u);
  EXPECT_EQ(
      client.Request("GET", kClockPath, {{"Authorization", std::string("Bearer ") + kSandboxKey}})
          .status,
      200u);
}

TEST_F(SandboxSecurityTest, UnauthenticatedAndWrongKeyGet401) {
  HttpClient client(server_->port());
  ExpectWalmartError(client.Request("GET", kClockPath), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(client.Request("GET", kClockPath, {{"X-Sandbox-Key", "wrong"}}), 401,
                     "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(
      client.Request("POST", "/sandbox/v1/sellers/seller-a/orders", {{"X-Sandbox-Key", ""}}, "{}"),
      401, "UNAUTHORIZED.GMP_ORDER_API");
}

TEST_F(SandboxSecurityTest, SellerTokensAreRefused) {
  HttpClient client(server_->port());
  auto in_walmart_header = client.Request("GET", kClockPath, WalmartHeaders(token_a_));
  ExpectWalmartError(in_walmart_header, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(in_walmart_header.body.find("does not accept seller access tokens"), std::string::npos);
  ExpectWalmartError(client.Request("GET", kClockPath, {{"Authorization", "Bearer " + token_a_}}),
                     401, "UNAUTHORIZED.GMP_ORDER_API");
  // Nothing happened: the seller's clock is untouched by refused calls.
  auto refused = client.Request("POST", "/sandbox/v1/sellers/seller-a/clock/advance",
                                WalmartHeaders(token_a_), R"({"days":3})");
  EXPECT_EQ(refused.status, 401u);
  EXPECT_EQ(Control("GET", "seller-a/clock").Json().at("offsetMillis").as_int64(), 0);
}

TEST_F(SandboxSecurityTest, TheKeyIsNeverLogged) {
  Control("GET", "seller-a/clock");
  Control("POST", "seller-a/orders", R"({"count":1})");
  ASSERT_EQ(server_->Terminate(), 0);
  std::ifstream log(server_->log_path());
  std::stringstream text;
  text << log.rdbuf();
  EXPECT_NE(text.str().find("/sandbox/v1/sellers/seller-a/clock"), std::string::npos);
  EXPECT_EQ(text.str().find(kSandboxKey), std::string::npos);
}

TEST_F(SandboxSecurityTest, InvalidSellerIdIs400) {
  ExpectWalmartError(Control("GET", "bad%20seller/clock"), 400,
                     "INVALID_REQUEST_PARAM.GMP_ORDER_API");
}

class SandboxDisabledTest : public ApiTest {
 protected:
  std::vector<std::string> ServeArgs() override {
    return {"--no-sandbox", "--sandbox-key", kSandboxKey};
  }
};

TEST_F(SandboxDisabledTest, ControlApiAnswers404) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", kClockPath, {{"X-Sandbox-Key", kSandboxKey}});
  ExpectWalmartError(response, 404, "URI_NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(client.Request("POST", "/sandbox/v1/sellers/seller-a/orders",
                                    {{"X-Sandbox-Key", kSandboxKey}}, "{}"),
                     404, "URI_NOT_FOUND.GMP_ORDER_API");
  // The seller API is unaffected.
  EXPECT_EQ(Get("/v3/orders/1", token_a_).status, 404u);
}

class SandboxWithoutKeyTest : public ApiTest {};

TEST_F(SandboxWithoutKeyTest, EveryControlCallIsRefused) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", kClockPath, {{"X-Sandbox-Key", ""}});
  ExpectWalmartError(response, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(response.body.find("no key configured"), std::string::npos);
}

}  // namespace
}  // namespace mporders::testing
