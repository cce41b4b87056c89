#include "api/representation.h"

#include <gtest/gtest.h>

namespace mporders::api {
namespace {

struct Expected {
  BodyFormat body;
  std::string_view body_type;
  ErrorFormat error;
};

void ExpectNegotiated(std::string_view accept, const Expected& expected) {
  SCOPED_TRACE(std::string("Accept: ") + std::string(accept));
  const Representation r = NegotiateRepresentation(accept);
  EXPECT_TRUE(r.acceptable);
  EXPECT_EQ(r.body, expected.body);
  EXPECT_EQ(r.BodyContentType(), expected.body_type);
  EXPECT_EQ(r.error, expected.error);
}

constexpr Expected kJson{BodyFormat::kJson, "application/json", ErrorFormat::kWalmartJson};
constexpr Expected kXml{BodyFormat::kXml, "application/xml", ErrorFormat::kWalmartXml};
constexpr Expected kTextXml{BodyFormat::kXml, "text/xml", ErrorFormat::kWalmartXml};

TEST(NegotiateRepresentationTest, DefaultsToJson) {
  for (std::string_view accept :
       {"", "  ", "*/*", "application/*", "*/*;q=0.8", ", ,", "application/json",
        "APPLICATION/JSON", "application/json; charset=utf-8"}) {
    ExpectNegotiated(accept, kJson);
  }
}

TEST(NegotiateRepresentationTest, XmlTypes) {
  ExpectNegotiated("application/xml", kXml);
  ExpectNegotiated("text/xml", kTextXml);
  ExpectNegotiated("text/*", kTextXml);
  ExpectNegotiated("Application/XML;q=1.000", kXml);
}

TEST(NegotiateRepresentationTest, QValuesDecide) {
  ExpectNegotiated("application/json;q=0.5, application/xml", kXml);
  ExpectNegotiated("application/xml;q=0.9, application/json;q=0.91", kJson);
  ExpectNegotiated("text/xml;q=0.3, application/xml;q=0.2", kTextXml);
  ExpectNegotiated("application/json;q=0.001, text/xml;q=0", kJson);
  ExpectNegotiated("application/json ; q=0.5 , application/xml ; q=0.6", kXml);
}

TEST(NegotiateRepresentationTest, MoreSpecificRangesOverrideWildcards) {
  // Exact match beats */* at equal q; the exact range's q overrides the wildcard's.
  ExpectNegotiated("application/xml, */*", kXml);
  ExpectNegotiated("*/*;q=0.1, text/xml", kTextXml);
  ExpectNegotiated("application/json;q=0, */*", kXml);
  ExpectNegotiated("application/json;q=0, application/xml;q=0, */*", kTextXml);
  ExpectNegotiated("application/*;q=0.2, text/*;q=0.5", kTextXml);
  ExpectNegotiated("application/*, application/json;q=0", kXml);
}

TEST(NegotiateRepresentationTest, TiesGoToJson) {
  ExpectNegotiated("application/xml, application/json", kJson);
  ExpectNegotiated("text/xml;q=0.5, application/json;q=0.5", kJson);
  ExpectNegotiated("text/xml, application/xml", kXml);
}

TEST(NegotiateRepresentationTest, ProblemJsonWhenNamedForErrors) {
  const Representation both = NegotiateRepresentation("application/json, application/problem+json");
  EXPECT_EQ(both.body, BodyFormat::kJson);
  EXPECT_EQ(both.error, ErrorFormat::kProblemJson);
  EXPECT_EQ(both.ErrorContentType(), "application/problem+json");
  const Representation xml = NegotiateRepresentation("application/xml, application/problem+json");
  EXPECT_EQ(xml.body, BodyFormat::kXml);
  EXPECT_EQ(xml.error, ErrorFormat::kProblemJson);
  // Less preferred than the success type: Walmart's list.
  EXPECT_EQ(NegotiateRepresentation("application/json, application/problem+json;q=0.5").error,
            ErrorFormat::kWalmartJson);
  // Wildcards never select it.
  EXPECT_EQ(NegotiateRepresentation("application/*").error, ErrorFormat::kWalmartJson);
  EXPECT_EQ(NegotiateRepresentation("application/problem+json;q=0, */*").error,
            ErrorFormat::kWalmartJson);
}

TEST(NegotiateRepresentationTest, NothingWeServeIsNotAcceptable) {
  for (std::string_view accept :
       {"text/html", "image/*", "application/json;q=0",
        "application/json;q=0, application/xml;q=0, text/xml;q=0", "text/plain, application/pdf",
        "json", "application", "*/json", "application/json;q=2", "application/json;q=0.0001",
        "application/json;q=abc", "application/json;charset"}) {
    SCOPED_TRACE(accept);
    const Representation r = NegotiateRepresentation(accept);
    EXPECT_FALSE(r.acceptable);
    EXPECT_EQ(r.error, ErrorFormat::kWalmartJson);
    EXPECT_EQ(r.ErrorContentType(), "application/json");
  }
  // Only problem details acceptable: no success representation, errors in it.
  const Representation problem = NegotiateRepresentation("application/problem+json");
  EXPECT_FALSE(problem.acceptable);
  EXPECT_EQ(problem.error, ErrorFormat::kProblemJson);
}

TEST(NegotiateRepresentationTest, InvalidElementsAreSkippedAndQuotesRespected) {
  ExpectNegotiated("garbage, application/xml", kXml);
  ExpectNegotiated(R"(text/html;level="a,b;c", application/xml;q=0.4)", kXml);
}

TEST(ClassifyContentTypeTest, Kinds) {
  EXPECT_EQ(ClassifyContentType(""), RequestMediaType::kNone);
  EXPECT_EQ(ClassifyContentType("  "), RequestMediaType::kNone);
  EXPECT_EQ(ClassifyContentType("application/json"), RequestMediaType::kJson);
  EXPECT_EQ(ClassifyContentType("Application/JSON; charset=UTF-8"), RequestMediaType::kJson);
  EXPECT_EQ(ClassifyContentType("application/vnd.walmart+json"), RequestMediaType::kJson);
  EXPECT_EQ(ClassifyContentType("application/xml"), RequestMediaType::kXml);
  EXPECT_EQ(ClassifyContentType("text/xml;charset=utf-8"), RequestMediaType::kXml);
  EXPECT_EQ(ClassifyContentType("application/soap+xml"), RequestMediaType::kXml);
  EXPECT_EQ(ClassifyContentType("application/x-www-form-urlencoded"), RequestMediaType::kForm);
  EXPECT_EQ(ClassifyContentType("text/plain"), RequestMediaType::kUnsupported);
  EXPECT_EQ(ClassifyContentType("text/json"), RequestMediaType::kUnsupported);
  EXPECT_EQ(ClassifyContentType("json"), RequestMediaType::kUnsupported);
  EXPECT_EQ(ClassifyContentType("multipart/form-data; boundary=x"), RequestMediaType::kUnsupported);
}

http::Request RequestWith(std::string_view content_type, std::string body) {
  http::Request request;
  if (!content_type.empty()) request.message.set("Content-Type", content_type);
  request.message.body() = std::move(body);
  return request;
}

TEST(OrderWriteBodyFormatTest, JsonXmlOr415) {
  EXPECT_EQ(*OrderWriteBodyFormat(RequestWith("", "{}")), BodyFormat::kJson);
  EXPECT_EQ(*OrderWriteBodyFormat(RequestWith("application/json", "{}")), BodyFormat::kJson);
  EXPECT_EQ(*OrderWriteBodyFormat(RequestWith("text/xml", "<a/>")), BodyFormat::kXml);
  for (std::string_view type : {"text/plain", "application/x-www-form-urlencoded"}) {
    Result<BodyFormat> format = OrderWriteBodyFormat(RequestWith(type, "x=1"));
    ASSERT_FALSE(format.ok()) << type;
    EXPECT_EQ(format.status().code(), ErrorCode::kUnsupportedMediaType);
    EXPECT_EQ(format.status().field(), "Content-Type");
    // With nothing to read the type does not matter.
    EXPECT_EQ(*OrderWriteBodyFormat(RequestWith(type, "")), BodyFormat::kJson);
  }
}

TEST(CheckTokenFormBodyTest, FormOnly) {
  EXPECT_TRUE(CheckTokenFormBody(RequestWith("", "grant_type=client_credentials")).ok());
  EXPECT_TRUE(CheckTokenFormBody(RequestWith("application/x-www-form-urlencoded; charset=UTF-8",
                                             "grant_type=client_credentials"))
                  .ok());
  EXPECT_TRUE(CheckTokenFormBody(RequestWith("application/json", "")).ok());
  EXPECT_EQ(CheckTokenFormBody(RequestWith("application/json", R"({"grant_type":"x"})")).code(),
            ErrorCode::kUnsupportedMediaType);
}

}  // namespace
}  // namespace mporders::api

