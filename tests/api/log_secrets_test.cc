// No secret and no token ever reaches the server log, at the most verbose
// log level, whatever the client does: good and bad logins, calls with valid,
// forged and revoked tokens, over the whole Orders surface.

#include <fstream>
#include <sstream>
#include <string>

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

constexpr char kWrongSecret[] = "wrong-secret-never-logged";

class LogSecretsTest : public ApiTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--log-level", "trace"}; }

  HttpResponse TokenRequest(const std::string& client_id, const std::string& secret) {
    HttpClient client(server_->port());
    return client.Request("POST", "/v3/token",
                          {{"Authorization", "Basic " + Base64(client_id + ":" + secret)},
                           {"Content-Type", "application/x-www-form-urlencoded"},
                           {"WM_QOS.CORRELATION_ID", "login"},
                           {"WM_SVC.NAME", "Walmart Marketplace"}},
                          "grant_type=client_credentials");
  }

  std::string ServerLog() {
    std::ifstream in(server_->log_path());
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  }
};

TEST_F(LogSecretsTest, NoSecretOrTokenInAnyLogLine) {
  std::string token_b = FetchToken(server_->port(), kClientB, kSecret);
  EXPECT_EQ(TokenRequest(kClientA, kWrongSecret).status, 401u);     // failed login
  EXPECT_EQ(TokenRequest("no-such-client", kSecret).status, 401u);  // unknown client
  EXPECT_EQ(Get("/v3/orders", token_a_).status, 404u);              // empty list
  EXPECT_EQ(Get("/v3/orders/PO-1", token_a_).status, 404u);
  EXPECT_EQ(Post("/v3/orders/PO-1/acknowledge", token_a_, "").status, 404u);
  EXPECT_EQ(Post("/v3/orders/PO-1/shipping", token_a_, "{\"bad\":").status, 400u);
  EXPECT_EQ(Get("/v3/token/detail", token_b).status, 200u);
  std::string forged = token_a_;
  forged[forged.size() - 2] = forged[forged.size() - 2] == 'x' ? 'y' : 'x';
  EXPECT_EQ(Get("/v3/orders/PO-1", forged).status, 401u);
  {
    // A token in Authorization: Bearer (the common client mistake).
    HttpClient client(server_->port());
    auto bearer = client.Request("GET", "/v3/orders/PO-1",
                                 {{"Authorization", "Bearer " + token_a_},
                                  {"WM_QOS.CORRELATION_ID", "bearer"},
                                  {"WM_SVC.NAME", "x"}});
    EXPECT_EQ(bearer.status, 401u);
  }
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kClientB}), 0);
  EXPECT_EQ(Get("/v3/orders/PO-1", token_b).status, 401u);  // revoked client's token
  ASSERT_EQ(server_->Terminate(), 0);                       // flushes and closes the log

  std::string log = ServerLog();
  // The log is really written: one access line per request, with the route.
  ASSERT_NE(log.find("POST /v3/token 401"), std::string::npos) << log;
  ASSERT_NE(log.find("GET /v3/orders/PO-1 404"), std::string::npos) << log;
  for (const std::string& secret : {std::string(kSecret), std::string(kWrongSecret), token_a_,
                                    token_b, forged, Base64(std::string(kClientA) + ":" + kSecret),
                                    Base64(std::string(kClientA) + ":" + kWrongSecret),
                                    Base64(std::string("no-such-client:") + kSecret)}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "found '" << secret << "' in:\n" << log;
  }
  // Nor any long-enough piece of a token (its signature, say).
  for (const std::string& token : {token_a_, token_b}) {
    for (size_t start = 0; start + 16 <= token.size(); start += 8) {
      EXPECT_EQ(log.find(token.substr(start, 16)), std::string::npos)
          << "found part of a token: " << token.substr(start, 16);
    }
  }
}

}  // namespace
}  // namespace mporders::testing
