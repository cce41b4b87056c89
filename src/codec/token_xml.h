#pragma once
// XML forms of the token API's answers (us_mp_auth.json).

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mporders {

// OAuthTokenDTO: root `oAuthToken` (unqualified), children in
// http://walmart.com/:
//   <oAuthToken xmlns:ns2="http://walmart.com/"><ns2:accessToken>..</ns2:accessToken>
//   <ns2:tokenType>Bearer</ns2:tokenType><ns2:expiresIn>900</ns2:expiresIn></oAuthToken>
std::string EncodeOAuthTokenXml(std::string_view access_token, std::string_view token_type,
                                std::int64_t expires_in);

struct TokenDetail {
  std::int64_t expire_at = 0;  // epoch ms
  std::int64_t issued_at = 0;  // epoch ms
  bool is_valid = true;
  bool is_channel_match = true;
  std::vector<std::pair<std::string, std::string>> scopes;  // ("orders", "full_access")
};

// TokenDetailResponse has no XML mapping in the spec; its default one is used:
// root `TokenDetailResponse`, children named as the JSON members, unqualified.
std::string EncodeTokenDetailXml(const TokenDetail& detail);

}  // namespace mporders
