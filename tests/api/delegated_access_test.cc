// Delegated access over real HTTP: a solution provider's client gets one
// token per granted seller by naming it in WM_PARTNER.ID; each token sees
// only its seller's orders; ungranted sellers are refused when the token is
// asked for; removing a grant or revoking the client refuses live tokens at
// once; WM_PARTNER.ID on an Orders call must name the token's seller.

#include <fstream>
#include <iterator>

#include "delegated_support.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kSellerC[] = "seller-c";  // has orders, never granted to the provider

class DelegatedAccessTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(AddProviderClient(db_), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerA), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerB), 0);
    ASSERT_EQ(RunCli({"sellers", "add", "--db", db_, kSellerC}), 0);
    const std::int64_t date = NowSeconds() - kHour;
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("DA-A", date)}, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB, {Order("DA-B", date)}, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerC, {Order("DA-C", date)}, dir_.path()), 0);
  }

  HttpResponse GetWith(const std::string& target, const Headers& headers) {
    HttpClient client(server_->port());
    return client.Request("GET", target, headers);
  }
};

TEST_F(DelegatedAccessTest, EachTokenOfTheProviderSeesOnlyItsSellersOrders) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);

  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", for_a).Json()), std::vector<std::string>{"DA-A"});
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders", for_b).Json()), std::vector<std::string>{"DA-B"});
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders/released", for_a).Json()),
            std::vector<std::string>{"DA-A"});
  EXPECT_EQ(PurchaseOrderIds(Get("/v3/orders/released", for_b).Json()),
            std::vector<std::string>{"DA-B"});

  EXPECT_EQ(Get("/v3/orders/DA-A", for_a).status, 200u);
  EXPECT_EQ(Get("/v3/orders/DA-B", for_b).status, 200u);
  ExpectWalmartError(Get("/v3/orders/DA-B", for_a), 404, "NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(Get("/v3/orders/DA-A", for_b), 404, "NOT_FOUND.GMP_ORDER_API");
  ExpectWalmartError(Get("/v3/orders/DA-C", for_a), 404, "NOT_FOUND.GMP_ORDER_API");

  // Writes too: each token changes its own seller's order only.
  auto acknowledged = Post("/v3/orders/DA-A/acknowledge", for_a, "");
  ASSERT_EQ(acknowledged.status, 200u) << acknowledged.body;
  EXPECT_EQ(QuantityIn(LineOf(acknowledged.Json(), "1"), "Acknowledged"), 1);
  ExpectWalmartError(Post("/v3/orders/DA-B/acknowledge", for_a, ""), 404,
                     "NOT_FOUND.GMP_ORDER_API");
  EXPECT_EQ(QuantityIn(LineOf(Get("/v3/orders/DA-B", for_b).Json(), "1"), "Created"), 1);
}

TEST_F(DelegatedAccessTest, ProviderTokensWorkWithTheirSellerInWmPartnerIdOnEveryCall) {
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);
  EXPECT_EQ(GetWith("/v3/orders/DA-B", PartnerHeaders(for_b, kSellerB)).status, 200u);
  EXPECT_EQ(GetWith("/v3/orders", PartnerHeaders(for_b, kSellerB)).status, 200u);
  EXPECT_EQ(GetWith("/v3/token/detail", PartnerHeaders(for_b, kSellerB)).status, 200u);
}

TEST_F(DelegatedAccessTest, TokenDetailOfAProviderTokenHasTheSameShape) {
  auto own = Get("/v3/token/detail", token_a_);
  auto delegated = Get("/v3/token/detail", FetchTokenFor(server_->port(), kSellerA));
  ASSERT_EQ(own.status, 200u) << own.body;
  ASSERT_EQ(delegated.status, 200u) << delegated.body;
  const boost::json::value own_value = own.Json();
  const boost::json::value value = delegated.Json();
  const auto& own_json = own_value.as_object();
  const auto& json = value.as_object();
  ASSERT_EQ(json.size(), own_json.size()) << delegated.body;
  for (const auto& [key, own_field] : own_json) {
    ASSERT_TRUE(json.contains(key)) << key;
    EXPECT_EQ(json.at(key).kind(), own_field.kind()) << key;
  }
  EXPECT_EQ(std::stoll(std::string(json.at("expire_at").as_string())) -
                std::stoll(std::string(json.at("issued_at").as_string())),
            900000);
  EXPECT_TRUE(json.at("is_valid").as_bool());
  EXPECT_EQ(json.at("scopes"), own_json.at("scopes"));
}

TEST_F(DelegatedAccessTest, ProviderTokenRequestWithoutWmPartnerIdIs400NamingIt) {
  auto response = RequestToken(server_->port(), kProvider, kSecret, "");
  ExpectWalmartError(response, 400, "MISSING_REQUEST_HEADER.GMP_GATEWAY_API");
  EXPECT_EQ(response.Json().at("errors").as_array()[0].at("field").as_string(), "WM_PARTNER.ID");
}

