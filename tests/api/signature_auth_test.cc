// Signature authentication over real HTTP (Walmart's legacy CA/CL/MX scheme):
// consumers made with the real CLI, requests signed with a real RSA key by
// OpenSSL's API in this test and by the `openssl` command-line tool.

#include <sys/stat.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "signature_support.h"
#include "support/order_builders.h"

namespace mporders::testing {
namespace {

constexpr char kConsumerA[] = "consumer-a";
constexpr char kConsumerB[] = "consumer-b";

// The value after `label` on its line of CLI output.
std::string FieldOf(const std::string& output, const std::string& label) {
  size_t at = output.find(label);
  if (at == std::string::npos) return "";
  at += label.size();
  while (at < output.size() && output[at] == ' ') ++at;
  return output.substr(at, output.find('\n', at) - at);
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Seller A's and seller B's orders; a consumer of each, as a solution
// provider serving both sellers gets them: one `clients add --generate-key`
// per seller.
class SignatureAuthTest : public ApiTest {
 protected:
  void BeforeServe() override {
    const std::int64_t date = NowSeconds() - kHour;
    ASSERT_EQ(ImportOrders(db_, kSellerA, {Order("SG-A", date)}, dir_.path()), 0);
    ASSERT_EQ(ImportOrders(db_, kSellerB, {Order("SG-B", date)}, dir_.path()), 0);
    for (const auto& [consumer, seller] :
         {std::pair{kConsumerA, kSellerA}, std::pair{kConsumerB, kSellerB}}) {
      const auto key_file = dir_.path() / (std::string(consumer) + ".pem");
      std::string output;
      ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", seller, "--generate-key",
                        "--client-id", consumer, "--private-key-out", key_file.string()},
                       &output),
                0)
          << output;
      outputs_[consumer] = output;
    }
  }
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    signing_a_ = {kConsumerA, ReadPrivateKeyPem(KeyFile(kConsumerA)), Host()};
    signing_b_ = {kConsumerB, ReadPrivateKeyPem(KeyFile(kConsumerB)), Host()};
  }

  std::string Host() const { return "127.0.0.1:" + std::to_string(server_->port()); }
  std::string KeyFile(const std::string& consumer) const {
    return (dir_.path() / (consumer + ".pem")).string();
  }
  HttpResponse Send(const std::string& method, const std::string& target, const Headers& headers,
                    const std::string& body = "") {
    HttpClient client(server_->port());
    return client.Request(method, target, headers, body);
  }

  std::map<std::string, std::string> outputs_;
  Signing signing_a_;
  Signing signing_b_;
};

