#include "api/errors.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <string>

#include "core/utf8.h"

namespace mporders::api {
namespace {

// Header values may carry any byte (obs-text) and are echoed in some
// descriptions, e.g. 406 "Accept '...' allows no representation".
const Status kEchoesABadByte =
    Status::Error(ErrorCode::kNotAcceptable, "Accept 'text/\xFF' allows nothing", "Accept");

TEST(ErrorReplyTest, JsonBodyStaysValidWhenTheDescriptionEchoesBytesThatAreNotUtf8) {
  const http::Reply reply = ErrorReply(kEchoesABadByte);
  boost::system::error_code ec;
  const boost::json::value body = boost::json::parse(reply.body, ec);
  ASSERT_FALSE(ec) << ec.message();
  const std::string description(body.at("errors").as_array().at(0).at("description").as_string());
  EXPECT_EQ(description, "Accept 'text/\xEF\xBF\xBD' allows nothing");
}

TEST(ErrorReplyTest, XmlAndProblemBodiesAreUtf8Too) {
  http::Request request;
  request.message.target("/v3/orders/\xFF");
  const http::Reply xml = ErrorReply(kEchoesABadByte, ErrorService::kOrders,
                                     NegotiateRepresentation("application/xml"), request);
  EXPECT_TRUE(IsValidUtf8(xml.body));
  EXPECT_NE(xml.body.find("text/\xEF\xBF\xBD"), std::string::npos) << xml.body;
  const http::Reply problem =
      ErrorReply(kEchoesABadByte, ErrorService::kOrders,
                 NegotiateRepresentation("application/problem+json"), request);
  boost::system::error_code ec;
  const boost::json::value body = boost::json::parse(problem.body, ec);
  ASSERT_FALSE(ec) << ec.message() << ": " << problem.body;
  EXPECT_EQ(std::string(body.at("instance").as_string()), "/v3/orders/\xEF\xBF\xBD");
}

}  // namespace
}  // namespace mporders::api
