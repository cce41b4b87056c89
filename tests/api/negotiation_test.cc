// Content negotiation over HTTP: Accept with q-values and wildcards, 406
// (before authentication), problem+json errors, 415 for request bodies.

#include <string>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

Headers WithHeader(Headers headers, const std::string& name, const std::string& value) {
  for (auto& [key, current] : headers) {
    if (key == name) {
      current = value;
      return headers;
    }
  }
  headers.emplace_back(name, value);
  return headers;
}

Headers WithoutHeader(Headers headers, const std::string& name) {
  std::erase_if(headers, [&](const auto& header) { return header.first == name; });
  return headers;
}

bool IsXml(const HttpResponse& response) { return response.body.starts_with("<?xml "); }

// Asserts an RFC 9457 body for `status` carrying Walmart's `code`.
void ExpectProblem(const HttpResponse& response, unsigned status, const std::string& title,
                   const std::string& code, const std::string& instance) {
  EXPECT_EQ(response.status, status) << response.body;
  EXPECT_EQ(response.Header("content-type"), "application/problem+json");
  auto json = response.Json().as_object();
  EXPECT_EQ(json.at("type").as_string(), "about:blank");
  EXPECT_EQ(json.at("title").as_string(), title);
  EXPECT_EQ(json.at("status").as_int64(), status);
  EXPECT_FALSE(json.at("detail").as_string().empty());
  EXPECT_EQ(json.at("instance").as_string(), instance);
  EXPECT_EQ(json.at("code").as_string(), code);
}

// Seller A: N-1 with one Created unit.
class NegotiationTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("N-1", NowSeconds() - kHour)}, dir_.path()), 0);
  }

  HttpResponse GetWithAccept(const std::string& target, const std::string& accept) {
    HttpClient client(server_->port());
    return client.Request("GET", target, WithHeader(WalmartHeaders(token_a_), "Accept", accept));
  }
  HttpResponse PostAs(const std::string& target, const std::string& content_type,
                      const std::string& body) {
    HttpClient client(server_->port());
    return client.Request("POST", target,
                          WithHeader(WalmartHeaders(token_a_), "Content-Type", content_type), body);
  }
  // GET /v3/orders/N-1 with `accept` answers 200 in `content_type`.
  void ExpectServedAs(const std::string& accept, const std::string& content_type) {
    SCOPED_TRACE("Accept: " + accept);
    auto response = GetWithAccept("/v3/orders/N-1", accept);
    ASSERT_EQ(response.status, 200u) << response.body;
    EXPECT_EQ(response.Header("content-type"), content_type);
    EXPECT_EQ(IsXml(response), content_type != "application/json") << response.body;
    EXPECT_EQ(response.Header("vary"), "Accept");
  }
};

TEST_F(NegotiationTest, JsonUnlessXmlIsPreferred) {
  HttpClient client(server_->port());
  auto no_accept =
      client.Request("GET", "/v3/orders/N-1", WithoutHeader(WalmartHeaders(token_a_), "Accept"));
  ASSERT_EQ(no_accept.status, 200u);
  EXPECT_EQ(no_accept.Header("content-type"), "application/json");
  EXPECT_EQ(OrderOf(no_accept.Json()).at("purchaseOrderId").as_string(), "N-1");

  ExpectServedAs("*/*", "application/json");
  ExpectServedAs("application/*", "application/json");
  ExpectServedAs("application/json; charset=utf-8", "application/json");
  ExpectServedAs("application/xml", "application/xml");
  ExpectServedAs("text/xml", "text/xml");
  ExpectServedAs("text/*", "text/xml");
}

