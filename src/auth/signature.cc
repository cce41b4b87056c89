#include "auth/signature.h"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <memory>

#include "auth/crypto.h"

namespace mporders::auth {
namespace {

constexpr int kMinimumRsaBits = 2048;
constexpr int kGeneratedRsaBits = 2048;

struct BioFree {
  void operator()(BIO* bio) const { BIO_free(bio); }
};
struct PkeyFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct MdCtxFree {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using BioPtr = std::unique_ptr<BIO, BioFree>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;

// OpenSSL keeps failures in a per-thread queue that TLS code on the same I/O
// thread would later misread as its own: every path out of this file clears it.
struct ClearErrorsOnExit {
  ~ClearErrorsOnExit() { ERR_clear_error(); }
};

BioPtr ReadBio(std::string_view text) {
  return BioPtr(BIO_new_mem_buf(text.data(), static_cast<int>(text.size())));
}

std::string BioText(BIO* bio) {
  char* data = nullptr;
  long length = BIO_get_mem_data(bio, &data);
  return length > 0 ? std::string(data, static_cast<size_t>(length)) : std::string();
}

Status InvalidKey(std::string why) { return Status::InvalidParam(std::move(why), "public-key"); }

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

// The PEM to write for `key`, by `write` (a PEM_write_bio_* function).
template <typename Write>
Result<std::string> WritePem(EVP_PKEY* key, Write write) {
  BioPtr out(BIO_new(BIO_s_mem()));
  if (!out || write(out.get(), key) != 1) return Status::Internal("OpenSSL cannot write a key");
  return BioText(out.get());
}

Result<std::string> PublicPem(EVP_PKEY* key) {
  return WritePem(key, [](BIO* bio, EVP_PKEY* k) { return PEM_write_bio_PUBKEY(bio, k); });
}

PkeyPtr ReadPrivateKey(std::string_view text) {
  if (Contains(text, "-----BEGIN")) {
    BioPtr in = ReadBio(text);
    if (!in) return nullptr;
    return PkeyPtr(PEM_read_bio_PrivateKey(in.get(), nullptr, nullptr, nullptr));
  }
  // The portal form: base64 of the PKCS#8 DER, tolerated across lines.
  std::string compact;
  for (char c : text) {
    if (c != '\n' && c != '\r' && c != ' ' && c != '\t') compact.push_back(c);
  }
  auto der = Base64Decode(compact);
  if (!der || der->empty()) return nullptr;
  const auto* cursor = reinterpret_cast<const unsigned char*>(der->data());
  return PkeyPtr(d2i_AutoPrivateKey(nullptr, &cursor, static_cast<long>(der->size())));
}

}  // namespace

std::string SignatureString(std::string_view consumer_id, std::string_view full_url,
                            std::string_view method, std::string_view timestamp) {
  std::string out;
  out.reserve(consumer_id.size() + full_url.size() + method.size() + timestamp.size() + 4);
  out.append(consumer_id).append("\n");
  out.append(full_url).append("\n");
  out.append(method).append("\n");
  out.append(timestamp).append("\n");
  return out;
}

Result<std::string> ParsePublicKeyPem(std::string_view pem) {
  ClearErrorsOnExit clear;
  // Tell the usual wrong files apart before OpenSSL's "no start line".
  if (!Contains(pem, "-----BEGIN PUBLIC KEY-----")) {
    if (Contains(pem, "PRIVATE KEY-----")) {
      return InvalidKey(
          "this is a private key; register the public key only "
          "(openssl pkey -in key.pem -pubout -out public.pem)");
    }
    if (Contains(pem, "-----BEGIN RSA PUBLIC KEY-----")) {
      return InvalidKey(
          "this is a PKCS#1 RSA PUBLIC KEY; give the SubjectPublicKeyInfo form, BEGIN PUBLIC KEY "
          "(openssl rsa -RSAPublicKey_in -in key.pem -pubout -out public.pem)");
    }
    if (Contains(pem, "-----BEGIN CERTIFICATE-----")) {
      return InvalidKey(
          "this is a certificate; give its public key "
          "(openssl x509 -in cert.pem -pubkey -noout > public.pem)");
    }
    return InvalidKey("not a PEM public key: expected -----BEGIN PUBLIC KEY-----");
  }
  BioPtr in = ReadBio(pem);
  if (!in) return Status::Internal("OpenSSL cannot allocate a buffer");
  PkeyPtr key(PEM_read_bio_PUBKEY(in.get(), nullptr, nullptr, nullptr));
  if (!key) return InvalidKey("the PUBLIC KEY block is not a valid SubjectPublicKeyInfo");
  if (EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    return InvalidKey("the key is not an RSA key; this scheme signs with RSA-SHA256");
  }
  const int bits = EVP_PKEY_get_bits(key.get());
  if (bits < kMinimumRsaBits) {
    return InvalidKey("the RSA key has " + std::to_string(bits) + " bits; at least " +
                      std::to_string(kMinimumRsaBits) + " are required");
  }
  return PublicPem(key.get());
}

bool VerifySignature(std::string_view public_key_pem, std::string_view message,
                     std::string_view signature_base64) {
  ClearErrorsOnExit clear;
  auto signature = Base64Decode(signature_base64);
  if (!signature || signature->empty()) return false;
  BioPtr in = ReadBio(public_key_pem);
  if (!in) return false;
  PkeyPtr key(PEM_read_bio_PUBKEY(in.get(), nullptr, nullptr, nullptr));
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) return false;
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pkey_ctx = nullptr;  // owned by ctx
  if (!ctx || EVP_DigestVerifyInit(ctx.get(), &pkey_ctx, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PADDING) != 1) {
    return false;
  }
  return EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature->data()),
                          signature->size(), reinterpret_cast<const unsigned char*>(message.data()),
                          message.size()) == 1;
}

