// Canada's legacy Orders API (/v3/ca/orders...) over real HTTP: a CA seller
// with OAuth credentials, CAD orders posted through the sandbox control API,
// the whole lifecycle in XML (the API's default) and JSON.

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "api/sandbox_fixture.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kCaSeller[] = "ca-seller";
constexpr char kCaClient[] = "ca-client";

// An order document of Walmart's US JSON shape, priced in CAD.
std::string CadOrderJson(const OrderSpec& spec) {
  std::string json = OrderJson(spec);
  for (std::size_t at = json.find("\"USD\""); at != std::string::npos; at = json.find("\"USD\"")) {
    json.replace(at, 5, "\"CAD\"");
  }
  return json;
}

std::size_t Count(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = text.find(needle); at != std::string::npos;
       at = text.find(needle, at + needle.size())) {
    ++n;
  }
  return n;
}

class CaOrdersTest : public SandboxTest {
 protected:
  void BeforeServe() override {
    ASSERT_EQ(RunCli({"sellers", "add", "--db", db_, kCaSeller, "--market", "CA"}), 0);
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kCaSeller, "--client-id",
                      kCaClient, "--client-secret", kSecret}),
              0);
  }
  void SetUp() override {
    SandboxTest::SetUp();
    token_ca_ = FetchToken(server_->port(), kCaClient, kSecret);
    now_ = NowSeconds();
  }

  void Seed(const OrderSpec& spec, const std::string& seller = kCaSeller) {
    // Orders in the seller's currency: CAD for the Canadian seller, USD for
    // the US one (the sandbox refuses another currency than the market's).
    auto response = Control("POST", seller + "/orders",
                            seller == kCaSeller ? CadOrderJson(spec) : OrderJson(spec));
    ASSERT_EQ(response.status, 201u) << response.body;
  }

  // A call on the CA API; `accept` and `content_type` empty: header absent.
  HttpResponse Ca(const std::string& method, const std::string& target, const std::string& accept,
                  const std::string& content_type = "", const std::string& body = "",
                  const std::string& token = "") {
    HttpClient client(server_->port());
    Headers headers;
    for (auto& header : WalmartHeaders(token.empty() ? token_ca_ : token)) {
      if (header.first != "Accept") headers.push_back(std::move(header));  // ours, below
    }
    // Mandatory on Canada's API (ca_mp_orders.json, channelType.required).
    headers.emplace_back("WM_CONSUMER.CHANNEL.TYPE", "0f3e4dd4-0514-4346-b39d-af0e00ea066d");
    if (!accept.empty()) headers.emplace_back("Accept", accept);
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    return client.Request(method, target, headers, body);
  }

  std::string Since() const { return "createdStartDate=" + IsoSeconds(now_ - 2 * kDay); }

  // Two lines: line 1 of 2 units, line 2 of 1 unit, Created.
  OrderSpec TwoLineOrder(const std::string& po) {
    return Order(po, now_ - kHour, {Line("1", "SKU-1", 2), Line("2", "SKU-2", 1)});
  }

  std::string token_ca_;
  std::int64_t now_ = 0;
};

// A shipping body in XML: `packages` of (line, qty, tracking, carrier).
struct XmlPackage {
  std::string line;
  int quantity;
  std::string tracking;  // empty: no trackingNumber
  std::string carrier;
};

std::string ShipXml(const std::vector<XmlPackage>& packages, const std::string& country = "CA") {
  std::string xml =
      R"(<?xml version="1.0" encoding="UTF-8"?><ns2:orderShipment xmlns:ns2="http://walmart.com/mp/v3/orders"><ns2:orderLines>)";
  std::vector<std::string> lines;
  for (const auto& p : packages) {
    if (std::find(lines.begin(), lines.end(), p.line) == lines.end()) lines.push_back(p.line);
  }
  for (const auto& line : lines) {
    xml += "<ns2:orderLine><ns2:lineNumber>" + line + "</ns2:lineNumber><ns2:shipFromCountry>" +
           country + "</ns2:shipFromCountry><ns2:orderLineStatuses>";
    for (const auto& p : packages) {
      if (p.line != line) continue;
      xml +=
          "<ns2:orderLineStatus><ns2:status>Shipped</ns2:status><ns2:statusQuantity>"
          "<ns2:unitOfMeasurement>EACH</ns2:unitOfMeasurement><ns2:amount>" +
          std::to_string(p.quantity) +
          "</ns2:amount></ns2:statusQuantity><ns2:trackingInfo>"
          "<ns2:shipDateTime>2024-06-27T05:30:15.000Z</ns2:shipDateTime><ns2:carrierName>"
          "<ns2:carrier>" +
          p.carrier + "</ns2:carrier></ns2:carrierName><ns2:methodCode>STANDARD</ns2:methodCode>";
      if (!p.tracking.empty()) xml += "<ns2:trackingNumber>" + p.tracking + "</ns2:trackingNumber>";
      xml += "</ns2:trackingInfo></ns2:orderLineStatus>";
    }
    xml += "</ns2:orderLineStatuses></ns2:orderLine>";
  }
  return xml + "</ns2:orderLines></ns2:orderShipment>";
}

