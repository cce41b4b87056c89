#include "events/delivery_auth.h"

#include <boost/json.hpp>

#include "auth/crypto.h"

namespace mporders::events {
namespace {

namespace json = boost::json;

std::string Hex(const std::string& raw) {
  static const char* kDigits = "0123456789abcdef";
  std::string out;
  for (unsigned char c : raw) {
    out += kDigits[c >> 4];
    out += kDigits[c & 0xF];
  }
  return out;
}

std::string Member(const json::object& object, const char* name) {
  auto* value = object.if_contains(name);
  return value != nullptr && value->is_string() ? std::string(value->as_string()) : std::string();
}

Result<json::object> ParseObject(const std::string& text, const char* field) {
  boost::system::error_code ec;
  json::value value = json::parse(text, ec);
  if (ec || !value.is_object()) {
    return Status::InvalidContent(std::string(field) + " must be an object", field);
  }
  return value.as_object();
}

}  // namespace

Status ValidateAuthDetails(const std::string& auth_json) {
  if (auth_json.empty()) return Status::Ok();
  auto object = ParseObject(auth_json, "authDetails");
  if (!object.ok()) return object.status();
  for (const auto& member : *object) {
    if (!member.value().is_string()) {
      return Status::InvalidContent(
          "authDetails." + std::string(member.key()) + " must be a string", "authDetails");
    }
  }
  const std::string method = Member(*object, "authMethod");
  auto require = [&](std::initializer_list<const char*> names) -> Status {
    for (const char* name : names) {
      if (Member(*object, name).empty()) {
        return Status::InvalidContent(
            "authDetails." + std::string(name) + " is required for " + method, "authDetails");
      }
    }
    return Status::Ok();
  };
  if (method == "BASIC_AUTH") return require({"authHeaderName", "userName", "password"});
  if (method == "HMAC") return require({"authHeaderName", "clientSecret"});
  if (method == "OAUTH") return require({"authHeaderName", "clientId", "clientSecret", "authUrl"});
  return Status::InvalidContent("authDetails.authMethod must be BASIC_AUTH, HMAC or OAUTH",
                                "authDetails");
}

Status ValidateHeaders(const std::string& headers_json) {
  if (headers_json.empty()) return Status::Ok();
  auto object = ParseObject(headers_json, "headers");
  if (!object.ok()) return object.status();
  for (const auto& member : *object) {
    const std::string name(member.key());
    if (!member.value().is_string() || name.empty() ||
        name.find_first_of(" \t\r\n:") != std::string::npos ||
        std::string_view(member.value().as_string()).find_first_of("\r\n") !=
            std::string_view::npos) {
      return Status::InvalidContent(
          "headers." + name + " must be a header name with a string value", "headers");
    }
  }
  return Status::Ok();
}

Result<HeaderList> DeliveryAuth::Headers(const std::string& auth_json,
                                         const std::string& headers_json,
                                         const std::string& payload) {
  HeaderList headers;
  if (!headers_json.empty()) {
    auto object = ParseObject(headers_json, "headers");
    if (!object.ok()) return object.status();
    for (const auto& member : *object) {
      if (member.value().is_string()) {
        headers.emplace_back(std::string(member.key()), std::string(member.value().as_string()));
      }
    }
  }
  if (auth_json.empty()) return headers;
  auto object = ParseObject(auth_json, "authDetails");
  if (!object.ok()) return object.status();
  const std::string method = Member(*object, "authMethod");
  const std::string header = Member(*object, "authHeaderName");
  if (method == "BASIC_AUTH") {
    headers.emplace_back(header, "Basic " + auth::Base64Encode(Member(*object, "userName") + ":" +
                                                               Member(*object, "password")));
  } else if (method == "HMAC") {
    headers.emplace_back(header, Hex(auth::HmacSha256(Member(*object, "clientSecret"), payload)));
  } else if (method == "OAUTH") {
    auto token = OAuthToken(Member(*object, "authUrl"), Member(*object, "clientId"),
                            Member(*object, "clientSecret"), header, headers);
    if (!token.ok()) return token.status();
    headers.emplace_back(header, "Bearer " + *token);
  }
  return headers;
}

Result<std::string> DeliveryAuth::OAuthToken(const std::string& auth_url,
                                             const std::string& client_id,
                                             const std::string& client_secret,
                                             const std::string& header_name,
                                             const HeaderList& custom) {
  const auto key = std::make_pair(auth_url, client_id);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = tokens_.find(key);
    if (it != tokens_.end() && it->second.second > std::chrono::steady_clock::now()) {
      return it->second.first;
    }
  }
  HeaderList headers = custom;
  headers.emplace_back(header_name, "Basic " + auth::Base64Encode(client_id + ":" + client_secret));
  headers.emplace_back("Accept", "application/json; charset=UTF-8");
  headers.emplace_back("Content-Type", "application/x-www-form-urlencoded; charset=ISO-8859-1");
  PostResult answer =
      HttpPost(auth_url, headers, "grant_type=client_credentials", timeout_, policy_);
  if (!answer.status_code)
    return Status::Error(ErrorCode::kUnavailable, "OAuth token fetch: " + answer.error);
  if (*answer.status_code != 200) {
    return Status::Error(ErrorCode::kUnavailable,
                         "OAuth token fetch answered HTTP " + std::to_string(*answer.status_code));
  }
  boost::system::error_code ec;
  json::value value = json::parse(answer.body, ec);
  const json::object* object = !ec ? value.if_object() : nullptr;
  const json::value* token = object != nullptr ? object->if_contains("access_token") : nullptr;
  const json::value* expires = object != nullptr ? object->if_contains("expires_in") : nullptr;
  if (token == nullptr || !token->is_string() || expires == nullptr || !expires->is_number()) {
    return Status::Error(ErrorCode::kUnavailable,
                         "OAuth token answer lacks access_token or expires_in");
  }
  const std::int64_t seconds = expires->is_int64() ? expires->as_int64()
                               : expires->is_uint64()
                                   ? static_cast<std::int64_t>(expires->as_uint64())
                                   : static_cast<std::int64_t>(expires->as_double());
  std::string access(token->as_string());
  std::lock_guard<std::mutex> lock(mutex_);
  // Renewed 30 s early, so a token never expires on its way.
  tokens_[key] = {access, std::chrono::steady_clock::now() + std::chrono::seconds(seconds - 30)};
  return access;
}

}  // namespace mporders::events
