#include "codec/token_xml.h"

#include <gtest/gtest.h>

namespace mporders {
namespace {

TEST(TokenXmlTest, OAuthTokenHasTheSpecsXmlShape) {
  EXPECT_EQ(EncodeOAuthTokenXml("abc&def", "Bearer", 900),
            R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
            R"(<oAuthToken xmlns:ns2="http://walmart.com/"><ns2:accessToken>abc&amp;def)"
            "</ns2:accessToken><ns2:tokenType>Bearer</ns2:tokenType>"
            "<ns2:expiresIn>900</ns2:expiresIn></oAuthToken>");
}

TEST(TokenXmlTest, TokenDetailMirrorsTheJsonMembers) {
  TokenDetail detail;
  detail.expire_at = 1560973098000;
  detail.issued_at = 1560972198000;
  detail.scopes = {{"orders", "full_access"}};
  EXPECT_EQ(EncodeTokenDetailXml(detail),
            R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
            "<TokenDetailResponse><expire_at>1560973098000</expire_at>"
            "<issued_at>1560972198000</issued_at><is_valid>true</is_valid>"
            "<is_channel_match>true</is_channel_match><scopes><orders>full_access</orders>"
            "</scopes></TokenDetailResponse>");
}

}  // namespace
}  // namespace mporders