// Bare JSON shipping body of one line (schema form, no envelope).
std::string ShipJson(const std::string& line,
                     const std::vector<std::pair<std::string, std::string>>& packages,
                     const std::string& country_member = R"("shipFromCountry":"CA",)") {
  std::string json = R"({"orderLines":{"orderLine":[{"lineNumber":")" + line + "\"," +
                     country_member + R"("orderLineStatuses":{"orderLineStatus":[)";
  for (std::size_t i = 0; i < packages.size(); ++i) {
    if (i > 0) json += ",";
    json +=
        R"({"status":"SHIPPED","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"},)"
        R"("trackingInfo":{"shipDateTime":"2024-06-27T05:30:15.000Z","carrierName":{"carrier":")" +
        packages[i].second + R"("},"methodCode":"ONE_DAY","trackingNumber":")" + packages[i].first +
        "\"}}";
  }
  return json + "]}}]}}";
}

std::string CancelJson(const std::string& line, const std::string& reason) {
  return R"({"orderLines":{"orderLine":[{"lineNumber":")" + line +
         R"(","orderLineStatuses":{"orderLineStatus":[{"status":"CANCELLED","cancellationReason":")" +
         reason + R"(","statusQuantity":{"unitOfMeasurement":"EACH","amount":"1"}}]}}]}})";
}

const boost::json::object& NestedError(const boost::json::value& body) {
  return body.at("errors").at("error").as_array().at(0).as_object();
}