TEST_F(SignatureAuthTest, AGoodSignatureReadsTheConsumersOrder) {
  auto response =
      Send("GET", "/v3/orders/SG-A", SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A"));
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(response.Json().at("order").at("purchaseOrderId").as_string(), "SG-A");
  // A query is signed as sent, and the rest of the pipeline runs as for a
  // token: rate-limit headers, correlation id.
  const std::string target = "/v3/orders/SG-A?productInfo=false";
  auto with_query = Send("GET", target, SignedHeaders(signing_a_, "GET", target));
  EXPECT_EQ(with_query.status, 200u) << with_query.body;
  EXPECT_FALSE(with_query.Header("x-current-token-count").empty());
  EXPECT_EQ(with_query.Header("wm_qos.correlation_id"), "signed");
  // A write, signed as POST.
  auto acknowledged = Send("POST", "/v3/orders/SG-A/acknowledge",
                           SignedHeaders(signing_a_, "POST", "/v3/orders/SG-A/acknowledge"));
  EXPECT_EQ(acknowledged.status, 200u) << acknowledged.body;
}

TEST_F(SignatureAuthTest, ThePortalFormOfThePrintedPrivateKeySignsToo) {
  const std::string printed = FieldOf(outputs_[kConsumerA], "private key:");
  ASSERT_GT(printed.size(), 1000u) << outputs_[kConsumerA];
  EXPECT_EQ(printed.find_first_of(" \n-"), std::string::npos);  // one line, no armour
  Signing portal{kConsumerA, ReadPrivateKeyBase64(printed), Host()};
  auto response = Send("GET", "/v3/orders/SG-A", SignedHeaders(portal, "GET", "/v3/orders/SG-A"));
  EXPECT_EQ(response.status, 200u) << response.body;
  // The PEM was written for its owner only, and is never shown by `clients list`.
  struct stat key_stat {};
  ASSERT_EQ(stat(KeyFile(kConsumerA).c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
  std::string listing;
  ASSERT_EQ(RunCli({"clients", "list", "--db", db_}, &listing), 0);
  EXPECT_NE(listing.find(std::string(kConsumerA) + "\tseller\tseller-a\tkey\t"), std::string::npos)
      << listing;
  EXPECT_NE(listing.find(std::string(kClientA) + "\tseller\tseller-a\tsecret\t"), std::string::npos)
      << listing;
  EXPECT_EQ(listing.find(printed.substr(100, 40)), std::string::npos);
}

TEST_F(SignatureAuthTest, AnotherKeyIsRefused) {
  // Consumer A's id, signed with B's key.
  Signing wrong{kConsumerA, signing_b_.key, Host()};
  ExpectWalmartError(Send("GET", "/v3/orders/SG-A", SignedHeaders(wrong, "GET", "/v3/orders/SG-A")),
                     401, "UNAUTHORIZED.GMP_ORDER_API");
  Signing unknown{"nobody", signing_a_.key, Host()};
  auto response = Send("GET", "/v3/orders/SG-A", SignedHeaders(unknown, "GET", "/v3/orders/SG-A"));
  ExpectWalmartError(response, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(response.body.find("Unknown consumer"), std::string::npos) << response.body;
}

TEST_F(SignatureAuthTest, AStaleOrFutureTimestampIsRefused) {
  for (std::int64_t offset : {-6 * kMinute, 6 * kMinute}) {
    auto response = Send(
        "GET", "/v3/orders/SG-A",
        SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A", std::to_string(NowMillis() + offset)));
    ExpectWalmartError(response, 401, "UNAUTHORIZED.GMP_ORDER_API");
    EXPECT_NE(response.body.find("300 seconds"), std::string::npos) << response.body;
  }
  // Within the skew it is accepted.
  EXPECT_EQ(Send("GET", "/v3/orders/SG-A",
                 SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A",
                               std::to_string(NowMillis() - 2 * kMinute)))
                .status,
            200u);
}

TEST_F(SignatureAuthTest, ATamperedQueryPathMethodOrHostIsRefused) {
  const Headers signed_get = SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A?productInfo=true");
  ASSERT_EQ(Send("GET", "/v3/orders/SG-A?productInfo=true", signed_get).status, 200u);
  // Same headers, another query, path or method.
  ExpectWalmartError(Send("GET", "/v3/orders/SG-A?productInfo=false", signed_get), 401,
                     "UNAUTHORIZED.GMP_ORDER_API");
  ExpectWalmartError(Send("GET", "/v3/orders/SG-A", signed_get), 401, "UNAUTHORIZED.GMP_ORDER_API");
  const Headers signed_ack = SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A/acknowledge");
  ExpectWalmartError(Send("POST", "/v3/orders/SG-A/acknowledge", signed_ack), 401,
                     "UNAUTHORIZED.GMP_ORDER_API");
  // The Host is part of the URL; the refusal names the URL the server rebuilt.
  auto other_host =
      Send("GET", "/v3/orders/SG-A?productInfo=true", Replacing(signed_get, "Host", "localhost"));
  ExpectWalmartError(other_host, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(other_host.body.find("http://localhost/v3/orders/SG-A?productInfo=true"),
            std::string::npos)
      << other_host.body;
  // The order was not acknowledged by the refused POST.
  auto order = Send("GET", "/v3/orders/SG-A", SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A"));
  ASSERT_EQ(order.status, 200u);
  EXPECT_EQ(QuantityIn(LineOf(order.Json(), "1"), "Acknowledged"), 0);
}

TEST_F(SignatureAuthTest, MissingOrMalformedSignatureHeadersAre400) {
  const Headers headers = SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A");
  for (const char* header : {kTimestampHeader, kSignatureHeader, kConsumerHeader}) {
    auto response = Send("GET", "/v3/orders/SG-A", Without(headers, header));
    ExpectWalmartError(response, 400, "MISSING_REQUEST_HEADER.GMP_ORDER_API");
    EXPECT_NE(response.body.find(header), std::string::npos) << response.body;
  }
  auto malformed =
      Send("GET", "/v3/orders/SG-A", Replacing(headers, kTimestampHeader, "2026-12-04T10:00:00Z"));
  ExpectWalmartError(malformed, 400, "INVALID_REQUEST_HEADER.GMP_ORDER_API");
  EXPECT_NE(malformed.body.find(kTimestampHeader), std::string::npos) << malformed.body;
  // Without the WM_* headers every route requires, those are named first.
  ExpectWalmartError(Send("GET", "/v3/orders/SG-A", Without(headers, "WM_SVC.NAME")), 400,
                     "MISSING_REQUEST_HEADER.GMP_ORDER_API");
}

TEST_F(SignatureAuthTest, AnAccessTokenWinsOverSignatureHeaders) {
  Headers headers = SignedHeaders(signing_a_, "GET", "/v3/orders/SG-B");
  // Seller B's token with consumer A's (valid) signature: the token decides.
  headers.emplace_back("WM_SEC.ACCESS_TOKEN", FetchToken(server_->port(), kClientB, kSecret));
  EXPECT_EQ(Send("GET", "/v3/orders/SG-B", headers).status, 200u);
  ExpectWalmartError(
      Send("GET", "/v3/orders/SG-B", Replacing(headers, "WM_SEC.ACCESS_TOKEN", "forged")), 401,
      "UNAUTHORIZED.GMP_ORDER_API");
}

TEST_F(SignatureAuthTest, AConsumerForSellerAReachesNothingOfSellerB) {
  ASSERT_EQ(
      Send("GET", "/v3/orders/SG-B", SignedHeaders(signing_b_, "GET", "/v3/orders/SG-B")).status,
      200u);
  // Not visible to seller A: the same 404 as an order that does not exist.
  ExpectWalmartError(
      Send("GET", "/v3/orders/SG-B", SignedHeaders(signing_a_, "GET", "/v3/orders/SG-B")), 404,
      "NOT_FOUND.GMP_ORDER_API");
  // Naming seller B in WM_PARTNER.ID is refused before anything is read.
  Headers as_b = SignedHeaders(signing_a_, "GET", "/v3/orders/SG-B");
  as_b.emplace_back("WM_PARTNER.ID", kSellerB);
  ExpectWalmartError(Send("GET", "/v3/orders/SG-B", as_b), 403, "FORBIDDEN.GMP_ORDER_API");
  // A's list holds only A's order.
  const std::string list = "/v3/orders?createdStartDate=" + IsoDate(NowMillis() - 2 * kDay);
  auto listed = Send("GET", list, SignedHeaders(signing_a_, "GET", list));
  ASSERT_EQ(listed.status, 200u) << listed.body;
  EXPECT_NE(listed.body.find("SG-A"), std::string::npos);
  EXPECT_EQ(listed.body.find("SG-B"), std::string::npos);
}

TEST_F(SignatureAuthTest, RevokingAConsumerRefusesItsNextCall) {
  ASSERT_EQ(
      Send("GET", "/v3/orders/SG-A", SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A")).status,
      200u);
  std::string output;
  ASSERT_EQ(RunCli({"clients", "revoke", "--db", db_, kConsumerA}, &output), 0) << output;
  EXPECT_NE(output.find("signed calls"), std::string::npos) << output;
  auto refused =
      Send("GET", "/v3/orders/SG-A", SignedHeaders(signing_a_, "GET", "/v3/orders/SG-A"));
  ExpectWalmartError(refused, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(refused.body.find("revoked"), std::string::npos) << refused.body;
  // The other seller's consumer is not affected.
  EXPECT_EQ(
      Send("GET", "/v3/orders/SG-B", SignedHeaders(signing_b_, "GET", "/v3/orders/SG-B")).status,
      200u);
}

// Runs a shell command; true when it exits 0.
bool Shell(const std::string& command) { return std::system(command.c_str()) == 0; }

TEST_F(SignatureAuthTest, TheOpensslCommandLineToolSignsAcceptedRequests) {
  if (!Shell("command -v openssl >/dev/null 2>&1")) GTEST_SKIP() << "no openssl tool";
  const auto dir = dir_.path();
  const std::string key = (dir / "cli-key.pem").string();
  const std::string pub = (dir / "cli-pub.pem").string();
  // A key made by openssl, registered with --public-key.
  ASSERT_TRUE(Shell("openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out " + key +
                    " 2>/dev/null && openssl pkey -in " + key + " -pubout -out " + pub));
  std::string output;
  ASSERT_EQ(
      RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--public-key", pub}, &output),
      0)
      << output;
  const std::string consumer = FieldOf(output, "consumer id:");
  ASSERT_EQ(consumer.size(), 36u) << output;  // a UUID by default

  // openssl dgst -sha256 -sign KEY | base64 -w0, over the string to sign.
  auto openssl_signature = [&](const std::string& key_file, const std::string& consumer_id,
                               const std::string& target, const std::string& timestamp) {
    const auto message = dir / "to-sign.txt";
    std::ofstream(message, std::ios::binary)
        << StringToSign(consumer_id, "http://" + Host() + target, "GET", timestamp);
    const auto signature = dir / "signature.txt";
    EXPECT_TRUE(Shell("openssl dgst -sha256 -sign " + key_file + " " + message.string() +
                      " | base64 -w0 > " + signature.string()));
    return ReadFile(signature);
  };
  auto call = [&](const std::string& key_file, const std::string& consumer_id,
                  const std::string& target) {
    const std::string timestamp = std::to_string(NowMillis());
    return Send("GET", target,
                {{"Host", Host()},
                 {"WM_QOS.CORRELATION_ID", "openssl"},
                 {"WM_SVC.NAME", "Walmart Marketplace"},
                 {kConsumerHeader, consumer_id},
                 {kTimestampHeader, timestamp},
                 {kSignatureHeader, openssl_signature(key_file, consumer_id, target, timestamp)}});
  };
  auto response = call(key, consumer, "/v3/orders/SG-A?productInfo=true");
  EXPECT_EQ(response.status, 200u) << response.body;
  // The key `clients add --generate-key` wrote, used by openssl.
  EXPECT_EQ(call(KeyFile(kConsumerA), kConsumerA, "/v3/orders/SG-A").status, 200u);
  // And openssl's signature with the wrong key is refused.
  EXPECT_EQ(call(key, kConsumerA, "/v3/orders/SG-A").status, 401u);
}

TEST_F(SignatureAuthTest, ClientsAddRefusesBadKeysAndProviderConsumers) {
  std::string output;
  // A private key given as the public key: refused, named, and nothing created.
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--seller", "seller-new", "--public-key",
                    KeyFile(kConsumerA), "--client-id", "bad-key"},
                   &output),
            0);
  EXPECT_NE(output.find("private key"), std::string::npos) << output;
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--public-key",
                    (dir_.path() / "missing.pem").string()},
                   &output),
            0);
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--provider", "--generate-key"}, &output), 0);
  EXPECT_NE(output.find("one consumer per seller"), std::string::npos) << output;
  // A taken id: the private key file is not left behind.
  const auto orphan = dir_.path() / "orphan.pem";
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--generate-key",
                    "--client-id", kConsumerA, "--private-key-out", orphan.string()},
                   &output),
            0);
  EXPECT_FALSE(std::filesystem::exists(orphan));
  // An existing file is never overwritten.
  EXPECT_NE(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--generate-key",
                    "--private-key-out", KeyFile(kConsumerB)},
                   &output),
            0);
  EXPECT_NO_THROW(ReadPrivateKeyPem(KeyFile(kConsumerB)));
  std::string sellers;
  ASSERT_EQ(RunCli({"sellers", "list", "--db", db_}, &sellers), 0);
  EXPECT_EQ(sellers.find("seller-new"), std::string::npos) << sellers;
  std::string listing;
  ASSERT_EQ(RunCli({"clients", "list", "--db", db_}, &listing), 0);
  EXPECT_EQ(listing.find("bad-key"), std::string::npos) << listing;
}

}  // namespace
}  // namespace mporders::testing