namespace mporders::api {
namespace {

// Canada's surface prefers XML: what the client leaves open is XML, what it
// asks for it gets.
TEST(NegotiateRepresentationTest, XmlPreferredSurface) {
  for (std::string_view accept : {"", "*/*", "application/*", "application/xml",
                                  "application/json, application/xml"}) {
    SCOPED_TRACE(std::string("Accept: ") + std::string(accept));
    const Representation r = NegotiateRepresentation(accept, BodyFormat::kXml);
    EXPECT_TRUE(r.acceptable);
    EXPECT_EQ(r.body, BodyFormat::kXml);
    EXPECT_EQ(r.BodyContentType(), "application/xml");
    EXPECT_EQ(r.error, ErrorFormat::kWalmartXml);
  }
  const Representation json = NegotiateRepresentation("application/json", BodyFormat::kXml);
  EXPECT_EQ(json.body, BodyFormat::kJson);
  EXPECT_EQ(json.error, ErrorFormat::kWalmartJson);
  const Representation text = NegotiateRepresentation("text/xml", BodyFormat::kXml);
  EXPECT_EQ(text.BodyContentType(), "text/xml");
  EXPECT_FALSE(NegotiateRepresentation("text/html", BodyFormat::kXml).acceptable);
}

}  // namespace
}  // namespace mporders::api