TEST_F(NegotiationTest, QValuesAndWildcardsAsHttpSays) {
  ExpectServedAs("application/json;q=0.5, application/xml", "application/xml");
  ExpectServedAs("application/xml;q=0.1, */*", "application/json");
  ExpectServedAs("application/xml, */*;q=0.5", "application/xml");
  ExpectServedAs("application/json;q=0, */*", "application/xml");
  ExpectServedAs("application/*;q=0.2, text/*;q=0.9", "text/xml");
  ExpectServedAs("text/html, application/xml;q=0.8, image/png", "application/xml");
  ExpectServedAs("application/xml, application/json", "application/json");  // a tie: JSON
}

TEST_F(NegotiationTest, AcceptAllowingNothingWeServeIs406BeforeAuthentication) {
  for (const std::string accept : {"text/html", "application/json;q=0", "image/*, text/plain",
                                   "application/json;q=0, application/xml;q=0, text/xml;q=0"}) {
    SCOPED_TRACE(accept);
    ExpectWalmartError(GetWithAccept("/v3/orders/N-1", accept), 406,
                       "INVALID_ACCEPT_TYPE.GMP_ORDER_API");
    // Without a token and without the WM_* headers: still 406, not 400/401.
    HttpClient client(server_->port());
    auto anonymous = client.Request("GET", "/v3/orders/N-1", {{"Accept", accept}});
    ExpectWalmartError(anonymous, 406, "INVALID_ACCEPT_TYPE.GMP_ORDER_API");
    EXPECT_EQ(anonymous.Header("content-type"), "application/json");
    EXPECT_EQ(anonymous.Json().at("errors").as_array()[0].at("field").as_string(), "Accept");
  }
  // The token API negotiates too, and answers like Walmart's gateway.
  HttpClient client(server_->port());
  ExpectWalmartError(client.Request("POST", "/v3/token", {{"Accept", "text/html"}}), 406,
                     "INVALID_ACCEPT_TYPE.GMP_GATEWAY_API");
  // A write is refused before it changes anything.
  HttpClient writer(server_->port());
  auto ack = writer.Request("POST", "/v3/orders/N-1/acknowledge",
                            WithHeader(WalmartHeaders(token_a_), "Accept", "text/html"));
  EXPECT_EQ(ack.status, 406u);
  EXPECT_EQ(QuantityIn(LineOf(GetWithAccept("/v3/orders/N-1", "*/*").Json(), "1"), "Created"), 1);
}

TEST_F(NegotiationTest, ProblemJsonWhenAskedFor) {
  const std::string accept = "application/json, application/problem+json";
  ExpectProblem(GetWithAccept("/v3/orders/nope", accept), 404, "Not Found",
                "NOT_FOUND.GMP_ORDER_API", "/v3/orders/nope");
  auto bad_param = GetWithAccept("/v3/orders/N-1?productInfo=maybe", accept);
  ExpectProblem(bad_param, 400, "Bad Request", "INVALID_REQUEST_PARAM.GMP_ORDER_API",
                "/v3/orders/N-1");
  EXPECT_EQ(bad_param.Json().at("field").as_string(), "productInfo");
  HttpClient client(server_->port());
  ExpectProblem(
      client.Request("GET", "/v3/orders/N-1",
                     {{"Accept", accept}, {"WM_SVC.NAME", "x"}, {"WM_QOS.CORRELATION_ID", "c"}}),
      401, "Unauthorized", "UNAUTHORIZED.GMP_ORDER_API", "/v3/orders/N-1");
  // Successes are still the JSON order; with XML preferred they are XML.
  ExpectServedAs(accept, "application/json");
  ExpectServedAs("application/xml, application/problem+json", "application/xml");
  ExpectProblem(GetWithAccept("/v3/orders/nope", "application/xml, application/problem+json"), 404,
                "Not Found", "NOT_FOUND.GMP_ORDER_API", "/v3/orders/nope");
  // Named with a lower q than the success type: Walmart's list.
  ExpectWalmartError(
      GetWithAccept("/v3/orders/nope", "application/json, application/problem+json;q=0.5"), 404,
      "NOT_FOUND.GMP_ORDER_API");
  // Problem details alone allow no success body: 406, itself as problem details.
  ExpectProblem(GetWithAccept("/v3/orders/N-1", "application/problem+json"), 406, "Not Acceptable",
                "INVALID_ACCEPT_TYPE.GMP_ORDER_API", "/v3/orders/N-1");
}

