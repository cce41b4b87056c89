// HTTPS: `mporders certs` makes a certificate that a verifying client
// accepts for 127.0.0.1 and localhost; `serve --tls-cert --tls-key` answers
// over TLS; failed handshakes and plain HTTP on the TLS port are closed
// without harming the server.

#include <sys/stat.h>

#include <boost/algorithm/string/case_conv.hpp>
#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "signature_support.h"
#include "support/fixtures.h"

namespace mporders::testing {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

// A blocking HTTPS client on one keep-alive connection. With `ca_file` it
// verifies the server certificate against it and checks `host_name`;
// without, it verifies nothing. The handshake throws when it fails.
class HttpsClient {
 public:
  HttpsClient(unsigned short port, const std::string& ca_file,
              const std::string& host_name = "127.0.0.1")
      : context_(asio::ssl::context::tls_client), stream_(io_, context_) {
    if (!ca_file.empty()) {
      context_.load_verify_file(ca_file);
      stream_.set_verify_mode(asio::ssl::verify_peer);
      stream_.set_verify_callback(asio::ssl::host_name_verification(host_name));
    } else {
      stream_.set_verify_mode(asio::ssl::verify_none);
    }
    beast::get_lowest_layer(stream_).connect({asio::ip::make_address("127.0.0.1"), port});
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
    stream_.handshake(asio::ssl::stream_base::client);
  }

  HttpResponse Request(const std::string& method, const std::string& target,
                       const Headers& headers = {}, const std::string& body = {}) {
    http::request<http::string_body> request{http::string_to_verb(method), target, 11};
    request.set(http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
    http::write(stream_, request);
    http::response<http::string_body> message;
    http::read(stream_, buffer_, message);
    HttpResponse response;
    response.status = message.result_int();
    for (const auto& field : message) {
      response.headers[boost::algorithm::to_lower_copy(std::string(field.name_string()))] =
          std::string(field.value());
    }
    response.body = message.body();
    response.keep_alive = message.keep_alive();
    return response;
  }

 private:
  asio::io_context io_;
  asio::ssl::context context_;
  beast::ssl_stream<beast::tcp_stream> stream_;
  beast::flat_buffer buffer_;
};

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// A database with seller A's client, a certificate made by `mporders certs`,
// and a server serving HTTPS with it.
class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = "sqlite:" + (dir_.path() / "test.db").string();
    ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--client-id", kClientA,
                      "--client-secret", kSecret}),
              0);
    certs_ = dir_.path() / "certs";
    std::string output;
    ASSERT_EQ(RunCli({"certs", "--out", certs_.string()}, &output), 0) << output;
    server_ = std::make_unique<ServerProcess>(
        std::vector<std::string>{"--tls-cert", Cert(), "--tls-key", Key()}, &dir_);
  }

  std::string Cert() const { return (certs_ / "cert.pem").string(); }
  std::string Key() const { return (certs_ / "key.pem").string(); }

  std::string FetchTokenOverTls(HttpsClient& client) {
    auto response =
        client.Request("POST", "/v3/token",
                       {{"Authorization", "Basic " + Base64(std::string(kClientA) + ":" + kSecret)},
                        {"Content-Type", "application/x-www-form-urlencoded"}},
                       "grant_type=client_credentials");
    if (response.status != 200) throw std::runtime_error("token over TLS failed: " + response.body);
    return std::string(response.Json().at("access_token").as_string());
  }

  // A whole Orders call over a fresh, verified TLS connection.
  void ExpectServingHttps() {
    HttpsClient client(server_->port(), Cert());
    std::string token = FetchTokenOverTls(client);
    ExpectWalmartError(client.Request("GET", "/v3/orders/NOPE", WalmartHeaders(token)), 404,
                       "NOT_FOUND.GMP_ORDER_API");
  }

  TempDir dir_;
  std::string db_;
  std::filesystem::path certs_;
  std::unique_ptr<ServerProcess> server_;
};

TEST_F(TlsTest, CertsWritesACertificateAndAKeyOnlyItsOwnerCanRead) {
  EXPECT_EQ(ReadText(Cert()).rfind("-----BEGIN CERTIFICATE-----", 0), 0u);
  EXPECT_EQ(ReadText(Key()).rfind("-----BEGIN PRIVATE KEY-----", 0), 0u);
  struct stat key_stat {};
  ASSERT_EQ(stat(Key().c_str(), &key_stat), 0);
  EXPECT_EQ(key_stat.st_mode & 0777, 0600u);
  // Existing files are kept unless --force is given.
  std::string before = ReadText(Key());
  std::string output;
  EXPECT_NE(RunCli({"certs", "--out", certs_.string()}, &output), 0);
  EXPECT_NE(output.find("--force"), std::string::npos) << output;
  EXPECT_EQ(ReadText(Key()), before);
  EXPECT_EQ(RunCli({"certs", "--out", certs_.string(), "--force"}, &output), 0) << output;
  EXPECT_NE(ReadText(Key()), before);
}

