#pragma once
// Which seller a client acts for. A seller's own client always acts for its
// seller. A solution provider's client acts for one of the sellers granted to
// it, named per token request in WM_PARTNER.ID, Walmart's seller-id header for
// Solution-Provider OAuth; the token is then bound to that seller.

#include <string>
#include <string_view>

#include "auth/tokens.h"
#include "core/status.h"
#include "store/store.h"

namespace mporders::auth {

// The header that names the seller; also the `field` of its errors.
inline constexpr std::string_view kPartnerIdHeader = "WM_PARTNER.ID";

// The seller a token request of `client` is for, given its WM_PARTNER.ID
// (empty when absent):
// - a seller client: its seller; a WM_PARTNER.ID naming another seller is
//   kUnauthorized (its own id is accepted);
// - a provider client: the seller named, which must be granted to it:
//   absent -> kMissingRequestHeader, not granted -> kUnauthorized.
Result<std::string> SellerForToken(const ClientRecord& client, std::string_view partner_id);

// An authenticated call may name its seller in WM_PARTNER.ID. The token is
// valid, so another seller than the token's is kForbidden: one token never
// reaches two sellers.
Status CheckCallSeller(const TokenClaims& claims, std::string_view partner_id);

}  // namespace mporders::auth
