// `mporders certs`: a self-signed certificate and its private key for local
// HTTPS, made with OpenSSL's C API. The certificate names localhost,
// 127.0.0.1 and ::1 (plus any --name given), so clients that check the host
// name accept it once they trust the certificate itself.

#include <arpa/inet.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/commands.h"
#include "app/file_output.h"
#include "app/open_store.h"
#include "core/status.h"

namespace mporders::app {
namespace {

template <typename T, void (*Free)(T*)>
struct OpenSslDeleter {
  void operator()(T* p) const { Free(p); }
};
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY, EVP_PKEY_free>>;
using CertPtr = std::unique_ptr<X509, OpenSslDeleter<X509, X509_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO, BIO_free_all>>;
using BnPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BIGNUM, BN_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION, X509_EXTENSION_free>>;

constexpr char kCertFile[] = "cert.pem";
constexpr char kKeyFile[] = "key.pem";

// The failing step plus OpenSSL's own reason.
Status OpenSslError(const std::string& step) {
  unsigned long code = ERR_get_error();
  char reason[256] = "unknown error";
  if (code != 0) ERR_error_string_n(code, reason, sizeof reason);
  ERR_clear_error();
  return Status::Internal(step + ": " + reason);
}

bool IsIpAddress(const std::string& name) {
  unsigned char address[16];
  return inet_pton(AF_INET, name.c_str(), address) == 1 ||
         inet_pton(AF_INET6, name.c_str(), address) == 1;
}

// "DNS:localhost,IP:127.0.0.1,..." for the subjectAltName extension.
std::string SubjectAltNames(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    if (!text.empty()) text += ',';
    text += (IsIpAddress(name) ? "IP:" : "DNS:") + name;
  }
  return text;
}

Status AddExtension(X509* cert, int nid, const std::string& value) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, cert, cert, nullptr, nullptr, 0);  // self-signed: issuer == subject
  ExtPtr extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.c_str()));
  if (!extension) return OpenSslError(std::string("certificate extension ") + OBJ_nid2sn(nid));
  if (X509_add_ext(cert, extension.get(), -1) != 1) return OpenSslError("adding an extension");
  return Status::Ok();
}

Result<std::string> ToPem(int (*write)(BIO*, const void*), const void* object) {
  BioPtr bio(BIO_new(BIO_s_mem()));
  if (!bio || write(bio.get(), object) != 1) return OpenSslError("PEM encoding");
  char* data = nullptr;
  long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<size_t>(size));
}

struct Pem {
  std::string certificate;
  std::string private_key;
};

// An EC P-256 key and a self-signed X.509 v3 server certificate for `names`.
Result<Pem> MakeSelfSigned(const std::vector<std::string>& names, int days) {
  KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return OpenSslError("generating the key");
  CertPtr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1) return OpenSslError("X509_new");

  // A random 127-bit serial: two certificates never share one.
  BnPtr serial(BN_new());
  if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1 ||
      !BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(cert.get()))) {
    return OpenSslError("serial number");
  }
  // Valid from an hour ago, so a client clock slightly behind still accepts it.
  if (!X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600) ||
      !X509_gmtime_adj(X509_getm_notAfter(cert.get()), static_cast<long>(days) * 86400)) {
    return OpenSslError("validity");
  }
  X509_NAME* subject = X509_get_subject_name(cert.get());
  auto add_entry = [subject](const char* field, const std::string& value) {
    return X509_NAME_add_entry_by_txt(subject, field, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char*>(value.c_str()), -1, -1,
                                      0) == 1;
  };
  if (!add_entry("O", "mporders local") || !add_entry("CN", names.front()) ||
      X509_set_issuer_name(cert.get(), subject) != 1 ||
      X509_set_pubkey(cert.get(), key.get()) != 1) {
    return OpenSslError("subject");
  }
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_basic_constraints, "critical,CA:FALSE"));
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_key_usage, "critical,digitalSignature"));
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_ext_key_usage, "serverAuth"));
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_subject_key_identifier, "hash"));
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_authority_key_identifier, "keyid:always"));
  MP_RETURN_IF_ERROR(AddExtension(cert.get(), NID_subject_alt_name, SubjectAltNames(names)));
  if (X509_sign(cert.get(), key.get(), EVP_sha256()) <= 0) return OpenSslError("signing");

  auto cert_pem = ToPem(
      [](BIO* bio, const void* x) {
        return PEM_write_bio_X509(bio, static_cast<X509*>(const_cast<void*>(x)));
      },
      cert.get());
  if (!cert_pem.ok()) return cert_pem.status();
  auto key_pem = ToPem(
      [](BIO* bio, const void* k) {
        return PEM_write_bio_PrivateKey(bio, static_cast<const EVP_PKEY*>(k), nullptr, nullptr, 0,
                                        nullptr, nullptr);
      },
      key.get());
  if (!key_pem.ok()) return key_pem.status();
  return Pem{std::move(cert_pem).value(), std::move(key_pem).value()};
}

}  // namespace

int RunCerts(const CertsOptions& options) {
  std::vector<std::string> names = {"localhost", "127.0.0.1", "::1"};
  for (const auto& name : options.extra_names) {
    if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
  }
  std::filesystem::path dir(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    std::cerr << "mporders: cannot create " << dir.string() << ": " << ec.message() << "\n";
    return 1;
  }
  auto pem = MakeSelfSigned(names, options.days);
  if (!pem.ok()) {
    ReportError("cannot make the certificate", pem.status());
    return 1;
  }
  auto cert_path = dir / kCertFile;
  auto key_path = dir / kKeyFile;
  if (!options.force) {
    for (const auto& path : {cert_path, key_path}) {
      if (std::filesystem::exists(path)) {
        std::cerr << "mporders: " << path.string() << " exists (use --force to replace it)\n";
        return 1;
      }
    }
  }
  // The key first, readable by its owner only.
  Status written = WriteFile(key_path, pem->private_key, 0600, options.force);
  if (written.ok()) written = WriteFile(cert_path, pem->certificate, 0644, options.force);
  if (!written.ok()) {
    ReportError("cannot save the certificate", written);
    return 1;
  }
  std::cout << "certificate: " << cert_path.string() << "  (self-signed, " << options.days
            << " days, for";
  for (const auto& name : names) std::cout << " " << name;
  std::cout << ")\n"
            << "private key: " << key_path.string() << "  (mode 0600)\n\n"
            << "Serve HTTPS:  mporders serve --tls-cert " << cert_path.string() << " --tls-key "
            << key_path.string() << "\n"
            << "Trust it:     curl --cacert " << cert_path.string()
            << " https://127.0.0.1:8080/healthz\n";
  return 0;
}

}  // namespace mporders::app