TEST_F(CaOrdersTest, FullLifecycleInXml) {
  Seed(TwoLineOrder("CA1"));
  const std::string po = "/v3/ca/orders/CA1";

  // createdStartDate is required: XML error body naming it.
  auto missing = Ca("GET", "/v3/ca/orders", "");
  EXPECT_EQ(missing.status, 400u) << missing.body;
  EXPECT_EQ(missing.Header("content-type"), "application/xml");
  EXPECT_NE(missing.body.find("INVALID_REQUEST_PARAM"), std::string::npos) << missing.body;
  EXPECT_NE(missing.body.find("createdStartDate"), std::string::npos);

  // Lists: XML by default, also for */* and with Content-Type: application/json on a GET.
  for (const char* accept : {"", "*/*", "application/xml"}) {
    auto list = Ca("GET", "/v3/ca/orders?" + Since(), accept, "application/json");
    ASSERT_EQ(list.status, 200u) << accept << ": " << list.body;
    EXPECT_EQ(list.Header("content-type"), "application/xml");
    EXPECT_NE(list.body.find("<ns3:list xmlns:ns2="), std::string::npos) << list.body;
    EXPECT_NE(list.body.find("<ns3:meta><ns3:totalCount>1</ns3:totalCount>"), std::string::npos);
    EXPECT_NE(list.body.find("<ns3:purchaseOrderId>CA1</ns3:purchaseOrderId>"), std::string::npos);
  }
  auto released = Ca("GET", "/v3/ca/orders/released", "");
  ASSERT_EQ(released.status, 200u) << released.body;
  EXPECT_NE(released.body.find("<ns3:limit>10</ns3:limit>"), std::string::npos) << released.body;
  EXPECT_NE(released.body.find("<ns3:purchaseOrderId>CA1</ns3:purchaseOrderId>"),
            std::string::npos);

  auto order = Ca("GET", po + "?productInfo=true", "");
  ASSERT_EQ(order.status, 200u) << order.body;
  EXPECT_EQ(
      order.body.rfind(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ns3:order )", 0),
      0u);
  EXPECT_NE(order.body.find("<ns3:currency>CAD</ns3:currency><ns3:amount>5.00</ns3:amount>"),
            std::string::npos)
      << order.body;
  EXPECT_TRUE(std::regex_search(
      order.body,
      std::regex(
          "<ns3:orderDate>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z</ns3:orderDate>")))
      << order.body;
  EXPECT_EQ(Count(order.body, "<ns3:status>Created</ns3:status>"), 2u);

  // Acknowledge: clients send Content-Type: application/json and no body.
  auto ack = Ca("POST", po + "/acknowledge", "", "application/json");
  ASSERT_EQ(ack.status, 200u) << ack.body;
  EXPECT_EQ(Count(ack.body, "<ns3:status>Acknowledged</ns3:status>"), 2u) << ack.body;

  // Line 1 in two packages with two tracking numbers; line 2 by LETTERMAIL, untracked.
  auto ship =
      Ca("POST", po + "/shipping", "", "application/xml",
         ShipXml(
             {{"1", 1, "CP-1", "CANPAR"}, {"1", 1, "CP-2", "CANPAR"}, {"2", 1, "", "LETTERMAIL"}}));
  ASSERT_EQ(ship.status, 200u) << ship.body;
  EXPECT_EQ(Count(ship.body, "<ns3:status>Shipped</ns3:status>"), 3u) << ship.body;
  EXPECT_NE(ship.body.find("<ns3:trackingNumber>CP-1</ns3:trackingNumber>"), std::string::npos);
  EXPECT_NE(ship.body.find("<ns3:trackingNumber>CP-2</ns3:trackingNumber>"), std::string::npos);
  EXPECT_NE(ship.body.find("<ns3:carrier>LETTERMAIL</ns3:carrier>"), std::string::npos);
  EXPECT_NE(ship.body.find("<ns3:methodCode>Standard</ns3:methodCode>"), std::string::npos);
  EXPECT_EQ(Count(ship.body, "<ns3:shipFromCountry>CA</ns3:shipFromCountry>"), 2u);

  const std::string refund =
      R"(<ns3:orderRefund xmlns:ns3="http://walmart.com/mp/v3/orders"><ns3:purchaseOrderId>CA1</ns3:purchaseOrderId>)"
      R"(<ns3:orderLines><ns3:orderLine><ns3:lineNumber>1</ns3:lineNumber><ns3:refunds><ns3:refund>)"
      R"(<ns3:refundComments>late</ns3:refundComments><ns3:refundCharges><ns3:refundCharge>)"
      R"(<ns3:refundReason>CustomerReceivedItemLate</ns3:refundReason><ns3:charge><ns3:chargeType>PRODUCT</ns3:chargeType>)"
      R"(<ns3:chargeName>ItemPrice</ns3:chargeName><ns3:chargeAmount><ns3:currency>CAD</ns3:currency>)"
      R"(<ns3:amount>-1.25</ns3:amount></ns3:chargeAmount></ns3:charge></ns3:refundCharge></ns3:refundCharges>)"
      R"(</ns3:refund></ns3:refunds></ns3:orderLine></ns3:orderLines></ns3:orderRefund>)";
  auto refunded = Ca("POST", po + "/refund", "application/xml", "application/xml", refund);
  ASSERT_EQ(refunded.status, 200u) << refunded.body;
  EXPECT_NE(refunded.body.find("<ns3:refundReason>CustomerReceivedItemLate</ns3:refundReason>"),
            std::string::npos);
  EXPECT_NE(refunded.body.find("<ns3:amount>-1.25</ns3:amount>"), std::string::npos)
      << refunded.body;

  // The stored order reads back the same way.
  auto again = Ca("GET", po, "application/xml");
  EXPECT_EQ(again.body, refunded.body);
}

