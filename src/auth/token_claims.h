#pragma once
// What an access token says: whose it is, for which seller and market, and
// when it was issued and expires.

#include <string>

#include "core/clock.h"
#include "store/store.h"

namespace mporders::auth {

struct TokenClaims {
  std::string client_id;
  std::string seller_id;
  // The seller's market, fixed when the seller was created and carried in
  // the token so that routing needs no lookup.
  MarketId market = MarketId::kUs;
  EpochMillis issued_at = 0;
  EpochMillis expires_at = 0;
};

}  // namespace mporders::auth
