#pragma once
// Delegated access in black-box tests: a solution provider's client made
// with the real CLI, and token requests that name a seller in WM_PARTNER.ID.

#include <stdexcept>
#include <string>

#include "support/fixtures.h"

namespace mporders::testing {

constexpr char kProvider[] = "provider-p";
constexpr char kPartnerHeader[] = "WM_PARTNER.ID";

// Creates provider client `client_id` (secret kSecret) on `db`.
inline int AddProviderClient(const std::string& db, const std::string& client_id = kProvider) {
  return RunCli({"clients", "add", "--db", db, "--provider", "--client-id", client_id,
                 "--client-secret", kSecret});
}

inline int GrantSeller(const std::string& db, const std::string& seller,
                       const std::string& client_id = kProvider) {
  return RunCli({"clients", "grant", "--db", db, "--client", client_id, "--seller", seller});
}

inline int UngrantSeller(const std::string& db, const std::string& seller,
                         const std::string& client_id = kProvider) {
  return RunCli({"clients", "ungrant", "--db", db, "--client", client_id, "--seller", seller});
}

// POST /v3/token with Basic credentials, WM_PARTNER.ID `partner` (none when
// empty) and `accept`.
inline HttpResponse RequestToken(unsigned short port, const std::string& client_id,
                                 const std::string& secret, const std::string& partner,
                                 const std::string& accept = "application/json") {
  Headers headers = {{"Authorization", "Basic " + Base64(client_id + ":" + secret)},
                     {"Content-Type", "application/x-www-form-urlencoded"},
                     {"WM_QOS.CORRELATION_ID", "token"},
                     {"WM_SVC.NAME", "Walmart Marketplace"},
                     {"Accept", accept}};
  if (!partner.empty()) headers.emplace_back(kPartnerHeader, partner);
  HttpClient client(port);
  return client.Request("POST", "/v3/token", headers, "grant_type=client_credentials");
}

// A token of `client_id` for seller `partner`; throws when refused.
inline std::string FetchTokenFor(unsigned short port, const std::string& partner,
                                 const std::string& client_id = kProvider) {
  auto response = RequestToken(port, client_id, kSecret, partner);
  if (response.status != 200) throw std::runtime_error("token request failed: " + response.body);
  return std::string(response.Json().at("access_token").as_string());
}

// Walmart's headers for an Orders call plus WM_PARTNER.ID.
inline Headers PartnerHeaders(const std::string& token, const std::string& partner) {
  Headers headers = WalmartHeaders(token);
  headers.emplace_back(kPartnerHeader, partner);
  return headers;
}

}  // namespace mporders::testing
