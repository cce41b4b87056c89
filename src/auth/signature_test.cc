#include "auth/signature.h"

#include <gtest/gtest.h>
#include <openssl/encoder.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "auth/crypto.h"

namespace mporders::auth {
namespace {

// One generated pair for the whole suite: RSA generation takes a while.
const KeyPair& Pair() {
  static const KeyPair pair = GenerateKeyPair().value();
  return pair;
}

TEST(SignatureStringTest, IsTheFourPartsEachEndedByANewline) {
  EXPECT_EQ(SignatureString("c-1", "https://h:8443/v3/orders?a=1&b=%20", "GET", "1700000000000"),
            "c-1\nhttps://h:8443/v3/orders?a=1&b=%20\nGET\n1700000000000\n");
  EXPECT_EQ(SignatureString("", "", "", ""), "\n\n\n\n");
}

TEST(KeyPairTest, GeneratesAn2048BitRsaPairInBothPrivateForms) {
  const KeyPair& pair = Pair();
  EXPECT_EQ(pair.public_key_pem.rfind("-----BEGIN PUBLIC KEY-----\n", 0), 0u);
  EXPECT_EQ(pair.private_key_pem.rfind("-----BEGIN PRIVATE KEY-----\n", 0), 0u);
  // The one-line form is the PEM body without armour or line breaks.
  EXPECT_EQ(pair.private_key_base64.find('\n'), std::string::npos);
  std::string body;
  for (const std::string_view line : {std::string_view(pair.private_key_pem)}) {
    size_t start = line.find('\n') + 1;
    size_t end = line.find("-----END");
    for (char c : line.substr(start, end - start)) {
      if (c != '\n') body.push_back(c);
    }
  }
  EXPECT_EQ(pair.private_key_base64, body);
  // ... which is PKCS#8 DER of a 2048-bit RSA key.
  auto der = Base64Decode(pair.private_key_base64);
  ASSERT_TRUE(der.has_value());
  const auto* cursor = reinterpret_cast<const unsigned char*>(der->data());
  PKCS8_PRIV_KEY_INFO* info =
      d2i_PKCS8_PRIV_KEY_INFO(nullptr, &cursor, static_cast<long>(der->size()));
  ASSERT_NE(info, nullptr);
  EVP_PKEY* key = EVP_PKCS82PKEY(info);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(EVP_PKEY_get_base_id(key), EVP_PKEY_RSA);
  EXPECT_EQ(EVP_PKEY_get_bits(key), 2048);
  EVP_PKEY_free(key);
  PKCS8_PRIV_KEY_INFO_free(info);
  // Two pairs differ.
  EXPECT_NE(GenerateKeyPair().value().public_key_pem, pair.public_key_pem);
}

TEST(SignatureTest, ASignatureFromEitherPrivateFormVerifiesAndNothingElseDoes) {
  const KeyPair& pair = Pair();
  const std::string message = SignatureString("c-1", "http://h/v3/orders/1", "GET", "17");
  auto from_pem = SignMessage(pair.private_key_pem, message);
  auto from_base64 = SignMessage(pair.private_key_base64, message);
  ASSERT_TRUE(from_pem.ok()) << from_pem.status().ToString();
  ASSERT_TRUE(from_base64.ok()) << from_base64.status().ToString();
  // PKCS#1 v1.5 is deterministic: both forms are the same key.
  EXPECT_EQ(*from_pem, *from_base64);
  EXPECT_TRUE(VerifySignature(pair.public_key_pem, message, *from_pem));

  EXPECT_FALSE(VerifySignature(pair.public_key_pem, message + "x", *from_pem));
  EXPECT_FALSE(VerifySignature(pair.public_key_pem,
                               SignatureString("c-1", "http://h/v3/orders/1", "POST", "17"),
                               *from_pem));
  const KeyPair other = GenerateKeyPair().value();
  EXPECT_FALSE(VerifySignature(other.public_key_pem, message, *from_pem));
  // Malformed signatures and keys are "does not verify", never a crash.
  std::string flipped = *from_pem;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(VerifySignature(pair.public_key_pem, message, flipped));
  EXPECT_FALSE(VerifySignature(pair.public_key_pem, message, "not base64!"));
  EXPECT_FALSE(VerifySignature(pair.public_key_pem, message, ""));
  EXPECT_FALSE(VerifySignature(pair.public_key_pem, message, from_pem->substr(0, 40)));
  EXPECT_FALSE(VerifySignature("garbage", message, *from_pem));
  EXPECT_FALSE(VerifySignature("", message, *from_pem));
}

TEST(SignatureTest, SigningWithAnUnreadableKeyFails) {
  EXPECT_EQ(SignMessage("nonsense", "m").status().code(), ErrorCode::kInvalidRequestParam);
  EXPECT_EQ(SignMessage(Pair().public_key_pem, "m").status().code(),
            ErrorCode::kInvalidRequestParam);
}

std::string Description(const Result<std::string>& result) {
  return result.ok() ? "(accepted)" : result.status().description();
}

TEST(ParsePublicKeyTest, AcceptsSubjectPublicKeyInfoAndReturnsItCanonically) {
  const KeyPair& pair = Pair();
  auto parsed = ParsePublicKeyPem(pair.public_key_pem);
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(*parsed, pair.public_key_pem);
  // Text around the block (comments, CRLF) is dropped.
  std::string crlf;
  for (char c : pair.public_key_pem) {
    if (c == '\n') crlf += "\r";
    crlf += c;
  }
  auto surrounded = ParsePublicKeyPem("my consumer key\n" + crlf + "\ntrailer\n");
  ASSERT_TRUE(surrounded.ok()) << surrounded.status().ToString();
  EXPECT_EQ(*surrounded, pair.public_key_pem);
}

TEST(ParsePublicKeyTest, RejectsEverythingElseSayingWhatItIs) {
  const KeyPair& pair = Pair();
  auto private_key = ParsePublicKeyPem(pair.private_key_pem);
  ASSERT_FALSE(private_key.ok());
  EXPECT_EQ(private_key.status().code(), ErrorCode::kInvalidRequestParam);
  EXPECT_NE(Description(private_key).find("private key"), std::string::npos);
  // The private key never appears in the message.
  EXPECT_EQ(Description(private_key).find(pair.private_key_base64.substr(40, 30)),
            std::string::npos);

  // PKCS#1 RSAPublicKey form of the same key.
  BIO* in =
      BIO_new_mem_buf(pair.public_key_pem.data(), static_cast<int>(pair.public_key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PUBKEY(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  ASSERT_NE(key, nullptr);
  OSSL_ENCODER_CTX* encoder =
      OSSL_ENCODER_CTX_new_for_pkey(key, EVP_PKEY_PUBLIC_KEY, "PEM", "type-specific", nullptr);
  ASSERT_NE(encoder, nullptr);
  unsigned char* data = nullptr;
  size_t length = 0;
  ASSERT_EQ(OSSL_ENCODER_to_data(encoder, &data, &length), 1);
  const std::string pkcs1(reinterpret_cast<char*>(data), length);
  OPENSSL_free(data);
  OSSL_ENCODER_CTX_free(encoder);
  EVP_PKEY_free(key);
  ASSERT_NE(pkcs1.find("BEGIN RSA PUBLIC KEY"), std::string::npos);
  EXPECT_NE(Description(ParsePublicKeyPem(pkcs1)).find("PKCS#1"), std::string::npos);

  EXPECT_NE(Description(ParsePublicKeyPem("-----BEGIN CERTIFICATE-----\nMIIB\n-----END "
                                          "CERTIFICATE-----\n"))
                .find("certificate"),
            std::string::npos);
  EXPECT_NE(Description(ParsePublicKeyPem("")).find("BEGIN PUBLIC KEY"), std::string::npos);
  EXPECT_NE(
      Description(ParsePublicKeyPem("ssh-rsa AAAAB3NzaC1yc2E user@host")).find("BEGIN PUBLIC KEY"),
      std::string::npos);
  EXPECT_FALSE(
      ParsePublicKeyPem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").ok());
}

// A PEM public key of another type or size, made with OpenSSL directly.
std::string PublicPemOf(EVP_PKEY* key) {
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(out, key);
  char* data = nullptr;
  long length = BIO_get_mem_data(out, &data);
  std::string pem(data, static_cast<size_t>(length));
  BIO_free(out);
  EVP_PKEY_free(key);
  return pem;
}

TEST(ParsePublicKeyTest, RejectsNonRsaAndShortRsaKeys) {
  const std::string ec = PublicPemOf(EVP_EC_gen("P-256"));
  EXPECT_NE(Description(ParsePublicKeyPem(ec)).find("not an RSA key"), std::string::npos);
  const std::string short_rsa = PublicPemOf(EVP_RSA_gen(1024));
  EXPECT_NE(Description(ParsePublicKeyPem(short_rsa)).find("1024 bits"), std::string::npos);
}

}  // namespace
}  // namespace mporders::auth
