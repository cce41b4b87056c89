// Malformed input that used to be accepted or answered with a broken body:
// each answers a 4xx with a valid error body and changes nothing.

#include <string>

#include <pugixml.hpp>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kGatewayContentError[] = "INVALID_REQUEST_CONTENT.GMP_GATEWAY_API";
constexpr char kParamError[] = "INVALID_REQUEST_PARAM.GMP_ORDER_API";
constexpr char kReplacementChar[] = "\xEF\xBF\xBD";  // U+FFFD

std::string FieldOf(const HttpResponse& response) {
  auto json = response.Json();
  const auto& error = json.at("errors").as_array().at(0).as_object();
  return error.contains("field") ? std::string(error.at("field").as_string()) : "";
}

// Seller A: ACKED, 2 units Acknowledged, ready to ship.
class InputChecksTest : public ApiTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(ImportOrders(db_, kSellerA,
                           {Order("ACKED", NowSeconds() - kHour,
                                  {Line("1", "SKU-1", 2, {Bucket("Acknowledged", 2)})})},
                           dir_.path()),
              0);
  }

  HttpResponse TokenRequest(const std::string& body, const std::string& credentials) {
    HttpClient client(server_->port());
    Headers headers = {{"Authorization", "Basic " + Base64(credentials)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/x-www-form-urlencoded");
    return client.Request("POST", "/v3/token", headers, body);
  }
  HttpResponse TokenRequest(const std::string& body) {
    return TokenRequest(body, std::string(kClientA) + ":" + kSecret);
  }

  HttpResponse GetAs(const std::string& target, const std::string& accept) {
    HttpClient client(server_->port());
    auto headers = WalmartHeaders(token_a_);
    headers.emplace_back("Accept", accept);
    return client.Request("GET", target, headers);
  }

  std::int64_t AcknowledgedUnits() {
    auto order = Get("/v3/orders/ACKED", token_a_);
    EXPECT_EQ(order.status, 200u) << order.body;
    return QuantityIn(LineOf(order.Json(), "1"), "Acknowledged");
  }
};

TEST_F(InputChecksTest, TokenRequestWithoutGrantTypeIs400) {
  for (const std::string body : {"", "foo=bar", "grant_type_x=client_credentials"}) {
    auto response = TokenRequest(body);
    ExpectWalmartError(response, 400, kGatewayContentError);
    EXPECT_EQ(FieldOf(response), "grant_type") << body;
    EXPECT_EQ(response.body.find("access_token"), std::string::npos) << response.body;
  }
  EXPECT_EQ(TokenRequest("grant_type=client_credentials").status, 200u);
}

TEST_F(InputChecksTest, RepeatedFormOrQueryParametersAre400NamingThem) {
  auto token = TokenRequest("grant_type=client_credentials&grant_type=password");
  ExpectWalmartError(token, 400, kGatewayContentError);
  EXPECT_EQ(FieldOf(token), "grant_type");
  // Even when both values agree: the rule does not depend on the values.
  auto same = TokenRequest("grant_type=client_credentials&grant_type=client_credentials");
  ExpectWalmartError(same, 400, kGatewayContentError);

  auto list = Get("/v3/orders?limit=5&limit=10", token_a_);
  ExpectWalmartError(list, 400, kParamError);
  EXPECT_EQ(FieldOf(list), "limit");
  auto encoded = Get("/v3/orders?status=Created&st%61tus=Shipped", token_a_);
  ExpectWalmartError(encoded, 400, kParamError);
  EXPECT_EQ(FieldOf(encoded), "status");
  auto one = Get("/v3/orders/ACKED?productInfo=true&productInfo=false", token_a_);
  ExpectWalmartError(one, 400, kParamError);
  EXPECT_EQ(FieldOf(one), "productInfo");
}

TEST_F(InputChecksTest, BasicCredentialsWithAControlCharacterAre401) {
  using namespace std::string_literals;
  const std::string good = std::string(kClientA) + ":" + kSecret;
  for (const std::string& credentials :
       {good + "\0"s, good + "\n", std::string(kClientA) + "\0:"s + kSecret, "\0"s + good}) {
    auto response = TokenRequest("grant_type=client_credentials", credentials);
    ExpectWalmartError(response, 401, "UNAUTHORIZED.GMP_GATEWAY_API");
  }
  EXPECT_EQ(TokenRequest("grant_type=client_credentials", good).status, 200u);
}

TEST_F(InputChecksTest, CarrierNameAsAStringIs400AndShipsNothing) {
  const std::string body = ShipBody({Package("1", 1, "TRK-STRING")});
  const std::string object_form = R"("carrierName":{"carrier":"UPS"})";
  const size_t at = body.find(object_form);
  ASSERT_NE(at, std::string::npos) << body;
  std::string as_string = body;
  as_string.replace(at, object_form.size(), R"("carrierName":"UPS")");
  auto response = Post("/v3/orders/ACKED/shipping", token_a_, as_string);
  ExpectWalmartError(response, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_NE(FieldOf(response).find("carrierName"), std::string::npos) << response.body;
  EXPECT_EQ(AcknowledgedUnits(), 2);

  // The XML form: <carrierName>UPS</carrierName> instead of <carrier> inside.
  const std::string xml =
      R"(<ns3:orderShipment xmlns:ns3="http://walmart.com/mp/v3/orders"><ns3:orderLines><ns3:orderLine>)"
      R"(<ns3:lineNumber>1</ns3:lineNumber><ns3:orderLineStatuses><ns3:orderLineStatus>)"
      R"(<ns3:status>Shipped</ns3:status><ns3:statusQuantity><ns3:unitOfMeasurement>EACH</ns3:unitOfMeasurement>)"
      R"(<ns3:amount>1</ns3:amount></ns3:statusQuantity><ns3:trackingInfo>)"
      R"(<ns3:shipDateTime>2024-05-20T10:13:20.000Z</ns3:shipDateTime><ns3:carrierName>UPS</ns3:carrierName>)"
      R"(<ns3:methodCode>Standard</ns3:methodCode><ns3:trackingNumber>TRK-XML</ns3:trackingNumber>)"
      R"(</ns3:trackingInfo></ns3:orderLineStatus></ns3:orderLineStatuses></ns3:orderLine></ns3:orderLines>)"
      R"(</ns3:orderShipment>)";
  HttpClient client(server_->port());
  auto headers = WalmartHeaders(token_a_);
  headers.emplace_back("Content-Type", "application/xml");
  auto xml_response = client.Request("POST", "/v3/orders/ACKED/shipping", headers, xml);
  ExpectWalmartError(xml_response, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  EXPECT_EQ(AcknowledgedUnits(), 2);
  // The object form still ships.
  EXPECT_EQ(Post("/v3/orders/ACKED/shipping", token_a_, body).status, 200u);
  EXPECT_EQ(AcknowledgedUnits(), 1);
}

TEST_F(InputChecksTest, ErrorBodiesStayValidWhenTheRequestHasInvalidUtf8) {
  // A query that does not decode to UTF-8 is refused as a whole, before any
  // value of it could be echoed.
  const std::string target = "/v3/orders?createdStartDate=%ff%fe";
  auto json = GetAs(target, "application/json");
  EXPECT_EQ(json.body.find('\xff'), std::string::npos);
  ExpectWalmartError(json, 400, "INVALID_REQUEST_CONTENT.GMP_ORDER_API");  // Json() checks UTF-8

  auto problem = GetAs(target, "application/json, application/problem+json");
  EXPECT_EQ(problem.status, 400u);
  EXPECT_EQ(problem.body.find('\xff'), std::string::npos);
  EXPECT_NO_THROW(problem.Json()) << problem.body;

  auto xml = GetAs(target, "application/xml");
  EXPECT_EQ(xml.status, 400u);
  EXPECT_EQ(xml.body.find('\xff'), std::string::npos);
  pugi::xml_document document;
  EXPECT_TRUE(document.load_string(xml.body.c_str())) << xml.body;

  // Header values may carry any byte; one echoed in a description is
  // repaired with U+FFFD where the body is built.
  HttpClient client(server_->port());
  auto headers = WalmartHeaders(token_a_);
  headers.emplace_back("WM_MARKET", "U\xffS");
  auto header_echo = client.Request("GET", "/v3/orders", headers);
  EXPECT_EQ(header_echo.body.find('\xff'), std::string::npos);
  EXPECT_NE(header_echo.body.find(kReplacementChar), std::string::npos) << header_echo.body;
  ExpectWalmartError(header_echo, 400, "INVALID_REQUEST_HEADER.GMP_ORDER_API");

  // A control character (valid UTF-8, but not an XML character) too.
  auto control = GetAs("/v3/orders?createdStartDate=%01", "application/xml");
  EXPECT_EQ(control.status, 400u);
  EXPECT_EQ(control.body.find('\x01'), std::string::npos) << control.body;
}

TEST_F(InputChecksTest, Http11RequestWithoutOrWithTwoHostHeadersIs400) {
  {
    HttpClient client(server_->port());
    auto none = client.RawExchange("GET /healthz HTTP/1.1\r\n\r\n");
    ASSERT_TRUE(none.has_value());
    EXPECT_EQ(none->status, 400u) << none->body;
    EXPECT_NO_THROW(none->Json());
  }
  {
    HttpClient client(server_->port());
    auto two = client.RawExchange("GET /healthz HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
    ASSERT_TRUE(two.has_value());
    EXPECT_EQ(two->status, 400u) << two->body;
  }
  {
    HttpClient client(server_->port());
    auto two_old = client.RawExchange("GET /healthz HTTP/1.0\r\nHost: a\r\nHost: b\r\n\r\n");
    ASSERT_TRUE(two_old.has_value());
    EXPECT_EQ(two_old->status, 400u) << two_old->body;
  }
  {
    // HTTP/1.0 does not require Host.
    HttpClient client(server_->port());
    auto old = client.RawExchange("GET /healthz HTTP/1.0\r\n\r\n");
    ASSERT_TRUE(old.has_value());
    EXPECT_EQ(old->status, 200u) << old->body;
  }
  HttpClient client(server_->port());
  auto one = client.RawExchange("GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n");
  ASSERT_TRUE(one.has_value());
  EXPECT_EQ(one->status, 200u);
}

TEST_F(InputChecksTest, MalformedCursorsAre400) {
  for (const std::string query :
       {"nextCursor=garbage", "soIndex=abc", "soIndex=-1", "poIndex=x", "soIndex=5",
        "cursorKey=garbage!", "hasMoreElements=maybe&cursorKey=MTcwMDAwMDAwMDAwMHxQ"}) {
    auto response = Get("/v3/orders?" + query, token_a_);
    ExpectWalmartError(response, 400, kParamError);
  }
  EXPECT_EQ(FieldOf(Get("/v3/orders?nextCursor=garbage", token_a_)), "nextCursor");
  EXPECT_EQ(FieldOf(Get("/v3/orders?soIndex=abc", token_a_)), "soIndex");
  // A real cursor still pages.
  auto first = Get("/v3/orders?limit=1&status=Acknowledged", token_a_);
  ASSERT_EQ(first.status, 200u) << first.body;
}

}  // namespace
}  // namespace mporders::testing