TEST_F(CaOrdersTest, FullLifecycleInJson) {
  Seed(TwoLineOrder("CA2"));
  const std::string po = "/v3/ca/orders/CA2";
  const std::string json = "application/json";

  auto list = Ca("GET", "/v3/ca/orders?" + Since() + "&status=created", json);
  ASSERT_EQ(list.status, 200u) << list.body;
  EXPECT_EQ(list.Header("content-type"), json);
  auto doc = list.Json();
  EXPECT_EQ(doc.at("meta").at("totalCount").as_int64(), 1);
  const auto& listed = doc.at("elements").at("order").as_array().at(0);
  EXPECT_EQ(listed.at("purchaseOrderId").as_string(), "CA2");
  EXPECT_TRUE(listed.at("orderDate").is_string());

  auto delivered = Ca("GET", "/v3/ca/orders?" + Since() + "&status=Delivered", json);
  EXPECT_EQ(delivered.status, 400u) << delivered.body;
  EXPECT_EQ(NestedError(delivered.Json()).at("field").as_string(), "status");

  auto order = Ca("GET", po, json);
  ASSERT_EQ(order.status, 200u);
  const boost::json::value order_doc = order.Json();
  const auto& bare = order_doc.as_object();
  EXPECT_FALSE(bare.contains("order"));
  EXPECT_EQ(bare.at("orderLines")
                .at("orderLine")
                .as_array()
                .at(0)
                .at("charges")
                .at("charge")
                .as_array()
                .at(0)
                .at("chargeAmount")
                .at("currency")
                .as_string(),
            "CAD");

  ASSERT_EQ(Ca("POST", po + "/acknowledge", json, json, "").status, 200u);

  // Mixed carriers on one line: refused, naming the line; nothing changes.
  auto mixed =
      Ca("POST", po + "/shipping", json, json, ShipJson("1", {{"A-1", "CANPAR"}, {"B-1", "UPS"}}));
  EXPECT_EQ(mixed.status, 400u) << mixed.body;
  const boost::json::value mixed_doc = mixed.Json();
  const auto& mixed_error = NestedError(mixed_doc);
  EXPECT_NE(std::string(mixed_error.at("description").as_string()).find("line 1"),
            std::string::npos)
      << mixed.body;
  // No shipFromCountry: refused, naming the field.
  auto no_country =
      Ca("POST", po + "/shipping", json, json, ShipJson("1", {{"A-1", "CANPAR"}}, ""));
  EXPECT_EQ(no_country.status, 400u);
  EXPECT_EQ(NestedError(no_country.Json()).at("field").as_string(),
            "orderShipment.orderLines.orderLine[0].shipFromCountry");
  auto unchanged = Ca("GET", po, json);
  EXPECT_EQ(unchanged.body.find("Shipped"), std::string::npos);

  // One package, then a second one of the same line with another carrier: refused.
  ASSERT_EQ(Ca("POST", po + "/shipping", json, json, ShipJson("1", {{"A-1", "CANPAR"}})).status,
            200u);
  auto other_carrier = Ca("POST", po + "/shipping", json, json, ShipJson("1", {{"B-1", "PCLINT"}}));
  EXPECT_EQ(other_carrier.status, 400u) << other_carrier.body;
  auto same_carrier = Ca("POST", po + "/shipping", json, json, ShipJson("1", {{"A-2", "CANPAR"}}));
  ASSERT_EQ(same_carrier.status, 200u) << same_carrier.body;
  const boost::json::value shipped_doc = same_carrier.Json();
  const auto& line1 = shipped_doc.at("orderLines").at("orderLine").as_array().at(0);
  EXPECT_EQ(line1.at("shipFromCountry").as_string(), "CA");
  const auto& statuses = line1.at("orderLineStatuses").at("orderLineStatus").as_array();
  ASSERT_EQ(statuses.size(), 2u);
  EXPECT_EQ(statuses[0].at("trackingInfo").at("methodCode").as_string(), "OneDay");

  // Cancel: a US reason is refused, a Canadian one accepted.
  auto us_reason =
      Ca("POST", po + "/cancel", json, json, CancelJson("2", "SELLER_CANCEL_OUT_OF_STOCK"));
  EXPECT_EQ(us_reason.status, 400u) << us_reason.body;
  auto cancelled = Ca("POST", po + "/cancel", json, json, CancelJson("2", "CANCEL_BY_SELLER"));
  ASSERT_EQ(cancelled.status, 200u) << cancelled.body;
  const boost::json::value cancelled_doc = cancelled.Json();
  const auto& line2 = cancelled_doc.at("orderLines").at("orderLine").as_array().at(1);
  const auto& bucket = line2.at("orderLineStatuses").at("orderLineStatus").as_array().at(0);
  EXPECT_EQ(bucket.at("status").as_string(), "Cancelled");
  EXPECT_EQ(bucket.at("cancellationReason").as_string(), "CANCEL_BY_SELLER");

  const std::string refund =
      R"({"purchaseOrderId":"CA2","orderLines":{"orderLine":[{"lineNumber":"1","refunds":{"refund":[)"
      R"({"refundCharges":{"refundCharge":[{"refundReason":"DamagedItem","charge":{"chargeType":"PRODUCT",)"
      R"("chargeName":"ItemPrice","chargeAmount":{"currency":"CAD","amount":-2.00}}}]}}]}}]}})";
  auto refunded = Ca("POST", po + "/refund", json, json, refund);
  ASSERT_EQ(refunded.status, 200u) << refunded.body;
  EXPECT_NE(refunded.body.find(R"("chargeAmount":{"currency":"CAD","amount":-2.00})"),
            std::string::npos)
      << refunded.body;
}

