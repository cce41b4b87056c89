#include "auth/delegated_access.h"

#include <algorithm>

namespace mporders::auth {
namespace {

Status NotAuthorizedForPartner() {
  return Status::Error(
      ErrorCode::kUnauthorized,
      "This client is not authorized for the seller in " + std::string(kPartnerIdHeader) + ".",
      "UNAUTHORIZED");
}

}  // namespace

Result<std::string> SellerForToken(const ClientRecord& client, std::string_view partner_id) {
  if (client.kind == ClientKind::kSeller) {
    if (!partner_id.empty() && partner_id != client.seller_id) return NotAuthorizedForPartner();
    return client.seller_id;
  }
  if (partner_id.empty()) {
    const std::string header(kPartnerIdHeader);
    return Status::Error(ErrorCode::kMissingRequestHeader,
                         "The request header " + header +
                             " is required: a solution provider's client names the seller it "
                             "acts for.",
                         header);
  }
  if (std::find(client.granted_sellers.begin(), client.granted_sellers.end(), partner_id) ==
      client.granted_sellers.end()) {
    return NotAuthorizedForPartner();
  }
  return std::string(partner_id);
}

Status CheckCallSeller(const TokenClaims& claims, std::string_view partner_id) {
  if (partner_id.empty() || partner_id == claims.seller_id) return Status::Ok();
  return Status::Error(ErrorCode::kForbidden,
                       "The access token was issued for another seller than the one in " +
                           std::string(kPartnerIdHeader) + ".",
                       std::string(kPartnerIdHeader));
}

}  // namespace mporders::auth
