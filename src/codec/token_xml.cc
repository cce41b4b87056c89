#include "codec/token_xml.h"

#include "codec/xml_writer.h"

namespace mporders {

std::string EncodeOAuthTokenXml(std::string_view access_token, std::string_view token_type,
                                std::int64_t expires_in) {
  std::string out;
  {
    XmlWriter w(out, 256 + access_token.size(), "ns2:");
    w.Raw(kXmlDeclaration);
    w.Raw(R"(<oAuthToken xmlns:ns2="http://walmart.com/">)");
    w.Leaf("accessToken", access_token);
    w.Leaf("tokenType", token_type);
    w.IntLeaf("expiresIn", expires_in);
    w.Raw("</oAuthToken>");
  }
  return out;
}

std::string EncodeTokenDetailXml(const TokenDetail& detail) {
  std::string out;
  {
    XmlWriter w(out, 512, "");
    w.Raw(kXmlDeclaration);
    w.Open("TokenDetailResponse");
    // Epoch-millisecond strings, as in the JSON form.
    w.IntLeaf("expire_at", detail.expire_at);
    w.IntLeaf("issued_at", detail.issued_at);
    w.Leaf("is_valid", detail.is_valid ? "true" : "false");
    w.Leaf("is_channel_match", detail.is_channel_match ? "true" : "false");
    w.Open("scopes");
    for (const auto& [area, access] : detail.scopes) w.Leaf(area, access);
    w.Close("scopes");
    w.Close("TokenDetailResponse");
  }
  return out;
}

}  // namespace mporders
