#pragma once
// RSA request signatures, Walmart's legacy scheme (Canada, Chile, Mexico): a
// consumer signs each call with its private key, the server verifies with the
// public key registered for the consumer. RSA-SHA256, PKCS#1 v1.5 padding,
// base64. This file holds the cryptography only; signature_auth.h checks a
// request with it.
//
// Thread-safe: every function is pure (OpenSSL's error queue is cleared
// before returning, so no failure leaks into the caller thread's TLS work).

#include <string>
#include <string_view>

#include "core/status.h"

namespace mporders::auth {

// What the consumer signs:
//   consumer_id "\n" full_url "\n" METHOD "\n" timestamp "\n"
// `full_url` is scheme://host + path + query as the client called it;
// `method` upper case ("GET"); `timestamp` the WM_SEC.TIMESTAMP text.
std::string SignatureString(std::string_view consumer_id, std::string_view full_url,
                            std::string_view method, std::string_view timestamp);

// The canonical PEM (SubjectPublicKeyInfo, "BEGIN PUBLIC KEY") of the RSA
// public key in `pem`. kInvalidRequestParam, with a description of what was
// found and how to convert it, for anything else: a private key, a PKCS#1
// "RSA PUBLIC KEY", a certificate, a non-RSA key, an RSA key shorter than
// 2048 bits, or no PEM at all.
Result<std::string> ParsePublicKeyPem(std::string_view pem);

// Whether `signature_base64` (standard base64) is a valid RSA-SHA256 PKCS#1
// v1.5 signature of `message` under `public_key_pem`. False for a malformed
// signature or key too: the caller only learns "does not verify".
bool VerifySignature(std::string_view public_key_pem, std::string_view message,
                     std::string_view signature_base64);

// The client side: the base64 RSA-SHA256 signature of `message` with
// `private_key`, given as PEM or as the one-line base64 PKCS#8 form.
// kInvalidRequestParam when the key cannot be read.
Result<std::string> SignMessage(std::string_view private_key, std::string_view message);

struct KeyPair {
  std::string public_key_pem;   // SubjectPublicKeyInfo PEM: what the server stores
  std::string private_key_pem;  // PKCS#8 PEM ("BEGIN PRIVATE KEY")
  // The PKCS#8 DER, base64 on one line without PEM armour: the form Walmart's
  // portal hands out and its SDKs take as the private key.
  std::string private_key_base64;
};

// A fresh RSA 2048 key pair. kInternal if OpenSSL fails.
Result<KeyPair> GenerateKeyPair();

}  // namespace mporders::auth
