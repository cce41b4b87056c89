#include "codec/ca/ca_enums.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace mporders::ca {
namespace {

struct MethodSpelling {
  std::string_view canonical;  // the domain's and the examples' spelling
  std::string_view schema;     // the schema enum's
};

constexpr std::array<MethodSpelling, 6> kMethodCodes = {{
    {"Standard", "STANDARD"},
    {"Express", "EXPRESS"},
    {"OneDay", "ONE_DAY"},
    {"Freight", "FREIGHT"},
    {"WhiteGlove", "WHITE_GLOVE"},
    {"Value", "VALUE"},
}};

// ShippingLineType.shipFromCountry's enum, in the schema's order.
constexpr std::array<std::string_view, 249> kCountries = {
    "AF", "AX", "AL", "DZ", "AS", "AD", "AO", "AI", "AQ", "AG", "AR", "AM", "AW", "AU", "AT", "AZ",
    "BS", "BH", "BD", "BB", "BY", "BE", "BZ", "BJ", "BM", "BT", "BO", "BQ", "BA", "BW", "BV", "BR",
    "IO", "BN", "BG", "BF", "BI", "KH", "CM", "CA", "CV", "KY", "CF", "TD", "CL", "CN", "CX", "CC",
    "CO", "KM", "CG", "CD", "CK", "CR", "CI", "HR", "CU", "CW", "CY", "CZ", "DK", "DJ", "DM", "DO",
    "EC", "EG", "SV", "GQ", "ER", "EE", "ET", "FK", "FO", "FJ", "FI", "FR", "GF", "PF", "TF", "GA",
    "GM", "GE", "DE", "GH", "GI", "GR", "GL", "GD", "GP", "GU", "GT", "GG", "GN", "GW", "GY", "HT",
    "HM", "VA", "HN", "HK", "HU", "IS", "IN", "ID", "IR", "IQ", "IE", "IM", "IL", "IT", "JM", "JP",
    "JE", "JO", "KZ", "KE", "KI", "KP", "KR", "KW", "KG", "LA", "LV", "LB", "LS", "LR", "LY", "LI",
    "LT", "LU", "MO", "MK", "MG", "MW", "MY", "MV", "ML", "MT", "MH", "MQ", "MR", "MU", "YT", "MX",
    "FM", "MD", "MC", "MN", "ME", "MS", "MA", "MZ", "MM", "NA", "NR", "NP", "NL", "NC", "NZ", "NI",
    "NE", "NG", "NU", "NF", "MP", "NO", "OM", "PK", "PW", "PS", "PA", "PG", "PY", "PE", "PH", "PN",
    "PL", "PT", "PR", "QA", "RE", "RO", "RU", "RW", "BL", "SH", "KN", "LC", "MF", "PM", "VC", "WS",
    "SM", "ST", "SA", "SN", "RS", "SC", "SL", "SG", "SX", "SK", "SI", "SB", "SO", "ZA", "GS", "SS",
    "ES", "LK", "SD", "SR", "SJ", "SZ", "SE", "CH", "SY", "TW", "TJ", "TZ", "TH", "TL", "TG", "TK",
    "TO", "TT", "TN", "TR", "TM", "TC", "TV", "UG", "UA", "AE", "GB", "US", "UM", "UY", "UZ", "VU",
    "VE", "VN", "VG", "VI", "WF", "EH", "YE", "ZM", "ZW"};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::optional<std::string_view> CanonicalMethodCode(std::string_view code) {
  for (const MethodSpelling& spelling : kMethodCodes) {
    if (EqualsIgnoreCase(code, spelling.canonical) || EqualsIgnoreCase(code, spelling.schema)) {
      return spelling.canonical;
    }
  }
  return std::nullopt;
}

bool IsShipFromCountry(std::string_view code) {
  return std::find(kCountries.begin(), kCountries.end(), code) != kCountries.end();
}

JsonNode* FindMember(JsonNode& node, std::string_view key) {
  if (!node.IsObject()) return nullptr;
  for (std::size_t i = 0; i < node.keys.size(); ++i) {
    if (node.keys[i] == key) return &node.children[i];
  }
  return nullptr;
}

void CanonicalizeMethodCodes(JsonNode& node) {
  // The tree is at most kMaxJsonDepth deep (ParseJsonTree / ParseXmlTree).
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    JsonNode& child = node.children[i];
    if (node.IsObject() && node.keys[i] == "methodCode" && child.IsString()) {
      if (auto canonical = CanonicalMethodCode(child.text)) child.text = std::string(*canonical);
    } else {
      CanonicalizeMethodCodes(child);
    }
  }
}

void AddMissingTrackingNumbers(JsonNode& node) {
  for (std::size_t i = 0; i < node.children.size(); ++i) {
    JsonNode& child = node.children[i];
    if (node.IsObject() && node.keys[i] == "trackingInfo" && child.IsObject() &&
        child.Find("trackingNumber") == nullptr) {
      JsonNode empty;
      empty.kind = JsonNode::Kind::kString;
      child.keys.emplace_back("trackingNumber");
      child.children.push_back(std::move(empty));
    }
    AddMissingTrackingNumbers(child);
  }
}

}  // namespace mporders::ca