TEST_F(CaOrdersTest, CursorIsUrlSafeAndPagesThrough) {
  for (int i = 0; i < 3; ++i) {
    Seed(Order("P" + std::to_string(i), now_ - (i + 1) * kMinute));
  }
  auto first = Ca("GET", "/v3/ca/orders?" + Since() + "&limit=2", "application/json");
  ASSERT_EQ(first.status, 200u) << first.body;
  const std::string cursor(first.Json().at("meta").at("nextCursor").as_string());
  EXPECT_TRUE(std::regex_match(cursor, std::regex("[A-Za-z0-9_-]+"))) << cursor;
  EXPECT_EQ(first.Json().at("elements").at("order").as_array().size(), 2u);

  // As nextCursor=<token>, appended verbatim as the query string, and beside
  // createdStartDate (which Canada's spec requires on every call).
  for (const std::string& target :
       {"/v3/ca/orders?nextCursor=" + cursor, "/v3/ca/orders?" + cursor,
        "/v3/ca/orders?" + Since() + "&limit=2&nextCursor=" + cursor}) {
    auto second = Ca("GET", target, "application/json");
    ASSERT_EQ(second.status, 200u) << second.body;
    auto doc = second.Json();
    EXPECT_FALSE(doc.at("meta").as_object().contains("nextCursor"));
    EXPECT_EQ(doc.at("meta").at("totalCount").as_int64(), 3);
    ASSERT_EQ(doc.at("elements").at("order").as_array().size(), 1u);
    EXPECT_EQ(doc.at("elements").at("order").as_array()[0].at("purchaseOrderId").as_string(), "P2");
  }
  auto forged = Ca("GET", "/v3/ca/orders?nextCursor=bm90LWEtY3Vyc29y", "application/json");
  EXPECT_EQ(forged.status, 400u);
  EXPECT_EQ(NestedError(forged.Json()).at("field").as_string(), "nextCursor");
}

TEST_F(CaOrdersTest, WfsOrdersWithOffsetPaging) {
  for (int i = 0; i < 3; ++i) {
    OrderSpec wfs = Order("W" + std::to_string(i), now_ - (i + 1) * kMinute);
    wfs.ship_node_type = "WFSFulfilled";
    Seed(wfs);
  }
  Seed(Order("S0", now_ - kMinute));

  auto page = Ca("GET", "/v3/ca/orders/wfs?" + Since() + "&limit=2", "");
  ASSERT_EQ(page.status, 200u) << page.body;
  EXPECT_EQ(page.Header("content-type"), "application/json");
  auto doc = page.Json();
  EXPECT_EQ(doc.at("meta").at("totalCount").as_int64(), 3);
  ASSERT_EQ(doc.at("elements").at("order").as_array().size(), 2u);
  EXPECT_EQ(doc.at("elements").at("order").as_array()[0].at("purchaseOrderId").as_string(), "W0");

  auto rest = Ca("GET", "/v3/ca/orders/wfs?" + Since() + "&limit=2&offset=2", "");
  ASSERT_EQ(rest.status, 200u) << rest.body;
  ASSERT_EQ(rest.Json().at("elements").at("order").as_array().size(), 1u);
  EXPECT_EQ(rest.Json().at("elements").at("order").as_array()[0].at("purchaseOrderId").as_string(),
            "W2");

  EXPECT_EQ(Ca("GET", "/v3/ca/orders/wfs?" + Since() + "&status=Acknowledged", "").status, 400u);
  EXPECT_EQ(Ca("GET", "/v3/ca/orders/wfs?" + Since() + "&offset=-1", "").status, 400u);
  EXPECT_EQ(Ca("GET", "/v3/ca/orders/wfs", "").status, 400u);
  // The seller-fulfilled list leaves WFS orders out.
  auto own = Ca("GET", "/v3/ca/orders?" + Since(), "application/json");
  ASSERT_EQ(own.status, 200u);
  EXPECT_EQ(own.Json().at("meta").at("totalCount").as_int64(), 1);
}