TEST_F(DelegatedAccessTest, UngrantedSellerIsRefusedWhenTheTokenIsAskedFor) {
  auto ungranted = RequestToken(server_->port(), kProvider, kSecret, kSellerC);
  ExpectWalmartError(ungranted, 401, "UNAUTHORIZED.GMP_GATEWAY_API");
  EXPECT_EQ(ungranted.Json().at("errors").as_array()[0].at("field").as_string(), "UNAUTHORIZED");
  // A seller that does not exist gets the very same answer: the refusal tells
  // nothing about which sellers exist.
  auto unknown = RequestToken(server_->port(), kProvider, kSecret, "no-such-seller");
  EXPECT_EQ(unknown.status, ungranted.status);
  EXPECT_EQ(unknown.body, ungranted.body);
  // Without the right secret the grants are not even looked at.
  auto wrong_secret = RequestToken(server_->port(), kProvider, "wrong-secret", kSellerA);
  ExpectWalmartError(wrong_secret, 401, "UNAUTHORIZED.GMP_GATEWAY_API");
  EXPECT_NE(wrong_secret.body.find("Invalid client credentials."), std::string::npos);
}

TEST_F(DelegatedAccessTest, SellerClientMayNameOnlyItsOwnSeller) {
  auto own = RequestToken(server_->port(), kClientA, kSecret, kSellerA);
  ASSERT_EQ(own.status, 200u) << own.body;
  const std::string token(own.Json().at("access_token").as_string());
  EXPECT_EQ(Get("/v3/orders/DA-A", token).status, 200u);
  ExpectWalmartError(RequestToken(server_->port(), kClientA, kSecret, kSellerB), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
}

TEST_F(DelegatedAccessTest, RemovingAGrantRefusesThatSellersLiveTokensAtOnce) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);
  ASSERT_EQ(Get("/v3/orders/DA-A", for_a).status, 200u);

  ASSERT_EQ(UngrantSeller(db_, kSellerA), 0);
  ExpectWalmartError(Get("/v3/orders/DA-A", for_a), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(Get("/v3/token/detail", for_a), 401, "UNAUTHORIZED.GMP_GATEWAY_API");
  ExpectWalmartError(RequestToken(server_->port(), kProvider, kSecret, kSellerA), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  // The other grant is untouched.
  EXPECT_EQ(Get("/v3/orders/DA-B", for_b).status, 200u);

  // Granting again lets the provider back in.
  ASSERT_EQ(GrantSeller(db_, kSellerA), 0);
  EXPECT_EQ(Get("/v3/orders/DA-A", FetchTokenFor(server_->port(), kSellerA)).status, 200u);
}

TEST_F(DelegatedAccessTest, RevokingTheProviderRefusesEveryOneOfItsTokens) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kProvider}), 0);
  ExpectWalmartError(Get("/v3/orders/DA-A", for_a), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(Get("/v3/orders/DA-B", for_b), 401, "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(RequestToken(server_->port(), kProvider, kSecret, kSellerA), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  // The sellers' own clients are not affected.
  EXPECT_EQ(Get("/v3/orders/DA-A", token_a_).status, 200u);
}

TEST_F(DelegatedAccessTest, WmPartnerIdOfAnotherSellerOnACallIsForbidden) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  for (const std::string& token : {for_a, token_a_}) {
    auto response = GetWith("/v3/orders/DA-B", PartnerHeaders(token, kSellerB));
    ExpectWalmartError(response, 403, "FORBIDDEN.GMP_ORDER_API");
    EXPECT_EQ(response.Json().at("errors").as_array()[0].at("field").as_string(), "WM_PARTNER.ID");
    // Refused before the rate limit: nothing counted, no headers.
    EXPECT_TRUE(response.Header("x-current-token-count").empty());
    // An order of the token's own seller is refused the same way: the header
    // is wrong whatever the order.
    auto own_order = GetWith("/v3/orders/DA-A", PartnerHeaders(token, kSellerB));
    EXPECT_EQ(own_order.status, 403u);
    EXPECT_EQ(own_order.body, response.body);
  }
  auto writes = Post("/v3/orders/DA-A/acknowledge", for_a, "");
  ASSERT_EQ(writes.status, 200u);  // the same token without the header works
  HttpClient client(server_->port());
  auto post =
      client.Request("POST", "/v3/orders/DA-A/acknowledge", PartnerHeaders(for_a, kSellerC));
  ExpectWalmartError(post, 403, "FORBIDDEN.GMP_ORDER_API");
  ExpectWalmartError(GetWith("/v3/token/detail", PartnerHeaders(for_a, kSellerB)), 403,
                     "FORBIDDEN.GMP_GATEWAY_API");
}

