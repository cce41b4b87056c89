#include "auth/signature_auth.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "auth/credentials.h"
#include "auth/signature.h"
#include "store/open/store_open.h"

namespace mporders::auth {
namespace {

constexpr EpochMillis kNow = 1700000000000;
constexpr char kUrl[] = "https://api.example:8443/v3/orders/PO-1?productInfo=true";

const KeyPair& Pair() {
  static const KeyPair pair = GenerateKeyPair().value();
  return pair;
}

// Headers as a client following the scheme sends them.
struct Sent {
  std::string consumer_id = "consumer-1";
  std::string timestamp = std::to_string(kNow);
  std::string method = "GET";
  std::string url = kUrl;
  std::string signature;
};

Sent Signed(Sent sent = {}) {
  sent.signature = SignMessage(Pair().private_key_pem, SignatureString(sent.consumer_id, sent.url,
                                                                       sent.method, sent.timestamp))
                       .value();
  return sent;
}

class SignatureVerifierTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("mporders-sig-" + std::to_string(std::random_device()()));
    std::filesystem::create_directories(dir_);
    auto store = OpenStore("sqlite:" + (dir_ / "sig.db").string());
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    auto consumer = CreateConsumer(*store_, clock_, "seller-1", std::string("consumer-1"),
                                   Pair().public_key_pem, std::nullopt);
    ASSERT_TRUE(consumer.ok()) << consumer.status().ToString();
    EXPECT_TRUE(consumer->client_secret.empty());
    ASSERT_TRUE(CreateClient(*store_, clock_, "seller-1", std::string("secret-client"),
                             std::string("secret-123456"))
                    .ok());
    verifier_ = std::make_unique<SignatureVerifier>(*store_, clock_, 300);
  }
  void TearDown() override {
    verifier_.reset();
    store_.reset();
    std::filesystem::remove_all(dir_);
  }

  // Verifies what was sent, as received with `url` and `method` (the sent
  // ones when empty).
  Result<TokenClaims> Verify(const Sent& sent, const std::string& url = "",
                             const std::string& method = "") {
    SignedRequest request{sent.consumer_id, sent.signature, sent.timestamp,
                          method.empty() ? sent.method : method, url.empty() ? sent.url : url};
    return verifier_->Verify(request);
  }

  std::filesystem::path dir_;
  ManualClock clock_{kNow};
  std::unique_ptr<Store> store_;
  std::unique_ptr<SignatureVerifier> verifier_;
};

void ExpectError(const Result<TokenClaims>& result, ErrorCode code, const std::string& field,
                 const std::string& says) {
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), code) << result.status().ToString();
  EXPECT_EQ(result.status().field(), field);
  EXPECT_NE(result.status().description().find(says), std::string::npos)
      << result.status().description();
}

TEST(FullRequestUrlTest, IsSchemeHostAndTargetAsSent) {
  EXPECT_EQ(FullRequestUrl(false, "127.0.0.1:8080", "/v3/orders?limit=10&sku=a%20b"),
            "http://127.0.0.1:8080/v3/orders?limit=10&sku=a%20b");
  EXPECT_EQ(FullRequestUrl(true, "marketplace.example", "/v3/ca/orders/1"),
            "https://marketplace.example/v3/ca/orders/1");
}

TEST_F(SignatureVerifierTest, AGoodSignatureYieldsTheConsumersClaims) {
  auto claims = Verify(Signed());
  ASSERT_TRUE(claims.ok()) << claims.status().ToString();
  EXPECT_EQ(claims->client_id, "consumer-1");
  EXPECT_EQ(claims->seller_id, "seller-1");
  EXPECT_EQ(claims->issued_at, kNow);
  EXPECT_EQ(claims->expires_at, kNow + 300 * kMillisPerSecond);
  // The portal's one-line key signs the same.
  Sent portal;
  portal.signature =
      SignMessage(Pair().private_key_base64,
                  SignatureString(portal.consumer_id, portal.url, portal.method, portal.timestamp))
          .value();
  EXPECT_TRUE(Verify(portal).ok());
}

TEST_F(SignatureVerifierTest, MissingHeadersAre400NamingTheHeader) {
  Sent no_consumer = Signed();
  no_consumer.consumer_id = "";
  ExpectError(Verify(no_consumer), ErrorCode::kMissingRequestHeader, "WM_CONSUMER.ID",
              "WM_CONSUMER.ID");
  Sent no_timestamp = Signed();
  no_timestamp.timestamp = "";
  ExpectError(Verify(no_timestamp), ErrorCode::kMissingRequestHeader, "WM_SEC.TIMESTAMP",
              "WM_SEC.TIMESTAMP");
  Sent no_signature = Signed();
  no_signature.signature = "";
  ExpectError(Verify(no_signature), ErrorCode::kMissingRequestHeader, "WM_SEC.AUTH_SIGNATURE",
              "WM_SEC.AUTH_SIGNATURE");
}

TEST_F(SignatureVerifierTest, AMalformedTimestampIs400) {
  for (const std::string bad : {"soon", "-1700000000000", "1700000000000.5", "+17", " 17",
                                "2023-11-14T22:13:20Z", "99999999999999999999999"}) {
    Sent sent;
    sent.timestamp = bad;
    ExpectError(Verify(Signed(sent)), ErrorCode::kInvalidRequestHeader, "WM_SEC.TIMESTAMP",
                "epoch milliseconds");
  }
}