TEST_F(CaOrdersTest, SellersOfOtherMarketsAreRefused) {
  Seed(TwoLineOrder("CA3"));
  Seed(Order("US1", now_ - kHour), kSellerA);

  // A US seller's token on /v3/ca/: 403, and the CA order is untouched.
  auto list = Ca("GET", "/v3/ca/orders?" + Since(), "application/json", "", "", token_a_);
  EXPECT_EQ(list.status, 403u) << list.body;
  auto ack = Ca("POST", "/v3/ca/orders/CA3/acknowledge", "application/json", "", "", token_a_);
  EXPECT_EQ(ack.status, 403u);
  auto order = Ca("GET", "/v3/ca/orders/CA3", "application/json");
  ASSERT_EQ(order.status, 200u);
  EXPECT_EQ(order.body.find("Acknowledged"), std::string::npos);

  // A CA seller's token reads only its own (Canadian) orders.
  EXPECT_EQ(Ca("GET", "/v3/ca/orders/US1", "application/json").status, 404u);
  auto mine = Ca("GET", "/v3/ca/orders?" + Since(), "application/json");
  ASSERT_EQ(mine.status, 200u);
  EXPECT_EQ(mine.Json().at("meta").at("totalCount").as_int64(), 1);
}

TEST_F(CaOrdersTest, ChannelTypeIsMandatoryOnCanadasApi) {
  Seed(TwoLineOrder("CA4"));
  HttpClient client(server_->port());
  Headers headers;
  for (auto& header : WalmartHeaders(token_ca_)) {
    if (header.first != "Accept") headers.push_back(std::move(header));
  }
  headers.emplace_back("Accept", "application/json");
  auto refused = client.Request("POST", "/v3/ca/orders/CA4/acknowledge", headers, "");
  EXPECT_EQ(refused.status, 400u) << refused.body;
  const auto error = refused.Json().at("errors").at("error").at(0);
  EXPECT_EQ(error.at("code").as_string(), "MISSING_REQUEST_HEADER.GMP_ORDER_API");
  EXPECT_EQ(error.at("field").as_string(), "WM_CONSUMER.CHANNEL.TYPE");
  // Nothing was acknowledged.
  auto order = Ca("GET", "/v3/ca/orders/CA4", "application/json");
  ASSERT_EQ(order.status, 200u);
  EXPECT_EQ(order.body.find("Acknowledged"), std::string::npos);
}

TEST_F(CaOrdersTest, ReleasedDownloadIsCappedAt2000Orders) {
  for (int call = 0; call < 2; ++call) {
    auto created = Control("POST", std::string(kCaSeller) + "/orders",
                           R"({"count":1000,"shipNodeType":"SellerFulfilled","firstIndex":)" +
                               std::to_string(call * 1000) + "}");
    ASSERT_EQ(created.status, 201u) << created.body;
  }
  auto at_cap = Ca("GET", "/v3/ca/orders/released", "application/json");
  ASSERT_EQ(at_cap.status, 200u) << at_cap.body.substr(0, 300);
  EXPECT_EQ(at_cap.Json().at("meta").at("totalCount").as_int64(), 2000);
  EXPECT_EQ(at_cap.Json().at("meta").at("limit").as_int64(), 10);

  Seed(Order("ONE-MORE", now_ - kMinute));
  auto over = Ca("GET", "/v3/ca/orders/released", "application/json");
  EXPECT_EQ(over.status, 400u);
  EXPECT_NE(std::string(NestedError(over.Json()).at("description").as_string()).find("2000"),
            std::string::npos)
      << over.body;
}

}  // namespace
}  // namespace mporders::testing