Result<std::string> SignMessage(std::string_view private_key, std::string_view message) {
  ClearErrorsOnExit clear;
  PkeyPtr key = ReadPrivateKey(private_key);
  if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_RSA) {
    return Status::InvalidParam("not an RSA private key (PEM or base64 PKCS#8)", "private-key");
  }
  MdCtxPtr ctx(EVP_MD_CTX_new());
  EVP_PKEY_CTX* pkey_ctx = nullptr;
  size_t length = 0;
  if (!ctx || EVP_DigestSignInit(ctx.get(), &pkey_ctx, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_PKEY_CTX_set_rsa_padding(pkey_ctx, RSA_PKCS1_PADDING) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return Status::Internal("OpenSSL cannot sign");
  }
  std::string signature(length, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    return Status::Internal("OpenSSL cannot sign");
  }
  signature.resize(length);
  return Base64Encode(signature);
}

Result<KeyPair> GenerateKeyPair() {
  ClearErrorsOnExit clear;
  PkeyPtr key(EVP_RSA_gen(kGeneratedRsaBits));
  if (!key) return Status::Internal("OpenSSL cannot generate an RSA key");
  KeyPair pair;
  auto public_pem = PublicPem(key.get());
  if (!public_pem.ok()) return public_pem.status();
  pair.public_key_pem = std::move(public_pem).value();
  // PKCS#8, unencrypted: the form both PEM readers and Walmart's SDKs take.
  auto private_pem = WritePem(key.get(), [](BIO* bio, EVP_PKEY* k) {
    return PEM_write_bio_PKCS8PrivateKey(bio, k, nullptr, nullptr, 0, nullptr, nullptr);
  });
  if (!private_pem.ok()) return private_pem.status();
  pair.private_key_pem = std::move(private_pem).value();
  BioPtr der(BIO_new(BIO_s_mem()));
  if (!der ||
      i2d_PKCS8PrivateKey_bio(der.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    return Status::Internal("OpenSSL cannot encode the private key");
  }
  pair.private_key_base64 = Base64Encode(BioText(der.get()));
  return pair;
}

}  // namespace mporders::auth
