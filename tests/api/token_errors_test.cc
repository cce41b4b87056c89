// Every refusal of POST /v3/token, in JSON and in XML, with Walmart's gateway
// error body: bad or missing Basic header, unknown client, wrong secret,
// revoked client, unsupported grant type, and the delegated-access cases
// (missing WM_PARTNER.ID, a seller the client may not act for). Unknown
// client, wrong secret and revoked client answer byte for byte the same.

#include <pugixml.hpp>
#include <string>
#include <vector>

#include "delegated_support.h"

namespace mporders::testing {
namespace {

constexpr char kBadBasic[] =
    "Send the header 'Authorization: Basic Base64Encode(clientId:clientSecret)'.";
constexpr char kBadCredentials[] = "Invalid client credentials.";
constexpr char kNotForThatSeller[] =
    "This client is not authorized for the seller in WM_PARTNER.ID.";
constexpr char kUnauthorizedInfo[] = "Authentication failed. Verify your credentials.";

struct TokenErrorCase {
  std::string name;
  std::string authorization;  // empty: no Authorization header
  std::string partner;        // empty: no WM_PARTNER.ID
  std::string body;
  unsigned status;
  std::string code;
  std::string field;
  std::string description;
  std::string info;
};

std::string Basic(const std::string& id_and_secret) { return "Basic " + Base64(id_and_secret); }

std::vector<TokenErrorCase> Cases() {
  const std::string grant = "grant_type=client_credentials";
  const std::string ok_a = Basic(std::string(kClientA) + ":" + kSecret);
  const std::string provider = Basic(std::string(kProvider) + ":" + kSecret);
  const std::string unauthorized = "UNAUTHORIZED.GMP_GATEWAY_API";
  return {
      {"no Authorization header", "", "", grant, 401, unauthorized, "UNAUTHORIZED", kBadBasic,
       kUnauthorizedInfo},
      {"Bearer instead of Basic", "Bearer abc", "", grant, 401, unauthorized, "UNAUTHORIZED",
       kBadBasic, kUnauthorizedInfo},
      {"Basic without base64", "Basic !!!not-base64", "", grant, 401, unauthorized, "UNAUTHORIZED",
       kBadBasic, kUnauthorizedInfo},
      {"Basic without a colon", Basic("no-colon"), "", grant, 401, unauthorized, "UNAUTHORIZED",
       kBadBasic, kUnauthorizedInfo},
      {"Basic with an empty client id", Basic(":secret"), "", grant, 401, unauthorized,
       "UNAUTHORIZED", kBadBasic, kUnauthorizedInfo},
      {"unknown client", Basic(std::string("nobody:") + kSecret), "", grant, 401, unauthorized,
       "UNAUTHORIZED", kBadCredentials, kUnauthorizedInfo},
      {"wrong secret", Basic(std::string(kClientA) + ":wrong-secret"), "", grant, 401, unauthorized,
       "UNAUTHORIZED", kBadCredentials, kUnauthorizedInfo},
      {"revoked client", Basic(std::string(kClientB) + ":" + kSecret), "", grant, 401, unauthorized,
       "UNAUTHORIZED", kBadCredentials, kUnauthorizedInfo},
      {"grant_type=password", ok_a, "", "grant_type=password", 400,
       "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API", "grant_type",
       "Unsupported grant_type 'password': this server issues tokens for "
       "grant_type=client_credentials.",
       "Request content is not valid."},
      {"grant_type=authorization_code", ok_a, "", "grant_type=authorization_code&code=x", 400,
       "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API", "grant_type",
       "Unsupported grant_type 'authorization_code': this server issues tokens for "
       "grant_type=client_credentials.",
       "Request content is not valid."},
      {"provider without WM_PARTNER.ID", provider, "", grant, 400,
       "MISSING_REQUEST_HEADER.GMP_GATEWAY_API", "WM_PARTNER.ID",
       "The request header WM_PARTNER.ID is required: a solution provider's client names the "
       "seller it acts for.",
       "A mandatory request header is missing."},
      {"provider naming a seller it lacks", provider, kSellerA, grant, 401, unauthorized,
       "UNAUTHORIZED", kNotForThatSeller, kUnauthorizedInfo},
      {"seller client naming another seller", ok_a, kSellerB, grant, 401, unauthorized,
       "UNAUTHORIZED", kNotForThatSeller, kUnauthorizedInfo},
  };
}

class TokenErrorsTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(AddProviderClient(db_), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerB), 0);
    ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kClientB}), 0);
  }

  HttpResponse Send(const TokenErrorCase& c, const std::string& accept) {
    Headers headers = {{"Content-Type", "application/x-www-form-urlencoded"},
                       {"WM_QOS.CORRELATION_ID", "token-errors"},
                       {"WM_SVC.NAME", "Walmart Marketplace"},
                       {"Accept", accept}};
    if (!c.authorization.empty()) headers.emplace_back("Authorization", c.authorization);
    if (!c.partner.empty()) headers.emplace_back(kPartnerHeader, c.partner);
    HttpClient client(server_->port());
    return client.Request("POST", "/v3/token", headers, c.body);
  }
};

