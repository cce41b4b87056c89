// Walmart's token flow and the 400/401 cases of every Orders call.

#include "support/fixtures.h"

namespace mporders::testing {
namespace {

class AuthTest : public ApiTest {
 protected:
  HttpResponse TokenRequest(const Headers& headers, const std::string& body = "grant_type=client_credentials") {
    HttpClient client(server_->port());
    return client.Request("POST", "/v3/token", headers, body);
  }
  Headers BasicHeaders(const std::string& id, const std::string& secret) {
    return {{"Authorization", "Basic " + Base64(id + ":" + secret)},
            {"Content-Type", "application/x-www-form-urlencoded"},
            {"WM_QOS.CORRELATION_ID", "t"},
            {"WM_SVC.NAME", "Walmart Marketplace"},
            {"Accept", "application/json"}};
  }
};

TEST_F(AuthTest, TokenHasWalmartShape) {
  auto response = TokenRequest(BasicHeaders(kClientA, kSecret));
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json().as_object();
  EXPECT_EQ(json.size(), 3u);
  EXPECT_FALSE(json.at("access_token").as_string().empty());
  EXPECT_EQ(json.at("token_type").as_string(), "Bearer");
  EXPECT_EQ(json.at("expires_in").as_int64(), 900);
}

TEST_F(AuthTest, TwoTokensAreDistinctAndBothValid) {
  std::string second = FetchToken(server_->port(), kClientA, kSecret);
  EXPECT_NE(second, token_a_);
  EXPECT_EQ(Get("/v3/orders/x", token_a_).status, 404u);
  EXPECT_EQ(Get("/v3/orders/x", second).status, 404u);
}

TEST_F(AuthTest, WrongSecretUnknownClientAndBadBasicHeaderGet401) {
  ExpectWalmartError(TokenRequest(BasicHeaders(kClientA, "wrong-secret")), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  ExpectWalmartError(TokenRequest(BasicHeaders("nobody", kSecret)), 401, "UNAUTHORIZED.GMP_GATEWAY_API");
  ExpectWalmartError(TokenRequest({{"Authorization", "Basic !!!notbase64"}}), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  ExpectWalmartError(TokenRequest({{"Authorization", "Basic " + Base64("no-colon")}}), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  ExpectWalmartError(TokenRequest({}), 401, "UNAUTHORIZED.GMP_GATEWAY_API");
}

TEST_F(AuthTest, UnsupportedGrantTypeGets400) {
  ExpectWalmartError(TokenRequest(BasicHeaders(kClientA, kSecret), "grant_type=password"), 400,
                     "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API");
}

TEST_F(AuthTest, MissingCorrelationIdOrServiceNameGets400) {
  HttpClient client(server_->port());
  auto no_correlation = client.Request(
      "GET", "/v3/orders/1", {{"WM_SEC.ACCESS_TOKEN", token_a_}, {"WM_SVC.NAME", "x"}});
  ExpectWalmartError(no_correlation, 400, "MISSING_REQUEST_HEADER.GMP_ORDER_API");
  EXPECT_EQ(no_correlation.Json().at("errors").as_array()[0].at("field").as_string(),
            "WM_QOS.CORRELATION_ID");
  auto no_service = client.Request(
      "GET", "/v3/orders/1", {{"WM_SEC.ACCESS_TOKEN", token_a_}, {"WM_QOS.CORRELATION_ID", "c"}});
  ExpectWalmartError(no_service, 400, "MISSING_REQUEST_HEADER.GMP_ORDER_API");
  EXPECT_EQ(no_service.Json().at("errors").as_array()[0].at("field").as_string(), "WM_SVC.NAME");
}

TEST_F(AuthTest, HeaderNamesMatchCaseInsensitively) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/v3/orders/1",
                                 {{"wm_sec.access_token", token_a_},
                                  {"wm_qos.correlation_id", "c"},
                                  {"wm_svc.name", "x"}});
  EXPECT_EQ(response.status, 404u) << response.body;
}

TEST_F(AuthTest, MissingForgedAndTamperedTokensGet401) {
  HttpClient client(server_->port());
  Headers no_token = {{"WM_QOS.CORRELATION_ID", "c"}, {"WM_SVC.NAME", "x"}};
  ExpectWalmartError(client.Request("GET", "/v3/orders/1", no_token), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(Get("/v3/orders/1", "not-a-valid-token"), 401, "UNAUTHORIZED.GMP_ORDER_API");
  std::string tampered = token_a_;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  ExpectWalmartError(Get("/v3/orders/1", tampered), 401, "UNAUTHORIZED.GMP_ORDER_API");
  // A token claiming seller B but signed for seller A's payload.
  std::string swapped = token_a_;
  auto pos = swapped.find(".", 3);
  swapped.replace(3, pos - 3, "Y2xpZW50LWI");  // base64url("client-b")
  ExpectWalmartError(Get("/v3/orders/1", swapped), 401, "UNAUTHORIZED.GMP_ORDER_API");
}

TEST_F(AuthTest, BearerHeaderAloneGets401NamingTheRightHeader) {
  HttpClient client(server_->port());
  auto response = client.Request("GET", "/v3/orders/1",
                                 {{"Authorization", "Bearer " + token_a_},
                                  {"WM_QOS.CORRELATION_ID", "c"},
                                  {"WM_SVC.NAME", "x"}});
  ExpectWalmartError(response, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(response.body.find("WM_SEC.ACCESS_TOKEN"), std::string::npos);
}

TEST_F(AuthTest, TokenOfAnotherDatabaseIsRejected) {
  TempDir other_dir;
  std::string other_db = "sqlite:" + (other_dir.path() / "test.db").string();
  ASSERT_EQ(RunCli({"clients", "add", "--db", other_db, "--seller", kSellerA, "--client-id", kClientA,
                    "--client-secret", kSecret}), 0);
  ServerProcess other({}, &other_dir);
  std::string foreign = FetchToken(other.port(), kClientA, kSecret);
  ExpectWalmartError(Get("/v3/orders/1", foreign), 401, "UNAUTHORIZED.GMP_ORDER_API");
}

TEST_F(AuthTest, TokensVerifyOnEveryProcessSharingTheDatabase) {
  ServerProcess second({}, &dir_);
  HttpClient client(second.port());
  auto response = client.Request("GET", "/v3/orders/1", WalmartHeaders(token_a_));
  EXPECT_EQ(response.status, 404u) << response.body;  // authenticated; the order does not exist
}

TEST_F(AuthTest, RevokedClientTokensStopWorkingAtOnce) {
  EXPECT_EQ(Get("/v3/orders/1", token_a_).status, 404u);
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kClientA}), 0);
  ExpectWalmartError(Get("/v3/orders/1", token_a_), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(TokenRequest(BasicHeaders(kClientA, kSecret)), 401, "UNAUTHORIZED.GMP_GATEWAY_API");
}

TEST_F(AuthTest, TokenDetailDescribesTheToken) {
  auto response = Get("/v3/token/detail", token_a_);
  ASSERT_EQ(response.status, 200u) << response.body;
  auto json = response.Json().as_object();
  auto issued = std::stoll(std::string(json.at("issued_at").as_string()));
  auto expires = std::stoll(std::string(json.at("expire_at").as_string()));
  EXPECT_EQ(expires - issued, 900000);
  EXPECT_TRUE(json.at("is_valid").as_bool());
  EXPECT_EQ(json.at("scopes").at("orders").as_string(), "full_access");
}

class ShortTokenTest : public ApiTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--token-ttl", "60"}; }
};

TEST_F(ShortTokenTest, TokenLifetimeIsConfigurable) {
  auto json = FetchToken(server_->port(), kClientA, kSecret);
  HttpClient client(server_->port());
  auto response = client.Request("POST", "/v3/token",
                                 {{"Authorization", "Basic " + Base64(std::string(kClientA) + ":" + kSecret)}},
                                 "grant_type=client_credentials");
  EXPECT_EQ(response.Json().at("expires_in").as_int64(), 60);
}

}  // namespace
}  // namespace mporders::testing