TEST_F(NegotiationTest, WriteBodiesInOtherTypesAre415) {
  const std::string cancel = CancelBody("1", 1);
  for (const std::string type :
       {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"}) {
    SCOPED_TRACE(type);
    for (const std::string action : {"cancel", "shipping", "refund"}) {
      ExpectWalmartError(PostAs("/v3/orders/N-1/" + action, type, cancel), 415,
                         "UNSUPPORTED_MEDIA_TYPE.GMP_ORDER_API");
    }
  }
  EXPECT_EQ(QuantityIn(LineOf(GetWithAccept("/v3/orders/N-1", "*/*").Json(), "1"), "Created"), 1);
  // 415 comes from the endpoint, after authentication.
  HttpClient client(server_->port());
  auto anonymous = client.Request(
      "POST", "/v3/orders/N-1/cancel",
      {{"Content-Type", "text/plain"}, {"WM_SVC.NAME", "x"}, {"WM_QOS.CORRELATION_ID", "c"}},
      cancel);
  EXPECT_EQ(anonymous.status, 401u) << anonymous.body;
  // An empty body has no type to refuse: it is simply missing content.
  ExpectWalmartError(PostAs("/v3/orders/N-1/cancel", "text/plain", ""), 400,
                     "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  // JSON with parameters and +json types are JSON.
  auto charset = PostAs("/v3/orders/N-1/cancel", "application/json; charset=UTF-8", cancel);
  EXPECT_EQ(charset.status, 200u) << charset.body;
}

TEST_F(NegotiationTest, AcknowledgeNeverAnswers415) {
  auto response = PostAs("/v3/orders/N-1/acknowledge", "text/plain", "whatever");
  EXPECT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(QuantityIn(LineOf(response.Json(), "1"), "Acknowledged"), 1);
}

TEST_F(NegotiationTest, TokenTakesOnlyAForm) {
  HttpClient client(server_->port());
  const std::string basic = "Basic " + Base64(std::string(kClientA) + ":" + kSecret);
  ExpectWalmartError(
      client.Request("POST", "/v3/token",
                     {{"Authorization", basic}, {"Content-Type", "application/json"}},
                     R"({"grant_type":"client_credentials"})"),
      415, "UNSUPPORTED_MEDIA_TYPE.GMP_GATEWAY_API");
  auto form = client.Request("POST", "/v3/token",
                             {{"Authorization", basic},
                              {"Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"}},
                             "grant_type=client_credentials");
  EXPECT_EQ(form.status, 200u) << form.body;
  // No body is no form: not a 415, but grant_type is missing.
  auto no_body = client.Request("POST", "/v3/token",
                                {{"Authorization", basic}, {"Content-Type", "application/json"}});
  ExpectWalmartError(no_body, 400, "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API");
}

TEST_F(NegotiationTest, ErrorsRaisedBeforeRoutingFollowAcceptToo) {
  // A target that is not a valid path is refused by the server before any
  // route is looked at.
  ExpectProblem(GetWithAccept("/v3/orders/%zz", "application/problem+json, */*"), 400,
                "Bad Request", "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "/v3/orders/%zz");
  auto xml = GetWithAccept("/v3/orders/%zz", "text/xml");
  EXPECT_EQ(xml.status, 400u);
  EXPECT_EQ(xml.Header("content-type"), "text/xml");
  EXPECT_NE(xml.body.find("<ns2:code>INVALID_REQUEST_CONTENT.GMP_ORDER_API</ns2:code>"),
            std::string::npos)
      << xml.body;
}

}  // namespace
}  // namespace mporders::testing
