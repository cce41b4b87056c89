#include "api/signature_step.h"

#include <gtest/gtest.h>

#include "auth/credentials.h"
#include "auth/signature.h"
#include "store/open/store_open.h"

namespace mporders::api {
namespace {

namespace beast_http = boost::beast::http;

constexpr EpochMillis kNow = 1700000000000;

http::Request MakeRequest(beast_http::verb method, const std::string& target,
                          std::vector<std::pair<std::string, std::string>> headers) {
  http::Request request;
  request.message = {method, target, 11};
  for (const auto& [name, value] : headers) request.message.set(name, value);
  return request;
}

TEST(SignatureStepTest, SignatureHeadersWithoutATokenChooseSignatureAuthentication) {
  EXPECT_FALSE(UsesSignature(MakeRequest(beast_http::verb::get, "/", {})));
  EXPECT_TRUE(UsesSignature(MakeRequest(beast_http::verb::get, "/", {{"WM_CONSUMER.ID", "c"}})));
  EXPECT_TRUE(
      UsesSignature(MakeRequest(beast_http::verb::get, "/", {{"wm_sec.auth_signature", "s"}})));
  EXPECT_FALSE(UsesSignature(MakeRequest(beast_http::verb::get, "/",
                                         {{"WM_CONSUMER.ID", "c"}, {"WM_SEC.ACCESS_TOKEN", "t"}})));
  // Only a timestamp: a token call missing its token.
  EXPECT_FALSE(UsesSignature(MakeRequest(beast_http::verb::get, "/", {{"WM_SEC.TIMESTAMP", "1"}})));
}

TEST(SignatureStepTest, ChannelTypeIsRequiredOnlyWhenAbsent) {
  auto missing = MissingChannelType(MakeRequest(beast_http::verb::get, "/", {}));
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->code(), ErrorCode::kMissingRequestHeader);
  EXPECT_EQ(missing->field(), "WM_CONSUMER.CHANNEL.TYPE");
  EXPECT_FALSE(MissingChannelType(
                   MakeRequest(beast_http::verb::get, "/", {{"WM_CONSUMER.CHANNEL.TYPE", "x"}}))
                   .has_value());
}

TEST(SignatureStepTest, TheUrlIsRebuiltFromSchemeHostAndTargetAsSent) {
  auto store = OpenStore("sqlite::memory:");
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ManualClock clock(kNow);
  auto pair = auth::GenerateKeyPair().value();
  ASSERT_TRUE(auth::CreateConsumer(**store, clock, "s1", std::string("c1"), pair.public_key_pem,
                                   std::nullopt)
                  .ok());
  const auth::SignatureVerifier verifier(**store, clock, 300);
  const std::string target = "/v3/orders/P%2F1?b=2&a=1";
  const std::string timestamp = std::to_string(kNow);
  const std::string signature =
      auth::SignMessage(
          pair.private_key_pem,
          auth::SignatureString("c1", "https://api.test:8443" + target, "POST", timestamp))
          .value();
  http::Request request = MakeRequest(beast_http::verb::post, target,
                                      {{"Host", "api.test:8443"},
                                       {"WM_CONSUMER.ID", "c1"},
                                       {"WM_SEC.TIMESTAMP", timestamp},
                                       {"WM_SEC.AUTH_SIGNATURE", signature}});
  request.secure = true;
  auto claims = VerifySignedCall(verifier, request);
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  EXPECT_EQ(claims->seller_id, "s1");

  request.secure = false;  // the same call over plain HTTP signed another URL
  EXPECT_EQ(VerifySignedCall(verifier, request).status().code(), ErrorCode::kUnauthorized);
  request.secure = true;
  request.message.erase("Host");
  auto no_host = VerifySignedCall(verifier, request);
  EXPECT_EQ(no_host.status().code(), ErrorCode::kMissingRequestHeader);
  EXPECT_EQ(no_host.status().field(), "Host");
}

}  // namespace
}  // namespace mporders::api