// Seller A may read one order 4 times a minute (a token every 15 s: no
// refill during the test).
class DelegatedRateLimitTest : public DelegatedAccessTest {
 protected:
  void BeforeServe() override {
    DelegatedAccessTest::BeforeServe();
    std::ofstream(ConfigPath())
        << R"({"rate-limits": {"sellers": {"seller-a": {"getAnOrder": 4}}}})";
  }
  std::vector<std::string> ServeArgs() override { return {"--config", ConfigPath()}; }
  std::string ConfigPath() const { return (dir_.path() / "limits.json").string(); }
};

TEST_F(DelegatedRateLimitTest, ProviderTokensShareTheSellersBuckets) {
  const std::string delegated = FetchTokenFor(server_->port(), kSellerA);
  EXPECT_EQ(Get("/v3/orders/DA-A", token_a_).Header("x-current-token-count"), "3");
  EXPECT_EQ(Get("/v3/orders/DA-A", delegated).Header("x-current-token-count"), "2");
  EXPECT_EQ(Get("/v3/orders/DA-A", token_a_).Header("x-current-token-count"), "1");
  EXPECT_EQ(Get("/v3/orders/DA-A", delegated).Header("x-current-token-count"), "0");
  ExpectWalmartError(Get("/v3/orders/DA-A", delegated), 429, "RATE_LIMIT_EXCEEDED.GMP_ORDER_API");
  // Seller B's bucket is its own, with the default limit.
  auto other = Get("/v3/orders/DA-B", FetchTokenFor(server_->port(), kSellerB));
  EXPECT_EQ(other.status, 200u);
  EXPECT_EQ(other.Header("x-current-token-count"), "4999");
}

class DelegatedLogTest : public DelegatedAccessTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--log-level", "trace"}; }
};

TEST_F(DelegatedLogTest, NoSecretOrProviderTokenInAnyLogLine) {
  const std::string for_a = FetchTokenFor(server_->port(), kSellerA);
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);
  EXPECT_EQ(RequestToken(server_->port(), kProvider, kSecret, kSellerC).status, 401u);
  EXPECT_EQ(RequestToken(server_->port(), kProvider, kSecret, "").status, 400u);
  EXPECT_EQ(RequestToken(server_->port(), kProvider, "wrong-provider-secret", kSellerA).status,
            401u);
  EXPECT_EQ(Get("/v3/orders/DA-A", for_a).status, 200u);
  EXPECT_EQ(GetWith("/v3/orders/DA-A", PartnerHeaders(for_a, kSellerB)).status, 403u);
  ASSERT_EQ(UngrantSeller(db_, kSellerB), 0);
  EXPECT_EQ(Get("/v3/orders/DA-B", for_b).status, 401u);
  ASSERT_EQ(server_->Terminate(), 0);  // flushes and closes the log

  std::ifstream in(server_->log_path());
  const std::string log((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_NE(log.find("POST /v3/token 401"), std::string::npos) << log;
  ASSERT_NE(log.find("GET /v3/orders/DA-A 403"), std::string::npos) << log;
  for (const std::string& secret : {std::string(kSecret), std::string("wrong-provider-secret"),
                                    for_a, for_b, Base64(std::string(kProvider) + ":" + kSecret)}) {
    EXPECT_EQ(log.find(secret), std::string::npos) << "found '" << secret << "' in:\n" << log;
  }
  for (const std::string& token : {for_a, for_b}) {
    for (size_t start = 0; start + 16 <= token.size(); start += 8) {
      EXPECT_EQ(log.find(token.substr(start, 16)), std::string::npos)
          << "found part of a token: " << token.substr(start, 16);
    }
  }
}

TEST_F(DelegatedAccessTest, ClientsListShowsKindAndGrants) {
  std::string listing;
  ASSERT_EQ(RunCli({"clients", "list", "--db", db_}, &listing), 0);
  EXPECT_NE(listing.find(std::string(kProvider) + "\tprovider\tseller-a,seller-b\t"),
            std::string::npos)
      << listing;
  EXPECT_NE(listing.find(std::string(kClientA) + "\tseller\tseller-a\t"), std::string::npos)
      << listing;
  // Grants only go to provider clients, and only what exists is removed.
  EXPECT_NE(GrantSeller(db_, kSellerB, kClientA), 0);
  EXPECT_NE(UngrantSeller(db_, kSellerC), 0);
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--provider", "--seller", kSellerA}), 0);
  EXPECT_NE(RunCli({"clients", "add", "--db", db_}), 0);
}

}  // namespace
}  // namespace mporders::testing