TEST_F(TokenErrorsTest, EveryRefusalHasWalmartsGatewayBodyInJson) {
  for (const TokenErrorCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    auto response = Send(c, "application/json");
    EXPECT_EQ(response.status, c.status) << response.body;
    EXPECT_EQ(response.Header("content-type"), "application/json");
    const boost::json::value json = response.Json();
    const auto& errors = json.at("errors").as_array();
    ASSERT_EQ(errors.size(), 1u) << response.body;
    const auto& error = errors[0].as_object();
    EXPECT_EQ(error.at("code").as_string(), c.code);
    EXPECT_EQ(error.at("field").as_string(), c.field);
    EXPECT_EQ(error.at("description").as_string(), c.description);
    EXPECT_EQ(error.at("info").as_string(), c.info);
    EXPECT_EQ(error.at("severity").as_string(), "ERROR");
    EXPECT_FALSE(error.at("category").as_string().empty());
  }
}

TEST_F(TokenErrorsTest, EveryRefusalHasWalmartsGatewayBodyInXml) {
  for (const TokenErrorCase& c : Cases()) {
    SCOPED_TRACE(c.name);
    auto response = Send(c, "application/xml");
    EXPECT_EQ(response.status, c.status) << response.body;
    EXPECT_EQ(response.Header("content-type"), "application/xml");
    pugi::xml_document document;
    ASSERT_TRUE(document.load_string(response.body.c_str())) << response.body;
    const pugi::xml_node root = document.document_element();
    EXPECT_STREQ(root.name(), "ns2:errors");
    EXPECT_STREQ(root.attribute("xmlns:ns2").value(), "http://walmart.com/");
    const pugi::xml_node error = root.child("ns2:error");
    ASSERT_TRUE(error) << response.body;
    EXPECT_EQ(std::string(error.child_value("ns2:code")), c.code);
    EXPECT_EQ(std::string(error.child_value("ns2:field")), c.field);
    EXPECT_EQ(std::string(error.child_value("ns2:description")), c.description);
    EXPECT_EQ(std::string(error.child_value("ns2:info")), c.info);
    EXPECT_EQ(std::string(error.child_value("ns2:severity")), "ERROR");
    // The same category as the JSON form.
    auto json = Send(c, "application/json").Json();
    EXPECT_EQ(std::string(error.child_value("ns2:category")),
              std::string(json.at("errors").as_array()[0].at("category").as_string()));
  }
}

TEST_F(TokenErrorsTest, UnknownClientWrongSecretAndRevokedClientAreIndistinguishable) {
  const auto cases = Cases();
  auto find = [&](const std::string& name) {
    for (const auto& c : cases) {
      if (c.name == name) return c;
    }
    throw std::runtime_error("no case " + name);
  };
  for (const char* accept : {"application/json", "application/xml"}) {
    SCOPED_TRACE(accept);
    auto unknown = Send(find("unknown client"), accept);
    auto wrong = Send(find("wrong secret"), accept);
    auto revoked = Send(find("revoked client"), accept);
    EXPECT_EQ(unknown.status, 401u);
    EXPECT_EQ(wrong.status, 401u);
    EXPECT_EQ(revoked.status, 401u);
    EXPECT_EQ(unknown.body, wrong.body);
    EXPECT_EQ(unknown.body, revoked.body);
  }
}

TEST_F(TokenErrorsTest, AProviderTokenAnswersInXmlToo) {
  auto response = RequestToken(server_->port(), kProvider, kSecret, kSellerB, "application/xml");
  ASSERT_EQ(response.status, 200u) << response.body;
  pugi::xml_document document;
  ASSERT_TRUE(document.load_string(response.body.c_str()));
  EXPECT_STREQ(document.document_element().name(), "oAuthToken");
  const std::string token = document.document_element().child_value("ns2:accessToken");
  ASSERT_FALSE(token.empty()) << response.body;
  EXPECT_EQ(Get("/v3/token/detail", token).status, 200u);
}

}  // namespace
}  // namespace mporders::testing
