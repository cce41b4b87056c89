#pragma once
// Signed calls in black-box tests (Walmart's legacy signature scheme), made
// the way a client would: OpenSSL's own API here, never the server's code.
// A consumer's key pair is made with the real CLI (`clients add
// --generate-key --private-key-out FILE`).

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {

constexpr char kConsumerHeader[] = "WM_CONSUMER.ID";
constexpr char kTimestampHeader[] = "WM_SEC.TIMESTAMP";
constexpr char kSignatureHeader[] = "WM_SEC.AUTH_SIGNATURE";

using PrivateKey = std::shared_ptr<EVP_PKEY>;

inline PrivateKey ReadPrivateKeyPem(const std::string& path) {
  FILE* file = std::fopen(path.c_str(), "r");
  if (file == nullptr) throw std::runtime_error("cannot open " + path);
  EVP_PKEY* key = PEM_read_PrivateKey(file, nullptr, nullptr, nullptr);
  std::fclose(file);
  if (key == nullptr) throw std::runtime_error("no private key in " + path);
  return PrivateKey(key, EVP_PKEY_free);
}

inline std::string DecodeBase64(const std::string& text) {
  std::string out(text.size(), '\0');
  int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(text.data()),
                          static_cast<int>(text.size()));
  if (n < 0) throw std::runtime_error("bad base64");
  size_t padding = 0;
  for (size_t i = text.size(); i > 0 && text[i - 1] == '='; --i) ++padding;
  out.resize(static_cast<size_t>(n) - padding);
  return out;
}

// The private key as Walmart's portal gives it: base64 PKCS#8 DER, one line.
inline PrivateKey ReadPrivateKeyBase64(const std::string& text) {
  const std::string der = DecodeBase64(text);
  const auto* cursor = reinterpret_cast<const unsigned char*>(der.data());
  PKCS8_PRIV_KEY_INFO* info =
      d2i_PKCS8_PRIV_KEY_INFO(nullptr, &cursor, static_cast<long>(der.size()));
  if (info == nullptr) throw std::runtime_error("not PKCS#8 DER");
  EVP_PKEY* key = EVP_PKCS82PKEY(info);
  PKCS8_PRIV_KEY_INFO_free(info);
  if (key == nullptr) throw std::runtime_error("unusable PKCS#8 key");
  return PrivateKey(key, EVP_PKEY_free);
}

// Base64 RSA-SHA256 (PKCS#1 v1.5) signature of `message`.
inline std::string SignWith(const PrivateKey& key, const std::string& message) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  size_t length = 0;
  if (EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &length,
                     reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1) {
    throw std::runtime_error("cannot sign");
  }
  std::string signature(length, '\0');
  EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length,
                 reinterpret_cast<const unsigned char*>(message.data()), message.size());
  signature.resize(length);
  return Base64(signature);
}

// consumerId \n fullUrl \n METHOD \n timestamp \n
inline std::string StringToSign(const std::string& consumer_id, const std::string& url,
                                const std::string& method, const std::string& timestamp) {
  return consumer_id + "\n" + url + "\n" + method + "\n" + timestamp + "\n";
}

// What a signed call sends besides WM_QOS.CORRELATION_ID and WM_SVC.NAME.
struct Signing {
  std::string consumer_id;
  PrivateKey key;
  std::string host;  // the Host header, "127.0.0.1:PORT" as curl sends it
  std::string scheme = "http";
};

// Walmart's headers for a call of `method` `target` signed at `timestamp`.
inline Headers SignedHeaders(const Signing& signing, const std::string& method,
                             const std::string& target,
                             const std::string& timestamp = std::to_string(NowMillis())) {
  const std::string url = signing.scheme + "://" + signing.host + target;
  return {{"Host", signing.host},
          {"WM_QOS.CORRELATION_ID", "signed"},
          {"WM_SVC.NAME", "Walmart Marketplace"},
          {"Accept", "application/json"},
          {kConsumerHeader, signing.consumer_id},
          {kTimestampHeader, timestamp},
          {kSignatureHeader,
           SignWith(signing.key, StringToSign(signing.consumer_id, url, method, timestamp))}};
}

inline Headers Without(Headers headers, const std::string& name) {
  std::erase_if(headers, [&](const auto& header) { return header.first == name; });
  return headers;
}

inline Headers Replacing(Headers headers, const std::string& name, const std::string& value) {
  for (auto& header : headers) {
    if (header.first == name) header.second = value;
  }
  return headers;
}

}  // namespace mporders::testing