TEST_F(TlsTest, VerifyingClientGetsTheApiOverHttps) {
  HttpsClient client(server_->port(), Cert());
  auto health = client.Request("GET", "/healthz");
  EXPECT_EQ(health.status, 200u);
  EXPECT_TRUE(health.keep_alive);
  // Same connection: token, then an Orders call with Walmart's headers.
  std::string token = FetchTokenOverTls(client);
  auto response = client.Request("GET", "/v3/orders/NOPE", WalmartHeaders(token, "tls-cid"));
  ExpectWalmartError(response, 404, "NOT_FOUND.GMP_ORDER_API");
  EXPECT_EQ(response.Header("wm_qos.correlation_id"), "tls-cid");
  EXPECT_FALSE(response.Header("x-current-token-count").empty());
  // A graceful stop closes the idle TLS connection and exits cleanly.
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server_->Terminate(), 0);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_F(TlsTest, SignedCallsOverHttpsSignAnHttpsUrl) {
  const auto key_file = dir_.path() / "consumer.pem";
  std::string output;
  ASSERT_EQ(RunCli({"clients", "add", "--db", db_, "--seller", kSellerA, "--generate-key",
                    "--client-id", "tls-consumer", "--private-key-out", key_file.string()},
                   &output),
            0)
      << output;
  Signing signing{"tls-consumer", ReadPrivateKeyPem(key_file.string()),
                  "127.0.0.1:" + std::to_string(server_->port()), "https"};
  HttpsClient client(server_->port(), Cert());
  // Authenticated (the order does not exist): the server rebuilt https://.
  ExpectWalmartError(
      client.Request("GET", "/v3/orders/NOPE", SignedHeaders(signing, "GET", "/v3/orders/NOPE")),
      404, "NOT_FOUND.GMP_ORDER_API");
  signing.scheme = "http";
  auto refused =
      client.Request("GET", "/v3/orders/NOPE", SignedHeaders(signing, "GET", "/v3/orders/NOPE"));
  ExpectWalmartError(refused, 401, "UNAUTHORIZED.GMP_ORDER_API");
  EXPECT_NE(refused.body.find("https://127.0.0.1:"), std::string::npos) << refused.body;
}

TEST_F(TlsTest, CertificateNamesLocalhostToo) {
  HttpsClient client(server_->port(), Cert(), "localhost");
  EXPECT_EQ(client.Request("GET", "/healthz").status, 200u);
}

TEST_F(TlsTest, CertificateIsRefusedForOtherHostNames) {
  EXPECT_THROW(HttpsClient(server_->port(), Cert(), "example.com"), std::exception);
  ExpectServingHttps();
}

TEST_F(TlsTest, PlainHttpToTheTlsPortIsClosedAndTheServerStaysUp) {
  HttpClient plain(server_->port());
  auto response = plain.RawExchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_FALSE(response.has_value()) << response->status;
  EXPECT_TRUE(server_->Running());
  ExpectServingHttps();
}

TEST_F(TlsTest, FailedHandshakesDoNotHarmTheServer) {
  // A client that trusts another certificate refuses this one.
  TempDir other;
  ASSERT_EQ(RunCli({"certs", "--out", other.path().string()}), 0);
  for (int i = 0; i < 5; ++i) {
    EXPECT_THROW(HttpsClient(server_->port(), (other.path() / "cert.pem").string()),
                 std::exception);
  }
  // Garbage instead of a ClientHello, and connections closed mid-handshake.
  for (int i = 0; i < 20; ++i) {
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), server_->port()});
    if (i % 2 == 0) {
      std::string garbage(300, static_cast<char>(0x16 + i));
      boost::system::error_code ignored;
      asio::write(socket, asio::buffer(garbage), ignored);
    }
  }
  EXPECT_TRUE(server_->Running());
  for (int i = 0; i < 5; ++i) ExpectServingHttps();
  // An unverifying client (as curl -k) is served as well.
  HttpsClient insecure(server_->port(), "");
  EXPECT_EQ(insecure.Request("GET", "/healthz").status, 200u);
}

TEST_F(TlsTest, ServeRefusesAMissingCertificateFile) {
  std::string output;
  int code = RunCli({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--tls-cert",
                     (dir_.path() / "missing.pem").string(), "--tls-key", Key()},
                    &output);
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("missing.pem"), std::string::npos) << output;
}

TEST_F(TlsTest, ServeRefusesAKeyThatDoesNotMatchTheCertificate) {
  TempDir other;
  ASSERT_EQ(RunCli({"certs", "--out", other.path().string()}), 0);
  std::string output;
  int code = RunCli({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--tls-cert", Cert(),
                     "--tls-key", (other.path() / "key.pem").string()},
                    &output);
  EXPECT_NE(code, 0);
  EXPECT_NE(output.find("mismatch"), std::string::npos) << output;
}

TEST_F(TlsTest, CertificateWithoutKeyIsAConfigurationError) {
  std::string output;
  EXPECT_EQ(
      RunCli({"serve", "--db", db_, "--listen", "127.0.0.1:0", "--tls-cert", Cert()}, &output), 2);
  EXPECT_NE(output.find("tls-key"), std::string::npos) << output;
}

}  // namespace
}  // namespace mporders::testing
