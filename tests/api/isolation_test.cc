// Seller isolation, as a matrix over real HTTP: every Orders endpoint, called
// with another seller's purchase order id, answers exactly as for an id that
// does not exist (same status, headers and body, in JSON and in XML), and the
// other seller's order is unchanged afterwards. Callers: a seller's own
// client, and a solution provider's token for a seller it was granted, aimed
// at the order of a seller it lacks. A provider token naming the other seller
// in WM_PARTNER.ID is refused identically whether the order exists or not.

#include <map>
#include <string>
#include <vector>

#include "delegated_support.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

// Seller A's orders, each in a state in which every write aimed at it below
// would succeed for seller A (the last test proves it).
constexpr char kCreatedPo[] = "ISO-NEW";  // 2 units Created: acknowledge, cancel
constexpr char kShippedPo[] = "ISO-OLD";  // line 1 Acknowledged, line 2 Shipped: ship, refund
constexpr char kMissingPo[] = "ISO-NUL";  // exists for nobody

struct EndpointCase {
  std::string name;
  std::string method;
  std::string foreign_po;                        // seller A's order aimed at
  std::string (*target)(const std::string& po);  // path and query
  std::string (*body)(const std::string& po);    // request body
};

std::string NoBody(const std::string&) { return ""; }

const std::vector<EndpointCase>& Endpoints() {
  static const std::vector<EndpointCase> cases = {
      {"getAnOrder", "GET", kCreatedPo, [](const std::string& po) { return "/v3/orders/" + po; },
       NoBody},
      {"getAllOrders?purchaseOrderId", "GET", kCreatedPo,
       [](const std::string& po) { return "/v3/orders?purchaseOrderId=" + po; }, NoBody},
      {"getAllOrders?purchaseOrderId (shipped)", "GET", kShippedPo,
       [](const std::string& po) { return "/v3/orders?purchaseOrderId=" + po; }, NoBody},
      {"getAllReleasedOrders?purchaseOrderId", "GET", kCreatedPo,
       [](const std::string& po) { return "/v3/orders/released?purchaseOrderId=" + po; }, NoBody},
      {"acknowledgeOrders", "POST", kCreatedPo,
       [](const std::string& po) { return "/v3/orders/" + po + "/acknowledge"; }, NoBody},
      {"cancelOrderLines", "POST", kCreatedPo,
       [](const std::string& po) { return "/v3/orders/" + po + "/cancel"; },
       [](const std::string&) { return CancelBody("1", 1); }},
      {"shippingUpdates", "POST", kShippedPo,
       [](const std::string& po) { return "/v3/orders/" + po + "/shipping"; },
       [](const std::string&) { return ShipBody({Package("1", 1, "TRK-ISO-1")}); }},
      {"refundOrderLines", "POST", kShippedPo,
       [](const std::string& po) { return "/v3/orders/" + po + "/refund"; },
       [](const std::string& po) { return RefundBody(po, "2", "-1.00"); }},
  };
  return cases;
}

// Headers that differ between any two calls: the bucket's count and time.
bool VariesPerCall(const std::string& name) {
  return name == "x-current-token-count" || name == "x-next-replenishment-time";
}

class IsolationTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(AddProviderClient(db_), 0);
    ASSERT_EQ(GrantSeller(db_, kSellerB), 0);  // B only: the provider lacks A
    const std::int64_t date = NowSeconds() - kHour;
    OrderSpec shipped = Order(kShippedPo, date,
                              {Line("1", "SKU-1", 1, {Bucket("Acknowledged", 1)}),
                               Line("2", "SKU-2", 1, {Bucket("Shipped", 1)})});
    ASSERT_EQ(
        ImportOrders(db_, kSellerA, {Order(kCreatedPo, date, {Line("1", "SKU-1", 2)}), shipped},
                     dir_.path()),
        0);
  }

  HttpResponse Call(const EndpointCase& endpoint, const std::string& po, const Headers& headers) {
    Headers with_body = headers;
    if (endpoint.method == "POST") with_body.emplace_back("Content-Type", "application/json");
    HttpClient client(server_->port());
    return client.Request(endpoint.method, endpoint.target(po), with_body, endpoint.body(po));
  }

  // Seller A's order as seller A reads it.
  std::string OwnerView(const std::string& po) { return Get("/v3/orders/" + po, token_a_).body; }

  // Asserts that aiming `endpoint` at seller A's order and at a missing one
  // gives indistinguishable answers with `expected_status`.
  void ExpectIndistinguishable(const EndpointCase& endpoint, const Headers& headers,
                               unsigned expected_status) {
    auto foreign = Call(endpoint, endpoint.foreign_po, headers);
    auto missing = Call(endpoint, kMissingPo, headers);
    EXPECT_EQ(foreign.status, expected_status) << foreign.body;
    EXPECT_EQ(missing.status, expected_status) << missing.body;
    EXPECT_EQ(foreign.body, missing.body);
    std::map<std::string, std::string> foreign_headers = foreign.headers;
    std::map<std::string, std::string> missing_headers = missing.headers;
    for (auto* headers_of : {&foreign_headers, &missing_headers}) {
      for (auto& [name, value] : *headers_of) {
        if (VariesPerCall(name)) value = "*";
      }
    }
    EXPECT_EQ(foreign_headers, missing_headers);
  }
};

struct Caller {
  std::string name;
  std::string token;
};

TEST_F(IsolationTest, AnotherSellersOrderAnswersExactlyLikeAMissingOneOnEveryEndpoint) {
  const std::string created_before = OwnerView(kCreatedPo);
  const std::string shipped_before = OwnerView(kShippedPo);
  ASSERT_NE(created_before.find(kCreatedPo), std::string::npos) << created_before;

  const std::vector<Caller> callers = {
      {"seller B's own client", FetchToken(server_->port(), kClientB, kSecret)},
      {"provider token for seller B", FetchTokenFor(server_->port(), kSellerB)},
  };
  int checked = 0;
  for (const Caller& caller : callers) {
    for (const EndpointCase& endpoint : Endpoints()) {
      for (const char* accept : {"application/json", "application/xml"}) {
        SCOPED_TRACE(caller.name + " / " + endpoint.name + " / " + accept);
        Headers headers = WalmartHeaders(caller.token, "iso-cid");
        for (auto& [name, value] : headers) {
          if (name == "Accept") value = accept;
        }
        ExpectIndistinguishable(endpoint, headers, 404);
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 2 * static_cast<int>(Endpoints().size()) * 2);

  // Nothing of seller A changed.
  EXPECT_EQ(OwnerView(kCreatedPo), created_before);
  EXPECT_EQ(OwnerView(kShippedPo), shipped_before);
}

TEST_F(IsolationTest, NamingTheLackingSellerInWmPartnerIdIsRefusedTheSameForAnyOrder) {
  const std::string created_before = OwnerView(kCreatedPo);
  const std::string shipped_before = OwnerView(kShippedPo);
  const std::string for_b = FetchTokenFor(server_->port(), kSellerB);
  for (const EndpointCase& endpoint : Endpoints()) {
    SCOPED_TRACE(endpoint.name);
    ExpectIndistinguishable(endpoint, PartnerHeaders(for_b, kSellerA), 403);
  }
  // Nor can the provider get a token for seller A.
  ExpectWalmartError(RequestToken(server_->port(), kProvider, kSecret, kSellerA), 401,
                     "UNAUTHORIZED.GMP_GATEWAY_API");
  EXPECT_EQ(OwnerView(kCreatedPo), created_before);
  EXPECT_EQ(OwnerView(kShippedPo), shipped_before);
}

TEST_F(IsolationTest, TheSameRequestsSucceedForTheOwningSeller) {
  // Proves the matrix meaningful: every request it sends is one seller A may
  // make, so the 404s above come from isolation, not from a bad request.
  const Headers headers = WalmartHeaders(token_a_, "owner-cid");
  for (const EndpointCase& endpoint : Endpoints()) {
    SCOPED_TRACE(endpoint.name);
    auto response = Call(endpoint, endpoint.foreign_po, headers);
    EXPECT_EQ(response.status, 200u) << response.body;
    EXPECT_NE(response.body.find(endpoint.foreign_po), std::string::npos);
  }
}

}  // namespace
}  // namespace mporders::testing