TEST_F(SignatureVerifierTest, TimestampsOutsideTheSkewAre401EitherWay) {
  for (EpochMillis offset : {-300 * kMillisPerSecond, 300 * kMillisPerSecond}) {
    Sent edge;
    edge.timestamp = std::to_string(kNow + offset);
    EXPECT_TRUE(Verify(Signed(edge)).ok()) << offset;
  }
  for (EpochMillis offset : {-300 * kMillisPerSecond - 1, 300 * kMillisPerSecond + 1}) {
    Sent stale;
    stale.timestamp = std::to_string(kNow + offset);
    ExpectError(Verify(Signed(stale)), ErrorCode::kUnauthorized, "WM_SEC.TIMESTAMP", "300 seconds");
  }
  // A signature made now stops working when the clock moves past the skew.
  Sent sent = Signed();
  clock_.Advance(301 * kMillisPerSecond);
  ExpectError(Verify(sent), ErrorCode::kUnauthorized, "WM_SEC.TIMESTAMP", "seconds away");
}

TEST_F(SignatureVerifierTest, AnythingChangedAfterSigningIs401) {
  const Sent sent = Signed();
  ExpectError(Verify(sent, "https://api.example:8443/v3/orders/PO-1?productInfo=false"),
              ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE", "does not verify");
  ExpectError(Verify(sent, "http://api.example:8443/v3/orders/PO-1?productInfo=true"),
              ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE", "http://api.example:8443");
  ExpectError(Verify(sent, "", "POST"), ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE",
              "method POST");
  Sent other_time = sent;
  other_time.timestamp = std::to_string(kNow + 1);
  ExpectError(Verify(other_time), ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE",
              "does not verify");
  Sent garbage = sent;
  garbage.signature = "%%%";
  ExpectError(Verify(garbage), ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE",
              "does not verify");
}

TEST_F(SignatureVerifierTest, AnotherKeyUnknownConsumerAndSecretOnlyClientAre401) {
  const KeyPair other = GenerateKeyPair().value();
  Sent forged;
  forged.signature =
      SignMessage(other.private_key_pem,
                  SignatureString(forged.consumer_id, forged.url, forged.method, forged.timestamp))
          .value();
  ExpectError(Verify(forged), ErrorCode::kUnauthorized, "WM_SEC.AUTH_SIGNATURE", "does not verify");

  Sent unknown;
  unknown.consumer_id = "nobody";
  ExpectError(Verify(Signed(unknown)), ErrorCode::kUnauthorized, "WM_CONSUMER.ID", "Unknown");
  unknown.consumer_id = std::string(300, 'x');
  ExpectError(Verify(Signed(unknown)), ErrorCode::kUnauthorized, "WM_CONSUMER.ID", "Unknown");

  Sent secret_client;
  secret_client.consumer_id = "secret-client";
  ExpectError(Verify(Signed(secret_client)), ErrorCode::kUnauthorized, "WM_CONSUMER.ID",
              "no registered public key");
}

TEST_F(SignatureVerifierTest, RevocationRefusesTheNextCall) {
  const Sent sent = Signed();
  ASSERT_TRUE(Verify(sent).ok());
  ASSERT_TRUE(store_->RevokeClient("consumer-1", kNow).ok());
  ExpectError(Verify(sent), ErrorCode::kUnauthorized, "WM_CONSUMER.ID", "revoked");
}

TEST(CreateConsumerTest, ChecksTheKeyIdAndSecretAndLeavesNothingBehindOnRefusal) {
  auto dir = std::filesystem::temp_directory_path() /
             ("mporders-consumer-" + std::to_string(std::random_device()()));
  std::filesystem::create_directories(dir);
  {
    auto store = OpenStore("sqlite:" + (dir / "c.db").string()).value();
    ManualClock clock(kNow);
    // A default id is a UUID.
    auto made =
        CreateConsumer(*store, clock, "s1", std::nullopt, Pair().public_key_pem, std::nullopt);
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    ASSERT_EQ(made->client_id.size(), 36u);
    for (size_t i : {8u, 13u, 18u, 23u}) EXPECT_EQ(made->client_id[i], '-') << made->client_id;
    EXPECT_EQ(made->client_id[14], '4');
    EXPECT_EQ(store->GetClient(made->client_id)->public_key_pem, Pair().public_key_pem);
    // A key-only consumer gets no token with any secret, not even an empty one.
    EXPECT_EQ(AuthenticateClient(*store, made->client_id, "").status().code(),
              ErrorCode::kUnauthorized);

    // With a secret too: both ways work.
    auto both = CreateConsumer(*store, clock, "s1", std::string("both"), Pair().public_key_pem,
                               std::string("secret-123456"));
    ASSERT_TRUE(both.ok()) << both.status().ToString();
    EXPECT_EQ(both->client_secret, "secret-123456");
    EXPECT_TRUE(AuthenticateClient(*store, "both", "secret-123456").ok());

    // Refusals: bad key, taken id, short secret; none creates seller s9.
    EXPECT_EQ(
        CreateConsumer(*store, clock, "s9", std::nullopt, Pair().private_key_pem, std::nullopt)
            .status()
            .code(),
        ErrorCode::kInvalidRequestParam);
    EXPECT_EQ(CreateConsumer(*store, clock, "s9", std::string("both"), Pair().public_key_pem,
                             std::nullopt)
                  .status()
                  .code(),
              ErrorCode::kInvalidRequestContent);
    EXPECT_EQ(CreateConsumer(*store, clock, "s9", std::nullopt, Pair().public_key_pem,
                             std::string("short"))
                  .status()
                  .code(),
              ErrorCode::kInvalidRequestParam);
    EXPECT_EQ(store->GetSeller("s9").status().code(), ErrorCode::kNotFound);
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace mporders::auth
